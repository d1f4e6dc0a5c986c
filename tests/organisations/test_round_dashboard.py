"""The round's reminders, dashboard and exports."""

import csv
import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from organisations.models import (
    ContactPerson,
    NominationAction,
    NominationReminder,
    Organisation,
)
from organisations.services.nominations import (
    nomination_answer,
)
from tests.factories import NominationRequestFactory, NominationRoundFactory
from tests.organisations import agency_file
from tests.organisations.rounds import answer, en, helsinki, pending_rows

pytestmark = pytest.mark.django_db


# --- Reminders -----------------------------------------------------------------------------------


def remind(day, mailoutbox):
    before = len(mailoutbox)
    call_command("send_nomination_reminders", "--today", day, stdout=io.StringIO())
    return len(mailoutbox) - before


def test_reminders_go_to_pending_organisations_once_a_day(scene, mailoutbox):
    answered = NominationRequestFactory(
        round=scene.round,
        organisation=scene.other_agency,
        status="confirmed",
        answered_at=helsinki(2024, 2, 1, 9),
    )
    assert remind("2024-02-02", mailoutbox) == 2  # 7 days before: registry + representative
    assert remind("2024-02-02", mailoutbox) == 0  # never twice a day
    assert remind("2024-02-03", mailoutbox) == 0  # not a reminder day
    assert remind("2024-02-10", mailoutbox) == 2  # a day after the deadline
    reminders = NominationReminder.objects.filter(request=scene.request)
    assert sorted(r.sent_on.isoformat() for r in reminders) == ["2024-02-02", "2024-02-10"]
    assert "kirjaamo@stuk.example.invalid" in reminders.first().recipients
    assert not NominationReminder.objects.filter(request=answered).exists()
    overdue = [m for m in mailoutbox if "odotamme yhä" in m.subject]
    assert overdue


def test_reminders_skip_closed_rounds(scene, mailoutbox):
    scene.round.closed_at = helsinki(2024, 2, 1, 9)
    scene.round.save()
    assert remind("2024-02-02", mailoutbox) == 0


# --- Dashboard and exports -----------------------------------------------------------------------


@pytest.fixture
def answered_round(scene):
    """The scene's round with an answer of every kind, on time and late."""
    agencies = Organisation.objects.asked_in(scene.round).exclude(pk=scene.agency.pk)
    requests = [NominationRequestFactory(round=scene.round, organisation=a) for a in agencies]
    answer(scene, when=helsinki(2024, 2, 9, 23, 59))

    def reply(request, when, action=NominationAction.CONFIRM, **details):
        ContactPerson.objects.get_or_create(
            organisation=request.organisation,
            role="network_representative",
            defaults={"name": f"Edustaja {request.pk}", "email": f"e{request.pk}@example.invalid"},
        )
        nomination_answer(
            nomination_request=request,
            by=scene.ministry,
            action=action,
            expected_version=0,
            answered_at=when,
            channel="email",
            **details,
        )

    reply(requests[0], helsinki(2024, 2, 1, 10))
    reply(requests[1], helsinki(2024, 2, 12, 10))
    reply(requests[2], helsinki(2024, 2, 5, 10), NominationAction.DECLINE, decline_reason="-")
    reply(
        requests[3],
        helsinki(2024, 2, 5, 11),
        NominationAction.NAME_NEW,
        representative={
            "name": '=HYPERLINK("http://evil.example")',
            "title": "",
            "email": "new@example.invalid",
            "phone": "",
            "language": "en",
        },
        appointed_by_name="@Johtaja",
        appointed_by_title="+Pääjohtaja",
        appointment_date=datetime.date(2024, 2, 1),
    )
    NominationReminder.objects.create(
        request=requests[4],
        sent_on=datetime.date(2024, 2, 8),
        sent_at=helsinki(2024, 2, 8, 7),
        recipients="k@example.invalid",
    )
    return scene.round


def test_dashboard_counts_by_status_time_and_branch(scene, answered_round):
    response = scene.client("ministry").get(en("nomination_round_detail", answered_round.pk))
    dashboard = response.context["dashboard"]
    asked = agency_file.agencies_on(answered_round.targets_on)
    assert dict((status, count) for status, _label, count in dashboard.statuses) == {
        "pending": len(asked) - 5,
        "confirmed": 3,
        "new_named": 1,
        "declined": 1,
    }
    assert dashboard.totals["late"] == 1 and dashboard.totals["on_time"] == 4
    stm = next(b for b in dashboard.branches if b.ministry and b.ministry.abbreviation == "STM")
    in_stm = [r for r in agency_file.rows() if r["ministry_abbreviation"] == "STM"]
    assert stm.total == len([r for r in in_stm if r["name_fi"] in asked])
    html = response.content.decode()
    assert "<svg" in html and "<table" in html and "8.2.2024" in html  # last reminder
    assert [row for row in dashboard.chart.rows if row[0] == datetime.date(2024, 2, 12)] == [
        (datetime.date(2024, 2, 12), 1)
    ]


def test_dashboard_queries_do_not_grow_with_the_round(scene, answered_round):
    client = scene.client("ministry")
    with CaptureQueriesContext(connection) as small:
        client.get(answered_round.get_absolute_url())
    for organisation in Organisation.objects.of_kind("municipality")[:200]:
        NominationRequestFactory(round=answered_round, organisation=organisation)
    with CaptureQueriesContext(connection) as large:
        client.get(answered_round.get_absolute_url())
    # 7 for the session, its second factor (docs/adr/0031) and the team check; 6 for the page
    # (the round with its email counts, figures by branch, answers per day, undelivered emails,
    # the page of pending requests and their emails). More in test_round_paging.
    assert len(large.captured_queries) == len(small.captured_queries) <= 13


def test_network_exports_read_back_and_neutralise_formulas(scene, answered_round):
    client = scene.client("ministry")
    csv_url = en("nomination_round_export", answered_round.pk, "csv")
    csv_response = client.get(csv_url)
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 1 + answered_round.requests.count()
    xlsx_response = client.get(en("nomination_round_export", answered_round.pk, "xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx_response.getvalue())).active
    cells = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    assert cells[0] == rows[0]
    for table in (rows, cells):
        flat = [value for row in table for value in row]
        assert '\'=HYPERLINK("http://evil.example")' in flat
        assert not [value for value in flat if re.match(r"^[=+\-@]", str(value))]
        stuk = next(row for row in table if row[0] == "Säteilyturvakeskus")
        assert stuk[3] == "Riitta Edustaja" and stuk[9] == "on time"
    # An address no pattern reverses to: the export has no other format.
    assert client.get(csv_url.replace(".csv", ".pdf")).status_code == 404


def test_sending_warns_about_organisations_nobody_can_be_reached_at(scene):
    nomination_round = NominationRoundFactory(created_by=scene.ministry, sent_at=None)
    response = scene.client("ministry").post(
        en("nomination_round_send", nomination_round.pk), follow=True
    )
    html = response.content.decode()
    nomination_round.refresh_from_db()
    asked = agency_file.agencies_on(nomination_round.targets_on)
    with_address = {r["name_fi"] for r in agency_file.rows() if r["registry_email"]}
    unreachable = len(asked - with_address - {scene.agency.name_fi})  # STUK has both
    assert f"{unreachable} organisations have no email address on record" in html
    # The pending list is paged: its first page marks those it holds; all are on some page.
    board = response.context["dashboard"]
    assert board.needs_address_count == unreachable
    assert html.count("None: cannot be reached") == sum(row.unreachable for row in board.pending)
    rows = pending_rows(scene.client("ministry"), nomination_round)
    assert sum(row.unreachable for row in rows) == unreachable

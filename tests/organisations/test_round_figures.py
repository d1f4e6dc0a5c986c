"""Figures people rely on: the chart, first answers, plausible dates (issue 7, items 1–3)."""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from organisations.models import NominationAction, NominationRequest
from organisations.services.nominations import nomination_answer
from tests.factories import NominationRequestFactory, NominationRoundFactory

pytestmark = pytest.mark.django_db
NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "width", "height"}


def helsinki(*args):
    return timezone.make_aware(datetime.datetime(*args))


def answer(request, by, action, when, **details):
    request.refresh_from_db()
    return nomination_answer(
        nomination_request=request,
        by=by,
        action=action,
        expected_version=request.version,
        answered_at=when,
        **details,
    )


NEW_PERSON = {
    "representative": {
        "name": "Nina Uusi",
        "title": "Johtava asiantuntija",
        "email": "nina@stuk.example.invalid",
        "phone": "",
        "language": "fi",
    },
    "appointed_by_name": "Petteri Pääjohtaja",
    "appointed_by_title": "Pääjohtaja",
    "appointment_date": datetime.date(2024, 2, 5),
}


def chart_svg(html):
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    return ET.fromstring(svg)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_chart_numbers_are_never_localised(scene, language):
    answer(scene.request, scene.editor, NominationAction.CONFIRM, helsinki(2024, 2, 2, 9, 30))
    with translation.override(language):
        url = reverse("organisations:nomination_round_detail", args=[scene.round.pk])
    html = scene.client("ministry").get(url).content.decode()
    root = chart_svg(html)
    numbers = [
        value
        for element in root.iter()
        if element is not root  # its width is "100%"
        for name, value in element.attrib.items()
        if name in NUMERIC
    ]
    assert numbers and all(float(value) >= 0 for value in numbers)
    assert [float(value) for value in root.attrib["viewBox"].split()] == [0, 0, 640, 220]
    label = next(element for element in root.iter() if element.tag.endswith("text"))
    assert label.attrib["text-anchor"] in ("start", "end")


def test_a_later_change_keeps_the_first_answer_on_time(scene):
    """Traficom's on-time 2024 answer, re-confirmed in 2026, stays on time with its appointer."""
    on_time = helsinki(2024, 2, 9, 12)
    answer(scene.request, scene.editor, NominationAction.NAME_NEW, on_time, **NEW_PERSON)
    answer(scene.request, scene.editor, NominationAction.CONFIRM, helsinki(2026, 11, 20, 10))
    request = NominationRequest.objects.get(pk=scene.request.pk)
    assert request.first_answered_at == on_time and request.is_late is False
    assert request.changed_later and request.answered_at == helsinki(2026, 11, 20, 10)
    assert request.appointed_by_name == "Petteri Pääjohtaja"
    assert request.appointment_date == datetime.date(2024, 2, 5)

    client = scene.client("ministry")
    with translation.override("en"):
        dashboard = client.get(
            reverse("organisations:nomination_round_detail", args=[scene.round.pk])
        )
        page = client.get(request.get_absolute_url()).content.decode()
        export = client.get(
            reverse("organisations:nomination_round_export", args=[scene.round.pk, "csv"])
        )
    assert dashboard.context["dashboard"].totals["on_time"] == 1
    assert dashboard.context["dashboard"].totals["late"] == 0
    assert "changed later, 20.11.2026 10:00" in page and "on time" in page
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    stuk = next(row for row in rows if row[0] == scene.agency.name_fi)
    assert stuk[8:11] == ["9.2.2024 12:00", "on time", "20.11.2026 10:00"]


def test_confirming_someone_else_drops_the_old_appointment(scene):
    answer(
        scene.request,
        scene.editor,
        NominationAction.NAME_NEW,
        helsinki(2024, 2, 1, 9),
        **NEW_PERSON,
    )
    request = NominationRequest.objects.get(pk=scene.request.pk)
    request.representative.active_to = datetime.date(2024, 6, 1)
    request.representative.save()
    scene.representative.active_to = None
    scene.representative.active_from = datetime.date(2024, 6, 1)
    scene.representative.save()
    answer(request, scene.editor, NominationAction.CONFIRM, helsinki(2024, 7, 1, 9))
    request.refresh_from_db()
    assert request.representative == scene.representative and request.appointed_by_name == ""


@pytest.mark.parametrize("received", ["0001-01-01T00:00", "0100-01-01T00:00", "2024-01-16T09:00"])
def test_an_implausible_arrival_time_is_refused_next_to_its_field(scene, received):
    data = {
        "action": "confirm",
        "version": 0,
        "channel": "email",
        "received_at": received,  # the round was sent on 17.1.2024
        "representative_language": "fi",
        "deputy_language": "fi",
    }
    with translation.override("en"):
        url = scene.request.get_absolute_url()
    response = scene.client("ministry").post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_received_at_errors"' in html and "The round was sent on 17.1.2024" in html
    scene.request.refresh_from_db()
    assert scene.request.status == "pending"
    assert scene.client("ministry").get(scene.round.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "day, ok", [("1999-12-31", False), ("2000-01-01", True), ("2999-01-01", False)]
)
def test_appointment_dates_lie_between_2000_and_today(scene, day, ok):
    data = {
        "action": "name_new",
        "version": 0,
        "representative_name": "Nina Uusi",
        "representative_email": "nina@stuk.example.invalid",
        "representative_language": "fi",
        "appointed_by_name": "Petteri",
        "appointed_by_title": "Pääjohtaja",
        "appointment_date": day,
        "deputy_language": "fi",
    }
    with translation.override("en"):
        url = scene.request.get_absolute_url()
    response = scene.client("editor").post(url, data)
    scene.request.refresh_from_db()
    assert (scene.request.status == "new_named") is ok
    if not ok:
        assert 'id="id_appointment_date_errors"' in response.content.decode()


@pytest.mark.parametrize(
    "deadline, ok", [("2022-12-31", False), ("2024-02-09", True), ("2030-02-08", False)]
)
def test_round_deadlines_lie_within_the_programme(scene, deadline, ok):
    with translation.override("en"):
        url = reverse("organisations:nomination_round_create")
    data = {
        "title_fi": "Kierros",
        "message_fi": "Viesti",
        "deadline": deadline,
        "target_kinds": ["state_agency"],
    }
    response = scene.client("ministry").post(url, data)
    assert (response.status_code == 302) is ok
    if not ok:
        assert "Give a date between 1.1.2023 and 31.12.2027" in response.content.decode()


def test_the_chart_caps_its_span(scene):
    early = NominationRoundFactory(
        created_by=scene.ministry,
        deadline=datetime.date(2024, 2, 9),
        sent_at=helsinki(2023, 1, 2, 9),
    )
    for organisation, when in [
        (scene.agency, helsinki(2023, 1, 3, 9)),
        (scene.other_agency, helsinki(2024, 2, 8, 9)),
    ]:
        NominationRequestFactory(
            round=early, organisation=organisation, status="confirmed", answered_at=when
        )
    response = scene.client("ministry").get(early.get_absolute_url())
    chart = response.context["dashboard"].chart
    assert len(chart.bars) <= chart.MAX_DAYS
    assert chart.is_cut and len(chart.rows) == 2  # the table keeps the early answer

"""A meeting's pack: what changed since the last meeting, built from the records; frozen when
the team finalises it, with the live figures a click away and the differences marked; printed
on A4 and downloaded as a workbook with a sheet per section."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from organisations.models import Organisation
from reporting.models import ActionItemStatus, ProgressEntry, ProgressStatus
from reporting.pack import SECTIONS, pack_build
from reporting.services.meetings import meeting_pack_freeze
from tests.factories import (
    ActionItemFactory,
    ActivityFactory,
    ContactPersonFactory,
    GoodPracticeFactory,
    MeetingFactory,
    MilestoneFactory,
    OrganisationFactory,
    period,
)
from tests.reporting.progress_data import report

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_scene(scene):
    """A meeting in May 2024 with an open action item, and the one in September reviewing
    Q2/2024, whose pack is tested; Espoo reported for Q2."""
    scene.espoo = Organisation.objects.get(kind="municipality", code="049")
    scene.first = MeetingFactory(held_on=datetime.date(2024, 5, 14), period=period(2024, 1))
    scene.open_item = ActionItemFactory(meeting=scene.first, text="Kuntakysely valmiiksi.")
    ActionItemFactory(meeting=scene.first, text="Jo tehty.", status=ActionItemStatus.DONE)
    scene.meeting = MeetingFactory(held_on=datetime.date(2024, 9, 10), period=period(2024, 2))
    scene.report = report(scene.espoo, period(2024, 2), entries={"R1.1-p2": ProgressStatus.PLANNED})
    return scene


def lines_of(worksheet):
    """A sheet's lines without the empty cells openpyxl pads them with."""
    lines = []
    for row in worksheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        lines.append(values)
    return lines


def rows(pack, section):
    return pack["sections"][section]["rows"]


def test_the_pack_is_built_from_the_records(pack_scene):
    agency = pack_scene.agency
    ActivityFactory(organisation=pack_scene.espoo, period=period(2024, 2), participants=35)
    practice = GoodPracticeFactory(organisations=[pack_scene.espoo], title="Nuorten budjetti")
    MilestoneFactory(title_fi="Myöhästynyt välitavoite", due_on=datetime.date(2024, 6, 30))
    pack_scene.representative.active_to = datetime.date(2024, 6, 1)
    pack_scene.representative.save()
    ContactPersonFactory(
        organisation=agency, name="Uusi Edustaja", active_from=datetime.date(2024, 6, 1)
    )
    pack = pack_build(pack_scene.meeting)
    assert list(pack["sections"]) == list(SECTIONS)
    everyone = next(row for row in rows(pack, "coverage") if row["key"] == "all")
    assert everyone["reported"] == 1
    municipalities = next(row for row in rows(pack, "coverage") if row["key"] == "municipality")
    assert (
        municipalities["organisations"]
        == Organisation.objects.active(on=period(2024, 2).ends_on).of_kind("municipality").count()
    )
    assert {
        "key": "1.1:planned",
        "measure": "1.1",
        "status": "planned",
        "previous": 0,
        "now": 1,
    } in (rows(pack, "statuses"))
    assert [row["key"] for row in rows(pack, "reports")] == [str(pack_scene.report.pk)]
    assert rows(pack, "reports")[0]["organisation"]["sv"] == "Esbo"
    dialogues = next(row for row in rows(pack, "activities") if row["key"] == "national_dialogue")
    assert dialogues["new"] == 1 and dialogues["new_participants"] == 35
    assert [row["key"] for row in rows(pack, "practices")] == [str(practice.pk)]
    assert [row["title"]["fi"] for row in rows(pack, "milestones")] == ["Myöhästynyt välitavoite"]
    assert [row["key"] for row in rows(pack, "action_items")] == [str(pack_scene.open_item.pk)]
    # The agency's representative changed in June: by organisation only (no names of people).
    changes = [
        (row["organisation"]["fi"], row["change"], row["on"]) for row in rows(pack, "network")
    ]
    assert changes == [
        (agency.name_fi, "ended", "2024-06-01"),
        (agency.name_fi, "named", "2024-06-01"),
    ]
    assert pack["sections"]["network"]["summary"]["represented"] >= 1
    assert "Riitta" not in str(pack) and "Uusi Edustaja" not in str(pack)


def test_the_pack_shows_only_what_changed_since_the_last_meeting(pack_scene):
    meeting_pack_freeze(meeting=pack_scene.first, by=pack_scene.ministry)
    pack = pack_build(pack_scene.meeting)
    assert rows(pack, "reports") == []  # Espoo reported before the first pack was finalised
    assert pack["since"] == pack_scene.first.pack_frozen_at.isoformat()
    later = report(OrganisationFactory(), period(2024, 2), entries={})
    assert [row["key"] for row in rows(pack_build(pack_scene.meeting), "reports")] == [
        str(later.pk)
    ]


def test_a_frozen_pack_keeps_what_the_group_saw(pack_scene):
    """Correct a report after freezing: the pack is unchanged, the live view shows the
    difference."""
    client = pack_scene.client("ministry")
    response = client.post(reverse("reporting:meeting_pack_freeze", args=[pack_scene.meeting.pk]))
    assert response.status_code == 302
    pack_scene.meeting.refresh_from_db()
    frozen = pack_scene.meeting.pack
    assert pack_scene.meeting.pack_frozen_by == pack_scene.ministry

    entry = ProgressEntry.objects.get(report=pack_scene.report)
    entry.status = ProgressStatus.DONE
    entry.save()

    pack_scene.meeting.refresh_from_db()
    assert pack_scene.meeting.pack == frozen
    url = reverse("reporting:meeting_pack", args=[pack_scene.meeting.pk])
    frozen_page = pack_scene.client("working_group").get(url)
    assert frozen_page.context["live"] is False
    statuses = next(s for s in frozen_page.context["sections"] if s.key == "statuses")
    assert [[cell.value for cell in row.cells] for row in statuses.rows] == [
        ["1.1", "Suunniteltu", 0, 1, 1]
    ]
    assert "<mark>" not in frozen_page.content.decode()

    live_page = pack_scene.client("working_group").get(url, {"live": "1"})
    assert live_page.context["live"] is True
    statuses = next(s for s in live_page.context["sections"] if s.key == "statuses")
    marked = {row.key: row for row in statuses.rows}
    assert marked["1.1:done"].added
    assert marked["1.1:planned"].removed
    assert live_page.context["differences"] >= 2
    html = live_page.content.decode()
    assert "Lisätty:" in html and "Poistunut:" in html


def test_changed_values_are_marked_with_the_finalised_value_beside_them(pack_scene):
    meeting_pack_freeze(meeting=pack_scene.meeting, by=pack_scene.ministry)
    report(OrganisationFactory(), period(2024, 2), entries={"R1.1-p2": ProgressStatus.PLANNED})
    live = pack_scene.client("ministry").get(
        reverse("reporting:meeting_pack", args=[pack_scene.meeting.pk]), {"live": "1"}
    )
    statuses = next(s for s in live.context["sections"] if s.key == "statuses")
    planned = next(row for row in statuses.rows if row.key == "1.1:planned")
    now = planned.cells[3]
    assert (now.value, now.changed, now.was) == (2, True, 1)
    assert "<mark>2</mark>" in live.content.decode()


def test_a_pack_is_finalised_once(pack_scene):
    client = pack_scene.client("ministry")
    url = reverse("reporting:meeting_pack_freeze", args=[pack_scene.meeting.pk])
    client.post(url)
    pack_scene.meeting.refresh_from_db()
    first = (pack_scene.meeting.pack, pack_scene.meeting.pack_frozen_at)
    response = client.post(url, follow=True)
    assert "viimeisteltiin jo" in response.content.decode()
    pack_scene.meeting.refresh_from_db()
    assert (pack_scene.meeting.pack, pack_scene.meeting.pack_frozen_at) == first


def test_the_pack_downloads_with_a_sheet_per_section(pack_scene):
    meeting_pack_freeze(meeting=pack_scene.meeting, by=pack_scene.ministry)
    url = reverse("reporting:meeting_pack_download", args=[pack_scene.meeting.pk])
    response = pack_scene.client("working_group").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="pack-2024-09-10.xlsx"'
    workbook = load_workbook(io.BytesIO(response.getvalue()))
    # Reports, practices and the network have a summary sheet before their rows.
    assert len(workbook.sheetnames) == len(SECTIONS) + 3
    lines = lines_of(workbook["Toimenpiteiden tilamuutokset"])
    assert lines[0] == ["Kokous", pack_scene.meeting.title]
    assert lines[2][0] == "Luvut" and lines[2][1].startswith("viimeistelty")
    assert ["1.1", "Suunniteltu", 0, 1, 1] in lines
    items = lines_of(workbook["Avoimet jatkotoimenpiteet"])
    assert ["Kuntakysely valmiiksi."] == [
        row[0] for row in items if row and row[0].startswith("Kunta")
    ]

    # The live workbook says how each row differs from the finalised pack.
    entry = ProgressEntry.objects.get(report=pack_scene.report)
    entry.status = ProgressStatus.DONE
    entry.save()
    response = pack_scene.client("working_group").get(url, {"live": "1"})
    workbook = load_workbook(io.BytesIO(response.getvalue()))
    lines = lines_of(workbook["Toimenpiteiden tilamuutokset"])
    assert ["1.1", "Tehty", 0, 1, 1, "lisätty"] in lines
    assert ["1.1", "Suunniteltu", 0, 1, 1, "poistunut"] in lines


def test_text_that_a_spreadsheet_would_run_is_neutralised(pack_scene):
    ActionItemFactory(meeting=pack_scene.first, text='=HYPERLINK("http://x")')
    url = reverse("reporting:meeting_pack_download", args=[pack_scene.meeting.pk])
    workbook = load_workbook(io.BytesIO(pack_scene.client("ministry").get(url).getvalue()))
    texts = [row[0] for row in lines_of(workbook["Avoimet jatkotoimenpiteet"]) if row]
    assert '\'=HYPERLINK("http://x")' in texts


def test_the_pack_prints_on_a4_without_navigation(pack_scene):
    response = pack_scene.client("ministry").get(
        reverse("reporting:meeting_pack", args=[pack_scene.meeting.pk])
    )
    html = response.content.decode()
    assert "css/pack" in html and html.count('class="pack-section"') == len(SECTIONS)
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/pack.css")).read()
    assert "size: A4" in css
    for rule in (".site-header", "break-before: page", "break-inside: avoid"):
        assert rule in css


def test_only_the_team_sees_the_finalise_button(pack_scene):
    url = reverse("reporting:meeting_pack", args=[pack_scene.meeting.pk])
    freeze = reverse("reporting:meeting_pack_freeze", args=[pack_scene.meeting.pk])
    assert freeze in pack_scene.client("ministry").get(url).content.decode()
    assert freeze not in pack_scene.client("working_group").get(url).content.decode()


def grow(scene, times):
    """`times` more of everything the pack counts."""
    for organisation in OrganisationFactory.create_batch(times):
        report(organisation, period(2024, 2), entries={"R1.1-p2": ProgressStatus.IN_PROGRESS})
        report(organisation, period(2024, 1), entries={"R1.1-p2": ProgressStatus.PLANNED})
        ActivityFactory(organisation=organisation, period=period(2024, 2))
        GoodPracticeFactory(organisations=[organisation])
        MilestoneFactory(due_on=datetime.date(2024, 3, 1))
        ActionItemFactory(meeting=scene.first)
        ContactPersonFactory(organisation=organisation, name="Edustaja")


_DAY = datetime.timedelta(days=1)


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_pack_pages_run_the_same_queries_at_ten_times_the_data(
    pack_scene, django_assert_max_num_queries
):
    client = pack_scene.client("working_group")
    meeting = pack_scene.meeting
    meeting_pack_freeze(meeting=meeting, by=pack_scene.ministry)
    pages = [
        (reverse("reporting:meeting_pack", args=[meeting.pk]), {}),
        (reverse("reporting:meeting_pack", args=[meeting.pk]), {"live": "1"}),
        (reverse("reporting:meeting_pack_download", args=[meeting.pk]), {"live": "1"}),
        (reverse("reporting:meeting_detail", args=[meeting.pk]), {}),
        (reverse("reporting:meeting_list"), {}),
    ]
    grow(pack_scene, 1)
    once = [queries(client, url, **params) for url, params in pages]
    grow(pack_scene, 9)
    ten_times = [queries(client, url, **params) for url, params in pages]
    assert once == ten_times
    with django_assert_max_num_queries(26):
        client.get(pages[1][0], pages[1][1])

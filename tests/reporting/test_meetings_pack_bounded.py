"""A meeting's pack stays a readable page of bounded size at national scale: the sections whose
rows grow with the data (reports, practices, the network's changes) show a summary and the
latest rows, say how many more there are and where every row is; packs finalised before
(version 1, every row kept) still render and compare."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from commitments.models import Measure
from reporting import pack as pack_module
from reporting.models import Meeting, ProgressEntry, ProgressStatus
from reporting.pack import LATEST, pack_build
from reporting.services.meetings import meeting_pack_freeze
from tests.factories import ContactPersonFactory, GoodPracticeFactory
from tests.reporting.test_meetings_pack import grow, lines_of, pack_scene  # noqa: F401

pytestmark = pytest.mark.django_db

GROWING = ("reports", "practices", "network")


def practices_sheet(response):
    """The sheet of the practices' rows (its name cut at 31 characters)."""
    workbook = load_workbook(io.BytesIO(response.getvalue()))
    return lines_of(workbook[next(n for n in workbook.sheetnames if n.startswith("Uusimmat"))])


def section_of(response, key):
    return next(section for section in response.context["sections"] if section.key == key)


@pytest.fixture
def crowded(pack_scene):  # noqa: F811
    """More reports, practices and representatives' changes than a pack lists: two more
    practices, for instance."""
    grow(pack_scene, LATEST + 2)
    for day in range(LATEST + 2):
        ContactPersonFactory(
            organisation=pack_scene.agency,
            active_from=datetime.date(2024, 6, 1 + day),
            active_to=datetime.date(2024, 7, 1 + day),
        )
    return pack_scene


def test_growing_sections_keep_a_summary_and_the_latest_rows(crowded):
    pack = pack_build(crowded.meeting)
    for key in GROWING:
        data = pack["sections"][key]
        assert len(data["rows"]) == LATEST
        assert data["total"] > LATEST
        assert "rows" in data["counts"]
    reports = pack["sections"]["reports"]
    counted = sum(row["new"] + row["changed"] for row in reports["counts"]["rows"])
    assert counted == reports["total"] == 2 * (LATEST + 2) + 1
    municipalities = next(row for row in reports["counts"]["rows"] if row["kind"] == "municipality")
    assert municipalities["statuses"]["accepted"] >= 1
    # The latest first: the practices published last.
    published = [row["published_on"] for row in pack["sections"]["practices"]["rows"]]
    assert published == sorted(published, reverse=True)
    assert pack["sections"]["network"]["counts"]["rows"][0]["key"] == "named"
    # The workbook asks for every row.
    full = pack_build(crowded.meeting, limit=None)
    assert len(full["sections"]["reports"]["rows"]) == reports["total"]


def test_the_page_shows_the_latest_rows_and_how_many_more(crowded):
    url = reverse("reporting:meeting_pack", args=[crowded.meeting.pk])
    response = crowded.client("working_group").get(url)
    html = response.content.decode()
    practices = section_of(response, "practices")
    assert len(practices.shown) == LATEST and practices.more == practices.total - LATEST
    assert f"Ja {practices.more} riviä lisää." in html
    assert "Uusimmat 20 riviä" in html
    assert "Hyvät käytännöt toimenpiteittäin" in html  # the summary table's caption
    # Sections that do not grow with the data (statuses per measure, milestones…) show all.
    milestones = section_of(response, "milestones")
    assert len(milestones.rows) > LATEST and milestones.shown == milestones.rows
    assert milestones.more == 0 and html.count("Uusimmat 20 riviä") == len(GROWING)
    download = reverse("reporting:meeting_pack_download", args=[crowded.meeting.pk])
    assert f'href="{download}"' in html  # every row of a draft pack is in its download
    assert html.count("<tr") < 200

    rows = practices_sheet(crowded.client("working_group").get(download))
    titles = [line[0] for line in rows if line and str(line[0]).startswith("Hyvä käytäntö")]
    assert len(titles) == practices.total


def test_a_finalised_pack_links_to_every_row_in_the_live_figures(crowded):
    meeting_pack_freeze(meeting=crowded.meeting, by=crowded.ministry)
    url = reverse("reporting:meeting_pack", args=[crowded.meeting.pk])
    html = crowded.client("working_group").get(url).content.decode()
    download = reverse("reporting:meeting_pack_download", args=[crowded.meeting.pk])
    assert f'href="{download}?live=1"' in html
    # The frozen workbook has the rows the group saw and says there were more.
    lines = practices_sheet(crowded.client("working_group").get(download))
    assert ["Rivit", f"uusimmat {LATEST} / {LATEST + 2}"] in lines


def test_rows_that_drop_out_of_the_latest_are_not_marked_removed(crowded):
    meeting_pack_freeze(meeting=crowded.meeting, by=crowded.ministry)
    later = [GoodPracticeFactory(organisations=[crowded.espoo]) for _ in range(3)]
    live = crowded.client("working_group").get(
        reverse("reporting:meeting_pack", args=[crowded.meeting.pk]), {"live": "1"}
    )
    practices = section_of(live, "practices")
    assert {row.key for row in practices.rows if row.added} == {str(p.pk) for p in later}
    assert not any(row.removed for row in practices.rows)
    everything = next(row for row in practices.counts.rows if row.key == "all")
    assert everything.cells[1].changed and everything.cells[1].was == LATEST + 2
    assert live.context["differences"] >= 4


def version_1(pack):
    """A pack as version 1 kept it: every row, no summaries, no totals."""
    for data in pack["sections"].values():
        data.pop("counts", None)
        data.pop("total", None)
    return {**pack, "version": 1}


def test_a_pack_finalised_before_summaries_still_renders_and_compares(crowded):
    measure = Measure.objects.get(number="1.1")
    GoodPracticeFactory(organisations=[crowded.espoo]).measures.set([measure])
    old = version_1(pack_build(crowded.meeting, limit=None))
    Meeting.objects.filter(pk=crowded.meeting.pk).update(
        pack=old, pack_frozen_at=timezone.now() - datetime.timedelta(hours=1)
    )
    url = reverse("reporting:meeting_pack", args=[crowded.meeting.pk])
    frozen = crowded.client("working_group").get(url)
    assert frozen.status_code == 200 and frozen.context["live"] is False
    practices = section_of(frozen, "practices")
    counts = {row.key: [cell.value for cell in row.cells] for row in practices.counts.rows}
    assert counts["1.1"] == ["1.1", 1] and counts["all"][1] == LATEST + 3
    assert practices.complete and practices.more == 3
    reports = section_of(frozen, "reports")
    everyone = next(row for row in reports.counts.rows if row.key == "all")
    assert everyone.cells[1].value + everyone.cells[2].value == len(
        old["sections"]["reports"]["rows"]
    )
    network = section_of(frozen, "network")
    assert {row.key for row in network.counts.rows} == {"named", "ended"}
    html = frozen.content.decode()
    download = reverse("reporting:meeting_pack_download", args=[crowded.meeting.pk])
    assert f'href="{download}"' in html  # the old pack's own workbook has every row

    # Compared with the live records: only what really differs is marked.
    live = crowded.client("working_group").get(url, {"live": "1"})
    assert live.context["differences"] == 0
    GoodPracticeFactory(organisations=[crowded.espoo]).measures.set([measure])
    live = crowded.client("working_group").get(url, {"live": "1"})
    practices = section_of(live, "practices")
    marked = {row.key: row for row in practices.counts.rows}
    assert (marked["1.1"].cells[1].value, marked["1.1"].cells[1].was) == (2, 1)
    assert sum(row.added for row in practices.rows) == 1
    assert not any(row.removed for row in practices.rows)


@pytest.fixture
def builds(monkeypatch):
    """How many times the live pack was built from the records."""
    made = []
    original = pack_module.pack_build

    def counted(meeting, **kwargs):
        made.append(kwargs)
        return original(meeting, **kwargs)

    monkeypatch.setattr(pack_module, "pack_build", counted)
    return made


@pytest.mark.page_cache
def test_the_live_pack_is_built_once_per_content_version(
    pack_scene,  # noqa: F811
    builds,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_pack_freeze(meeting=pack_scene.meeting, by=pack_scene.ministry)
    url = reverse("reporting:meeting_pack", args=[pack_scene.meeting.pk])
    first = pack_scene.client("working_group").get(url, {"live": "1"})
    swedish = pack_scene.client("ministry").get(url.replace("/fi/", "/sv/"), {"live": "1"})
    assert len(builds) == 1  # every reader and language shares the data
    assert first.context["differences"] == 0 and "Ändrat" in swedish.content.decode()

    # A correction is a new content version: the next request builds the pack again.
    with django_capture_on_commit_callbacks(execute=True):
        entry = ProgressEntry.objects.get(report=pack_scene.report)
        entry.status = ProgressStatus.DONE
        entry.save()
    live = pack_scene.client("working_group").get(url, {"live": "1"})
    assert len(builds) == 2 and live.context["differences"] >= 2

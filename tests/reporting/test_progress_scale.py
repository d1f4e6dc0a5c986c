"""The progress pages at ten times the data: the same queries whatever the number of
organisations, periods, reports, entries and changes (issue 9)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from reporting.models import PeriodReport, ProgressStatus, ReportStatus
from reporting.presenters.progress import MyReports
from reporting.services.progress import applicable_recommendations
from tests.factories import MembershipFactory, period
from tests.reporting.progress_data import report

pytestmark = pytest.mark.django_db

PERIODS = [(2024, 1), (2024, 2), (2024, 3)]


def reports_from(organisations, status=ReportStatus.ACCEPTED):
    for organisation in organisations:
        codes = [r.code for r in applicable_recommendations(organisation)][:4]
        for year, quarter in PERIODS:
            report(
                organisation,
                period(year, quarter),
                status,
                {code: ProgressStatus.IN_PROGRESS for code in codes},
            )


def grow(scene, times):
    """`times` municipalities (other than Espoo) with accepted and waiting reports for every
    period, and Espoo's own report changed `times` times."""
    others = Organisation.objects.of_kind("municipality").exclude(pk=scene.espoo.pk)
    start = PeriodReport.objects.values("organisation").distinct().count()
    reports_from(others[start : start + times])
    reports_from(others[start + times : start + 2 * times], ReportStatus.SUBMITTED)
    espoo = PeriodReport.objects.get(organisation=scene.espoo, period=period())
    for _change in range(times):
        espoo.version += 1
        espoo.save()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def pages(scene):
    espoo_report = PeriodReport.objects.get(organisation=scene.espoo, period=period())
    with translation.override("fi"):
        return [
            ("ministry", reverse("reporting:report_list")),
            ("ministry", reverse("reporting:report_detail", args=[espoo_report.pk])),
            ("ministry", reverse("reporting:period_list")),
            ("editor", reverse("reporting:report_list")),
            ("editor", reverse("reporting:report_form", args=[scene.espoo.pk, period().pk])),
            ("editor", reverse("reporting:report_detail", args=[espoo_report.pk])),
            ("editor", reverse("account_home")),
        ]


def test_the_progress_pages_run_the_same_queries_at_ten_times_the_data(
    practice_scene, django_assert_max_num_queries
):
    reports_from([practice_scene.espoo], ReportStatus.DRAFT)
    grow(practice_scene, 3)
    once = {
        url + who: queries(practice_scene.client(who), url) for who, url in pages(practice_scene)
    }
    grow(practice_scene, 30)
    assert {
        url + who: queries(practice_scene.client(who), url) for who, url in pages(practice_scene)
    } == once
    for who, url in pages(practice_scene):
        client = practice_scene.client(who)
        # 16: the team's pages also load the session's authenticator (ADR 0031).
        with django_assert_max_num_queries(16):
            client.get(url)


def test_the_report_list_reads_what_is_asked_once_for_each_kind(practice_scene):
    """An editor of six municipalities runs the queries an editor of one does."""
    period(2024, 1)
    client = practice_scene.client("editor")
    url = reverse("reporting:report_list")
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    others = Organisation.objects.of_kind("municipality").exclude(pk=practice_scene.espoo.pk)
    for organisation in others[:5]:
        MembershipFactory(user=practice_scene.editor, organisation=organisation)
    with CaptureQueriesContext(connection) as six:
        response = client.get(url)
    rows = response.context["mine"].organisations
    assert len(rows) == 6 and len({row.unanswered for row in rows}) == 1
    assert rows[0].unanswered == len(applicable_recommendations(practice_scene.espoo)) > 0
    assert len(six.captured_queries) == len(one.captured_queries)


def test_the_team_sees_the_oldest_waiting_reports_and_that_more_wait(practice_scene, monkeypatch):
    monkeypatch.setattr(MyReports, "WAITING_SHOWN", 2)
    others = Organisation.objects.of_kind("municipality").exclude(pk=practice_scene.espoo.pk)
    client = practice_scene.client("ministry")
    for count in (2, 3):
        for organisation in others[:count]:
            if not PeriodReport.objects.filter(organisation=organisation).exists():
                report(organisation, period(2024, 1), ReportStatus.SUBMITTED)
        with translation.override("en"):
            response = client.get(reverse("reporting:report_list"))
        mine = response.context["mine"]
        assert [r.organisation for r in mine.waiting] == list(others[:2])
        assert mine.more_waiting == (count == 3) and mine.waiting_count == count
        assert ("more are waiting" in response.content.decode()) == (count == 3)

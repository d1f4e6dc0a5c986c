"""The ministry team's and the working group's progress dashboard (issue 10, section 1): access,
coverage beside every figure, changes since the previous period, the team's actions, the
activities, the network and the practices; its query count at ten times the data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from organisations.models import ContactRole, Organisation
from reporting.models import ActionStatus, ActivityKind, ProgressStatus, ReportingPeriod
from reporting.presenters.dashboard import Dashboard, signed
from tests.access import LOGIN, access_params, assert_access
from tests.factories import (
    ActionUpdateFactory,
    ActivityFactory,
    AgencyFactory,
    ContactPersonFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    WorkingGroupUserFactory,
)

from .progress_data import report, reporting_municipalities

pytestmark = pytest.mark.django_db

# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:dashboard", "get", LOGIN, 403, 403, 403, 200, 200),
]


@pytest.fixture
def latest():
    return ReportingPeriod.objects.latest_closed()


@pytest.fixture
def before(latest):
    return ReportingPeriod.objects.filter(starts_on__lt=latest.starts_on).last()


def dashboard_url(**query):
    with translation.override("en"):
        url = reverse("reporting:dashboard")
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, name, method, role, expected):
    assert_access(practice_scene, reverse(name), method, role, expected)


def test_the_navigation_offers_the_dashboard_to_the_team_and_the_working_group(practice_scene):
    home, dashboard = reverse("home"), reverse("reporting:dashboard")
    for who in ("ministry", "working_group"):
        html = practice_scene.client(who).get(home).content.decode()
        assert f'href="{dashboard}">Seurantanäkymä</a>' in html, who
    for who in ("editor", None):
        html = practice_scene.client(who).get(home).content.decode()
        assert f'href="{dashboard}"' not in html, who


def test_robots_are_kept_out(anonymous_client):
    robots = anonymous_client.get("/robots.txt").content.decode()
    assert "Disallow: /fi/monitoring/" in robots


def test_the_latest_closed_period_is_shown_with_coverage_and_change(
    ministry_client, latest, before
):
    reporting_municipalities(before, 1)
    reporting_municipalities(latest, 3)
    municipalities = Organisation.objects.of_kind("municipality").active(on=latest.ends_on).count()
    html = ministry_client.get(dashboard_url()).content.decode()
    assert latest.label in html
    assert f"<td>{municipalities}</td><td>3</td><td>{municipalities - 3}</td><td>+2</td>" in html
    asked = (
        municipalities
        + Organisation.objects.of_kind("wellbeing_county").active(on=latest.ends_on).count()
    )
    assert "Accepted reports from 3 of" in html
    shown = Dashboard(latest)
    r11p2 = next(
        row
        for _commitment, measures in shown.sections
        for measure in measures
        for row in measure.recommendations
        if row.recommendation.code == "R1.1-p2"
    )
    municipal = next(kind for kind in r11p2.kinds if kind.now.kind == "municipality")
    assert (municipal.now.reported, municipal.now.organisations) == (3, municipalities)
    assert municipal.now.statuses == {ProgressStatus.DONE: 3}
    assert (municipal.reported_change, municipal.done_change) == ("+2", "+2")
    assert r11p2.total.now.organisations == asked


def test_an_earlier_period_can_be_chosen_and_the_first_has_nothing_to_compare(ministry_client):
    first = ReportingPeriod.objects.order_by("starts_on").first()
    html = ministry_client.get(dashboard_url(period=first.pk)).content.decode()
    assert first.label in html
    assert "This is the first period: there is nothing to compare with." in html


@pytest.mark.parametrize(
    "query", [{"period": "abc"}, {"period": "999999"}, {"kind": "x"}, {"region": "zz"}]
)
def test_nonsense_in_the_query_string_is_an_error_beside_its_field(ministry_client, query):
    response = ministry_client.get(dashboard_url(**query))
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and "Who reported" not in html


def test_an_open_period_may_be_chosen_but_not_one_that_has_not_begun(ministry_client):
    upcoming = ReportingPeriod.objects.filter(starts_on__gt=datetime.date.today()).first()
    if upcoming is not None:
        html = ministry_client.get(dashboard_url(period=upcoming.pk)).content.decode()
        assert "error-summary" in html


def test_the_teams_actions_show_status_change_and_overdue_milestones(
    ministry_client, latest, before
):
    ActionUpdateFactory(period=before, status=ActionStatus.ON_TRACK)
    ActionUpdateFactory(period=latest, status=ActionStatus.DELAYED)
    MilestoneFactory(title_fi="Myöhässä oleva", due_on=latest.starts_on)
    MilestoneFactory(title_fi="Tehty ajallaan", due_on=latest.starts_on, done_on=latest.starts_on)
    MilestoneFactory(title_fi="Tulossa", due_on=latest.ends_on + datetime.timedelta(days=30))
    late_done = latest.ends_on + datetime.timedelta(days=3)
    MilestoneFactory(title_fi="Tehty myöhemmin", due_on=latest.starts_on, done_on=late_done)
    shown = Dashboard(latest)
    row = next(row for row in shown.actions if row.action.code == "1.1.a1")
    assert row.status_changed
    assert [m.title_fi for m in row.overdue] == ["Myöhässä oleva", "Tehty myöhemmin"]
    assert len(shown.actions) == 25
    html = ministry_client.get(dashboard_url()).content.decode()
    assert "Myöhässä oleva" in html and "Tulossa" not in html
    assert "2 milestones were overdue on" in html


def test_activities_count_only_accepted_reports_up_to_the_period(latest, before):
    region = reporting_municipalities(latest, 2)
    espoo = Organisation.objects.get(kind="municipality", code="049")
    report(espoo, before)
    ActivityFactory(
        organisation=espoo,
        period=before,
        kind=ActivityKind.REGIONAL_ACADEMY,
        region=region,
        participants=40,
        officials=15,
    )
    shown = Dashboard(latest)
    dialogues = next(row for row in shown.activities if row.kind == ActivityKind.NATIONAL_DIALOGUE)
    assert dialogues.facts[0][1:] == (2, 2)  # two dialogues, both in the period
    assert dialogues.facts[1][1:] == (20, 20)  # the submitted reports' 99 are not counted
    assert [(row.region, row.academies, row.officials) for row in shown.academies] == [
        (region, 1, 15)
    ]
    assert (shown.easy_language.prioritised, shown.easy_language.published) == (2, 2)
    assert shown.easy_language_published_share == 100


def test_the_network_counts_seats_on_the_periods_last_day(latest):
    programme_start = ReportingPeriod.objects.order_by("starts_on").first().starts_on
    agencies = Organisation.objects.filter(pk__in=[a.pk for a in AgencyFactory.create_batch(3)])
    first, second, third = agencies
    ContactPersonFactory(
        organisation=first,
        active_from=programme_start - datetime.timedelta(days=30),
        active_to=latest.starts_on,
    )
    ContactPersonFactory(organisation=first, active_from=latest.starts_on)
    ContactPersonFactory(organisation=second, active_from=latest.ends_on + datetime.timedelta(1))
    ContactPersonFactory(organisation=third, role=ContactRole.OTHER, active_from=latest.starts_on)
    shown = Dashboard(latest, organisations=agencies)
    agency_row = shown.network[0]
    assert agency_row.kind == "state_agency"
    assert (agency_row.organisations, agency_row.represented, agency_row.vacant) == (3, 1, 2)
    assert (agency_row.named_since_start, agency_row.ended_since_start) == (1, 1)


def test_the_practice_pipeline_counts_per_measure_and_once_in_all(practice_scene, latest):
    from commitments.models import Measure

    first, second = Measure.objects.order_by("number")[:2]
    joint = GoodPracticeFactory(
        organisations=[practice_scene.espoo], published_at=_moment(latest.ends_on)
    )
    joint.measures.set([first, second])
    later = GoodPracticeFactory(
        organisations=[practice_scene.espoo],
        published_at=_moment(latest.ends_on + datetime.timedelta(days=5)),
    )
    later.measures.set([first])
    espoo = Organisation.objects.filter(pk=practice_scene.espoo.pk)
    shown = Dashboard(latest, organisations=espoo)
    by_measure = {item.measure.pk: item.pipeline for _c, ms in shown.sections for item in ms}
    assert (by_measure[first.pk].published, by_measure[first.pk].published_in_period) == (1, 1)
    assert by_measure[second.pk].published == 1
    total = shown.pipeline_total
    # the joint one; the scene's own was published today, after the period
    assert (total.published, total.published_in_period) == (1, 1)
    assert total.submitted == 1 and total.returned == 1  # the scene's, waiting now


def _moment(day):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_signed_changes():
    assert [signed(3), signed(-2), signed(0), signed(None)] == ["+3", "\u22122", "\u00b10", "–"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def test_the_dashboard_runs_the_same_queries_at_ten_times_the_data(
    practice_scene, latest, before, django_assert_max_num_queries
):
    client = practice_scene.client("working_group")
    urls = [dashboard_url(), dashboard_url(kind="municipality", language="finnish")]

    def grow(count):
        reporting_municipalities(before, count)
        reporting_municipalities(latest, count)
        MilestoneFactory.create_batch(count, due_on=latest.starts_on)
        for agency in AgencyFactory.create_batch(count):
            ContactPersonFactory(organisation=agency, active_from=latest.starts_on)
        for _number in range(count):
            GoodPracticeFactory(organisations=[practice_scene.espoo])

    grow(2)
    once = {url: count_queries(client, url) for url in urls}
    grow(20)
    assert {url: count_queries(client, url) for url in urls} == once
    with django_assert_max_num_queries(36):  # whatever the data
        client.get(urls[0])


def test_a_working_group_member_reads_but_finds_nothing_to_change(latest):
    from django.test import Client

    client = Client()
    client.force_login(WorkingGroupUserFactory())
    html = client.get(dashboard_url()).content.decode()
    assert 'method="post"' not in html.split('<main id="main"')[1]

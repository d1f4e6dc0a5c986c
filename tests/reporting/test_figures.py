"""The progress figures (reporting/figures.py): n of N, accepted reports only, organisations that
existed in the period, and a fixed number of queries whatever the data size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Action, Measure, Recommendation
from organisations.models import Organisation, OrganisationKind
from reporting import figures
from reporting.models import ActionStatus, ActivityKind, ItemStatus, ProgressStatus, ReportStatus
from tests.factories import (
    ActionUpdateFactory,
    ActivityFactory,
    OrganisationFactory,
    RegionFactory,
    period,
)

from .progress_data import region_of_municipalities, report, reporting_municipalities

pytestmark = pytest.mark.django_db

MUNICIPALITY = OrganisationKind.MUNICIPALITY


@pytest.fixture
def q1():
    return period(2024, 1)


def municipalities_of(result):
    return next(tally for tally in result.kinds if tally.kind == MUNICIPALITY)


def test_the_kinds_asked_follow_the_letters_audiences():
    assert figures.kinds_asked(["state_administration"]) == ["state_agency", "ministry"]
    assert figures.kinds_asked(["municipalities", "wellbeing_counties"]) == [
        "municipality",
        "wellbeing_county",
    ]
    assert figures.kinds_asked(["all_public_administration"]) == figures.ASKED_KINDS
    assert figures.kinds_asked([]) == []


def test_coverage_is_n_of_the_n_organisations_of_each_kind_asked(q1):
    (a, b, c, d), region = region_of_municipalities(4)
    report(a, q1, entries={"R1.1-p2": ProgressStatus.DONE})
    report(b, q1, entries={"R1.1-p2": ProgressStatus.NO_RESOURCES})
    report(c, q1, entries={"R1.1-p2": ProgressStatus.DONE})
    result = figures.coverage(Recommendation.objects.get(code="R1.1-p2"), q1, organisations=region)
    assert [tally.kind for tally in result.kinds] == ["municipality", "wellbeing_county"]
    tally = municipalities_of(result)
    assert (tally.reported, tally.organisations, tally.not_reported) == (3, 4, 1)
    assert tally.statuses == {"done": 2, "no_resources": 1}
    assert dict(tally.reported_counts()) == {ProgressStatus.DONE: 2, ProgressStatus.NO_RESOURCES: 1}
    assert result.total.organisations == 4  # the region has no county of its own


def test_only_accepted_reports_count(q1):
    organisations, region = region_of_municipalities(4)
    for organisation, status in zip(organisations, ReportStatus.values, strict=True):
        report(organisation, q1, status, {"R1.1-p2": ProgressStatus.DONE})
    tally = municipalities_of(
        figures.coverage(Recommendation.objects.get(code="R1.1-p2"), q1, organisations=region)
    )
    assert (tally.reported, tally.organisations) == (1, 4)
    coverage = figures.reporting_coverage(q1, organisations=region)
    assert (coverage[0].kind, coverage[0].reported, coverage[0].organisations) == (
        MUNICIPALITY,
        1,
        4,
    )
    assert coverage[-1].kind == "" and coverage[-1].reported == 1


def test_an_accepted_report_counts_only_for_its_period_and_its_entries(q1):
    (a, b), region = region_of_municipalities(2)
    report(a, period(2024, 2), entries={"R1.1-p2": ProgressStatus.DONE})
    report(b, q1, entries={"R1.2-p3": ProgressStatus.DONE})  # not this recommendation
    tally = municipalities_of(
        figures.coverage(Recommendation.objects.get(code="R1.1-p2"), q1, organisations=region)
    )
    assert tally.reported == 0 and tally.organisations == 2


def test_the_denominator_counts_organisations_that_existed_in_the_period(q1):
    region = RegionFactory()
    existed = OrganisationFactory(region=region, valid_from=datetime.date(2020, 1, 1))
    merged_away = OrganisationFactory(region=region, valid_to=datetime.date(2024, 3, 30))
    ends_with_the_quarter = OrganisationFactory(region=region, valid_to=q1.ends_on)
    OrganisationFactory(region=region, valid_from=datetime.date(2024, 4, 1))  # not yet
    for organisation in (existed, merged_away, ends_with_the_quarter):
        report(organisation, q1, entries={"R1.1-p2": ProgressStatus.DONE})
    tally = municipalities_of(
        figures.coverage(
            Recommendation.objects.get(code="R1.1-p2"),
            q1,
            organisations=Organisation.objects.filter(region=region),
        )
    )
    # n counts only organisations that N counts, so it never exceeds N
    assert (tally.reported, tally.organisations) == (2, 2)


def test_the_whole_registry_is_counted_unless_a_set_is_given(q1):
    recommendation = Recommendation.objects.get(code="R1.2-p3")
    expected = {
        kind: Organisation.objects.of_kind(kind).active(on=q1.ends_on).count()
        for kind in figures.ASKED_KINDS
    }
    before = figures.coverage(recommendation, q1)
    assert {tally.kind: tally.organisations for tally in before.kinds} == expected
    OrganisationFactory(valid_from=datetime.date(2023, 1, 1))
    assert municipalities_of(figures.coverage(recommendation, q1)).organisations == (
        expected[MUNICIPALITY] + 1
    )


def test_activity_totals_count_public_activities_up_to_the_period(q1):
    region = reporting_municipalities(q1, 2)
    later = period(2024, 2)
    organisation = Organisation.objects.filter(region=region).first()
    report(organisation, later)
    ActivityFactory(organisation=organisation, period=later, participants=1000)
    in_region = Organisation.objects.filter(region=region)
    totals = figures.activity_totals(q1, organisations=in_region)
    dialogues = Measure.objects.get(number="1.1")
    easy_language = Measure.objects.get(number="1.2")
    (row,) = totals[dialogues.pk].kinds
    assert (row.kind, row.count, row.participants, row.organisations) == (
        ActivityKind.NATIONAL_DIALOGUE,
        2,
        20,
        2,
    )  # the submitted reports' dialogues (99 participants each) are not counted
    (items,) = totals[easy_language.pk].kinds
    assert (items.prioritised, items.published) == (2, 2)
    assert totals[dialogues.pk].organisations == 2
    later_totals = figures.activity_totals(later, organisations=in_region)
    assert later_totals[dialogues.pk].kinds[0].participants == 1020


def test_easy_language_items_published_of_those_prioritised(q1):
    (organisation,), region = region_of_municipalities(1)
    report(organisation, q1)
    for stage in [ItemStatus.IDENTIFIED, ItemStatus.PRIORITISED, ItemStatus.PUBLISHED]:
        ActivityFactory(
            organisation=organisation,
            period=q1,
            kind=ActivityKind.EASY_LANGUAGE_ITEM,
            measure=Measure.objects.get(number="1.2"),
            item_status=stage,
        )
    (items,) = figures.activity_totals(q1, organisations=region)[
        Measure.objects.get(number="1.2").pk
    ].kinds
    assert (items.count, items.prioritised, items.published) == (3, 2, 1)


def test_an_actions_status_in_a_period_is_its_latest_update_by_then(q1):
    action = Action.objects.get(code="1.1.a1")
    ActionUpdateFactory(action=action, period=period(2023, 4), status=ActionStatus.NOT_STARTED)
    ActionUpdateFactory(action=action, period=q1, status=ActionStatus.ON_TRACK)
    ActionUpdateFactory(action=action, period=period(2024, 3), status=ActionStatus.DELAYED)
    assert figures.action_updates(q1)[action.pk].status == ActionStatus.ON_TRACK
    assert figures.action_updates(period(2024, 2))[action.pk].period == q1
    assert figures.action_updates(period(2024, 4))[action.pk].status == ActionStatus.DELAYED
    other = Action.objects.get(code="1.1.a2")
    assert figures.action_updates(period(2023, 4), actions=[other]) == {}


def count_queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def every_figure(q1):
    periods = [q1, period(2024, 2)]
    figures.recommendation_figures(periods)
    figures.reporting_coverage(q1)
    figures.activity_totals(q1)
    figures.action_updates(q1)


def test_the_figures_run_the_same_queries_at_ten_times_the_data(q1):
    reporting_municipalities(q1, 2)
    ActionUpdateFactory(period=q1)
    once = count_queries(lambda: every_figure(q1))
    reporting_municipalities(q1, 20)
    ActionUpdateFactory(action=Action.objects.get(code="1.1.a2"), period=q1)
    assert count_queries(lambda: every_figure(q1)) == once
    assert once <= 12

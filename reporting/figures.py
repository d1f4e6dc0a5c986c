"""The figures of progress: how many organisations reported (of how many asked), what they
reported, the activities they logged, and the team's own actions. Public pages, open data and
the dashboards all count here.

Reporting is voluntary (the letter urges, hopes and encourages), so a figure never stands
without its coverage, and only reports the Open Government Team has accepted count
(docs/adr/0026). The organisations counted are a parameter, `organisations=` (an Organisation
queryset): the whole registry by default; a region, a wellbeing services county or a language
group on a dashboard. Every function runs a fixed number of queries whatever the data size.

The denominator N of a period is the organisations of the kinds asked that existed on the last
day of its quarter (`Organisation.objects.active(on=period.ends_on)`); the numerator n counts
those of them with an accepted report for the period, so that n never exceeds N.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from commitments.models import AUDIENCE_OF_KIND, Action, Audience, Recommendation, RecommendationAsk
from organisations.models import Organisation, OrganisationKind

from .models import (
    ActionUpdate,
    Activity,
    ItemStatus,
    PeriodReport,
    ProgressEntry,
    ProgressStatus,
    ReportingPeriod,
)

# The kinds of organisation the plan asks something of, in the order figures show them.
ASKED_KINDS = list(AUDIENCE_OF_KIND)
# Easy Language items that have been prioritised, whether or not produced yet.
PRIORITISED = [ItemStatus.PRIORITISED, ItemStatus.IN_PRODUCTION, ItemStatus.PUBLISHED]
ALL_KINDS_LABEL = _("All kinds")


def kinds_asked(audiences) -> list[str]:
    """The kinds of organisation that a recommendation addressing `audiences` asks something
    of: the same rule as each organisation's checklist (`applicable_recommendations`)."""
    audiences = set(audiences)
    return [
        kind
        for kind, audience in AUDIENCE_OF_KIND.items()
        if audiences & set(Audience.including(audience))
    ]


def _kind_label(kind):
    return OrganisationKind(kind).label if kind else ALL_KINDS_LABEL


@dataclass(frozen=True)
class KindCoverage:
    """n of N: of the `organisations` of a kind ("" for all kinds), how many `reported`."""

    kind: str
    organisations: int
    reported: int

    @property
    def label(self):
        return _kind_label(self.kind)

    @property
    def not_reported(self):
        return max(self.organisations - self.reported, 0)


@dataclass(frozen=True)
class StatusTally:
    """n of N organisations of a kind, and how many of the n reported each status."""

    kind: str
    organisations: int
    statuses: dict = field(default_factory=dict)  # ProgressStatus value → count

    @property
    def label(self):
        return _kind_label(self.kind)

    @property
    def reported(self):
        return sum(self.statuses.values())

    @property
    def not_reported(self):
        return max(self.organisations - self.reported, 0)

    def counts(self):
        """(status, count) for every status, in ProgressStatus order, zeros included."""
        return [(status, self.statuses.get(status.value, 0)) for status in ProgressStatus]

    def reported_counts(self):
        """(status, count) for the statuses that someone reported."""
        return [(status, count) for status, count in self.counts() if count]

    @classmethod
    def summed(cls, tallies, kind=""):
        statuses = {}
        for tally in tallies:
            for status, count in tally.statuses.items():
                statuses[status] = statuses.get(status, 0) + count
        return cls(kind, sum(tally.organisations for tally in tallies), statuses)


@dataclass(frozen=True)
class RecommendationFigures:
    """What organisations reported on one recommendation in one period, kind by kind."""

    recommendation: Recommendation
    period_id: int
    kinds: tuple

    @property
    def total(self) -> StatusTally:
        return StatusTally.summed(self.kinds)


def _organisations(organisations):
    return Organisation.objects.all() if organisations is None else organisations


def _existed_at_period_end(organisations, period_end):
    """Organisations of the set that existed on `period_end` (an OuterRef to the end date)."""
    return _organisations(organisations).active(on=period_end)


def organisations_per_kind(periods, *, organisations=None) -> dict:
    """{(period pk, kind): N}: the organisations of each asked kind that existed on the last
    day of each period. One query."""
    periods = list(periods)
    if not periods:
        return {}
    counts = {
        kind: Coalesce(
            Subquery(
                _existed_at_period_end(organisations, OuterRef("ends_on"))
                .of_kind(kind)
                .order_by()
                .values("kind")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            Value(0),
        )
        for kind in ASKED_KINDS
    }
    rows = (
        ReportingPeriod.objects.filter(pk__in=[period.pk for period in periods])
        .order_by()
        .values("pk")
        .annotate(**{f"n_{kind}": expression for kind, expression in counts.items()})
    )
    return {(row["pk"], kind): row[f"n_{kind}"] for row in rows for kind in ASKED_KINDS}


def reporting_coverage(period, *, organisations=None, totals=None) -> list[KindCoverage]:
    """For each asked kind, and all of them together: how many organisations have an accepted
    report for the period, of how many existed. Two queries, one when `totals`
    (organisations_per_kind of periods including this one, for the same set) is given."""
    if totals is None:
        totals = organisations_per_kind([period], organisations=organisations)
    counted = _existed_at_period_end(organisations, period.ends_on)
    accepted = dict(
        PeriodReport.objects.accepted()
        .for_period(period)
        .filter(organisation__in=counted.values("pk"))
        .order_by()
        .values_list("organisation__kind")
        .annotate(n=Count("pk"))
    )
    rows = [
        KindCoverage(kind, totals[(period.pk, kind)], accepted.get(kind, 0)) for kind in ASKED_KINDS
    ]
    total = KindCoverage(
        "", sum(row.organisations for row in rows), sum(row.reported for row in rows)
    )
    return [*rows, total]


def report_paragraphs():
    """The recommendations organisations report on (paragraphs, not calls to action), with
    their measures, in the letter's order."""
    return list(
        Recommendation.objects.filter(kind=Recommendation.Kind.PARAGRAPH)
        .select_related("measure")
        .order_by("measure__number", "position")
    )


def recommendation_figures(
    periods, recommendations=None, *, organisations=None, totals=None
) -> dict:
    """{(period pk, recommendation pk): RecommendationFigures} for the given recommendations
    (by default every report paragraph), each asked kind's n of N and statuses. Three queries,
    one more for the paragraphs when none are given, one fewer when `totals`
    (organisations_per_kind of periods including these, for the same set) is given."""
    periods = list(periods)
    paragraphs = report_paragraphs() if recommendations is None else list(recommendations)
    audiences = {}
    for recommendation_id, audience in RecommendationAsk.objects.filter(
        recommendation__in=[r.pk for r in paragraphs]
    ).values_list("recommendation_id", "audience"):
        audiences.setdefault(recommendation_id, set()).add(audience)
    if totals is None:
        totals = organisations_per_kind(periods, organisations=organisations)
    reported = _reported_statuses(periods, paragraphs, organisations)
    figures = {}
    for period in periods:
        for recommendation in paragraphs:
            kinds = tuple(
                StatusTally(
                    kind,
                    totals[(period.pk, kind)],
                    reported.get((period.pk, recommendation.pk, kind), {}),
                )
                for kind in kinds_asked(audiences.get(recommendation.pk, ()))
            )
            figures[(period.pk, recommendation.pk)] = RecommendationFigures(
                recommendation, period.pk, kinds
            )
    return figures


def coverage(recommendation, period, *, organisations=None) -> RecommendationFigures:
    """One recommendation in one period: "n of N organisations of this kind reported; of
    them …" for each kind it asks something of."""
    return recommendation_figures([period], [recommendation], organisations=organisations)[
        (period.pk, recommendation.pk)
    ]


def counted_entries(periods, *, organisations=None):
    """Accepted reports' entries for the periods, from organisations of the set that existed
    at the end of the entry's period: what the public figures count."""
    existed = _existed_at_period_end(organisations, OuterRef("report__period__ends_on")).filter(
        pk=OuterRef("report__organisation_id")
    )
    return (
        ProgressEntry.objects.accepted()
        .filter(
            report__period__in=[period.pk for period in periods],
            report__organisation__kind__in=ASKED_KINDS,
        )
        .filter(Exists(existed))
    )


def _reported_statuses(periods, paragraphs, organisations):
    """{(period pk, recommendation pk, kind): {status: count}}. One query."""
    rows = (
        counted_entries(periods, organisations=organisations)
        .filter(recommendation__in=[r.pk for r in paragraphs])
        .order_by()
        .values_list(
            "report__period_id", "recommendation_id", "report__organisation__kind", "status"
        )
        .annotate(n=Count("pk"))
    )
    found = {}
    for period_id, recommendation_id, kind, status, count in rows:
        found.setdefault((period_id, recommendation_id, kind), {})[status] = count
    return found


@dataclass(frozen=True)
class ActivityTotals:
    """The public activities of one kind toward one measure, and how many organisations they
    come from."""

    kind: str
    count: int
    organisations: int
    participants: int = 0
    officials: int = 0
    completions: int = 0
    prioritised: int = 0
    published: int = 0
    regions: int = 0


@dataclass(frozen=True)
class MeasureActivities:
    measure_id: int
    kinds: tuple
    organisations: int  # distinct organisations behind all the kinds together


def activity_totals(period, *, measures=None, organisations=None) -> dict:
    """{measure pk: MeasureActivities}: the activities counted publicly (their organisation's
    report for their period accepted) from the programme's start to the end of `period`.
    Two queries."""
    activities = Activity.objects.public().filter(period__starts_on__lte=period.starts_on)
    if measures is not None:
        activities = activities.filter(measure__in=[measure.pk for measure in measures])
    if organisations is not None:
        activities = activities.filter(organisation__in=organisations.values("pk"))
    activities = activities.order_by()
    rows = activities.values("measure_id", "kind").annotate(
        count=Count("pk"),
        organisations=Count("organisation", distinct=True),
        participants=Coalesce(Sum("participants"), 0),
        officials=Coalesce(Sum("officials"), 0),
        completions=Coalesce(Sum("completions"), 0),
        prioritised=Count("pk", filter=Q(item_status__in=PRIORITISED)),
        published=Count("pk", filter=Q(item_status=ItemStatus.PUBLISHED)),
        regions=Count("region", distinct=True),
    )
    by_measure = {}
    for row in rows.order_by("measure_id", "kind"):
        measure_id = row.pop("measure_id")
        by_measure.setdefault(measure_id, []).append(ActivityTotals(**row))
    organisations_per_measure = dict(
        activities.values_list("measure_id").annotate(n=Count("organisation", distinct=True))
    )
    return {
        measure_id: MeasureActivities(
            measure_id, tuple(kinds), organisations_per_measure[measure_id]
        )
        for measure_id, kinds in by_measure.items()
    }


def action_updates(period, *, actions=None) -> dict:
    """{action pk: ActionUpdate}: each action's latest update at or before `period`, which
    records the team's status and completion then. One query."""
    latest = (
        ActionUpdate.objects.filter(action=OuterRef("pk"), period__starts_on__lte=period.starts_on)
        .order_by("-period__starts_on")
        .values("pk")[:1]
    )
    chosen = (
        Action.objects.all()
        if actions is None
        else Action.objects.filter(pk__in=[action.pk for action in actions])
    )
    updates = ActionUpdate.objects.filter(
        pk__in=chosen.annotate(latest=Subquery(latest)).values("latest")
    ).select_related("period")
    return {update.action_id: update for update in updates}

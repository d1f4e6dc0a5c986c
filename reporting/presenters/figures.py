"""What the public progress pages show, assembled from `reporting.figures`: the programme at a
glance for one period, a recommendation's reported statuses, a measure's activities and an
action's progress. Every figure keeps its coverage beside it (docs/adr/0026)."""

from dataclasses import dataclass

from django.db.models import Prefetch, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commitments.models import Commitment, Measure, Programme
from reporting import figures
from reporting.models import ActionProgress, ActivityKind, ReportingPeriod

from .charts import CoverageChart

# Which of an activity kind's totals mean something, and what to call them.
COUNT = "count"
ACTIVITY_FACTS = {
    ActivityKind.NATIONAL_DIALOGUE: [(COUNT, _("dialogues")), ("participants", _("participants"))],
    ActivityKind.REGIONAL_ACADEMY: [
        (COUNT, _("academies")),
        ("participants", _("participants")),
        ("officials", _("of them officials")),
        ("regions", _("regions")),
    ],
    ActivityKind.EASY_LANGUAGE_ITEM: [
        ("prioritised", _("items prioritised")),
        ("published", _("of them published")),
    ],
    ActivityKind.MINIMUM_WEB_CONTENT: [(COUNT, _("assessments"))],
    ActivityKind.COURSE_COMPLETIONS: [("completions", _("completions"))],
    ActivityKind.EVENT_PARTICIPATION: [(COUNT, _("events")), ("participants", _("participants"))],
    ActivityKind.OPEN_DATASET: [(COUNT, _("datasets"))],
    ActivityKind.PURCHASE_INVOICE_DATA: [(COUNT, _("entries"))],
    ActivityKind.NETWORK_TOPIC: [(COUNT, _("topics"))],
    ActivityKind.HANDBOOK_EXPERIENCE: [(COUNT, _("experiences"))],
}


@dataclass(frozen=True)
class ActivityRow:
    """One kind of activity toward a measure: its figures and how many organisations."""

    label: str
    facts: list  # (label, number)
    organisations: int


def activity_rows(measure_activities):
    """The rows of a measure's activity table, in ActivityKind order."""
    if measure_activities is None:
        return []
    found = {totals.kind: totals for totals in measure_activities.kinds}
    return [
        ActivityRow(
            label=kind.label,
            facts=[(label, getattr(found[kind], name)) for name, label in ACTIVITY_FACTS[kind]],
            organisations=found[kind].organisations,
        )
        for kind in ActivityKind
        if kind in found
    ]


def published_periods():
    """The periods whose figures are public: those whose reporting has closed, newest first."""
    closed = ReportingPeriod.objects.closed_by(timezone.localdate()).order_by("-starts_on")
    latest_start = Subquery(closed.values("starts_on")[:1])
    return list(ReportingPeriod.objects.filter(starts_on__lte=latest_start).order_by("-starts_on"))


@dataclass
class MeasureProgress:
    measure: Measure
    actions: list  # (action, its latest ActionUpdate up to the period, or None)
    recommendations: list  # figures.RecommendationFigures
    activities: list  # ActivityRow
    activity_organisations: int

    @property
    def chart(self):
        return CoverageChart(
            [(figures_.recommendation.label, figures_.total) for figures_ in self.recommendations]
        )


class ProgrammeProgress:
    """The programme in one period: coverage, then each commitment's measures with the team's
    actions, the recommendations' reported statuses and the activities counted."""

    def __init__(self, period, *, organisations=None):
        self.period = period
        # N per kind, counted once for the coverage and the recommendations.
        totals = figures.organisations_per_kind([period], organisations=organisations)
        self.coverage = figures.reporting_coverage(
            period, organisations=organisations, totals=totals
        )
        self.total = self.coverage[-1]
        self.commitments = list(
            Commitment.objects.filter(
                programme=Subquery(Programme.objects.values("pk")[:1])
            ).prefetch_related(
                Prefetch("measures", queryset=Measure.objects.prefetch_related("actions"))
            )
        )
        by_recommendation = figures.recommendation_figures(
            [period], organisations=organisations, totals=totals
        )
        activities = figures.activity_totals(period, organisations=organisations)
        updates = figures.action_updates(period)
        self.measures = {}
        for commitment in self.commitments:
            for measure in commitment.measures.all():
                totals = activities.get(measure.pk)
                self.measures[measure.pk] = MeasureProgress(
                    measure=measure,
                    actions=[(action, updates.get(action.pk)) for action in measure.actions.all()],
                    recommendations=[
                        found
                        for found in by_recommendation.values()
                        if found.recommendation.measure_id == measure.pk
                    ],
                    activities=activity_rows(totals),
                    activity_organisations=totals.organisations if totals else 0,
                )

    def sections(self):
        """(commitment, [MeasureProgress]) in the programme's order."""
        return [
            (commitment, [self.measures[measure.pk] for measure in commitment.measures.all()])
            for commitment in self.commitments
        ]


class RecommendationProgress:
    """A recommendation's reported statuses in a period, kind by kind, with a chart."""

    def __init__(self, recommendation, period):
        self.period = period
        self.figures = figures.coverage(recommendation, period)
        self.chart = CoverageChart([(tally.label, tally) for tally in self.figures.kinds])


class MeasureActivitiesProgress:
    """A measure's activities counted up to the end of a period."""

    def __init__(self, measure, period):
        self.period = period
        totals = figures.activity_totals(period, measures=[measure]).get(measure.pk)
        self.rows = activity_rows(totals)
        self.organisations = totals.organisations if totals else 0


class ActionSummary:
    """What the public sees of one of the team's actions: its status and completion, its
    milestones (overdue ones flagged) and the team's latest update."""

    def __init__(self, action):
        self.action = action
        self.progress = ActionProgress.objects.filter(action=action).first()
        self.milestones = list(action.milestones.all())
        self.update = action.updates.select_related("period").order_by("-period__starts_on").first()

    @property
    def overdue(self):
        return [milestone for milestone in self.milestones if milestone.is_overdue]

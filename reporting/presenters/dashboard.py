"""What the ministry team's and the working group's progress dashboard shows for one period and
one set of organisations (the filters): coverage by kind, each recommendation's statuses by kind
with its coverage, the team's 25 actions, the activities, the representative network and the
good-practice pipeline, each beside the previous period's figure. Counted in `reporting.figures`
and `reporting.dashboard_figures`, so the rules of docs/adr/0026 hold here too."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from commitments.models import Action, Commitment, Measure, Programme
from organisations.models import Region
from reporting import dashboard_figures, figures
from reporting.models import ActivityKind, ProgressStatus, ReportingPeriod

from .figures import ACTIVITY_FACTS
from .tile_map import TileMap
from .trends import Trends

NO_FIGURE = "–"


def change(now, before):
    """`now - before`, or None when there is no earlier figure to compare with."""
    return None if before is None else now - before


def signed(number):
    """+3, −2 or ±0 (a real minus sign); "–" when there is nothing to compare with."""
    if number is None:
        return NO_FIGURE
    if number > 0:
        return f"+{number}"
    if number < 0:
        return f"\u2212{-number}"
    return "\u00b10"


@dataclass(frozen=True)
class CoverageRow:
    """A kind's n of N in the period, beside the previous period's."""

    now: figures.KindCoverage
    before: figures.KindCoverage | None

    @property
    def label(self):
        return self.now.label

    @property
    def reported_change(self):
        return signed(change(self.now.reported, self.before and self.before.reported))

    @property
    def organisations_change(self):
        return signed(change(self.now.organisations, self.before and self.before.organisations))


@dataclass(frozen=True)
class TallyRow:
    """One kind's statuses on one recommendation, n of N, and the changes since the period
    before."""

    now: figures.StatusTally
    before: figures.StatusTally | None

    @property
    def label(self):
        return self.now.label

    @property
    def reported_change(self):
        return signed(change(self.now.reported, self.before and self.before.reported))

    @property
    def done_change(self):
        done = ProgressStatus.DONE.value
        before = self.before.statuses.get(done, 0) if self.before else None
        return signed(change(self.now.statuses.get(done, 0), before))

    @property
    def cells(self):
        """The row's figures in the table's order, worked out here once rather than cell by
        cell in the template: n of N, each status's count, the two changes."""
        reported_of = gettext("%(reported)s of %(total)s") % {
            "reported": self.now.reported,
            "total": self.now.organisations,
        }
        counts = [count for _status, count in self.now.counts()]
        return [reported_of, *counts, self.reported_change, self.done_change]


@dataclass(frozen=True)
class RecommendationRow:
    recommendation: object
    kinds: list  # TallyRow, kinds with organisations in the set only

    @property
    def total(self):
        return TallyRow(
            figures.StatusTally.summed([row.now for row in self.kinds]),
            figures.StatusTally.summed([row.before for row in self.kinds if row.before])
            if all(row.before for row in self.kinds)
            else None,
        )


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    recommendations: list  # RecommendationRow
    pipeline: dashboard_figures.Pipeline | None


@dataclass(frozen=True)
class ActionRow:
    """One of the team's actions: its status at the period (its latest update by then), the
    status a period before, and its milestones overdue on the period's last day."""

    action: Action
    update: object  # ActionUpdate or None
    before: object  # ActionUpdate or None
    milestones: list
    overdue: list

    @property
    def status_changed(self):
        return self.before is not None and self.update.status != self.before.status

    @property
    def milestones_done(self):
        return sum(1 for milestone in self.milestones if milestone.done_on)


@dataclass(frozen=True)
class ActivityRow:
    """A kind of activity: its figures up to the end of the period and in the period alone."""

    kind: ActivityKind
    facts: list  # (label, total up to the end of the period, in the period alone)
    organisations: int


def previous_period(period):
    """The period just before `period`, or None for the first."""
    return (
        ReportingPeriod.objects.filter(starts_on__lt=period.starts_on)
        .order_by("-starts_on")
        .first()
    )


def overdue_on(milestone, day):
    """Due before `day` and not done by it."""
    return milestone.due_on < day and (milestone.done_on is None or milestone.done_on > day)


class Dashboard:
    """The programme in one period for one set of organisations. A fixed number of queries."""

    def __init__(self, period, *, organisations=None):
        self.period = period
        so_far = list(
            ReportingPeriod.objects.filter(starts_on__lte=period.starts_on).order_by("starts_on")
        )
        self.previous = so_far[-2] if len(so_far) > 1 else None
        self.programme_start = so_far[0].starts_on
        self.organisations = organisations
        periods = [period] + ([self.previous] if self.previous else [])
        # Counted once for every period so far, and shared: N per kind by the coverage, the
        # trends and the recommendations; the activities of each period alone by the trends
        # and the activity table.
        totals = figures.organisations_per_kind(so_far, organisations=organisations)
        by_period = dashboard_figures.coverage_by_period(
            so_far, organisations=organisations, totals=totals
        )
        activities = dashboard_figures.activity_totals_per_period(
            so_far, organisations=organisations
        )
        self.coverage = self._coverage(by_period)
        self.total = self.coverage[-1]
        pipeline = dashboard_figures.practice_pipeline(period, organisations=organisations)
        self.pipeline_total = pipeline[None]
        self.sections = self._sections(periods, pipeline, totals)
        self.actions = self._actions()
        self.activities = self._activities(activities)
        self.regions = list(Region.objects.all())
        self.academies = dashboard_figures.academies_by_region(
            period, self.regions, organisations=organisations
        )
        self.network_kinds = dashboard_figures.network_kinds(period.ends_on)
        self.network = dashboard_figures.network_seats(
            period.ends_on, self.programme_start, self.network_kinds, organisations=organisations
        )
        self.map = TileMap(period, organisations=organisations)
        self.trends = Trends(so_far, by_period, activities)

    def _coverage(self, by_period):
        before = by_period.get(self.previous.pk) if self.previous else None
        rows = [
            CoverageRow(now, before[index] if before else None)
            for index, now in enumerate(by_period[self.period.pk])
        ]
        # Kinds the filters leave out have no organisations in either period: not shown.
        shown = [
            row
            for row in rows[:-1]
            if row.now.organisations or row.before and row.before.organisations
        ]
        return [*shown, rows[-1]]

    def _sections(self, periods, pipeline, totals):
        found = figures.recommendation_figures(
            periods, organisations=self.organisations, totals=totals
        )
        programme = Programme.objects.first()
        commitments = Commitment.objects.filter(programme=programme).prefetch_related(
            Prefetch("measures", queryset=Measure.objects.order_by("number"))
        )
        by_measure = {}
        for (period_id, _pk), recommendation_figures in found.items():
            if period_id != self.period.pk:
                continue
            recommendation = recommendation_figures.recommendation
            before = found[(self.previous.pk, recommendation.pk)] if self.previous else None
            kinds = [
                TallyRow(tally, before.kinds[index] if before else None)
                for index, tally in enumerate(recommendation_figures.kinds)
                if tally.organisations
            ]
            by_measure.setdefault(recommendation.measure_id, []).append(
                RecommendationRow(recommendation, kinds)
            )
        return [
            (
                commitment,
                [
                    MeasureRow(measure, by_measure.get(measure.pk, []), pipeline.get(measure.pk))
                    for measure in commitment.measures.all()
                ],
            )
            for commitment in commitments
        ]

    def _actions(self):
        updates = figures.action_updates(self.period)
        before = figures.action_updates(self.previous) if self.previous else {}
        actions = Action.objects.select_related("measure").prefetch_related("milestones")
        day = self.period.ends_on
        rows = []
        for action in actions.order_by("measure__number", "position"):
            milestones = list(action.milestones.all())
            rows.append(
                ActionRow(
                    action=action,
                    update=updates.get(action.pk),
                    before=before.get(action.pk) if action.pk in updates else None,
                    milestones=milestones,
                    overdue=[milestone for milestone in milestones if overdue_on(milestone, day)],
                )
            )
        return rows

    @property
    def overdue_count(self):
        return sum(len(row.overdue) for row in self.actions)

    @property
    def actions_without_update(self):
        return sum(1 for row in self.actions if row.update is None)

    def _activities(self, alone):
        totals = dashboard_figures.activity_totals_by_kind(
            self.period, organisations=self.organisations
        )
        rows = []
        for kind in ActivityKind:
            if kind not in totals:
                continue
            in_period = alone.get((self.period.pk, kind.value))
            facts = [
                (label, getattr(totals[kind], name), getattr(in_period, name) if in_period else 0)
                for name, label in ACTIVITY_FACTS[kind]
            ]
            rows.append(ActivityRow(kind, facts, totals[kind].organisations))
        self.easy_language = totals.get(ActivityKind.EASY_LANGUAGE_ITEM.value)
        return rows

    @property
    def easy_language_published_share(self):
        """Of the Easy Language items prioritised, the share published (0–100), or None."""
        items = self.easy_language
        if items is None or not items.prioritised:
            return None
        return round(100 * items.published / items.prioritised)

    @property
    def statuses(self):
        return list(ProgressStatus)

    @property
    def regions_covered(self):
        return sum(1 for row in self.academies if row.region is not None)


DASHBOARD_NOTE = _(
    "Only reports that the Open Government Team has accepted count. N is the organisations of "
    "the chosen kinds and area that existed on the last day of the period, so an organisation "
    "that merged into another counts as part of its successor from the day of the merger."
)

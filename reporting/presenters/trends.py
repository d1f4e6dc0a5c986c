"""The dashboard's trends: each period's figures from the programme's first period to the one
chosen, as server-rendered SVG line charts with the same figures in a table.

Each line has its own marker shape and dash pattern, named in the legend, so that lines can be
told apart without colour. Coordinates are plain numbers rendered inside `{% localize off %}`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reporting.models import ActivityKind

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 44
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MARKERS = ["circle", "square", "triangle", "diamond", "cross"]
DASHES = ["", "8 4", "2 4", "12 4 2 4", "4 4"]
MAX_X_LABELS = 8


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int


@dataclass(frozen=True)
class Line:
    label: str
    points: tuple
    marker: str
    dash: str
    number: int  # 0… for its colour class

    @property
    def path(self):
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


class TrendChart:
    """Lines over periods. `series` is [(label, [value per period or None])]."""

    WIDTH, HEIGHT, LEFT, TOP = WIDTH, HEIGHT, LEFT, TOP
    RIGHT_EDGE = WIDTH - RIGHT
    BASELINE = TOP + PLOT_HEIGHT

    def __init__(self, periods, series, *, top=None):
        self.periods = list(periods)
        values = [value for _label, row in series for value in row if value is not None]
        self.top = top or max([*values, 1])
        step = PLOT_WIDTH / max(len(self.periods) - 1, 1)
        self.lines = [
            Line(
                label=str(label),
                points=tuple(
                    Point(round(LEFT + index * step, 1), self._y(value), value)
                    for index, value in enumerate(row)
                    if value is not None
                ),
                marker=MARKERS[number % len(MARKERS)],
                dash=DASHES[number % len(DASHES)],
                number=number,
            )
            for number, (label, row) in enumerate(series)
        ]
        every = -(-len(self.periods) // MAX_X_LABELS)  # ceiling division
        self.x_ticks = [
            Tick(round(LEFT + index * step, 1), f"Q{period.quarter}/{period.year % 100:02d}")
            for index, period in enumerate(self.periods)
            if index % every == 0 or index == len(self.periods) - 1
        ]
        self.y_ticks = [Tick(self._y(value), str(value)) for value in self._y_values()]

    def _y(self, value):
        return round(TOP + PLOT_HEIGHT * (1 - value / self.top), 1)

    def _y_values(self):
        quarters = [round(self.top * share / 4) for share in range(5)]
        return sorted(set(quarters))


@dataclass(frozen=True)
class CoverageCell:
    reported: int
    organisations: int

    @property
    def share(self):
        return round(100 * self.reported / self.organisations) if self.organisations else None

    @property
    def text(self):
        """ "n of N (share %)", worked out here rather than by a translation tag per cell."""
        text = gettext("%(reported)s of %(total)s") % {
            "reported": self.reported,
            "total": self.organisations,
        }
        return f"{text} ({self.share} %)" if self.organisations else text


# The activity figures followed over time: (kind, the KindTotals field, its name).
ACTIVITY_TRENDS = [
    (ActivityKind.NATIONAL_DIALOGUE, "count", _("National dialogues")),
    (ActivityKind.NATIONAL_DIALOGUE, "participants", _("Dialogue participants")),
    (ActivityKind.REGIONAL_ACADEMY, "count", _("Regional NGO academies")),
    (ActivityKind.EASY_LANGUAGE_ITEM, "published", _("Easy Language items published")),
    (ActivityKind.COURSE_COMPLETIONS, "completions", _("Course completions")),
]
# Charted: those of a similar size; the table has all.
CHARTED_ACTIVITIES = [0, 2, 3]


class Trends:
    """Coverage by kind and the activities' running totals, period by period: `periods` from
    the first to the one chosen, `by_period` their coverage (dashboard_figures.
    coverage_by_period) and `activities` their activities, each period alone (dashboard_figures.
    activity_totals_per_period). No queries of its own."""

    def __init__(self, periods, by_period, activities):
        self.periods = list(periods)
        first = by_period[self.periods[0].pk]
        self.kinds = [
            (index, row.label)
            for index, row in enumerate(first)
            if any(by_period[p.pk][index].organisations for p in self.periods)
        ]
        self.coverage_rows = [
            (
                p,
                [
                    CoverageCell(by_period[p.pk][i].reported, by_period[p.pk][i].organisations)
                    for i, _label in self.kinds
                ],
            )
            for p in self.periods
        ]
        self.coverage_chart = TrendChart(
            self.periods,
            [
                (label, [cells[column].share for _p, cells in self.coverage_rows])
                for column, (_index, label) in enumerate(self.kinds)
            ],
            top=100,
        )
        self.activity_labels = [label for _kind, _field, label in ACTIVITY_TRENDS]
        self.activity_rows = self._running_totals(activities)
        self.activity_chart = TrendChart(
            self.periods,
            [
                (
                    self.activity_labels[column],
                    [values[column] for _p, values in self.activity_rows],
                )
                for column in CHARTED_ACTIVITIES
            ],
        )

    def _running_totals(self, alone):
        running = [0] * len(ACTIVITY_TRENDS)
        rows = []
        for period in self.periods:
            for column, (kind, field, _label) in enumerate(ACTIVITY_TRENDS):
                totals = alone.get((period.pk, kind.value))
                running[column] += getattr(totals, field) if totals else 0
            rows.append((period, list(running)))
        return rows

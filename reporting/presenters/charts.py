"""The geometry of the progress charts: server-rendered SVG, the same figures in a table beside.

A coverage chart has one bar per row (a kind of organisation, or a recommendation). The bar's
outline is the whole N, the organisations asked; the reported statuses fill it from the left in
ProgressStatus order, and what stays empty is the organisations that did not report. So a bar
shows at a glance that self-reports cover only part of the public sector. Counts are written in
the segments wide enough to hold them; the legend names the statuses in the same order, and the
table beside the chart has every figure, so colour never carries the information alone.

Coordinates are plain numbers; templates render them inside `{% localize off %}`.
"""

from dataclasses import dataclass

from reporting.models import ProgressStatus

WIDTH = 640
LABEL_HEIGHT = 22  # the row's label above its bar
BAR_HEIGHT = 26
GAP = 12
SIDE = 4
PLOT_WIDTH = WIDTH - 2 * SIDE
MIN_WIDTH_FOR_COUNT = 24  # a segment narrower than this has its count in its tooltip only


@dataclass(frozen=True)
class Segment:
    status: ProgressStatus
    count: int
    x: float
    width: float

    @property
    def text_x(self):
        return round(self.x + self.width / 2, 1)

    @property
    def shows_count(self):
        return self.width >= MIN_WIDTH_FOR_COUNT


@dataclass(frozen=True)
class ChartRow:
    label: str
    tally: object  # figures.StatusTally
    label_y: float
    bar_y: float
    segments: tuple

    @property
    def text_y(self):
        return round(self.bar_y + BAR_HEIGHT / 2 + 5, 1)


class CoverageChart:
    """A stacked bar per (label, StatusTally): the statuses reported, out of all asked."""

    WIDTH = WIDTH
    BAR_HEIGHT = BAR_HEIGHT
    SIDE = SIDE
    PLOT_WIDTH = PLOT_WIDTH

    def __init__(self, rows):
        self.rows = [self._row(index, label, tally) for index, (label, tally) in enumerate(rows)]
        self.height = len(self.rows) * (LABEL_HEIGHT + BAR_HEIGHT + GAP) + SIDE

    @staticmethod
    def _row(index, label, tally):
        top = SIDE + index * (LABEL_HEIGHT + BAR_HEIGHT + GAP)
        segments, x = [], float(SIDE)
        scale = max(tally.organisations, tally.reported)  # n never exceeds N, but never draw past
        for status, count in tally.counts():
            if not count:
                continue
            width = PLOT_WIDTH * count / scale
            segments.append(Segment(status, count, round(x, 1), round(width, 1)))
            x += width
        return ChartRow(
            label=label,
            tally=tally,
            label_y=top + LABEL_HEIGHT - 6,
            bar_y=top + LABEL_HEIGHT,
            segments=tuple(segments),
        )

    @property
    def statuses(self):
        """The legend: every status in the order the bars stack them."""
        return list(ProgressStatus)

    def by_status(self):
        """The table turned: (status, [its count in each row])."""
        return [
            (status, [row.tally.statuses.get(status.value, 0) for row in self.rows])
            for status in ProgressStatus
        ]

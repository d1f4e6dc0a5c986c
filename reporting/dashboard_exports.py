"""Every table of the progress dashboard as a download (avoin/exports.py): the same figures as
the page, the period and the filters in the file's first rows, in the page's language. No table
here holds personal data."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avoin.exports import Table

from .presenters.dashboard import Dashboard


def _coverage(dashboard: Dashboard):
    header = [
        _("Kind of organisation"),
        _("Organisations asked (N)"),
        _("Accepted reports (n)"),
        _("No accepted report"),
        _("Change in n"),
        _("Change in N"),
    ]
    rows = [
        [
            str(row.label),
            row.now.organisations,
            row.now.reported,
            row.now.not_reported,
            row.reported_change,
            row.organisations_change,
        ]
        for row in dashboard.coverage
    ]
    return header, rows


def _recommendations(dashboard):
    header = [
        _("Measure"),
        _("Recommendation"),
        _("Kind of organisation"),
        _("Organisations asked (N)"),
        _("Reported (n)"),
        *[str(status.label) for status in dashboard.statuses],
        _("Change in reported"),
        _("Change in done"),
    ]
    rows = [
        [
            item.measure.number,
            row.recommendation.code,
            str(kind.label),
            kind.now.organisations,
            kind.now.reported,
            *[count for _status, count in kind.now.counts()],
            kind.reported_change,
            kind.done_change,
        ]
        for _commitment, measures in dashboard.sections
        for item in measures
        for row in item.recommendations
        for kind in row.kinds
    ]
    return header, rows


def _actions(dashboard):
    header = [
        _("Action"),
        _("Status"),
        _("Status in the previous period"),
        _("Completion"),
        _("Update for"),
        _("Milestones"),
        _("Milestones done"),
        _("Overdue milestones"),
    ]
    rows = [
        [
            row.action.code,
            row.update.get_status_display() if row.update else "",
            row.before.get_status_display() if row.before else "",
            row.update.get_completion_display() if row.update else "",
            str(row.update.period) if row.update else "",
            len(row.milestones),
            row.milestones_done,
            "; ".join(f"{m.title} ({m.due_on.isoformat()})" for m in row.overdue),
        ]
        for row in dashboard.actions
    ]
    return header, rows


def _activities(dashboard):
    header = [
        _("Kind of activity"),
        _("Figure"),
        _("Total"),
        _("In the period"),
        _("Organisations"),
    ]
    rows = [
        [str(row.kind.label), str(label), total, in_period, row.organisations]
        for row in dashboard.activities
        for label, total, in_period in row.facts
    ]
    return header, rows


def _academies(dashboard):
    header = [_("Region"), _("Academies"), _("Participants"), _("Of them officials")]
    rows = [
        [
            row.region.name if row.region else _("Region not given"),
            row.academies,
            row.participants,
            row.officials,
        ]
        for row in dashboard.academies
    ]
    return header, rows


def _network(dashboard):
    header = [
        _("Kind of organisation"),
        _("Organisations asked"),
        _("With a representative"),
        _("Seats vacant"),
        _("Representatives named since the start"),
        _("Representatives who left since the start"),
    ]
    rows = [
        [
            str(row.label),
            row.organisations,
            row.represented,
            row.vacant,
            row.named_since_start,
            row.ended_since_start,
        ]
        for row in dashboard.network
    ]
    return header, rows


def _practices(dashboard):
    header = [
        _("Measure"),
        _("Waiting for review"),
        _("Returned for changes"),
        _("Published"),
        _("Published in the period"),
    ]

    def figures(pipeline):
        if pipeline is None:
            return [0, 0, 0, 0]
        return [
            pipeline.submitted,
            pipeline.returned,
            pipeline.published,
            pipeline.published_in_period,
        ]

    rows = [
        [item.measure.number, *figures(item.pipeline)]
        for _commitment, measures in dashboard.sections
        for item in measures
    ]
    rows.append([_("All practices"), *figures(dashboard.pipeline_total)])
    return header, rows


def _areas(dashboard):
    header = [
        _("Area"),
        _("Code"),
        _("On the map"),
        _("Organisations asked (N)"),
        _("Accepted reports (n)"),
        _("Share reported (%)"),
    ]
    rows = [
        [
            tile.name,
            tile.code,
            tile.abbreviation,
            tile.coverage.organisations,
            tile.coverage.reported,
            "" if tile.coverage.share is None else tile.coverage.share,
        ]
        for tile in dashboard.map.rows
    ]
    return header, rows


def _coverage_trend(dashboard):
    trends = dashboard.trends
    header = [_("Period")]
    for _index, label in trends.kinds:
        header += [
            f"{label}: {_('Organisations asked (N)')}",
            f"{label}: {_('Accepted reports (n)')}",
        ]
    rows = [
        [str(period)] + [number for cell in cells for number in (cell.organisations, cell.reported)]
        for period, cells in trends.coverage_rows
    ]
    return header, rows


def _activity_trend(dashboard):
    trends = dashboard.trends
    header = [_("Period"), *[str(label) for label in trends.activity_labels]]
    rows = [[str(period), *values] for period, values in trends.activity_rows]
    return header, rows


# name in the URL → (sheet title, the function giving header and rows)
TABLES = {
    "coverage": (gettext_lazy("Coverage"), _coverage),
    "areas": (gettext_lazy("Areas"), _areas),
    "recommendations": (gettext_lazy("Recommendations"), _recommendations),
    "actions": (gettext_lazy("Actions"), _actions),
    "activities": (gettext_lazy("Activities"), _activities),
    "academies": (gettext_lazy("Academies"), _academies),
    "network": (gettext_lazy("Network"), _network),
    "practices": (gettext_lazy("Good practices"), _practices),
    "coveragetrend": (gettext_lazy("Coverage by period"), _coverage_trend),
    "activitytrend": (gettext_lazy("Activities by period"), _activity_trend),
}


def dashboard_table(name, dashboard, preamble) -> Table:
    """The named table of the dashboard; KeyError for a name that is none of `TABLES`."""
    title, build = TABLES[name]
    header, rows = build(dashboard)
    return Table(header, rows, title=str(title), preamble=preamble)


def dashboard_tables(dashboard, preamble) -> list:
    """Every table, in the page's order: a workbook's sheets."""
    return [dashboard_table(name, dashboard, preamble) for name in TABLES]

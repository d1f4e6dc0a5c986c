"""What a meeting's pack shows: its sections as tables in the page's language, from the pack's
plain data (reporting/pack.py); and, for the live view of a finalised pack, the same tables
with every difference from the frozen pack marked."""

import datetime
import functools
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from avoin.exports import Table
from avoin.formats import finnish_date
from avoin.translation import active_language
from organisations.models import OrganisationKind
from reporting.models import ActionItemStatus, ActivityKind, ProgressStatus, ReportStatus

ALL_KINDS = gettext_lazy("All kinds")


@dataclass
class Cell:
    value: object
    was: object = None  # the frozen pack's value, where the live one differs
    changed: bool = False
    label: str = ""  # its column's heading, shown beside it on narrow screens


@dataclass
class Row:
    key: str
    cells: list
    added: bool = False  # in the live records, not in the frozen pack
    removed: bool = False  # in the frozen pack, no longer in the live records

    @property
    def head(self):
        """The first cell: the row's heading."""
        return self.cells[0]

    @property
    def rest(self):
        """The cells after the heading, each a value under its column."""
        return self.cells[1:]

    @property
    def changed(self):
        return self.added or self.removed or any(cell.changed for cell in self.cells)


@dataclass
class Section:
    key: str
    title: str
    intro: str
    header: list
    rows: list
    summary: str = ""
    empty: str = field(default_factory=lambda: _("Nothing in this section."))

    def __post_init__(self):
        for row in self.rows:
            for cell, heading in zip(row.cells, self.header, strict=False):
                cell.label = heading

    @property
    def changes(self):
        return sum(1 for row in self.rows if row.changed)

    def table(self, preamble=()):
        """The section as a sheet of a download; compared with the finalised pack, a last
        column says how each row differs."""
        marked = any(row.changed for row in self.rows)
        header = [*self.header, _("Difference from the finalised pack")] if marked else self.header
        rows = []
        for row in self.rows:
            values = [cell.value for cell in row.cells]
            if marked:
                values.append(_difference(row))
            rows.append(values)
        return Table(header, rows, title=self.title, preamble=preamble)


def _difference(row):
    if row.added:
        return _("added")
    if row.removed:
        return _("removed")
    changed = [cell for cell in row.cells if cell.changed]
    if changed:
        return "; ".join(_("was %(value)s") % {"value": cell.was} for cell in changed)
    return ""


def _name(names):
    """A name stored in every language ({"fi": …, "sv": …, "en": …}), in the page's."""
    if not names:
        return ""
    return names.get(active_language()) or names.get("fi") or ""


def _date(value):
    return finnish_date(datetime.date.fromisoformat(value)) if value else ""


def _period(period):
    return f"Q{period['quarter']}/{period['year']}" if period else ""


@functools.cache
def _choice_labels(choices, language):
    """{value: label} of a choices class in one language, translated once, not per cell."""
    return {choice.value: str(choice.label) for choice in choices}


def _label(choices, value):
    return _choice_labels(choices, get_language()).get(value, value)


def _kind(kind):
    return _label(OrganisationKind, kind) if kind else str(ALL_KINDS)


def _n_of(reported, organisations):
    if organisations is None:
        return "–"
    return _("%(n)s of %(total)s") % {"n": reported, "total": organisations}


def _coverage(data, pack):
    rows = [
        Row(
            row["key"],
            [
                Cell(_kind(row["kind"])),
                Cell(_n_of(row["reported"], row["organisations"])),
                Cell(_n_of(row["previous_reported"], row["previous_organisations"])),
            ],
        )
        for row in data["rows"]
    ]
    return Section(
        "coverage",
        _("Reporting coverage"),
        _(
            "Organisations with an accepted report for %(period)s, of those the plan asks "
            "something of, beside %(previous)s."
        )
        % {"period": _period(pack["period"]), "previous": _period(pack["previous_period"]) or "–"},
        [_("Organisations"), _period(pack["period"]), _period(pack["previous_period"]) or "–"],
        rows,
    )


def _statuses(data, pack):
    rows = []
    for row in data["rows"]:
        previous = row["previous"]
        change = "–" if previous is None else row["now"] - previous
        rows.append(
            Row(
                row["key"],
                [
                    Cell(row["measure"]),
                    Cell(_label(ProgressStatus, row["status"])),
                    Cell("–" if previous is None else previous),
                    Cell(row["now"]),
                    Cell(change),
                ],
            )
        )
    return Section(
        "statuses",
        _("Status changes per measure"),
        _("Accepted answers on the measure's recommendations, by status."),
        [
            _("Measure"),
            _("Status"),
            _period(pack["previous_period"]) or "–",
            _period(pack["period"]),
            pgettext("a difference", "Change"),
        ],
        rows,
    )


def _reports(data, pack):
    new, changed = _("New"), _("Changed")
    rows = [
        Row(
            row["key"],
            [
                Cell(_name(row["organisation"])),
                Cell(_kind(row["kind"])),
                Cell(_period(row["period"])),
                Cell(_label(ReportStatus, row["status"])),
                Cell(new if row["new"] else changed),
                Cell(_date(row["submitted_on"])),
            ],
        )
        for row in data["rows"]
    ]
    return Section(
        "reports",
        _("New and changed progress reports"),
        _("Reports submitted, reviewed or corrected since the last meeting."),
        [
            _("Organisation"),
            _("Kind"),
            _("Period"),
            _("Status"),
            _("New or changed"),
            _("Submitted"),
        ],
        rows,
    )


def _activities(data, pack):
    rows = [
        Row(
            row["key"],
            [
                Cell(_label(ActivityKind, row["kind"])),
                Cell(row["new"]),
                Cell(row["new_participants"]),
                Cell(row["new_completions"]),
                Cell(row["total"]),
                Cell(row["participants"]),
                Cell(row["completions"]),
                Cell(row["organisations"]),
            ],
        )
        for row in data["rows"]
    ]
    return Section(
        "activities",
        _("New activities and totals"),
        _(
            "Activities logged since the last meeting and all logged so far, whether or not "
            "their report has been accepted yet."
        ),
        [
            _("Kind"),
            _("New"),
            _("New: participants"),
            _("New: completions"),
            _("All"),
            _("All: participants"),
            _("All: completions"),
            _("Organisations"),
        ],
        rows,
    )


def _practices(data, pack):
    rows = [
        Row(
            row["key"],
            [
                Cell(_name(row["title"])),
                Cell("; ".join(_name(names) for names in row["organisations"])),
                Cell(", ".join(row["measures"]) or "–"),
                Cell(_date(row["published_on"])),
            ],
        )
        for row in data["rows"]
    ]
    return Section(
        "practices",
        _("Newly published good practices"),
        _("Good practices published since the last meeting."),
        [_("Title"), _("Organisations"), _("Measures"), _("Published")],
        rows,
    )


def _network(data, pack):
    changes = {"named": _("Representative named"), "ended": _("Seat left")}
    rows = [
        Row(
            row["key"],
            [
                Cell(_name(row["organisation"])),
                Cell(str(changes.get(row["change"], row["change"]))),
                Cell(_date(row["on"])),
            ],
        )
        for row in data["rows"]
    ]
    summary = data.get("summary") or {}
    return Section(
        "network",
        _("The representatives' network"),
        _("Changes of the state agencies' network representatives since the last meeting."),
        [_("Organisation"), pgettext("a difference", "Change"), _("Date")],
        rows,
        summary=_("%(n)s of %(total)s state agencies have a current representative.")
        % {"n": summary.get("represented", 0), "total": summary.get("agencies", 0)},
    )


def _milestones(data, pack):
    rows = [
        Row(
            row["key"],
            [Cell(row["action"]), Cell(_name(row["title"])), Cell(_date(row["due_on"]))],
        )
        for row in data["rows"]
    ]
    return Section(
        "milestones",
        _("Overdue milestones"),
        _("Milestones of the team's actions past their due date and not done."),
        [pgettext("of the programme", "Action"), _("Milestone"), _("Due")],
        rows,
    )


def _action_items(data, pack):
    rows = [
        Row(
            row["key"],
            [
                Cell(row["text"]),
                Cell(row["owner"]),
                Cell(_date(row["due_on"]) or "–"),
                Cell(_label(ActionItemStatus, row["status"])),
                Cell(row["concerns"] or "–"),
                Cell(_date(row["meeting_held_on"])),
            ],
        )
        for row in data["rows"]
    ]
    return Section(
        "action_items",
        _("Open action items"),
        _("Action items of earlier meetings that are still open."),
        [_("Action item"), _("Owner"), _("Due"), _("Status"), _("Concerns"), _("Recorded at")],
        rows,
    )


BUILDERS = {
    "coverage": _coverage,
    "statuses": _statuses,
    "reports": _reports,
    "activities": _activities,
    "practices": _practices,
    "network": _network,
    "milestones": _milestones,
    "action_items": _action_items,
}


def sections(pack) -> list[Section]:
    """The pack's sections as tables, in the pack's order."""
    return [
        builder(pack["sections"].get(key, {"rows": []}), pack) for key, builder in BUILDERS.items()
    ]


def compared(live, frozen) -> list[Section]:
    """The live sections with what differs from the frozen pack marked: changed cells keep
    the frozen value beside them, new rows are added, vanished rows removed."""
    frozen_sections = {section.key: section for section in sections(frozen)}
    result = []
    for section in sections(live):
        before = {row.key: row for row in frozen_sections[section.key].rows}
        rows = []
        for row in section.rows:
            old = before.pop(row.key, None)
            if old is None:
                row.added = True
            else:
                for cell, old_cell in zip(row.cells, old.cells, strict=False):
                    if cell.value != old_cell.value:
                        cell.changed, cell.was = True, old_cell.value
            rows.append(row)
        for old in before.values():
            old.removed = True
            rows.append(old)
        section.rows = rows
        result.append(section)
    return result


def pack_tables(pack_sections, preamble=()):
    """The sections as the sheets of a workbook."""
    return [section.table(preamble) for section in pack_sections]

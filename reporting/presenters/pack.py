"""What a meeting's pack shows: its sections as tables in the page's language, from the pack's
plain data (reporting/pack.py); and, for the live view of a finalised pack, the same tables
with every difference from the frozen pack marked (reporting/presenters/pack_tables.py).

The sections that list what changed row by row show a summary table and the latest rows. A
pack finalised before there were summaries (version 1) kept every row: its summary is counted
from them (`upgraded`), so that it reads, and compares, like a pack of today."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from avoin.formats import finnish_date
from avoin.translation import active_language
from organisations.models import OrganisationKind
from reporting.models import ActionItemStatus, ActivityKind, ProgressStatus, ReportStatus

from .pack_counts import (
    labels,
    network_counts,
    practice_counts,
    report_counts,
    upgraded,
)
from .pack_tables import Cell, Row, Section, mark_differences, pack_tables

__all__ = ["Cell", "Row", "Section", "compared", "pack_tables", "sections"]


def _name(names, language):
    """A name stored in every language ({"fi": …, "sv": …, "en": …}), in `language`."""
    if not names:
        return ""
    return names.get(language) or names.get("fi") or ""


def _date(value):
    return finnish_date(datetime.date.fromisoformat(value)) if value else ""


def _period(period):
    return f"Q{period['quarter']}/{period['year']}" if period else ""


def _n_of(reported, organisations):
    if organisations is None:
        return "–"
    return _("%(n)s of %(total)s") % {"n": reported, "total": organisations}


def _coverage(data, pack):
    kinds = labels(OrganisationKind)
    rows = [
        Row(
            row["key"],
            [
                Cell(kinds.get(row["kind"] or None, row["kind"])),
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
    statuses = labels(ProgressStatus)
    rows = []
    for row in data["rows"]:
        previous = row["previous"]
        change = "–" if previous is None else row["now"] - previous
        rows.append(
            Row(
                row["key"],
                [
                    Cell(row["measure"]),
                    Cell(statuses.get(row["status"], row["status"])),
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
    language, kinds, statuses = active_language(), labels(OrganisationKind), labels(ReportStatus)
    new, changed = _("New"), _("Changed")
    rows = [
        Row(
            row["key"],
            [
                Cell(_name(row["organisation"], language)),
                Cell(kinds.get(row["kind"], row["kind"])),
                Cell(_period(row["period"])),
                Cell(statuses.get(row["status"], row["status"])),
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
        counts=report_counts(data),
        total=data.get("total"),
    )


def _activities(data, pack):
    kinds = labels(ActivityKind)
    rows = [
        Row(
            row["key"],
            [
                Cell(kinds.get(row["kind"], row["kind"])),
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
    language = active_language()
    rows = [
        Row(
            row["key"],
            [
                Cell(_name(row["title"], language)),
                Cell("; ".join(_name(names, language) for names in row["organisations"])),
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
        counts=practice_counts(data),
        total=data.get("total"),
    )


def _network(data, pack):
    language = active_language()
    changes = {"named": _("Representative named"), "ended": _("Seat left")}
    rows = [
        Row(
            row["key"],
            [
                Cell(_name(row["organisation"], language)),
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
        counts=network_counts(data, changes),
        total=data.get("total"),
        summary=_("%(n)s of %(total)s state agencies have a current representative.")
        % {"n": summary.get("represented", 0), "total": summary.get("agencies", 0)},
    )


def _milestones(data, pack):
    language = active_language()
    rows = [
        Row(
            row["key"],
            [Cell(row["action"]), Cell(_name(row["title"], language)), Cell(_date(row["due_on"]))],
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
    statuses = labels(ActionItemStatus)
    rows = [
        Row(
            row["key"],
            [
                Cell(row["text"]),
                Cell(row["owner"]),
                Cell(_date(row["due_on"]) or "–"),
                Cell(statuses.get(row["status"], row["status"])),
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
    pack = upgraded(pack)
    return [
        builder(pack["sections"].get(key, {"rows": []}), pack) for key, builder in BUILDERS.items()
    ]


def compared(live, frozen) -> list[Section]:
    """The live sections with what differs from the frozen pack marked: changed cells keep
    the frozen value beside them, new rows are added, vanished rows removed."""
    frozen_sections = {section.key: section for section in sections(_seen(upgraded(frozen), live))}
    return [mark_differences(section, frozen_sections[section.key]) for section in sections(live)]


def _seen(frozen, live):
    """The frozen pack with, in each section the live one lists only the latest rows of, just
    the rows the live one lists: the others can be neither changed nor told apart from rows
    out of sight (a pack of version 1 kept hundreds)."""
    trimmed = {}
    for key, data in frozen["sections"].items():
        now = live["sections"].get(key, {"rows": []})
        if now.get("total", len(now["rows"])) > len(now["rows"]):
            listed = {row["key"] for row in now["rows"]}
            data = {**data, "rows": [row for row in data["rows"] if row["key"] in listed]}
        trimmed[key] = data
    return {**frozen, "sections": trimmed}

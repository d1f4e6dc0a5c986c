"""The summary tables above the rows of the pack's sections that grow with the data: reports
by kind of organisation, practices by measure, changes in the network (reporting/presenters/
pack.py). A pack of version 1 has no summaries: they are counted from its rows, which were all
kept then."""

import functools
from collections import Counter

from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from organisations.models import OrganisationKind
from reporting.models import ReportStatus
from reporting.pack_changes import number_order

from .pack_tables import Cell, Row, Section

ALL_KINDS = gettext_lazy("All kinds")


@functools.cache
def _choice_labels(choices, language):
    """{value: label} of a choices class in one language, translated once, not per cell."""
    return {choice.value: str(choice.label) for choice in choices}


def choice_label(choices, value):
    """A choice's label in the page's language."""
    return _choice_labels(choices, get_language()).get(value, value)


def kind_label(kind):
    """A kind of organisation, or all of them (None), in the page's language."""
    return choice_label(OrganisationKind, kind) if kind else str(ALL_KINDS)


def report_counts(data):
    """The reports of each kind of organisation: new, changed and by status; counted from
    the rows in a pack of version 1."""
    counts = data.get("counts", {}).get("rows")
    if counts is None:
        by_kind = {}
        for report in data["rows"]:
            row = by_kind.setdefault(
                report["kind"],
                {
                    "key": report["kind"],
                    "kind": report["kind"],
                    "new": 0,
                    "changed": 0,
                    "statuses": Counter(),
                },
            )
            row["new" if report["new"] else "changed"] += 1
            row["statuses"][report["status"]] += 1
        counts = [by_kind[kind] for kind in sorted(by_kind)]
    everyone = {"key": "all", "kind": None, "new": 0, "changed": 0, "statuses": Counter()}
    for row in counts:
        everyone["new"] += row["new"]
        everyone["changed"] += row["changed"]
        everyone["statuses"].update(row["statuses"])
    rows = [
        Row(
            row["key"],
            [
                Cell(kind_label(row["kind"])),
                Cell(row["new"]),
                Cell(row["changed"]),
                *(Cell(row["statuses"].get(status, 0)) for status in ReportStatus.values),
            ],
        )
        for row in [*counts, everyone]
        if counts
    ]
    return Section(
        "reports-counts",
        _("Progress reports by kind of organisation"),
        "",
        [
            _("Organisations"),
            _("New"),
            _("Changed"),
            *(str(label) for label in ReportStatus.labels),
        ],
        rows,
    )


def practice_counts(data):
    """The practices published under each measure, and in all (a practice may serve several
    measures); counted from the rows in a pack of version 1."""
    counts = data.get("counts", {}).get("rows")
    if counts is None:
        per_measure = Counter(number for row in data["rows"] for number in row["measures"])
        counts = [
            {"key": number, "measure": number, "practices": per_measure[number]}
            for number in sorted(per_measure, key=number_order)
        ]
    total = data.get("total", len(data["rows"]))
    rows = [Row(row["key"], [Cell(row["measure"]), Cell(row["practices"])]) for row in counts]
    if total:
        rows.append(Row("all", [Cell(_("All measures")), Cell(total)]))
    return Section(
        "practices-counts",
        _("Good practices by measure"),
        "",
        [_("Measure"), _("Published")],
        rows,
    )


def network_counts(data, changes):
    """How many representatives were named and how many left their seat; counted from the
    rows in a pack of version 1."""
    counts = data.get("counts", {}).get("rows")
    if counts is None:
        per_change = Counter(row["change"] for row in data["rows"])
        counts = [{"key": c, "change": c, "n": per_change[c]} for c in ("named", "ended")]
    rows = [
        Row(row["key"], [Cell(str(changes.get(row["change"], row["change"]))), Cell(row["n"])])
        for row in counts
    ]
    return Section(
        "network-counts",
        _("Changes in the network"),
        "",
        [pgettext("a difference", "Change"), _("Organisations")],
        rows,
    )

"""The summary tables above the rows of the pack's sections that grow with the data: reports
by kind of organisation, practices by measure, changes in the network (reporting/presenters/
pack.py). A pack of version 1 has no summaries: `upgraded` counts them from its rows, which
were all kept then."""

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
    """{value: label} of a choices class in one language, translated once, not per cell; for
    the kinds of organisation, None is all of them."""
    labels = {choice.value: str(choice.label) for choice in choices}
    if choices is OrganisationKind:
        labels[None] = str(ALL_KINDS)
    return labels


def labels(choices):
    """{value: label} of a choices class in the page's language: looked up once per table,
    as asking for the page's language costs more than the lookup."""
    return _choice_labels(choices, get_language())


def upgraded(pack):
    """A pack in the shape of today's: one of version 1 gets, in each section that grows
    with the data, the summary and total counted from its rows (it kept every row), and its
    rows the latest first, as the page lists them."""
    if pack.get("version", 1) >= 2:
        return pack
    upgrade = {}
    for key, (count, day) in _GROWING.items():
        data = pack["sections"].get(key)
        if data is None or "counts" in data:
            continue
        rows = sorted(data["rows"], key=lambda row, day=day: row.get(day) or "", reverse=True)
        upgrade[key] = {**data, "rows": rows, "counts": {"rows": count(rows)}, "total": len(rows)}
    return {**pack, "sections": {**pack["sections"], **upgrade}}


def _report_counts(reports):
    by_kind = {}
    for report in reports:
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
    return [by_kind[kind] for kind in sorted(by_kind)]


def _practice_counts(practices):
    per_measure = Counter(number for row in practices for number in row["measures"])
    return [
        {"key": number, "measure": number, "practices": per_measure[number]}
        for number in sorted(per_measure, key=number_order)
    ]


def _network_counts(changes):
    per_change = Counter(row["change"] for row in changes)
    return [{"key": c, "change": c, "n": per_change[c]} for c in ("named", "ended")]


# The sections that grow with the data: how a pack of version 1 is counted, and the date
# that orders its rows.
_GROWING = {
    "reports": (_report_counts, "submitted_on"),
    "practices": (_practice_counts, "published_on"),
    "network": (_network_counts, "on"),
}


def report_counts(data):
    """The reports of each kind of organisation: new, changed and by status, and in all."""
    counts = data.get("counts", {}).get("rows", [])
    everyone = {"key": "all", "kind": None, "new": 0, "changed": 0, "statuses": Counter()}
    for row in counts:
        everyone["new"] += row["new"]
        everyone["changed"] += row["changed"]
        everyone["statuses"].update(row["statuses"])
    kinds = labels(OrganisationKind)
    rows = [
        Row(
            row["key"],
            [
                Cell(kinds.get(row["kind"], row["kind"])),
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
    measures)."""
    counts = data.get("counts", {}).get("rows", [])
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
    """How many representatives were named and how many left their seat."""
    rows = [
        Row(row["key"], [Cell(str(changes.get(row["change"], row["change"]))), Cell(row["n"])])
        for row in data.get("counts", {}).get("rows", [])
    ]
    return Section(
        "network-counts",
        _("Changes in the network"),
        "",
        [pgettext("a difference", "Change"), _("Organisations")],
        rows,
    )

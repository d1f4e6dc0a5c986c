"""The tables of a meeting's pack (reporting/presenters/pack.py): rows and cells that know how
they differ from the finalised pack, sections that show at most the latest rows with a summary
table above them, and the same tables as the sheets of a workbook."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from avoin.exports import Table
from reporting.pack import LATEST


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
    """A section's rows. Of a section that grows with the data the page shows at most the
    latest `LATEST`: `total` says how many the records hold (None: a section that does not
    grow, whose rows are all here), `counts` is the summary table shown above them."""

    key: str
    title: str
    intro: str
    header: list
    rows: list
    summary: str = ""
    empty: str = field(default_factory=lambda: _("Nothing in this section."))
    counts: "Section | None" = None
    total: int | None = None

    def __post_init__(self):
        for row in self.rows:
            for cell, heading in zip(row.cells, self.header, strict=False):
                cell.label = heading

    @property
    def changes(self):
        own = sum(1 for row in self.rows if row.changed)
        return own + (self.counts.changes if self.counts else 0)

    @property
    def complete(self):
        """Whether the section holds every row, not only the latest."""
        return self.total is None or self.total <= len(self.current)

    @property
    def current(self):
        return [row for row in self.rows if not row.removed]

    @property
    def shown(self):
        """The rows on the page: of a section that grows with the data, the latest `LATEST`,
        then those gone since the pack was finalised (as many at most); of others, all."""
        if self.total is None:
            return self.rows
        gone = [row for row in self.rows if row.removed]
        return self.current[:LATEST] + gone[:LATEST]

    @property
    def latest(self):
        """How many of the current rows the page shows."""
        current = len(self.current)
        return current if self.total is None else min(current, LATEST)

    @property
    def more(self):
        """How many rows the page leaves out."""
        current = len(self.current)
        total = current if self.total is None else max(self.total, current)
        return total - self.latest

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
        if not self.complete:
            preamble = [
                *preamble,
                (
                    _("Rows"),
                    _("the latest %(n)s of %(total)s")
                    % {"n": len(self.current), "total": self.total},
                ),
            ]
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


def mark_differences(section, frozen):
    """Mark in the live `section` what differs from the `frozen` one: changed cells keep the
    frozen value beside them, new rows are added, vanished rows removed; the same in its
    summary table."""
    before = {row.key: row for row in frozen.rows}
    for row in section.rows:
        old = before.pop(row.key, None)
        if old is None:
            row.added = True
            continue
        for cell, old_cell in zip(row.cells, old.cells, strict=False):
            if cell.value != old_cell.value:
                cell.changed, cell.was = True, old_cell.value
    # Only a section that holds every row can tell a row is gone: from the latest rows,
    # older ones drop out of sight without leaving the records (its counts still differ).
    if section.complete:
        for old in before.values():
            old.removed = True
            section.rows.append(old)
    if section.counts is not None and frozen.counts is not None:
        mark_differences(section.counts, frozen.counts)
    return section


def pack_tables(pack_sections, preamble=()):
    """The sections as the sheets of a workbook, each summary before its rows."""
    tables = []
    for section in pack_sections:
        if section.counts is not None:
            tables.append(section.counts.table(preamble))
        tables.append(section.table(preamble))
    return tables

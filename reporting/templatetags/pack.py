"""`{% pack_rows rows %}`: the rows of a pack's table (reporting/presenters/pack_tables.py).

A pack has thousands of cells, so they are written here in one pass rather than by a template
loop that resolves the same lookups and calls the escaping wrappers cell by cell; the markup
and its escaping are what the loop wrote: the row's heading, marked when the row was added or
removed since the pack was finalised, then each cell under its column's name."""

import html

from django import template
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


def _escaped(value):
    """As the template escapes a value: localised, and escaped unless already safe HTML."""
    value = localize(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _head(row, finalised):
    cell = row.head
    mark = ""
    if row.added or row.removed:
        said = gettext("Added:") if row.added else gettext("Removed:")
        mark = f'<span class="row-mark">{_escaped(said)}</span> '
    if cell.changed:
        was = _escaped(finalised % {"value": localize(cell.was)})
        return (
            f'<th scope="row" class="changed">{mark}<mark>{_escaped(cell.value)}</mark> '
            f'<span class="was">({was})</span></th>'
        )
    return f'<th scope="row">{mark}{_escaped(cell.value)}</th>'


def _cells(row, finalised):
    cells = []
    for cell in row.rest:
        label, value = _escaped(cell.label), _escaped(cell.value)
        if cell.changed:
            was = _escaped(finalised % {"value": localize(cell.was)})
            cells.append(
                f'<td data-label="{label}" class="changed"><mark>{value}</mark> '
                f'<span class="was">({was})</span></td>'
            )
        else:
            cells.append(f'<td data-label="{label}">{value}</td>')
    return "".join(cells)


@register.simple_tag
def pack_rows(rows):
    """Each row: its heading, then each cell under its column's name (shown beside it on
    narrow screens); a value that differs from the finalised pack marked, the finalised
    value beside it; an added or removed row says so in words, not by colour alone."""
    finalised = gettext("finalised: %(value)s")
    lines = []
    for row in rows:
        state = ' class="added"' if row.added else ' class="removed"' if row.removed else ""
        lines.append(f"<tr{state}>{_head(row, finalised)}{_cells(row, finalised)}</tr>")
    return mark_safe("\n".join(lines))

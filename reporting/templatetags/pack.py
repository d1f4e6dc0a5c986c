"""`{% pack_cells row %}`: the cells of a pack row after its heading (reporting/presenters/pack.py).

A pack has thousands of cells, so they are written here in one pass rather than by a template
loop that resolves the same lookups and calls the escaping wrappers cell by cell; the markup
and its escaping are what the loop wrote."""

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


@register.simple_tag
def pack_cells(row):
    """Each cell under its column's name (shown beside it on narrow screens); a value that
    differs from the finalised pack marked, the finalised value beside it."""
    finalised = gettext("finalised: %(value)s")
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
    return mark_safe("".join(cells))

"""Template helpers used on every page."""

import datetime

from django import template

register = template.Library()


@register.filter
def finnish_date(value, precision="day"):
    """Dates as Finns write them: 9.2.2024, 10/2023 or 2027, whatever the page language."""
    if not isinstance(value, datetime.date):
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{value.month}/{value.year}"
    return f"{value.day}.{value.month}.{value.year}"


@register.simple_tag(takes_context=True)
def querystring_with(context, query, **changes):
    """The current filter query string with some parameters replaced (for pagination)."""
    from django.http import QueryDict

    params = QueryDict(query, mutable=True)
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()

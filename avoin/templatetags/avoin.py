"""Template helpers used on every page."""

from django import template
from django.http import QueryDict
from django.utils.safestring import mark_safe

from avoin import formats, markup, permissions
from avoin.contributions import sections_for

register = template.Library()


@register.filter
def finnish_date(value, precision="day"):
    """`{{ day|finnish_date }}` 9.2.2024; precision "minute", "month" or "year" (see formats)."""
    return formats.finnish_date(value, precision)


@register.filter
def in_working_group(user):
    """`{% if user|in_working_group %}`: the working group or the ministry team."""
    return permissions.is_working_group(user)


@register.filter
def rich_text(value):
    """Markdown typed in a form, as sanitised HTML (avoin/markup.py)."""
    return markup.render(value)


@register.simple_tag
def querystring_with(query, **changes):
    """The current filter query string with some parameters replaced (for pagination)."""
    params = QueryDict(query, mutable=True)
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag(takes_context=True)
def contributions(context, page, obj):
    """Render the sections other apps contribute to `page` for `obj` (avoin.contributions)."""
    rendered = []
    for template_name, section_context in sections_for(page, obj):
        with context.push(**section_context):
            rendered.append(context.template.engine.get_template(template_name).render(context))
    return mark_safe("".join(rendered))

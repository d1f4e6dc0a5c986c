"""`{{ measure.title|letter }}`: the letter's Finnish text verbatim, its slips marked [sic]."""

from django import template
from django.utils.html import escape

from commitments.letter import marked

register = template.Library()


@register.filter
def letter(value):
    """Mark the slips in Finnish letter text; translations (and empty values) pass as they are."""
    if not value or getattr(value, "lang", "fi") != "fi":
        return escape(value or "")
    return marked(str(value))

"""The progress dashboard's figures, rendered once per content version (docs/adr/0046).

Working out the figures reads every accepted report, activity and practice (about 300 ms at
ten times the national volume), yet they change only when a record of the public-content apps
changes, which writes a new content version (docs/adr/0041). So the rendered figures are kept
in the cache under a key made of everything they depend on: the language, the period, the
filters, the content version and the day. A change is visible on the next request (the old
entries are never read again and expire); two readers of the same view share one rendering.
The fragment holds nothing of the reader: no name, no CSRF token, no link that depends on who
asks (the whole dashboard is for the team and the working group alike)."""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from avoin.page_cache import content_key

from .dashboard import Dashboard

TEMPLATE = "reporting/monitoring/_figures.html"


def figures_key(form) -> str:
    """The cache key of the figures a valid filter form asks for, in the active language."""
    return content_key("dashboard", translation.get_language(), form.query())


def rendered_figures(form) -> str:
    """The dashboard's figures as HTML, from the cache when this view of this content was
    rendered before (`PAGE_CACHE_SECONDS` 0 turns the cache off)."""
    seconds = settings.PAGE_CACHE_SECONDS
    key = figures_key(form)
    html = cache.get(key) if seconds else None
    if html is None:
        dashboard = Dashboard(form.chosen_period(), organisations=form.organisations())
        html = render_to_string(TEMPLATE, {"dashboard": dashboard, "query": form.query()})
        if seconds:
            cache.set(key, html, timeout=seconds)
    return mark_safe(html)  # rendered by our own template, escaped there

"""Sections that one app contributes to another app's page, so that dependencies point one way.

The organisation page belongs to `organisations`, which imports nothing from `commitments` or
`reporting`; yet the page shows what the plan asks of such organisations (commitments) and their
good practices (reporting). Each of those apps registers a section for the page in its
`AppConfig.ready()`:

    contribute("organisation_detail", practices_of_organisation)

A section is a function of the page's object that returns `(template_name, context)`, or None
when it has nothing to show. The page's template renders them, in the order of
INSTALLED_APPS, with `{% contributions "organisation_detail" organisation %}`
(`avoin/templatetags/avoin.py`). Knows no domain app. See docs/adr/0009.
"""

from collections import defaultdict
from collections.abc import Callable

Section = Callable[[object], tuple[str, dict] | None]

_sections: dict[str, list[Section]] = defaultdict(list)


def contribute(page: str, section: Section) -> None:
    """Add `section` to `page`; registering the same function twice adds it once."""
    if section not in _sections[page]:
        _sections[page].append(section)


def sections_for(page: str, obj) -> list[tuple[str, dict]]:
    """The sections that have something to show for `obj` on `page`."""
    return [shown for section in _sections[page] if (shown := section(obj)) is not None]

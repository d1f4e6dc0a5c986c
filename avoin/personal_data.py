"""What Avoin holds about a person, and how long: sections and retention steps that apps add.
Knows no domain app.

- A *section* of "My data" is a function of a user that returns rows (dicts of plain values);
  apps register theirs in `AppConfig.ready()` with `section_register`. The page and its JSON
  download show every section, in the order of INSTALLED_APPS.
- A *retention step* removes or anonymises one kind of personal data once its time is up
  (docs/adr/0032). Apps register theirs with `retention_register`; `manage.py
  purge_personal_data` runs every step in order. A step is a function
  `step(*, now, dry_run) -> int` that returns how many records it removed or anonymised (or
  would, with `dry_run`), history rows included, and is idempotent.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str  # the section's name in the JSON download
    title: str  # a lazy translation: the heading on the page
    columns: tuple  # (key, label) pairs: what the page shows of each row, in order
    rows: Callable  # rows(user) -> list of dicts with (at least) the columns' keys


@dataclass(frozen=True)
class RetentionStep:
    key: str  # names the step in the command's output and the security log
    description: str  # a lazy translation: what it removes, and after how long
    run: Callable  # run(*, now, dry_run) -> int


_sections: list[Section] = []
_steps: list[RetentionStep] = []


def _add(registry, item):
    if all(existing.key != item.key for existing in registry):
        registry.append(item)


def section_register(section: Section) -> None:
    """Add a section to "My data"; a key registered twice is added once."""
    _add(_sections, section)


def retention_register(step: RetentionStep) -> None:
    """Add a retention step to `purge_personal_data`; a key registered twice is added once."""
    _add(_steps, step)


def sections() -> list[Section]:
    return list(_sections)


def retention_steps() -> list[RetentionStep]:
    return list(_steps)


def personal_data_of(user) -> dict:
    """Everything the sections hold about `user`: {section key: [rows]}."""
    return {section.key: section.rows(user) for section in _sections}

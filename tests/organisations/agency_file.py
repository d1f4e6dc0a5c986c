"""What the shipped agency file says, read here on its own so that tests check the loader by it."""

import csv
import datetime
from functools import cache

from organisations.services.registry import AGENCIES_FILE, DATA_DIR


@cache
def rows():
    with open(DATA_DIR / AGENCIES_FILE, encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def day(text):
    return datetime.date.fromisoformat(text) if text else None


def named_successors(row):
    """[(Finnish name, what passes)] as the row writes them; '(…)' alone names nobody."""
    named = []
    for part in row["successor_name_fi"].split(";"):
        part = part.strip()
        if not part or part.startswith("("):
            continue
        name, _, rest = part.partition(" (")
        named.append((name.strip(), rest.rstrip(")")))
    return named


def ended_rows():
    return [row for row in rows() if row["valid_to"]]


def successor_starts():
    """{successor only named in the file: its first day}, from the ended rows that name it."""
    names = {row["name_fi"] for row in rows()}
    starts = {}
    for row in ended_rows():
        for name, _note in named_successors(row):
            if name not in names:
                first = day(row["valid_to"]) + datetime.timedelta(days=1)
                starts[name] = min(starts.get(name, first), first)
    return starts


def agencies_on(when):
    """Finnish names of the agencies that exist on `when`, by the file."""
    existing = {
        row["name_fi"]
        for row in rows()
        if (not row["valid_from"] or day(row["valid_from"]) <= when)
        and (not row["valid_to"] or day(row["valid_to"]) >= when)
    }
    return existing | {name for name, first in successor_starts().items() if first <= when}

"""Successions as the data files write them: `A; B (what passes)` after an organisation ends."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from organisations.models import Organisation, Succession

SEPARATOR = ";"
NAME_AND_NOTE = re.compile(r"(?P<name>.+?)\s*\((?P<note>[^()]+)\)")


@dataclass(frozen=True)
class SuccessorName:
    """A successor named in a file: its Finnish name and, where only part passes, what."""

    name_fi: str
    note: str = ""


def successors_parse(text: str) -> list[SuccessorName]:
    """Read `A; B (environmental permits)`; a value wholly in parentheses names nobody.

    `(no state successor: …)` records that the tasks left the state, so there is nothing to link.
    """
    named = []
    for part in (text or "").split(SEPARATOR):
        part = part.strip()
        if not part or part.startswith("("):
            continue
        match = NAME_AND_NOTE.fullmatch(part)
        if match:
            named.append(SuccessorName(match["name"].strip(), match["note"].strip()))
        else:
            named.append(SuccessorName(part))
    return named


def successor_starts_on(predecessor: Organisation) -> datetime.date:
    """A successor named for an ended organisation exists from the day after its end."""
    return predecessor.valid_to + datetime.timedelta(days=1)


def succession_record(
    *, predecessor: Organisation, successor: Organisation, note: str = ""
) -> bool:
    """Link an ended organisation to one that carries on its tasks; True when the link is new.

    Links are only ever added here: a wrong one is removed in the admin.
    """
    if predecessor.valid_to is None:
        raise ValidationError(
            _("%(name)s has not ended, so it has no successor.") % {"name": predecessor.name_fi}
        )
    succession, created = Succession.objects.get_or_create(
        predecessor=predecessor, successor=successor, defaults={"note": note}
    )
    if not created and note and succession.note != note:
        succession.note = note
        succession.save(update_fields=["note"])
    return created

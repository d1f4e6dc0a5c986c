"""The plan's versions (docs/adr/0044): recording amendments, re-applying them after the letter
is loaded again, and the wording a measure, recommendation or action had on a given day."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avoin.translation import Localized, active_language

from .models import (
    Action,
    Amendment,
    AmendmentKind,
    Measure,
    PlanVersion,
    Programme,
    Recommendation,
)

LANGUAGES = ("fi", "sv", "en")
FIRST_VERSION_TITLES = (
    "Lokakuun 2023 toimintaohjelma",
    "Handlingsprogrammet från oktober 2023",
    "The October 2023 action plan",
)


def first_version_load(programme: Programme) -> PlanVersion:
    """v1: the plan as the letter gives it, in effect from its publication."""
    title_fi, title_sv, title_en = FIRST_VERSION_TITLES
    version, _created = PlanVersion.objects.update_or_create(
        programme=programme,
        number=1,
        defaults={
            "effective_from": programme.published_on,
            "title_fi": title_fi,
            "title_sv": title_sv,
            "title_en": title_en,
        },
    )
    return version


def target_by_code(code: str):
    """A measure ("1.1"), recommendation ("R1.1-p2") or action ("1.1.a1") by its code."""
    code = (code or "").strip()
    for model, field in ((Recommendation, "code"), (Action, "code"), (Measure, "number")):
        found = model.objects.filter(**{field: code}).first()
        if found is not None:
            return found
    return None


def amendment_record(
    *,
    version: PlanVersion,
    kind: str,
    target,
    reason: dict,
    wording: dict | None = None,
    effective_on: datetime.date | None = None,
    by,
) -> Amendment:
    """Record one change of `version` to `target`. A rewording keeps the earlier wording in the
    amendment and puts the new one on the target; `reason` and `wording` map language → text."""
    wording = wording or {}
    if version.number == 1:
        raise ValidationError(_("Version 1 is the plan as the letter gives it."), code="v1")
    if kind == AmendmentKind.REWORDED and not wording.get("fi", "").strip():
        raise ValidationError(_("Write the new wording in Finnish."), code="wording")
    field = Amendment.wording_field(target)
    with transaction.atomic():
        target = type(target).objects.select_for_update().get(pk=target.pk)
        if Amendment.objects.of(target).filter(kind=AmendmentKind.RETIRED).exists():
            raise ValidationError(_("It has already been retired."), code="retired")
        amendment = Amendment(
            version=version,
            kind=kind,
            effective_on=effective_on or version.effective_from,
            recorded_by=by,
            **{Amendment.field_for(target): target},
            **{f"reason_{lang}": reason.get(lang, "") for lang in LANGUAGES},
            **{f"wording_before_{lang}": getattr(target, f"{field}_{lang}") for lang in LANGUAGES},
        )
        if kind == AmendmentKind.REWORDED:
            for lang in LANGUAGES:
                setattr(amendment, f"wording_after_{lang}", wording.get(lang, ""))
                setattr(target, f"{field}_{lang}", wording.get(lang, ""))
            target.save()
        amendment.full_clean()
        amendment._history_user = by
        amendment.save()
    return amendment


def amendments_apply(programme: Programme) -> None:
    """Put the reworded texts back after the letter has been loaded again."""
    rewordings = Amendment.objects.filter(
        version__programme=programme, kind=AmendmentKind.REWORDED
    ).select_related("measure", "recommendation", "action")
    for amendment in rewordings.order_by("effective_on", "pk"):
        target = amendment.target
        field = Amendment.wording_field(target)
        for lang in LANGUAGES:
            setattr(target, f"{field}_{lang}", getattr(amendment, f"wording_after_{lang}"))
        target.save()


def wordings_on(targets, day: datetime.date) -> dict:
    """The wording each of `targets` (of one model) had on `day`, where it has been reworded
    since: {pk: Localized text}. One query whatever the number of targets."""
    targets = list(targets)
    if not targets:
        return {}
    field = Amendment.field_for(targets[0])
    later = Amendment.objects.filter(
        kind=AmendmentKind.REWORDED, effective_on__gt=day, **{f"{field}__in": targets}
    ).order_by("effective_on", "pk")
    wordings = {}
    language = active_language()
    for amendment in later:
        key = getattr(amendment, f"{field}_id")
        if key not in wordings:
            text = getattr(amendment, f"wording_before_{language}") or amendment.wording_before_fi
            lang = language if getattr(amendment, f"wording_before_{language}") else "fi"
            wordings[key] = Localized(text, lang)
    return wordings

"""Good practices: submission, moderation and the checks that help moderators."""

import difflib

from django.db import transaction
from django.utils import timezone

from avoin.mail import absolute_url, send_templated_mail

from .models import GoodPractice

DUPLICATE_SIMILARITY = 0.75


def _save(practice, by, fields):
    practice._history_user = by
    practice.save(update_fields=[*fields, "updated_at"])
    return practice


def good_practice_submit(*, practice: GoodPractice, by) -> GoodPractice:
    """Send a draft or returned practice to the ministry team for review."""
    practice.status = GoodPractice.Status.SUBMITTED
    practice.submitted_at = timezone.now()
    return _save(practice, by, ["status", "submitted_at"])


def good_practice_publish(*, practice: GoodPractice, by) -> GoodPractice:
    practice.status = GoodPractice.Status.PUBLISHED
    practice.published_at = practice.published_at or timezone.now()
    practice.moderation_note = ""
    return _save(practice, by, ["status", "published_at", "moderation_note"])


def good_practice_return(*, practice: GoodPractice, by, note: str) -> GoodPractice:
    """Return a practice for changes; its submitter is emailed the note."""
    with transaction.atomic():
        practice.status = GoodPractice.Status.RETURNED
        practice.moderation_note = note
        _save(practice, by, ["status", "moderation_note"])
    send_templated_mail(
        to=[practice.created_by.email],
        template="practice_returned",
        context={
            "practice": practice,
            "note": note,
            "url": absolute_url(practice.get_absolute_url()),
        },
        language=practice.language,
    )
    return practice


def good_practice_withdraw(*, practice: GoodPractice, by, note: str = "") -> GoodPractice:
    """Take a published practice off the public pages; it is kept, never deleted."""
    practice.status = GoodPractice.Status.WITHDRAWN
    practice.moderation_note = note
    return _save(practice, by, ["status", "moderation_note"])


def _normalised(title):
    return " ".join(title.lower().split())


def possible_duplicates(practice: GoodPractice):
    """Other practices of the same organisations whose titles are much alike."""
    candidates = (
        GoodPractice.objects.of_organisations(practice.organisations.all())
        .exclude(pk=practice.pk)
        .exclude(status=GoodPractice.Status.WITHDRAWN)
        .only("pk", "title", "status")
    )
    title = _normalised(practice.title)
    return [
        candidate
        for candidate in candidates
        if difflib.SequenceMatcher(None, title, _normalised(candidate.title)).ratio()
        >= DUPLICATE_SIMILARITY
    ]

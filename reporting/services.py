"""Good practices: submission and moderation, each transition guarded where it happens."""

import difflib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.mail import absolute_url, send_templated_mail

from .models import GoodPractice, PracticeStatus

DUPLICATE_SIMILARITY = 0.75


class StaleTransition(ValidationError):
    """The practice was no longer in the status the transition starts from."""


def _transition(practice, *, by, allowed_from, to, **changes) -> GoodPractice:
    """Move `practice` to status `to` under a row lock, if it is still in `allowed_from`.

    Two moderators at once: the first one's change stands, the second gets a StaleTransition
    naming the status the practice is in now. `practice` is refreshed either way.
    """
    with transaction.atomic():
        locked = GoodPractice.objects.select_for_update().get(pk=practice.pk)
        if locked.status not in allowed_from:
            practice.refresh_from_db()
            raise StaleTransition(
                _("The practice is now “%(status)s”, so this can no longer be done.")
                % {"status": locked.get_status_display()},
                code="stale",
            )
        locked.status = to
        for field, value in changes.items():
            setattr(locked, field, value)
        locked._history_user = by
        locked.save(update_fields=["status", *changes, "updated_at"])
    practice.refresh_from_db()
    return practice


def good_practice_submit(*, practice: GoodPractice, by) -> GoodPractice:
    """Send a draft or returned practice to the ministry team for review."""
    return _transition(
        practice,
        by=by,
        allowed_from=GoodPractice.EDITABLE,
        to=PracticeStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )


def good_practice_publish(*, practice: GoodPractice, by) -> GoodPractice:
    """Publish a submitted practice on the public pages."""
    return _transition(
        practice,
        by=by,
        allowed_from=[PracticeStatus.SUBMITTED],
        to=PracticeStatus.PUBLISHED,
        published_at=practice.published_at or timezone.now(),
        moderation_note="",
    )


def good_practice_return(*, practice: GoodPractice, by, note: str) -> GoodPractice:
    """Return a submitted practice for changes; its submitter is emailed the note."""
    with transaction.atomic():
        practice = _transition(
            practice,
            by=by,
            allowed_from=[PracticeStatus.SUBMITTED],
            to=PracticeStatus.RETURNED,
            moderation_note=note,
        )
        send_templated_mail(
            to=[practice.created_by.email],
            template="practice_returned",
            context={
                "practice": practice,
                "note": note,
                "url": absolute_url(practice.get_absolute_url()),
            },
            language=practice.language,
            about=practice,
        )
    return practice


def good_practice_withdraw(*, practice: GoodPractice, by, note: str = "") -> GoodPractice:
    """Take a published practice off the public pages; it is kept, never deleted."""
    return _transition(
        practice,
        by=by,
        allowed_from=[PracticeStatus.PUBLISHED],
        to=PracticeStatus.WITHDRAWN,
        moderation_note=note,
    )


def _normalised(title):
    return " ".join(title.lower().split())


def possible_duplicates(practice: GoodPractice):
    """Other practices of the same organisations whose titles are much alike."""
    candidates = (
        GoodPractice.objects.of_organisations(practice.organisations.all())
        .exclude(pk=practice.pk)
        .exclude(status=PracticeStatus.WITHDRAWN)
        .only("pk", "title", "status")
    )
    title = _normalised(practice.title)
    return [
        candidate
        for candidate in candidates
        if difflib.SequenceMatcher(None, title, _normalised(candidate.title)).ratio()
        >= DUPLICATE_SIMILARITY
    ]

"""Good practices: submission and moderation, each transition guarded where it happens."""

import difflib

from django.db import transaction
from django.utils import timezone

from avoin.mail import absolute_url, reverse_in, send_templated_mail
from avoin.permissions import ministry_team_addresses
from avoin.workflow import transition
from reporting.models import GoodPractice, PracticeStatus

DUPLICATE_SIMILARITY = 0.75


def good_practice_submit(*, practice: GoodPractice, by) -> GoodPractice:
    """Send a draft or returned practice to the ministry team for review; the team is told."""
    with transaction.atomic():
        practice = transition(
            practice,
            by=by,
            allowed_from=GoodPractice.EDITABLE,
            to=PracticeStatus.SUBMITTED,
            submitted_at=timezone.now(),
        )
        send_templated_mail(
            to=ministry_team_addresses(),
            template="practice_submitted",
            context={
                "practice": practice,
                "organisations": ", ".join(o.name_fi for o in practice.organisations.all()),
                "url": absolute_url(reverse_in("fi", "reporting:practice_moderate", [practice.pk])),
            },
            language="fi",
            about=practice,
        )
    return practice


def good_practice_publish(*, practice: GoodPractice, by) -> GoodPractice:
    """Publish a submitted practice on the public pages; its submitter is told."""
    with transaction.atomic():
        practice = transition(
            practice,
            by=by,
            allowed_from=[PracticeStatus.SUBMITTED],
            to=PracticeStatus.PUBLISHED,
            published_at=practice.published_at or timezone.now(),
            moderation_note="",
        )
        _tell_submitter(practice, template="practice_published")
    return practice


def good_practice_return(*, practice: GoodPractice, by, note: str) -> GoodPractice:
    """Return a submitted practice for changes; its submitter is emailed the note."""
    with transaction.atomic():
        practice = transition(
            practice,
            by=by,
            allowed_from=[PracticeStatus.SUBMITTED],
            to=PracticeStatus.RETURNED,
            moderation_note=note,
        )
        _tell_submitter(practice, template="practice_returned", note=note)
    return practice


def _tell_submitter(practice, *, template, **context):
    """Queue mail to the practice's submitter, in the practice's language, with its link."""
    url = absolute_url(reverse_in(practice.language, "reporting:practice_detail", [practice.pk]))
    send_templated_mail(
        to=[practice.created_by.email],
        template=template,
        context={"practice": practice, "url": url, **context},
        language=practice.language,
        about=practice,
    )


def good_practice_withdraw(*, practice: GoodPractice, by, note: str = "") -> GoodPractice:
    """Take a published practice off the public pages; it is kept, never deleted."""
    return transition(
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

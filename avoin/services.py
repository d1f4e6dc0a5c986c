"""Signing in: the services behind the sign-in views."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from avoin.mail import SignInLink, send_templated_mail
from avoin.models import RetentionRun
from avoin.permissions import signs_in_with_password
from avoin.personal_data import retention_steps
from avoin.security_log import Event, masked_email, security_event


def sign_in_link_send(*, email: str, language: str, request=None) -> bool:
    """Email a sign-in link if `email` belongs to an active member; say nothing either way."""
    user = (
        get_user_model()
        .objects.filter(email__iexact=email.strip(), is_active=True, memberships__isnull=False)
        .distinct()
        .first()
    )
    if user is None or signs_in_with_password(user):
        security_event(
            Event.LINK_REQUESTED, request=request, sent=False, attempted=masked_email(email)
        )
        return False
    security_event(Event.LINK_REQUESTED, request=request, user=user, sent=True)
    with translation.override(language):
        next_path = reverse("account_home")
    send_templated_mail(
        to=[user.email],
        template="sign_in_link",
        context={"link": SignInLink.for_user(user, next_path=next_path)},
        language=language,
        urgent=True,  # someone is waiting for it: sent at once, the worker retries if need be
    )
    return True


def personal_data_purge(*, now, dry_run: bool = False) -> dict:
    """Run every retention step (avoin.personal_data); record the run and log it unless dry.
    Returns {step key: records removed or anonymised}. Running it again removes nothing more."""
    counts = {step.key: step.run(now=now, dry_run=dry_run) for step in retention_steps()}
    if not dry_run:
        RetentionRun.objects.create(ran_at=now, counts=counts)
        security_event(Event.PERSONAL_DATA_PURGED, counts=counts, total=sum(counts.values()))
    return counts

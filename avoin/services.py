"""Signing in: the services behind the sign-in views."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from avoin.mail import SignInLink, send_templated_mail
from avoin.permissions import signs_in_with_password


def sign_in_link_send(*, email: str, language: str) -> bool:
    """Email a sign-in link if `email` belongs to an active member; say nothing either way."""
    user = (
        get_user_model()
        .objects.filter(email__iexact=email.strip(), is_active=True, memberships__isnull=False)
        .distinct()
        .first()
    )
    if user is None or signs_in_with_password(user):
        return False
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

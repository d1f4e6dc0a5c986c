"""Emails in the recipient's language, with sign-in links that never reach a log."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from sesame.utils import get_query_string


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def reverse_in(language: str, name: str, args=()) -> str:
    """The path of a named URL in the given language (for links in mail)."""
    with translation.override(language):
        return reverse(name, args=args)


def sign_in_link(user, *, next_path: str, language: str) -> str:
    """A link that signs `user` in (10 minutes, once) and then opens `next_path`."""
    with translation.override(language):
        path = reverse("login_link")
    return absolute_url(path) + get_query_string(user) + "&" + urlencode({"next": next_path})


def send_templated_mail(*, to: list[str], template: str, context: dict, language: str) -> int:
    """Render `emails/<template>_subject.txt` and `emails/<template>.txt` and send them."""
    recipients = sorted({address.strip().lower() for address in to if address})
    if not recipients:
        return 0
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)

"""Addresses in emails: absolute URLs, and sign-in links that never reach a log or the database.

A message with a sign-in link is stored with a placeholder; the link is made when the worker
sends it, for a user known then (`SignInLink.for_user`) or for the account that a rule
registered by a domain app finds or creates for the recipient (`SignInLink.for_recipient`):
the nomination rounds make each address they write to an editor of its organisation, when the
message is sent. Knows no domain app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from sesame.utils import get_query_string

# What a body holds where its sign-in link goes, until the message is sent.
LINK_PLACEHOLDER = "[[avoin:sign-in-link]]"

# name -> function(address=..., about=...) returning the account a link for `address` signs in
_account_rules: dict[str, Callable] = {}


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def reverse_in(language: str, name: str, args=(), kwargs=None) -> str:
    """The path of a named URL in the given language (for links in mail, and tests of a page
    in a language other than the one active)."""
    with translation.override(language):
        return reverse(name, args=args, kwargs=kwargs)


def sign_in_link(user, *, next_path: str, language: str) -> str:
    """A link that signs `user` in (10 minutes, once) and then opens `next_path`."""
    with translation.override(language):
        path = reverse("login_link")
    return absolute_url(path) + get_query_string(user) + "&" + urlencode({"next": next_path})


def account_rule_register(name: str, rule: Callable) -> None:
    """Let `SignInLink.for_recipient(account=name)` find the recipient's account with `rule`:
    `rule(address=..., about=...)` gets the address and the record the message is about."""
    _account_rules[name] = rule


def account_for(rule: str, *, address: str, about):
    return _account_rules[rule](address=address, about=about)


@dataclass(frozen=True)
class SignInLink:
    """A sign-in link for an email, made only when the message is sent.

    Put it in a mail context (`{"link": SignInLink.for_user(user, next_path=...)}`): the stored
    body holds a placeholder, never a token, and the link is fresh when it arrives, however long
    the message waited in the outbox.
    """

    next_path: str
    user_id: int | None = None
    account_rule: str = ""

    @classmethod
    def for_user(cls, user, *, next_path: str) -> "SignInLink":
        return cls(next_path=next_path, user_id=user.pk)

    @classmethod
    def for_recipient(cls, *, next_path: str, account_rule: str) -> "SignInLink":
        """A link for whoever the message goes to, found or created by a registered rule."""
        if account_rule not in _account_rules:
            raise ValueError(f"No account rule named {account_rule!r} is registered.")
        return cls(next_path=next_path, account_rule=account_rule)

    def __str__(self):
        return LINK_PLACEHOLDER

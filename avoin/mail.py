"""Emails in the recipient's language, queued in the outbox with the change that causes them.

Nothing here talks to an SMTP server: `send_templated_mail` writes the messages to the outbox
(`avoin.outbox`) in the caller's transaction, and the worker sends them. See docs/adr/0022.
"""

import dataclasses

from django.template.loader import render_to_string
from django.utils import translation

from avoin.links import SignInLink, absolute_url, reverse_in, sign_in_link
from avoin.outbox import Draft, messages_queue

__all__ = [
    "SignInLink",
    "absolute_url",
    "message_compose",
    "reverse_in",
    "send_templated_mail",
    "sign_in_link",
]


def message_compose(*, to: str, template: str, context: dict, language: str, about=None) -> Draft:
    """Render `emails/<template>_subject.txt` and `emails/<template>.txt` for one address.

    A `SignInLink` in the context is rendered as a placeholder and made when the message is sent.
    """
    links = [value for value in context.values() if isinstance(value, SignInLink)]
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}.txt", context)
    return Draft(
        recipient=to.strip().lower(),
        subject=subject,
        body=body,
        template=template,
        language=language,
        link=links[0] if links else None,
        about=about,
    )


def send_templated_mail(
    *,
    to: list[str],
    template: str,
    context: dict,
    language: str,
    about=None,
    urgent: bool = False,
) -> int:
    """Queue the message for each address in `to` (one outbox row each); return how many.

    Runs in the caller's transaction: if it rolls back, nothing is sent. `about` is the record
    the message concerns (shown with its delivery status); `urgent` sends at once after the
    commit, for someone who is waiting (sign-in links), with the worker as the fallback.
    """
    recipients = sorted({address.strip().lower() for address in to if address})
    if not recipients:
        return 0
    draft = message_compose(
        to=recipients[0], template=template, context=context, language=language, about=about
    )
    drafts = [dataclasses.replace(draft, recipient=address) for address in recipients]
    return len(messages_queue(drafts, urgent=urgent))

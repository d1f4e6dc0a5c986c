"""The outbox: queue messages with the change that causes them; the worker sends them, retrying.

- `messages_queue` writes the messages and their delivery jobs in the caller's transaction: the
  jobs live in the same database (django-tasks' DatabaseBackend), so a rolled-back change
  leaves neither message nor job behind.
- `deliver_message` is the job. It takes a message with a conditional update (queued and due →
  sending), so a job that runs twice, or two workers, send it once. A temporary SMTP failure
  queues it again with a growing delay (`MAIL_RETRY_DELAYS`); a permanent one, or the last
  attempt, marks it failed with a short reason.
- A body that carried a sign-in link is emptied once sent; the link itself is made only at
  sending time (`avoin.links.SignInLink`).

Knows no domain app. See docs/adr/0022.
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import DatabaseError, models, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from avoin.links import LINK_PLACEHOLDER, SignInLink, account_for, sign_in_link
from avoin.logging import redact
from avoin.models import MessageStatus, OutgoingMessage
from avoin.permissions import is_ministry_team

logger = logging.getLogger(__name__)

QUEUE = "mail"
URGENT_PRIORITY = 50  # sign-in links go before a round's hundreds of requests


@dataclass
class Draft:
    """A composed message for one address, not yet in the outbox."""

    recipient: str
    subject: str
    body: str
    template: str
    language: str
    link: SignInLink | None = None
    about: models.Model | None = None


# SMTP answers about the relay or our configuration, not about one message: worth retrying.
OUR_SIDE = smtplib.SMTPConnectError | smtplib.SMTPAuthenticationError | smtplib.SMTPSenderRefused


class PermanentFailure(Exception):
    """The message cannot be sent as it is; trying again would not help."""


# --- Queueing ------------------------------------------------------------------------------------


def messages_queue(drafts: list[Draft], *, urgent: bool = False) -> list[OutgoingMessage]:
    """Write the messages and their delivery jobs, in the caller's transaction if there is one.

    Urgent messages are also sent from this process as soon as the transaction commits.
    """
    rows = [_row(draft, urgent=urgent) for draft in drafts]
    if not rows:
        return []
    with transaction.atomic():
        rows = OutgoingMessage.objects.bulk_create(rows)
        ids = [row.pk for row in rows]
        _enqueue(ids, urgent=urgent)
        if urgent:
            transaction.on_commit(partial(_deliver_now, ids), robust=True)
    return rows


def _row(draft: Draft, *, urgent: bool) -> OutgoingMessage:
    about = draft.about
    return OutgoingMessage(
        recipient=draft.recipient,
        subject=draft.subject[:300],
        body=draft.body,
        template=draft.template,
        language=draft.language,
        urgent=urgent,
        # A link passed as plain text (not a SignInLink) holds a token: empty it once sent too.
        carries_sign_in_link=draft.link is not None or "sesame=" in draft.body,
        link_user_id=draft.link.user_id if draft.link else None,
        link_next_path=draft.link.next_path if draft.link else "",
        link_account_rule=draft.link.account_rule if draft.link else "",
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=about.pk if about is not None else None,
    )


def _enqueue(ids: list[int], *, urgent: bool, run_after=None) -> None:
    """One delivery job per message. The database backend's jobs are written in one statement
    (a round queues a thousand), with the fields its own `enqueue` would write."""
    job = deliver_message.using(
        priority=URGENT_PRIORITY if urgent else 0, run_after=run_after, queue_name=QUEUE
    )
    backend = job.get_backend()
    if not isinstance(backend, DatabaseBackend):
        for message_id in ids:
            job.enqueue(message_id)
        return
    backend.validate_task(job)
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            args_kwargs={"args": [message_id], "kwargs": {}},
            priority=job.priority,
            task_path=job.module_path,
            queue_name=job.queue_name,
            run_after=job.run_after or get_date_max(),
            backend_name=backend.alias,
        )
        for message_id in ids
    )


def _deliver_now(ids: list[int]) -> None:
    for message_id in ids:
        message_deliver(message_id=message_id)


# --- Sending -------------------------------------------------------------------------------------


@task(queue_name=QUEUE)
def deliver_message(message_id: int) -> str:
    """The worker's job: send one message from the outbox (see `message_deliver`)."""
    return message_deliver(message_id=message_id)


def message_deliver(*, message_id: int) -> str:
    """Send the message if it is queued and due; return its status afterwards.

    Safe to call twice or from two workers at once: only the call that moves the message from
    queued to sending sends it.
    """
    now = timezone.now()
    claimed = (
        OutgoingMessage.objects.due(now)
        .filter(pk=message_id)
        .update(status=MessageStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    message = OutgoingMessage.objects.get(pk=message_id)
    if not claimed:  # sent, failed, being sent by another worker, or not due yet
        return message.status
    try:
        _email(message).send()
    except Exception as error:  # every failure is recorded on the message
        return _failed(message, error)
    changes = {"status": MessageStatus.SENT, "sent_at": timezone.now(), "error": ""}
    if message.carries_sign_in_link:
        changes["body"] = ""
    OutgoingMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(**changes)
    return MessageStatus.SENT


def _email(message: OutgoingMessage) -> EmailMessage:
    body = message.body
    if not body.strip():
        raise PermanentFailure("The message has no text left to send.")
    if LINK_PLACEHOLDER in body:
        user = _link_user(message)
        link = sign_in_link(user, next_path=message.link_next_path, language=message.language)
        body = body.replace(LINK_PLACEHOLDER, link)
    return EmailMessage(message.subject, body, settings.DEFAULT_FROM_EMAIL, [message.recipient])


def _link_user(message: OutgoingMessage):
    """The account the message's link signs in, found (or created by its rule) now."""
    if message.link_account_rule:
        rule = message.link_account_rule
        user = account_for(rule, address=message.recipient, about=message.about)
        OutgoingMessage.objects.filter(pk=message.pk).update(link_user=user)
    else:
        user = get_user_model().objects.filter(pk=message.link_user_id).first()
    if user is None or not user.is_active:
        raise PermanentFailure("The account of the sign-in link is not active.")
    if user.is_staff or user.is_superuser or is_ministry_team(user):
        # Staff sign in with a password: a link would let anyone who reads the mailbox in.
        raise PermanentFailure("No sign-in link is sent to a staff account.")
    return user


def _failed(message: OutgoingMessage, error: Exception) -> str:
    temporary, reason = failure_reason(error)
    attempts = message.attempts  # this attempt included
    delays = settings.MAIL_RETRY_DELAYS
    logger.warning("Message %s, attempt %s: %s", message.pk, attempts, reason)
    with transaction.atomic():
        sending = OutgoingMessage.objects.filter(pk=message.pk, status=MessageStatus.SENDING)
        if temporary and attempts <= len(delays):
            send_after = timezone.now() + timedelta(minutes=delays[attempts - 1])
            sending.update(status=MessageStatus.QUEUED, send_after=send_after, error=reason)
            _enqueue([message.pk], urgent=message.urgent, run_after=send_after)
            return MessageStatus.QUEUED
        sending.update(status=MessageStatus.FAILED, error=reason)
    return MessageStatus.FAILED


def failure_reason(error: Exception) -> tuple[bool, str]:
    """Whether `error` is temporary (worth another attempt), and a short reason without tokens.

    Temporary: the relay cannot be reached or hangs up, 4xx answers, refused credentials or
    sender (our configuration, which gets fixed). Permanent: a 5xx answer about this message or
    its recipient, and anything that is not an SMTP or network error.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        code, text = next(iter(error.recipients.values()))
        return not 500 <= code < 600, _short(f"{code} {_text(text)}")
    if isinstance(error, smtplib.SMTPResponseException) and not isinstance(error, OUR_SIDE):
        code = error.smtp_code
        return not 500 <= code < 600, _short(f"{code} {_text(error.smtp_error)}")
    if isinstance(error, OSError):  # smtplib's errors, refused connections, timeouts, DNS
        return True, _short(f"{type(error).__name__}: {error}")
    if isinstance(error, DatabaseError):  # e.g. making the link's account met a lock
        return True, _short(type(error).__name__)
    if isinstance(error, PermanentFailure):
        return False, _short(str(error))
    return False, _short(type(error).__name__)


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _short(reason: str) -> str:
    return redact(" ".join(reason.split()))[:200]


# --- The ministry's and the operators' tools ------------------------------------------------------


def message_resend(*, message: OutgoingMessage, by) -> bool:
    """Queue a failed message again, from its first attempt. False if it had not failed."""
    with transaction.atomic():
        resent = OutgoingMessage.objects.filter(pk=message.pk, status=MessageStatus.FAILED).update(
            status=MessageStatus.QUEUED, attempts=0, send_after=timezone.now(), error=""
        )
        if resent:
            _enqueue([message.pk], urgent=message.urgent)
    if resent:
        logger.info("Message %s queued again by user %s", message.pk, getattr(by, "pk", None))
    message.refresh_from_db()
    return bool(resent)


def messages_requeue_interrupted(*, now=None) -> int:
    """Queue again the messages whose worker stopped while sending them; return how many.

    Such a message may or may not have left: sending it again risks a duplicate rather than a
    loss. Meant for cron (`manage.py requeue_interrupted_mail`).
    """
    now = now or timezone.now()
    before = now - timedelta(minutes=settings.MAIL_SENDING_TIMEOUT)
    with transaction.atomic():
        ids = list(
            OutgoingMessage.objects.interrupted(before=before)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        OutgoingMessage.objects.filter(pk__in=ids, status=MessageStatus.SENDING).update(
            status=MessageStatus.QUEUED, send_after=now, error="Interrupted while sending."
        )
        _enqueue(ids, urgent=False)
    return len(ids)


def outbox_report(*, now=None) -> dict:
    """What monitoring needs: messages per status, how long the oldest due message has waited
    (the worker is down or behind if that grows), and the failures of the last day."""
    now = now or timezone.now()
    oldest = OutgoingMessage.objects.due(now).order_by("send_after").first()
    return {
        "counts": OutgoingMessage.objects.status_counts(),
        "oldest_wait": now - oldest.send_after if oldest else timedelta(0),
        "failed_last_day": OutgoingMessage.objects.failed()
        .filter(claimed_at__gte=now - timedelta(days=1))
        .count(),
    }

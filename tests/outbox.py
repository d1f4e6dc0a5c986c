"""The mail worker, run inside a test (what `manage.py db_worker` does, job by job), and fake
SMTP relays.

Tests run the same database queue as production (django-tasks' DatabaseBackend); reading
`mailoutbox` runs the jobs that are ready first (tests/conftest.py), so a test sees the mail
that the worker would have sent by then.
"""

import datetime
import smtplib
from collections.abc import Sequence

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from avoin.models import OutgoingMessage


def _worker():
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )


def run_mail_worker() -> int:
    """Run every job that is ready, as the worker would; a job that raises fails the test."""
    worker, ran = _worker(), 0
    while True:
        # The worker's own loop closes stale connections, which would end a test's transaction;
        # the claiming and running are the same.
        with transaction.atomic():
            job = DBTaskResult.objects.ready().get_locked()
            if job is None:
                return ran
            job.claim(worker.worker_id)
        worker.run_task(job)
        job.refresh_from_db()
        assert job.status != "FAILED", job.traceback
        ran += 1


class DeliveredMail(Sequence):
    """pytest-django's `mailoutbox` (the locmem backend's list), with the worker run first."""

    def _sent(self):
        run_mail_worker()
        return mail.outbox

    def __getitem__(self, index):
        return self._sent()[index]

    def __len__(self):
        return len(self._sent())

    def __iter__(self):
        return iter(list(self._sent()))

    def __eq__(self, other):
        return list(self._sent()) == list(other)

    def __repr__(self):
        return repr(self._sent())


# --- Fake SMTP relays, and time passing -----------------------------------------------------------


class FlakyBackend(LocmemBackend):
    """Hangs up on the first `failures` messages, then delivers like locmem."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class RelayDown(LocmemBackend):
    """Refuses connections while `down`, as a relay that is switched off does."""

    down = True

    def send_messages(self, messages):
        if RelayDown.down:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


class RefusesRecipient(LocmemBackend):
    """The relay answers 550 for the recipient: a permanent failure."""

    def send_messages(self, messages):
        recipient = messages[0].to[0]
        raise smtplib.SMTPRecipientsRefused(
            {recipient: (550, b"5.1.1 <" + recipient.encode() + b">: User unknown")}
        )


class NoSmtpWork(LocmemBackend):
    def send_messages(self, messages):
        raise AssertionError("nothing may be sent in the request")


def use(settings, backend):
    settings.EMAIL_BACKEND = f"{backend.__module__}.{backend.__qualname__}"


def time_passes():
    """Every retry is due now: what waiting for the backoff would do."""
    past = timezone.now() - datetime.timedelta(seconds=1)
    OutgoingMessage.objects.filter(status=OutgoingMessage.Status.QUEUED).update(send_after=past)
    DBTaskResult.objects.filter(status="READY").update(run_after=past)

"""The mail worker, run inside a test: what `manage.py db_worker` does, job by job.

Tests run the same database queue as production (django-tasks' DatabaseBackend); reading
`mailoutbox` runs the jobs that are ready first (tests/conftest.py), so a test sees the mail
that the worker would have sent by then.
"""

from collections.abc import Sequence

from django.core import mail
from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


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

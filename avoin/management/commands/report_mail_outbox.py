from django.core.management.base import BaseCommand, CommandError

from avoin.outbox import outbox_report


class Command(BaseCommand):
    help = (
        "Report the mail outbox: emails per status, how long the oldest due email has waited and "
        "the failures of the last day. Exits with an error when an email has waited longer than "
        "--max-wait minutes (the worker is down or far behind), for monitoring."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-wait", type=int, default=30, help="Minutes an email may wait (default 30)."
        )

    def handle(self, *args, max_wait, **options):
        report = outbox_report()
        counts = ", ".join(f"{status} {count}" for status, count in report["counts"].items())
        waited = int(report["oldest_wait"].total_seconds() // 60)
        self.stdout.write(
            f"Emails: {counts}. Oldest due email waited {waited} min. "
            f"Failed in the last day: {report['failed_last_day']}."
        )
        if waited > max_wait:
            raise CommandError(
                f"An email has waited {waited} minutes (more than {max_wait}): "
                "is the mail worker (manage.py db_worker --queue-name mail) running?"
            )

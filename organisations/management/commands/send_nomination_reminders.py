import datetime

from django.core.management.base import BaseCommand, CommandError, no_translations
from django.utils import timezone

from organisations.services.nominations import nomination_reminders_send


def days(value):
    try:
        return sorted({int(part) for part in value.split(",") if part.strip()})
    except ValueError as error:
        raise CommandError(f"Not a list of days: {value}") from error


class Command(BaseCommand):
    help = (
        "Remind organisations that have not answered an open nomination round, on the given "
        "days before and after its deadline. Meant for cron: running it twice a day sends "
        "nothing twice. The reminders are queued in the mail outbox; the mail worker sends them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-before", default="7,1", help="Days before the deadline (default 7,1)."
        )
        parser.add_argument(
            "--days-after", default="1,7", help="Days after the deadline (default 1,7)."
        )
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Date to act on (YYYY-MM-DD)."
        )

    @no_translations
    def handle(self, *args, days_before, days_after, today, **options):
        sent = nomination_reminders_send(
            today=today or timezone.localdate(),
            days_before=days(days_before),
            days_after=days(days_after),
        )
        for reminder in sent:
            organisation = reminder.request.organisation
            self.stdout.write(f"Reminder queued for {organisation}: {reminder.recipients}")
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} reminders queued."))

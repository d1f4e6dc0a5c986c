from django.core.management.base import BaseCommand

from avoin.outbox import messages_requeue_interrupted


class Command(BaseCommand):
    help = (
        "Queue again the emails whose worker stopped while sending them (still 'being sent' "
        "after MAIL_SENDING_TIMEOUT minutes). Meant for cron, every few minutes: harmless when "
        "there are none."
    )

    def handle(self, *args, **options):
        count = messages_requeue_interrupted()
        self.stdout.write(f"{count} interrupted emails queued again.")

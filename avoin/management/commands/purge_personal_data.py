"""Remove or anonymise personal data whose time is up (docs/adr/0032); run daily by cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from avoin.services import personal_data_purge


class Command(BaseCommand):
    help = "Remove or anonymise personal data kept longer than the retention ADR allows."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be removed; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = personal_data_purge(now=timezone.now(), dry_run=dry_run)
        verb = "would remove or anonymise" if dry_run else "removed or anonymised"
        for key, count in counts.items():
            self.stdout.write(f"{key}: {verb} {count}")
        self.stdout.write(f"total: {verb} {sum(counts.values())}")

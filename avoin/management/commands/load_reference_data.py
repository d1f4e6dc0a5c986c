from django.core.management.base import BaseCommand, no_translations

from avoin.page_cache import content_changed
from commitments.services import programme_load
from organisations.services.registry import reference_data_load
from reporting.services.periods import periods_load


class Command(BaseCommand):
    help = (
        "Load (or refresh) the organisation registry, the action plan and the reporting periods. "
        "Safe to run again."
    )

    @no_translations
    def handle(self, *args, **options):
        summary = reference_data_load()
        self.stdout.write(f"Organisations: {summary}")
        programme = programme_load()
        self.stdout.write(
            f"Programme: {programme.name_fi}: {programme.commitments.count()} commitments"
        )
        self.stdout.write(f"Reporting periods: {periods_load()} new")
        content_changed()  # bulk loads send no signals: pages and open data are new
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))

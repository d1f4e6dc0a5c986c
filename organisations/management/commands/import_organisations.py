from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db.models import Q

from organisations.services.imports import OrganisationImportError, organisations_import


class Command(BaseCommand):
    help = (
        "Add or update organisations from a UTF-8 CSV file (columns: see "
        "docs/organisation-import.md). Every row is saved, or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", default="", help="Where the list comes from.")
        parser.add_argument(
            "--user",
            default="",
            help="Username or email of the person importing; the history records it.",
        )

    @no_translations
    def handle(self, *args, file, source, user, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        by = None
        if user:
            by = get_user_model().objects.filter(Q(username=user) | Q(email__iexact=user)).first()
            if by is None:
                raise CommandError(f"No such user: {user}")
        try:
            summary = organisations_import(path=file, source=source or file.name, by=by)
        except OrganisationImportError as error:
            raise CommandError(
                "Nothing was saved. Fix these rows and run the import again:\n"
                + "\n".join(error.problems)
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Imported: {summary}"))

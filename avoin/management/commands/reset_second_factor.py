"""A superuser's way to let a team member in again after a lost phone (docs/adr/0031)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from avoin.second_factor import second_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator and recovery codes: at their next sign-in they set up a "
        "new authenticator. Check who is asking (by phone or in person) before running it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        removed = second_factor_reset(user=user)
        self.stdout.write(f"{username}: {removed} second-factor devices removed.")

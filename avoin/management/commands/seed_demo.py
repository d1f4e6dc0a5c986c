from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, no_translations

from avoin.permissions import MINISTRY_TEAM_GROUP

DEMO_PASSWORD = "avoin-demo-salasana"
DEMO_USERS = [
    # username, first name, last name, group
    ("ministerio", "Maija", "Ministeriö", MINISTRY_TEAM_GROUP),
]


class Command(BaseCommand):
    help = "Create the demo accounts (local development only). Safe to run again."

    @no_translations
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        User = get_user_model()
        for username, first_name, last_name, group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@example.invalid",
                    "is_staff": True,
                    "is_superuser": True,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=group_name))
        self.stdout.write(
            self.style.SUCCESS(
                f"\nDemo accounts ready. Sign in at {settings.SITE_URL}/fi/accounts/login/\n"
                f"  Ministry team: username 'ministerio', password '{DEMO_PASSWORD}'\n"
                "  (the administration is at /fi/admin/)\n"
            )
        )

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.test.utils import override_settings

from avoin.permissions import MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP
from organisations.models import (
    HELSINKI,
    ContactPerson,
    Membership,
    NominationReminder,
    NominationRequest,
    NominationRound,
    Organisation,
)
from organisations.services import (
    NominationAction,
    contact_person_start,
    nomination_answer,
    nomination_round_send,
)

DEMO_PASSWORD = "avoin-demo-salasana"
ROUND_TITLE = "Avoimen hallinnon virkamiesverkoston edustajat 2024"
ROUND_MESSAGE = (
    "Avoimuuden edistämisen tukena toimii valtionhallinnossa virkamiesverkosto, johon kaikilta "
    "virastoilta on pyydetty johdon nimeämää edustajaa yhteyshenkilöksi. Nyt uuden ohjelman "
    "käynnistyessä toivoisimme virastoilta joko vahvistuksen nykyisen edustajan jatkamisesta tai "
    "uuden edustajan nimeämistä."
)
# Agencies of the shared list that get demo members and contacts:
# (Finnish name, registry address, member address, member role, representative on record)
DEMO_AGENCIES = [
    ("Liikenne- ja viestintävirasto Traficom", "kirjaamo@traficom.example.invalid",
     "liaison@traficom.example.invalid", Membership.Role.EDITOR, "Demo Edustaja (Traficom)"),
    ("Tilastokeskus", "kirjaamo@tilastokeskus.example.invalid",
     "viewer@tilastokeskus.example.invalid", Membership.Role.VIEWER,
     "Demo Edustaja (Tilastokeskus)"),
    ("Maanmittauslaitos", "kirjaamo@mml.example.invalid", None, None,
     "Demo Edustaja (MML)"),
    ("Säteilyturvakeskus", "kirjaamo@stuk.example.invalid", None, None,
     "Demo Edustaja (STUK)"),
    ("Verohallinto", "kirjaamo@vero.example.invalid", "liaison@vero.example.invalid",
     Membership.Role.EDITOR, None),
    ("Ruokavirasto", "kirjaamo@ruokavirasto.example.invalid", None, None,
     "Demo Edustaja (Ruokavirasto)"),
]  # fmt: skip


def at(day, hour=12, minute=0):
    return datetime.datetime(2024, *day, hour, minute, tzinfo=HELSINKI)


class Command(BaseCommand):
    help = "Create demo accounts and the 2024 nomination round (local development only)."

    @no_translations
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        with transaction.atomic():
            team = self.user("ministerio", MINISTRY_TEAM_GROUP, superuser=True)
            self.user("tyoryhma", WORKING_GROUP_GROUP)
            agencies = self.agencies()
            if not NominationRound.objects.filter(title=ROUND_TITLE).exists():
                # The past is replayed without sending mail.
                with override_settings(
                    EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
                ):
                    self.round_2024(team, agencies)
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo data ready. Sign in at "
                f"{settings.SITE_URL}/fi/accounts/login/\n"
                f"  Ministry team:  username 'ministerio', password '{DEMO_PASSWORD}'\n"
                f"  Working group:  username 'tyoryhma', password '{DEMO_PASSWORD}'\n"
                "  Organisation members sign in with an emailed link: choose 'Email me a "
                "sign-in link' and give\n"
                "    liaison@traficom.example.invalid (editor, Traficom)\n"
                "    liaison@vero.example.invalid (editor, Verohallinto)\n"
                "    viewer@tilastokeskus.example.invalid (viewer, Tilastokeskus)\n"
                "  The email, with the link, is printed in this console.\n"
            )
        )

    def user(self, username, group_name, superuser=False):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.invalid",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        return user

    def agencies(self):
        User = get_user_model()
        found = {}
        for key, registry, member, role, representative in DEMO_AGENCIES:
            agency = Organisation.objects.of_kind(Organisation.Kind.STATE_AGENCY).get(name_fi=key)
            if not agency.email:
                agency.email = registry
                agency.save(update_fields=["email"])
            if member:
                user, _created = User.objects.get_or_create(
                    username=member, defaults={"email": member}
                )
                Membership.objects.get_or_create(
                    user=user, organisation=agency, defaults={"role": role}
                )
            if representative and not agency.contact_persons.exists():
                contact_person_start(
                    organisation=agency,
                    values={
                        "role": ContactPerson.Role.NETWORK_REPRESENTATIVE,
                        "name": representative,
                        "title": "Erityisasiantuntija",
                        "email": f"edustaja@{registry.split('@')[1]}",
                        "language": "fi",
                    },
                    by=None,
                    starts=datetime.date(2021, 3, 1),
                )
            answerer = User.objects.get(username=member) if role == Membership.Role.EDITOR else None
            found[key] = (agency, answerer)
        return found

    def round_2024(self, team, agencies):
        nomination_round = NominationRound.objects.create(
            title=ROUND_TITLE,
            message=ROUND_MESSAGE,
            deadline=datetime.date(2024, 2, 9),
            target_kinds=[Organisation.Kind.STATE_AGENCY],
            created_by=team,
            created_at=at((1, 16), 9),
        )
        nomination_round_send(nomination_round=nomination_round, by=team)
        nomination_round.sent_at = at((1, 17), 10)
        nomination_round.save(update_fields=["sent_at"])

        def answer(key, when, action, **details):
            """Members answer in Avoin; for the others the team records an emailed answer."""
            agency, member = agencies[key]
            request = nomination_round.requests.get(organisation=agency)
            nomination_answer(
                nomination_request=request,
                by=member or team,
                action=action,
                expected_version=request.version,
                channel=(
                    NominationRequest.Channel.PORTAL if member else NominationRequest.Channel.EMAIL
                ),
                answered_at=when,
                **details,
            )

        new_person = {
            "representative": {
                "name": "Demo Uusi Edustaja",
                "title": "Johtava asiantuntija",
                "email": "uusi.edustaja@traficom.example.invalid",
                "phone": "+358 29 000 0000",
                "language": "sv",
            },
            "appointed_by_name": "Demo Johtaja",
            "appointed_by_title": "Pääjohtaja",
            "appointment_date": datetime.date(2024, 2, 5),
        }
        answer("Maanmittauslaitos", at((1, 25)), NominationAction.CONFIRM)
        answer("Säteilyturvakeskus", at((2, 2), 14), NominationAction.CONFIRM)
        answer(
            "Liikenne- ja viestintävirasto Traficom",
            at((2, 9), 23, 59),
            NominationAction.NAME_NEW,
            **new_person,
        )
        answer(
            "Verohallinto",
            at((2, 5), 9),
            NominationAction.DECLINE,
            decline_reason="Edustaja nimetään kevään organisaatiouudistuksen jälkeen.",
        )
        answer(
            "Tilastokeskus",
            at((2, 12), 10),
            NominationAction.NAME_NEW,
            representative={
                "name": "Demo Tilastoedustaja",
                "title": "Kehittämispäällikkö",
                "email": "edustaja2@tilastokeskus.example.invalid",
                "phone": "",
                "language": "fi",
            },
            appointed_by_name="Demo Ylijohtaja",
            appointed_by_title="Ylijohtaja",
            appointment_date=datetime.date(2024, 2, 8),
        )
        answer("Ruokavirasto", at((2, 20), 8), NominationAction.CONFIRM)
        for request in nomination_round.requests.pending():
            for day in (datetime.date(2024, 2, 2), datetime.date(2024, 2, 8)):
                NominationReminder.objects.get_or_create(
                    request=request,
                    sent_on=day,
                    defaults={
                        "sent_at": at((day.month, day.day), 7),
                        "recipients": request.organisation.email,
                    },
                )

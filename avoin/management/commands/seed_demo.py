import datetime
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from avoin.models import OutgoingMessage
from avoin.permissions import MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP
from commitments.models import Measure, Recommendation, Theme, WorkArea
from organisations.models import (
    ContactPerson,
    Membership,
    NominationAction,
    NominationRequest,
    NominationRound,
    Organisation,
)
from organisations.services.members import contact_person_start
from organisations.services.nominations import (
    nomination_answer,
    nomination_reminders_send,
    nomination_round_send,
)
from reporting.models import GoodPractice, target_group_field

DEMO_PASSWORD = "avoin-demo-salasana"
DEMO_PRACTICES = Path(__file__).resolve().parents[3] / "reporting" / "data" / "demo_practices.yaml"
# Municipal demo members: (Finnish name, address, role)
DEMO_MUNICIPAL_MEMBERS = [
    ("Espoo", "osallisuus@espoo.example.invalid", Membership.Role.EDITOR),
    ("Vaasa", "delaktighet@vasa.example.invalid", Membership.Role.EDITOR),
    ("Pohjanmaan hyvinvointialue", "osallisuus@pohjanmaa.example.invalid", Membership.Role.EDITOR),
]
ROUND_TITLE = "Avoimen hallinnon virkamiesverkoston edustajat 2024"
ROUND_MESSAGE = (
    "Avoimuuden edistämisen tukena toimii valtionhallinnossa virkamiesverkosto, johon kaikilta "
    "virastoilta on pyydetty johdon nimeämää edustajaa yhteyshenkilöksi. Nyt uuden ohjelman "
    "käynnistyessä toivoisimme virastoilta joko vahvistuksen nykyisen edustajan jatkamisesta tai "
    "uuden edustajan nimeämistä."
)
# Agencies of the registry that get demo members and contacts (the registry address only where
# the data have none):
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
    # Never answers: reminded, and its representative's mailbox no longer exists.
    ("Terveyden ja hyvinvoinnin laitos", "kirjaamo@thl.example.invalid", None, None,
     "Demo Edustaja (THL)"),
]  # fmt: skip
# The demo's undelivered emails: (address, the relay's answer)
DEMO_BOUNCES = {
    "edustaja@thl.example.invalid": "550 5.1.1 <edustaja@thl.example.invalid>: Recipient "
    "address rejected: User unknown",
}


def at(day, hour=12, minute=0):
    return timezone.make_aware(datetime.datetime(2024, *day, hour, minute))


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
            if not NominationRound.objects.filter(title_fi=ROUND_TITLE).exists():
                # The past is replayed through the services; its emails are then recorded as
                # delivered back then (or bounced), so that the worker sends none of them.
                replayed_after = OutgoingMessage.objects.aggregate(last=Max("pk"))["last"] or 0
                self.round_2024(team, agencies)
                self.delivered_in_2024(OutgoingMessage.objects.filter(pk__gt=replayed_after))
            members = self.municipal_members()
            if not GoodPractice.objects.exists():
                self.practices(team, members)
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
                "    osallisuus@espoo.example.invalid (editor, Espoo: good practices)\n"
                "    delaktighet@vasa.example.invalid (editor, Vaasa: good practices)\n"
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
            user = None
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
            # Editors answer in Avoin themselves; for the others the team records the answer.
            found[key] = (agency, user if role == Membership.Role.EDITOR else None)
        return found

    def round_2024(self, team, agencies):
        nomination_round = NominationRound.objects.create(
            title_fi=ROUND_TITLE,
            message_fi=ROUND_MESSAGE,
            deadline=datetime.date(2024, 2, 9),
            target_kinds=[Organisation.Kind.STATE_AGENCY],
            created_by=team,
            created_at=at((1, 16), 9),
            # Sent in 2024: it asks the agencies of that day, whatever the registry has since.
            sent_at=at((1, 17), 10),
        )
        nomination_round_send(nomination_round=nomination_round, by=team)

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
        # Reminders 7 days and 1 day before the deadline, to the pending organisations that
        # have an address (the others get none: the dashboard lists them as needing one).
        for day in (datetime.date(2024, 2, 2), datetime.date(2024, 2, 8)):
            for reminder in nomination_reminders_send(today=day, days_before=[7, 1], days_after=[]):
                reminder.sent_at = at((day.month, day.day), 7)
                reminder.save(update_fields=["sent_at"])
                reminder.request.messages.filter(template="nomination_reminder").filter(
                    created_at__gt=reminder.sent_at
                ).update(created_at=reminder.sent_at)

    def delivered_in_2024(self, messages):
        """Record the replayed emails as sent when they were written (requests at the round's
        sending, receipts with their answers), those to a bounced address as failed."""
        for message in messages.select_related("content_type"):
            about = message.about
            if message.template == "nomination_request":
                when = about.round.sent_at
            elif message.template == "nomination_receipt" and about.answered_at:
                when = about.answered_at
            else:
                when = min(message.created_at, at((2, 20), 9))
            message.created_at = message.claimed_at = when
            message.attempts = 1
            if message.recipient in DEMO_BOUNCES:  # kept whole, to be sent again
                message.status = OutgoingMessage.Status.FAILED
                message.error = DEMO_BOUNCES[message.recipient]
            else:
                message.status = OutgoingMessage.Status.SENT
                message.sent_at = when + datetime.timedelta(seconds=40)
                message.body = "" if message.carries_sign_in_link else message.body
            message.save()

    def municipal_members(self):
        User = get_user_model()
        members = {}
        for name, address, role in DEMO_MUNICIPAL_MEMBERS:
            organisation = Organisation.objects.get(name_fi=name)
            user, _created = User.objects.get_or_create(
                username=address, defaults={"email": address}
            )
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": role}
            )
            members[organisation.pk] = user
        return members

    def practices(self, team, members):
        """A few dozen practices across kinds, regions and languages, in every status."""
        with open(DEMO_PRACTICES, encoding="utf-8") as handle:
            entries = yaml.safe_load(handle)
        measures = {m.number: m for m in Measure.objects.all()}
        recommendations = {r.code: r for r in Recommendation.objects.all()}
        themes = {t.name_fi: t for t in Theme.objects.all()}
        work_areas = {w.number: w for w in WorkArea.objects.all()}
        now = timezone.now()
        for index, entry in enumerate(entries):
            organisations = [Organisation.objects.get(name_fi=n) for n in entry["organisations"]]
            status = entry["status"]
            practice = GoodPractice(
                language=entry["language"],
                status=status,
                created_by=members.get(organisations[0].pk, team),
                moderation_note=entry["moderation_note"],
                links=entry["links"],
                contact_email=entry["contact_email"],
                started_year=entry["started_year"],
                early_participation=entry["early_participation"],
                cross_level_cooperation=entry["cross_level_cooperation"],
                children_and_youth=entry["children_and_youth"],
                **{
                    field: entry[field]
                    for field in ("title", "summary", "description")
                    + tuple(
                        f"{f}_{lang}" for f in ("title", "summary") for lang in "fi sv en".split()
                    )
                },
            )
            for group in entry["target_groups"]:
                setattr(practice, target_group_field(group), True)
            if status != GoodPractice.Status.DRAFT:
                practice.submitted_at = now - datetime.timedelta(days=60 - index)
            if status in (GoodPractice.Status.PUBLISHED, GoodPractice.Status.WITHDRAWN):
                practice.published_at = now - datetime.timedelta(days=50 - index)
            practice.save()
            practice.organisations.set(organisations)
            practice.measures.set([measures[n] for n in entry["measures"]])
            practice.recommendations.set([recommendations[c] for c in entry["recommendations"]])
            practice.themes.set([themes[n] for n in entry["themes"]])
            practice.work_areas.set([work_areas[n] for n in entry["work_areas"]])

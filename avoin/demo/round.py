"""The 2024 network-representative round, replayed through the services."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from avoin.models import OutgoingMessage
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


def agencies():
    User = get_user_model()
    found = {}
    for key, registry, member, role, representative in DEMO_AGENCIES:
        user = None
        agency = Organisation.objects.of_kind(Organisation.Kind.STATE_AGENCY).get(name_fi=key)
        if not agency.email:
            agency.email = registry
            agency.save(update_fields=["email"])
        if member:
            user, _created = User.objects.get_or_create(username=member, defaults={"email": member})
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


def round_2024(team, agencies):
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


def delivered_in_2024(messages):
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

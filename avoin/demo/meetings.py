"""Demo working-group meetings: the last one held, its pack finalised the day before, with
minutes, decisions and action items; and the next one, scheduled with a draft agenda."""

import datetime

from django.utils import timezone

from commitments.models import Action, Measure
from reporting.models import ActionItem, ActionItemStatus, Decision, Meeting, ReportingPeriod
from reporting.services.meetings import meeting_pack_freeze

PLACE = "Valtiovarainministeriö, Snellmaninkatu 1 A, Helsinki"
LINK = "https://teams.example.invalid/avoin-hallinto-tyoryhma"

MINUTES = """Puheenjohtaja avasi kokouksen ja totesi työryhmän päätösvaltaiseksi.

Käytiin läpi seurantapaketti:

- raportoineiden kuntien määrä kasvoi edellisestä kaudesta
- virastojen verkostoedustajien paikat on pääosin täytetty
- myöhässä olevista välitavoitteista sovittiin jatkotoimet

Lisätietoa [toimintaohjelman sivulla](https://avoinhallinto.fi/)."""

AGENDA = """1. Kokouksen avaus
2. Seurantapaketti: muutokset edellisen kokouksen jälkeen
3. Avoimet jatkotoimenpiteet
4. Muut asiat"""


def meetings(team, today=None):
    """The last meeting (its period the latest closed one) and the next one."""
    today = today or timezone.localdate()
    reviewed = ReportingPeriod.objects.latest_closed(today)
    following = ReportingPeriod.objects.filter(starts_on__gt=reviewed.starts_on).first()
    held_on = min(reviewed.closes_on + datetime.timedelta(days=14), today - datetime.timedelta(1))
    past = Meeting.objects.create(
        held_on=held_on,
        starts_at=datetime.time(13, 0),
        place=PLACE,
        link=LINK,
        period=reviewed,
        agenda=AGENDA,
        minutes=MINUTES,
    )
    frozen_at = timezone.make_aware(
        datetime.datetime.combine(held_on - datetime.timedelta(days=1), datetime.time(10, 0))
    )
    meeting_pack_freeze(meeting=past, by=team, now=frozen_at)
    Decision.objects.create(
        meeting=past,
        text="Työryhmä merkitsi seurantapaketin tiedoksi.",
    )
    Decision.objects.create(
        meeting=past,
        text="Kansallisten dialogien osallistujamääriä seurataan jatkossa neljännesvuosittain.",
        measure=Measure.objects.get(number="1.1"),
    )
    ActionItem.objects.create(
        meeting=past,
        text="Selvitetään, miksi osa kunnista ei ole raportoinut, ja kerrotaan tulokset "
        "seuraavassa kokouksessa.",
        owner="Avoimen hallinnon tiimi",
        due_on=held_on + datetime.timedelta(days=60),
        status=ActionItemStatus.IN_PROGRESS,
        measure=Measure.objects.get(number="1.2"),
    )
    ActionItem.objects.create(
        meeting=past,
        text="Valmistellaan alueellisten akatemioiden kartta työryhmälle.",
        owner="Valtiovarainministeriö",
        due_on=held_on + datetime.timedelta(days=30),
        action=Action.objects.get(code="2.2.a3"),
    )
    ActionItem.objects.create(
        meeting=past,
        text="Päivitetään verkoston yhteystiedot.",
        owner="Avoimen hallinnon tiimi",
        status=ActionItemStatus.DONE,
    )
    if following is not None:
        Meeting.objects.create(
            held_on=max(following.closes_on + datetime.timedelta(days=14), today),
            starts_at=datetime.time(13, 0),
            link=LINK,
            period=following,
            agenda=AGENDA,
        )

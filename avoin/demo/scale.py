"""Demo data at N times a national volume (`seed_demo --scale N`), for the benchmark
(`make bench`, docs/performance.md) and for trying the pages with realistic amounts.

On top of the ordinary demo, for the real organisations, measures, recommendations and themes:
- 1 000 × N published good practices (and a few submitted ones), written in Finnish, Swedish or
  English as their organisation would (Swedish-speaking and bilingual ones in Swedish too,
  agencies and ministries sometimes in English), a quarter with translations;
- progress reports for every closed period so far, with uneven coverage: some organisations
  never report, most now and then, few every quarter; each organisation's chance of reporting
  in a quarter grows with N (1 - (1 - p)^N), as reports are one per organisation and quarter;
- activities of the reporting organisations, about N per reported quarter;
- N earlier representatives and deputies per organisation (history of contact persons) and
  N earlier nomination rounds, each with a request to every active organisation.

Everything comes from one seeded random generator: the same N gives the same data. Rows are
written with `bulk_create`. Every text says "DEMO".
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from commitments.models import Measure, Recommendation, Theme, WorkArea
from organisations.models import (
    ContactPerson,
    ContactRole,
    LanguageStatus,
    NominationRequest,
    NominationRound,
    NominationStatus,
    Organisation,
    OrganisationKind,
)
from reporting.models import GoodPractice, PeriodReport, ReportingPeriod, target_group_field
from reporting.models.practices import Emphasis, TargetGroup

from .activities import activities_replay
from .progress import organisation_reports

PRACTICES_PER_SCALE = 1000
SCALE_USER = "skaala-demo"
SEED = 2027

# What practices are about, per language: (title, summary sentence).
TOPICS = {
    "fi": [
        ("Osallisuusohjelma", "Osallisuusohjelma kokoaa asukkaiden vaikuttamisen tavat yhteen."),
        ("Nuorisovaltuuston kuuleminen", "Nuorisovaltuusto kuultiin ennen päätöstä."),
        ("Asukasraati", "Arvotut asukkaat pohtivat kysymystä ja antoivat suosituksensa."),
        ("Selkokielinen tiedotus", "Tärkeimmät ohjeet julkaistiin selkokielellä."),
        (
            "Avoimen datan julkaisu",
            "Aineistot avattiin koneluettavina avoimella lisenssillä.",
        ),
        ("Osallistuva budjetointi", "Asukkaat ideoivat ja äänestivät määrärahan käytöstä."),
        ("Lasten parlamentti", "Lapset toivat esiin omia ehdotuksiaan päättäjille."),
        ("Kuntalaisdialogi", "Dialogissa eri taustoista tulevat ihmiset keskustelivat yhdessä."),
        ("Vaikuttajaraatien yhteistyö", "Vanhus- ja vammaisneuvosto osallistuivat valmisteluun."),
        ("Lausuntokierros varhain", "Luonnos lähetettiin lausunnoille jo valmistelun alussa."),
    ],
    "sv": [
        ("Delaktighetsprogram", "Programmet samlar invånarnas sätt att påverka."),
        ("Ungdomsfullmäktige hörs", "Ungdomsfullmäktige hördes innan beslutet fattades."),
        ("Invånarpanel", "Lottade invånare diskuterade frågan och gav rekommendationer."),
        ("Information på lättläst svenska", "De viktigaste anvisningarna publicerades lättläst."),
        ("Öppna data", "Datamaterial öppnades maskinläsbart med en öppen licens."),
        ("Deltagande budgetering", "Invånarna föreslog och röstade om anslagets användning."),
        ("Barnens parlament", "Barnen lyfte fram sina egna förslag för beslutsfattarna."),
        ("Dialog med invånare", "Människor med olika bakgrund samtalade i en dialog."),
    ],
    "en": [
        ("Participation programme", "The programme brings residents' ways to take part together."),
        ("Hearing the youth council", "The youth council was heard before the decision."),
        ("Citizens' jury", "Residents drawn by lot deliberated and made recommendations."),
        ("Open data release", "Datasets were opened machine-readable under an open licence."),
        ("Participatory budgeting", "Residents proposed and voted on how to use the budget."),
        ("Dialogue with residents", "People from different backgrounds talked in a dialogue."),
    ],
}
DESCRIPTION = {
    "fi": "DEMO: kuvaus siitä, miten käytäntö toteutettiin, keitä se tavoitti ja mitä opittiin.",
    "sv": "DEMO: en beskrivning av hur praxisen genomfördes, vem den nådde och vad vi lärde oss.",
    "en": "DEMO: how the practice was carried out, whom it reached and what was learnt.",
}
SWEDISH_ALSO = {
    LanguageStatus.BILINGUAL_FINNISH_MAJORITY,
    LanguageStatus.BILINGUAL_SWEDISH_MAJORITY,
}


class ScaleMismatch(Exception):
    """The database already holds the scaled demo at another scale."""


def scale_demo(scale, team):
    """Grow the demo to `scale` times a national volume; nothing to do if it is there."""
    creator, _created = get_user_model().objects.get_or_create(
        username=SCALE_USER, defaults={"email": "skaala@example.invalid"}
    )
    existing = GoodPractice.objects.filter(created_by=creator).count()
    wanted = PRACTICES_PER_SCALE * scale + _submitted_count(scale)
    if existing == wanted:
        return False
    if existing:
        raise ScaleMismatch(existing)
    rng = random.Random(SEED * 100 + scale)
    organisations = list(Organisation.objects.active().order_by("pk"))
    _practices(rng, scale, organisations, creator)
    periods = list(
        ReportingPeriod.objects.filter(starts_on__gte=datetime.date(2024, 1, 1))
        .closed_by(timezone.localdate())
        .order_by("starts_on")
    )
    reporters = _reports(rng, scale, organisations, periods, team)
    for _time in range(scale):
        activities_replay(rng, reporters, periods, team)
    _contact_history(rng, scale, organisations)
    _rounds(rng, scale, organisations, team)
    return True


def _submitted_count(scale):
    return 20 * scale


def _language(rng, organisation):
    if organisation.language_status == LanguageStatus.SWEDISH:
        return "sv"
    if organisation.language_status in SWEDISH_ALSO and rng.random() < 0.4:
        return "sv"
    if organisation.kind in (OrganisationKind.STATE_AGENCY, OrganisationKind.MINISTRY):
        return "en" if rng.random() < 0.15 else "fi"
    return "en" if rng.random() < 0.03 else "fi"


def _practices(rng, scale, organisations, creator):
    measures = list(Measure.objects.all())
    recommendations = list(Recommendation.objects.select_related("measure"))
    themes = list(Theme.objects.all())
    work_areas = list(WorkArea.objects.all())
    # Larger organisations log more: weight by position, a long tail.
    weights = [1 / (1 + (index % 97)) for index in range(len(organisations))]
    now = timezone.now()
    total = PRACTICES_PER_SCALE * scale
    practices, links = [], []
    for number in range(total + _submitted_count(scale)):
        chosen = rng.choices(organisations, weights=weights, k=1 if rng.random() < 0.8 else 2)
        owners = list(dict.fromkeys(chosen))  # a joint practice names an organisation once
        language = _language(rng, owners[0])
        title, summary = rng.choice(TOPICS[language])
        published = number < total
        practice = GoodPractice(
            language=language,
            title=f"{title}: {owners[0].name_fi} {number + 1}",
            summary=f"{summary} DEMO.",
            description=DESCRIPTION[language],
            contact_email="osallisuus@example.invalid",
            started_year=rng.randint(2015, 2026),
            status=GoodPractice.Status.PUBLISHED if published else GoodPractice.Status.SUBMITTED,
            created_by=creator,
            search_config={"fi": "finnish", "sv": "swedish", "en": "english"}[language],
            submitted_at=now - datetime.timedelta(days=number % 900 + 5),
            published_at=now - datetime.timedelta(days=number % 900) if published else None,
            links=["https://www.example.invalid/demo"],
            **{target_group_field(rng.choice(TargetGroup.values)): True},
            **{rng.choice(Emphasis.values): rng.random() < 0.5},
        )
        if rng.random() < 0.25:
            for code in {"fi", "sv", "en"} - {language}:
                other_title, other_summary = rng.choice(TOPICS[code])
                setattr(practice, f"title_{code}", f"{other_title} {number + 1}")
                setattr(practice, f"summary_{code}", other_summary)
        practices.append(practice)
        measure = rng.choice(measures)
        fitting = [r for r in recommendations if r.measure_id == measure.pk] or recommendations
        links.append(
            (
                owners,
                [measure],
                [rng.choice(fitting)],
                rng.sample(themes, k=min(len(themes), rng.randint(0, 2))),
                [rng.choice(work_areas)] if work_areas else [],
            )
        )
    GoodPractice.objects.bulk_create(practices, batch_size=1000)
    relations = ["organisations", "measures", "recommendations", "themes", "work_areas"]
    for position, name in enumerate(relations):
        through = getattr(GoodPractice, name).through
        target = through._meta.get_field(name[:-1] if name != "work_areas" else "workarea")
        rows = [
            through(goodpractice_id=practice.pk, **{target.attname: related.pk})
            for practice, chosen in zip(practices, links, strict=True)
            for related in chosen[position]
        ]
        through.objects.bulk_create(rows, batch_size=2000)


def _reports(rng, scale, organisations, periods, team):
    """Reports of organisations that have none yet; returns those that report at all."""
    already = set(PeriodReport.objects.values_list("organisation_id", flat=True))
    reporters = []
    for organisation in organisations:
        if organisation.pk in already:
            continue
        share = rng.choice([0, 0, 0.1, 0.25, 0.25, 0.5, 0.5, 0.75, 1.0])
        share = 1 - (1 - share) ** scale
        if share:
            reporters.append(organisation)
            organisation_reports(rng, organisation, share, periods, team, team)
    return reporters


def _contact_history(rng, scale, organisations):
    """`scale` earlier holders of each seat per organisation, and one current other contact."""
    today = timezone.localdate()
    rows = []
    for organisation in organisations:
        for seat in (ContactRole.NETWORK_REPRESENTATIVE, ContactRole.DEPUTY):
            for number in range(scale):
                ended = today - datetime.timedelta(days=90 * (number + 1) + rng.randint(0, 60))
                rows.append(
                    ContactPerson(
                        organisation=organisation,
                        role=seat,
                        name=f"DEMO Entinen {number + 1}",
                        email=f"entinen{number + 1}.{organisation.pk}@example.invalid",
                        active_from=ended - datetime.timedelta(days=365),
                        active_to=ended,
                    )
                )
        rows.append(
            ContactPerson(
                organisation=organisation,
                role=ContactRole.OTHER,
                name="DEMO Viestintä",
                email=f"viestinta.{organisation.pk}@example.invalid",
            )
        )
    ContactPerson.objects.bulk_create(rows, batch_size=2000)


def _rounds(rng, scale, organisations, team):
    """`scale` earlier rounds, closed, each with a request to every active organisation."""
    statuses = [
        NominationStatus.CONFIRMED,
        NominationStatus.CONFIRMED,
        NominationStatus.NEW_NAMED,
        NominationStatus.DECLINED,
        NominationStatus.PENDING,
    ]
    for number in range(scale):
        deadline = datetime.date(2023, 1, 15) - datetime.timedelta(days=30 * number)
        sent = timezone.make_aware(
            datetime.datetime.combine(deadline - datetime.timedelta(days=21), datetime.time(9))
        )
        nomination_round = NominationRound.objects.create(
            title_fi=f"DEMO Aiempi nimeämiskierros {number + 1}",
            title_sv=f"DEMO Tidigare nomineringsrunda {number + 1}",
            title_en=f"DEMO Earlier nomination round {number + 1}",
            message_fi="DEMO",
            message_sv="DEMO",
            message_en="DEMO",
            deadline=deadline,
            target_kinds=sorted({organisation.kind for organisation in organisations}),
            created_by=team,
            created_at=sent,
            sent_at=sent,
            closed_at=sent + datetime.timedelta(days=40),
        )
        requests = []
        for organisation in organisations:
            status = rng.choice(statuses)
            answered = None
            if status != NominationStatus.PENDING:
                answered = sent + datetime.timedelta(days=rng.randint(1, 30), hours=3)
            requests.append(
                NominationRequest(
                    round=nomination_round,
                    organisation=organisation,
                    status=status,
                    answered_at=answered,
                    first_answered_at=answered,
                    is_late=bool(answered and answered >= nomination_round.deadline_ends_at),
                )
            )
        NominationRequest.objects.bulk_create(requests, batch_size=2000)

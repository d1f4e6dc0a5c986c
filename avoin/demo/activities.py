"""Demo activities: a few hundred across kinds, measures and regions, logged by the team.

Each one gets its measure, recommendation and (where nobody types one) title the way the
activities service derives them, so that editing a demo activity changes nothing unasked. Typed
titles say "DEMO"; where the title is derived, the description does."""

import datetime

from simple_history.utils import bulk_create_with_history

from commitments.models import Training
from organisations.models import Region
from reporting.activity_kinds import KINDS
from reporting.models import (
    Activity,
    ActivityKind,
    Coverage,
    DataStatus,
    EasyLanguage,
    ItemStatus,
    ReportingPeriod,
    ResultsUse,
)
from reporting.services.activities import events_offered, measure_and_recommendation

MARK = "DEMO"


def activities_replay(rng, organisations, periods, team):
    """Activities of `organisations` in `periods`, about half of the quarters each."""
    regions = list(Region.objects.all())
    courses = list(Training.objects.select_related("measure"))
    events = list(events_offered().select_related("measure"))
    derive = _Deriver()
    rows = []
    for organisation in organisations:
        for period in periods:
            if rng.random() < 0.5:
                continue
            day = period.starts_on + datetime.timedelta(days=rng.randint(0, 80))
            for kind, values in _quarter(rng, period, day, regions, courses):
                if KINDS[kind].allows(organisation):
                    rows.append(derive(organisation, kind, values, period=period, by=team))
        if events and rng.random() < 0.3:
            event = rng.choice(events)
            period = ReportingPeriod.objects.containing(event.date).first()
            if period and KINDS[ActivityKind.EVENT_PARTICIPATION].allows(organisation):
                values = {
                    "event": event,
                    "happened_on": event.date,
                    "participants": rng.randint(1, 6),
                }
                rows.append(
                    derive(organisation, ActivityKind.EVENT_PARTICIPATION, values, period, team)
                )
    bulk_create_with_history(rows, Activity, batch_size=500, default_user=team)


def _quarter(rng, period, day, regions, courses):
    """What one organisation might log in one quarter: (kind, values) pairs."""
    yield (
        ActivityKind.NATIONAL_DIALOGUE,
        {
            "happened_on": day,
            "title": f"{MARK}: dialogi {period}",
            "participants": rng.randint(6, 90),
            "results_used_for": rng.choice(ResultsUse.values),
        },
    )
    if rng.random() < 0.4:
        yield (
            ActivityKind.EASY_LANGUAGE_ITEM,
            {
                "happened_on": day,
                "title": f"{MARK}: palveluohje selkokielellä",
                "priority": rng.randint(1, 9),
                "easy_language": EasyLanguage.SELKOKIELI,
                "item_status": rng.choice(ItemStatus.values),
            },
        )
    if rng.random() < 0.25:
        yield (
            ActivityKind.REGIONAL_ACADEMY,
            {
                "happened_on": day,
                "title": f"{MARK}: alueellinen kansalaisjärjestöakatemia",
                "region": rng.choice(regions),
                "officials": rng.randint(5, 40),
                "participants": rng.randint(5, 60),
            },
        )
    if rng.random() < 0.4 and courses:
        yield (
            ActivityKind.COURSE_COMPLETIONS,
            {
                "happened_on": period.starts_on,  # completions are counted per quarter
                "training": rng.choice(courses),
                "completions": rng.randint(1, 30),
            },
        )
    if rng.random() < 0.15:
        yield (
            ActivityKind.OPEN_DATASET,
            {
                "happened_on": day,
                "title": f"{MARK}: avattu tietoaineisto",
                "url": "https://www.example.invalid/demo/data",
                "licence": "CC BY 4.0",
            },
        )
    if rng.random() < 0.1:
        yield (
            ActivityKind.MINIMUM_WEB_CONTENT,
            {
                "happened_on": day,
                "description": f"{MARK}: selkokielinen verkkosisältö",
                "organisation_info": rng.choice(Coverage.values),
                "key_services": rng.choice(Coverage.values),
            },
        )
    if rng.random() < 0.1:
        yield (
            ActivityKind.PURCHASE_INVOICE_DATA,
            {
                "happened_on": day,
                "description": f"{MARK}: ostolaskudata",
                "data_status": rng.choice(DataStatus.values),
            },
        )


class _Deriver:
    """Builds unsaved activities with what the service derives, asking the database once per
    organisation kind, activity kind and course or event."""

    def __init__(self):
        self.known = {}

    def __call__(self, organisation, kind, values, period, by):
        key = (organisation.kind, kind, values.get("training"), values.get("event"))
        if key not in self.known:
            self.known[key] = measure_and_recommendation(
                organisation=organisation, kind=kind, values=values
            )
        measure, recommendation = self.known[key]
        title = KINDS[kind].title_for({**values, "language": "fi"})[:200]
        return Activity(
            organisation=organisation,
            kind=kind,
            period=period,
            entered_by=by,
            measure=measure,
            recommendation=recommendation,
            language="fi",
            **{**values, "title": title},
        )

"""A few dozen good practices in every status (reporting/data/demo_practices.yaml)."""

import datetime
from pathlib import Path

import yaml
from django.utils import timezone

from commitments.models import Measure, Recommendation, Theme, WorkArea
from organisations.models import Organisation
from reporting.models import GoodPractice, target_group_field

DEMO_PRACTICES = Path(__file__).resolve().parents[2] / "reporting" / "data" / "demo_practices.yaml"


def practices(team, members):
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
                + tuple(f"{f}_{lang}" for f in ("title", "summary") for lang in "fi sv en".split())
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

"""Loading the action plan from the structured copy of the implementation letter."""

import datetime
from pathlib import Path

import yaml
from django.db import transaction

from .letter import corrected
from .models import (
    Action,
    Audience,
    Commitment,
    Deliverable,
    Evaluation,
    EvaluationCriterion,
    Event,
    Measure,
    Programme,
    RatingLevel,
    RatingScale,
    Recommendation,
    RecommendationAsk,
    TextSection,
    Theme,
    Training,
    WorkArea,
)
from .versioning import amendments_apply, first_version_load

DATA_DIR = Path(__file__).resolve().parent / "data"
PROGRAMME_SLUG = "avoin-hallinto-5"

AUDIENCE_OF_TARGET = {
    "state_administration": Audience.STATE_ADMINISTRATION,
    "municipalities": Audience.MUNICIPALITIES,
    "wellbeing_services_counties": Audience.WELLBEING_COUNTIES,
    "all_public_administration": Audience.ALL_PUBLIC_ADMINISTRATION,
    "all_actors": Audience.ALL_ACTORS,
}

# Finnish titles for milestones that the letter dates but does not title itself.
EVENT_TITLES_FI = {
    "plan_published": "Viides toimintaohjelma julkaistiin",
    "letter_date": "Toimeenpanokirje",
    "contact_person_deadline": (
        "Virastojen yhteyshenkilöiden vahvistukset ja nimeämiset viimeistään"
    ),
    "mid_term_evaluation": "Toimintaohjelman puoliväliarviointi",
    "easy_language_content_target": (
        "Selkokieliset sisällöt tärkeysjärjestyksessä vuoteen 2027 mennessä"
    ),
    "final_evaluation": "Toimintaohjelman loppuarviointi",
    "programme_end": "Toimintaohjelman toimikausi päättyy",
    "theme_year_2024": "Avoin demokratia -verkoston vuoden 2024 teema: Tekoäly ja avoimuus",
}
EVENT_TITLES_EN = {
    "plan_published": "Fifth action plan published",
    "open_democracy_network_spring_2024": "Open Democracy network spring 2024 in-person meeting",
    "theme_year_2024": (
        "Open Democracy network theme for 2024: Artificial intelligence and openness"
    ),
}


def _parse_date(value):
    """Dates in the yaml are '2024-02-09', '2023-10' or '2024'; return (date, precision)."""
    text = str(value)
    if len(text) == 4:
        return datetime.date(int(text), 1, 1), Event.Precision.YEAR
    if len(text) == 7:
        year, month = text.split("-")
        return datetime.date(int(year), int(month), 1), Event.Precision.MONTH
    return datetime.date.fromisoformat(text), Event.Precision.DAY


# The IRM publishes its scales in English only; the names in Finnish and Swedish are Avoin's.
SCALE_NAMES = {
    "irm_completion": (
        "Toteutumisaste (OGP IRM)",
        "Genomförandegrad (OGP IRM)",
        "Completion (OGP IRM)",
    ),
    "irm_did_it_open_government": (
        "Avasiko se hallintoa? (OGP IRM)",
        "Öppnade det förvaltningen? (OGP IRM)",
        "Did it open government? (OGP IRM)",
    ),
}
# The criteria rated on a scale (docs/adr/0042); the others are assessed in words.
CRITERION_SCALES = {
    "goal_achievement": "irm_completion",
    "implementation": "irm_completion",
    "preliminary_impact": "irm_did_it_open_government",
}


def _read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def programme_load(*, data_dir: Path = DATA_DIR) -> Programme:
    """Create or update the 5th action plan and everything under it; safe to run again."""
    data = _read_yaml(data_dir / "programme.yaml")
    sv = _read_yaml(data_dir / "programme_sv.yaml")
    derived_fi = _read_yaml(data_dir / "programme_derived_fi.yaml")
    source = data["programme"]

    published_on, _precision = _parse_date(source["published"]["value"])
    programme, _created = Programme.objects.update_or_create(
        slug=PROGRAMME_SLUG,
        defaults={
            "name_fi": source["name_fi"],
            "name_sv": sv["programme"]["name_sv"],
            "name_en": source["name_en"],
            "long_term_goal_fi": source["long_term_goal_fi"],
            "long_term_goal_sv": sv["programme"]["long_term_goal_sv"],
            "long_term_goal_en": source["long_term_goal_en"],
            "published_on": published_on,
            "ends_on": datetime.date.fromisoformat(source["period_end"]["value"]),
            "letter_date": datetime.date.fromisoformat(data["letter"]["date"]),
            "letter_reference": data["letter"]["diary_numbers"][0]["value"],
        },
    )

    sections = [
        (TextSection.Topic.CONTEXT, source["context_paragraphs"], sv["programme"]["context_sv"]),
        (
            TextSection.Topic.MONITORING,
            data["monitoring_and_evaluation"]["paragraphs"],
            sv["monitoring_sv"],
        ),
    ]
    for topic, paragraphs, swedish in sections:
        for position, (paragraph, text_sv) in enumerate(zip(paragraphs, swedish, strict=True), 1):
            TextSection.objects.update_or_create(
                programme=programme,
                topic=topic,
                position=position,
                defaults={
                    "text_fi": paragraph["text_fi"],
                    "text_sv": text_sv,
                    "text_en": paragraph["text_en"],
                },
            )

    for item in source["work_areas"]["from_general_knowledge"]["items"]:
        WorkArea.objects.update_or_create(
            programme=programme,
            number=item["n"],
            defaults={
                "name_fi": item["fi"],
                "name_sv": sv["work_areas"][item["n"]],
                "name_en": item["en"],
                "from_letter": False,
            },
        )

    network = next(n for n in data["networks_and_bodies"] if n["id"] == "open_democracy_network")
    themes = network["themes"]
    theme_rows = [
        (themes["year_2024_working_title_fi"], themes["year_2024_working_title_en"], 2024)
    ]
    theme_rows += [(t["fi"], t["en"], None) for t in themes["other_important_themes"]]
    for position, (name_fi, name_en, year) in enumerate(theme_rows, 1):
        Theme.objects.update_or_create(
            programme=programme,
            name_fi=name_fi,
            defaults={
                "position": position,
                "name_sv": sv["themes"][name_fi],
                "name_en": name_en[:1].upper() + name_en[1:],
                "year": year,
            },
        )

    measures = {}
    for commitment_data in data["commitments"]:
        number = commitment_data["number"]
        commitment, _created = Commitment.objects.update_or_create(
            programme=programme,
            number=number,
            defaults={
                "title_fi": commitment_data["title_fi"],
                "title_sv": sv["commitments"][str(number)]["title_sv"],
                "title_en": commitment_data["title_en"],
            },
        )
        for measure_data in commitment_data["measures"]:
            measure, _created = Measure.objects.update_or_create(
                commitment=commitment,
                number=measure_data["number"],
                defaults={
                    "title_fi": measure_data["title_fi"],
                    "title_sv": sv["measures"][measure_data["number"]]["title_sv"],
                    "title_en": measure_data["title_en"],
                },
            )
            measures[measure.number] = measure
            for position, action in enumerate(measure_data["actions"], 1):
                Action.objects.update_or_create(
                    measure=measure,
                    code=action["id"],
                    defaults={
                        "position": position,
                        "text_fi": action["text_fi"],
                        "text_sv": sv["actions"][action["id"]],
                        "text_en": action["text_en"],
                    },
                )

    for group in data["recommendations"]:
        measure = measures[group["measure_ref"]]
        for position, paragraph in enumerate(group["paragraphs"], 1):
            _load_recommendation(measure, group, position, paragraph, sv, derived_fi)

    for event in data["events_and_dates"]:
        if "date" not in event:
            continue  # recurring activities have no date to show on a timeline
        date, precision = _parse_date(event["date"])
        title_fi = event.get("fi") if isinstance(event.get("fi"), str) else None
        Event.objects.update_or_create(
            programme=programme,
            code=event["id"],
            defaults={
                "date": date,
                "precision": precision,
                "title_fi": corrected(EVENT_TITLES_FI.get(event["id"], title_fi)),
                "title_sv": sv["events"][event["id"]]["title_sv"],
                "title_en": EVENT_TITLES_EN.get(event["id"], event["en"]),
                "venue_fi": event.get("venue_fi", ""),
                "venue_sv": sv["events"][event["id"]].get("venue_sv", ""),
                "venue_en": event.get("venue_en", ""),
                "measure": measures.get(event.get("measure_ref")),
            },
        )

    scales = scales_load(data_dir=data_dir)
    monitoring = data["monitoring_and_evaluation"]
    for kind, key in [
        (Evaluation.Kind.MID_TERM, "mid_term_evaluation"),
        (Evaluation.Kind.FINAL, "final_evaluation"),
    ]:
        evaluation, _created = Evaluation.objects.update_or_create(
            programme=programme, kind=kind, defaults={"year": monitoring[key]["year"]}
        )
        for position, criterion in enumerate(monitoring[key]["criteria"], 1):
            EvaluationCriterion.objects.update_or_create(
                evaluation=evaluation,
                code=criterion["code"],
                defaults={
                    "position": position,
                    "name_fi": corrected(criterion["fi"]),
                    "name_sv": sv["evaluation_criteria"][f"{kind}/{criterion['code']}"],
                    "name_en": criterion["en"],
                    "scale": scales.get(CRITERION_SCALES.get(criterion["code"])),
                },
            )

    first_version_load(programme)
    trainings = data["trainings"]
    for position, course in enumerate(trainings["published_courses"], 1):
        related = course["related_measures"][0]
        Training.objects.update_or_create(
            programme=programme,
            status=Training.Status.PUBLISHED,
            position=position,
            defaults={
                "title_fi": course["title_fi"],
                "title_sv": sv["trainings"][course["title_fi"]],
                "title_en": course["title_en"],
                "language": course["language"],
                "measure": measures.get(related),
            },
        )
    for position, course in enumerate(trainings["announced_upcoming"], 1):
        Training.objects.update_or_create(
            programme=programme,
            status=Training.Status.UPCOMING,
            position=position,
            defaults={
                "title_fi": course["fi"][:1].upper() + course["fi"][1:],
                "title_sv": sv["trainings"][course["fi"]],
                "title_en": course["en"],
                "language": "fi",
                "measure": measures.get(course["measure_ref"]),
            },
        )
    amendments_apply(programme)
    return programme


def scales_load(*, data_dir: Path = DATA_DIR) -> dict[str, RatingScale]:
    """The IRM's rating scales as reference lists; levels the team added are kept."""
    data = _read_yaml(data_dir / "evaluation-scales.yaml")
    scales = {}
    for code, (name_fi, name_sv, name_en) in SCALE_NAMES.items():
        scale, _created = RatingScale.objects.update_or_create(
            code=code,
            defaults={
                "name_fi": name_fi,
                "name_sv": name_sv,
                "name_en": name_en,
                "source": data[code]["source"],
            },
        )
        for position, level in enumerate(data[code]["levels"], 1):
            RatingLevel.objects.update_or_create(
                scale=scale,
                code=level["id"],
                defaults={
                    "position": position,
                    "label_fi": level["fi"],
                    "label_sv": level["sv"],
                    "label_en": level["en"],
                },
            )
        scales[code] = scale
    return scales


def _load_recommendation(measure, group, position, paragraph, sv, derived_fi):
    code = paragraph["id"]
    recommendation, _created = Recommendation.objects.update_or_create(
        code=code,
        defaults={
            "measure": measure,
            "label_as_printed": group["label_as_printed"],
            "label_is_correct": group["label_correct"],
            "position": position,
            "kind": (
                Recommendation.Kind.CALL_TO_ACTION
                if paragraph.get("kind") == "call_to_action_link"
                else Recommendation.Kind.PARAGRAPH
            ),
            "text_fi": paragraph["text_fi"],
            "text_sv": sv["recommendations"][code],
            "text_en": paragraph["text_en"],
        },
    )
    wanted = set()
    for ask_position, ask in enumerate(paragraph["asks"]):
        for target in ask["targets"]:
            audience = AUDIENCE_OF_TARGET[target]
            wanted.add((ask_position, audience))
            RecommendationAsk.objects.update_or_create(
                recommendation=recommendation,
                position=ask_position,
                audience=audience,
                defaults={
                    "strength": ask["strength"],
                    "verb_fi": ask["verb_fi"],
                    "text_fi": derived_fi["asks"][f"{code}#{ask_position}"],
                    "text_en": ask["ask_en"],
                    "text_sv": sv["asks"][f"{code}#{ask_position}"],
                },
            )
    for ask in recommendation.asks.all():
        if (ask.position, ask.audience) not in wanted:
            ask.delete()
    for deliverable_position, deliverable in enumerate(paragraph.get("deliverables", [])):
        deadline, deadline_year = None, None
        if deliverable.get("deadline"):
            date, precision = _parse_date(deliverable["deadline"])
            if precision == Event.Precision.YEAR:
                deadline_year = date.year
            else:
                deadline = date
        Deliverable.objects.update_or_create(
            recommendation=recommendation,
            position=deliverable_position,
            defaults={
                "kind": deliverable["kind"],
                "text_fi": derived_fi["deliverables"][f"{code}#{deliverable_position}"],
                "text_en": deliverable["en"],
                "text_sv": sv["deliverables"][f"{code}#{deliverable_position}"],
                "deadline": deadline,
                "deadline_year": deadline_year,
                "deadline_as_written_fi": deliverable.get("deadline_as_written_fi", ""),
            },
        )

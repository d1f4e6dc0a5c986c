import datetime
import re

import pytest
from django.core.management import call_command

from commitments.models import (
    Action,
    AskStrength,
    Audience,
    Commitment,
    Deliverable,
    Evaluation,
    Event,
    Measure,
    Programme,
    Recommendation,
    RecommendationAsk,
    Theme,
    Training,
    WorkArea,
)
from commitments.services import DATA_DIR

pytestmark = pytest.mark.django_db

LETTER = (DATA_DIR / "implementation_letter_2024-01-16.txt").read_text(encoding="utf-8")


def letter_text():
    """The letter as plain text: link wrappers, bold markers and escapes removed."""
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", LETTER)
    return " ".join(text.replace("**", "").replace("\\(", "(").replace("\\)", ")").split())


def test_programme_period_and_structure():
    programme = Programme.objects.get()
    assert programme.name_fi == "Avoimen hallinnon viides toimintaohjelma"
    assert programme.published_on == datetime.date(2023, 10, 1)
    assert programme.ends_on == datetime.date(2027, 9, 30)
    assert programme.letter_date == datetime.date(2024, 1, 16)
    assert Commitment.objects.count() == 3
    assert list(Measure.objects.values_list("number", flat=True)) == [
        "1.1", "1.2", "2.1", "2.2", "3.1", "3.2",
    ]  # fmt: skip
    assert Action.objects.count() == 25
    assert Recommendation.objects.count() == 17
    assert Recommendation.objects.filter(kind=Recommendation.Kind.CALL_TO_ACTION).count() == 1


def test_finnish_texts_are_verbatim_from_the_letter():
    letter = letter_text()
    texts = [
        *Commitment.objects.values_list("title_fi", flat=True),
        *Measure.objects.values_list("title_fi", flat=True),
        *Action.objects.values_list("text_fi", flat=True),
        *Recommendation.objects.values_list("text_fi", flat=True),
    ]
    assert len(texts) == 3 + 6 + 25 + 17
    missing = [text for text in texts if " ".join(text.split()) not in letter]
    assert missing == []


def test_every_title_and_recommendation_has_swedish_and_english():
    for model, field in [
        (Commitment, "title"),
        (Measure, "title"),
        (Action, "text"),
        (Recommendation, "text"),
        (RecommendationAsk, "text"),
        (Deliverable, "text"),
        (WorkArea, "name"),
        (Theme, "name"),
        (Event, "title"),
        (Training, "title"),
    ]:
        for language in ("fi", "sv", "en"):
            assert not model.objects.filter(**{f"{field}_{language}": ""}).exists(), (
                model,
                language,
            )


def test_recommendation_keeps_its_printed_label():
    academy = Recommendation.objects.get(code="R2.2-p1")
    assert academy.measure.number == "2.2"
    assert academy.label_as_printed == "Suositus 2.1."
    assert academy.label_is_correct is False
    assert Recommendation.objects.get(code="R2.1-p1").label_is_correct is True


def test_ask_strength_and_audiences():
    def strengths(code, audience):
        return set(
            RecommendationAsk.objects.filter(
                recommendation__code=code, audience=audience
            ).values_list("strength", flat=True)
        )

    assert strengths("R1.1-p1", Audience.STATE_ADMINISTRATION) == {AskStrength.URGED}
    assert strengths("R1.1-p1", Audience.MUNICIPALITIES) == set()
    assert strengths("R1.1-p2", Audience.MUNICIPALITIES) == {AskStrength.ENCOURAGED}
    assert strengths("R1.2-p1", Audience.WELLBEING_COUNTIES) == {AskStrength.HOPED}
    assert strengths("R1.2-p3", Audience.MUNICIPALITIES) == {
        AskStrength.ENCOURAGED,
        AskStrength.SHOULD,
    }
    # Municipalities and counties are never urged; only state administration is.
    urged = RecommendationAsk.objects.filter(strength=AskStrength.URGED)
    assert set(urged.values_list("audience", flat=True)) == {Audience.STATE_ADMINISTRATION}
    assert set(urged.values_list("recommendation__code", flat=True)) == {
        "R1.1-p1",
        "R1.2-p5",
        "R2.2-p1",
    }


def test_easy_language_content_is_due_by_2027():
    deliverable = Deliverable.objects.get(recommendation__code="R1.2-p3", deadline_year=2027)
    assert deliverable.deadline_as_written_fi == "vuoteen 2027 mennessä"
    academy = Deliverable.objects.get(recommendation__code="R2.2-p1", position=0)
    assert academy.deadline == datetime.date(2024, 3, 20)


def test_dated_events():
    events = {event.code: event for event in Event.objects.all()}
    assert events["contact_person_deadline"].date == datetime.date(2024, 2, 9)
    assert events["open_democracy_network_spring_2024"].date == datetime.date(2024, 3, 19)
    assert events["national_ngo_academy_spring_2024"].date == datetime.date(2024, 3, 20)
    assert events["mid_term_evaluation"].precision == Event.Precision.YEAR
    assert events["mid_term_evaluation"].date.year == 2025
    assert events["final_evaluation"].date.year == 2027
    assert events["programme_end"].date == datetime.date(2027, 9, 30)


def test_work_areas_themes_evaluations_and_trainings():
    assert WorkArea.objects.count() == 8
    assert not WorkArea.objects.filter(from_letter=True).exists()
    theme = Theme.objects.get(year=2024)
    assert theme.name_fi == "Tekoäly ja avoimuus"
    assert Theme.objects.count() == 8
    mid_term = Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM)
    final = Evaluation.objects.get(kind=Evaluation.Kind.FINAL)
    assert (mid_term.year, final.year) == (2025, 2027)
    assert {"equality_impacts", "children_youth_information_participation"} <= set(
        mid_term.criteria.values_list("code", flat=True)
    )
    assert {"equality_impacts", "quality_of_participation"} <= set(
        final.criteria.values_list("code", flat=True)
    )
    assert Training.objects.filter(status=Training.Status.PUBLISHED).count() == 9
    assert Training.objects.filter(status=Training.Status.UPCOMING).count() == 2
    assert Training.objects.get(language="sv").title_fi.startswith("Klarspråk")


def test_loading_the_programme_twice_duplicates_nothing():
    counts = [
        model.objects.count()
        for model in (Commitment, Measure, Action, Recommendation, RecommendationAsk, Event)
    ]
    Recommendation.objects.filter(code="R1.1-p1").update(text_fi="muokattu")
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    assert counts == [
        model.objects.count()
        for model in (Commitment, Measure, Action, Recommendation, RecommendationAsk, Event)
    ]
    assert Recommendation.objects.get(code="R1.1-p1").text_fi.startswith("Valtionhallintoa")

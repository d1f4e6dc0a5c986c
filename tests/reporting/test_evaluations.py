"""The evaluation workspace (issue 11): evidence as of the cut-off date, assessments with
ratings from the criterion's scale, drafts for the team and the working group, published
reports for everyone."""

import datetime

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from commitments.models import Evaluation, EvaluationStatus, Measure, RatingLevel
from commitments.services import DATA_DIR
from reporting.models import (
    NON_DISCRIMINATION_GROUNDS,
    ActivityKind,
    Assessment,
    EqualityGround,
    EvidenceKind,
    ReportStatus,
)
from reporting.services import evaluations as services
from tests.access import LOGIN, access_params, assert_access
from tests.factories import (
    ActivityFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    PeriodReportFactory,
    ProgressEntryFactory,
    period,
)

pytestmark = pytest.mark.django_db

CUT_OFF = datetime.date(2025, 4, 30)


def helsinki(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def mid_term():
    evaluation = Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM)
    evaluation.cut_off = CUT_OFF
    evaluation.save()
    return evaluation


def accepted_report(organisation, reviewed_at, status="done", quarter=1):
    report = PeriodReportFactory(
        organisation=organisation,
        period=period(2025, quarter),
        status=ReportStatus.ACCEPTED,
        submitted_at=reviewed_at,
        reviewed_at=reviewed_at,
    )
    ProgressEntryFactory(report=report, status=status)
    return report


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def url_of(name):
    args = {
        "reporting:evaluation_workspace": ["mid_term"],
        "reporting:evaluation_update": ["mid_term"],
        "reporting:evaluation_publish": ["mid_term"],
        "reporting:proposal_create": ["mid_term"],
        "reporting:assessment_update": ["mid_term", "measure", "1.1", "goal_achievement"],
        "reporting:evaluation_report": ["mid_term"],
        "reporting:evaluation_download": ["mid_term", "xlsx"],
    }
    return en(name, *args.get(name, []))


# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:evaluation_workspace_list", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:evaluation_workspace", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:evaluation_update", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:evaluation_update", "post", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:evaluation_publish", "post", LOGIN, 403, 403, 403, 302, 403),
    ("reporting:proposal_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:assessment_update", "get", LOGIN, 403, 403, 403, 200, 403),
    # a draft report: the team and the working group only
    ("reporting:evaluation_report", "get", 404, 404, 404, 404, 200, 200),
    # downloads: only of a published evaluation
    ("reporting:evaluation_download", "get", 404, 404, 404, 404, 404, 404),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, mid_term, name, method, role, expected):
    assert_access(practice_scene, url_of(name), method, role, expected)


def test_a_published_report_is_public(practice_scene, mid_term):
    write_and_publish(mid_term, practice_scene.ministry)
    for who in (None, "other_member", "viewer"):
        response = practice_scene.client(who).get(url_of("reporting:evaluation_report"))
        assert response.status_code == 200
        assert "Tavoitteet toteutuivat osin." in response.content.decode()


def write_and_publish(evaluation, by):
    services.assessment_save(
        evaluation=evaluation,
        criterion=evaluation.criteria.get(code="goal_achievement"),
        measure=Measure.objects.get(number="1.1"),
        values={"finding_fi": "Tavoitteet toteutuivat **osin**."},
        evidence=[],
        by=by,
    )
    evaluation.summary_fi = "Tavoitteet toteutuivat osin."
    evaluation.save()
    return services.evaluation_publish(evaluation=evaluation, by=by)


def test_a_report_accepted_after_the_cut_off_is_not_in_the_evidence(practice_scene, mid_term):
    before = accepted_report(practice_scene.espoo, helsinki(2025, 4, 30, 23, 59), "done")
    accepted_report(practice_scene.vaasa, helsinki(2025, 5, 1, 0, 1), "in_progress")
    ActivityFactory(organisation=before.organisation, period=before.period, happened_on=CUT_OFF)
    ActivityFactory(organisation=practice_scene.vaasa, period=before.period, happened_on=CUT_OFF)
    candidates = services.evidence_candidates(
        cut_off=CUT_OFF, measures=[Measure.objects.get(number="1.1")]
    )
    progress = next(c for c in candidates if c.kind == EvidenceKind.PROGRESS)
    assert progress.key == "R1.1-p2"
    assert progress.figures == {"year": 2025, "quarter": 1, "done": 1}
    activities = next(c for c in candidates if c.kind == EvidenceKind.ACTIVITIES)
    assert activities.key == ActivityKind.NATIONAL_DIALOGUE
    assert activities.figures["activities"] == 1


def test_evidence_counts_the_latest_quarter_ended_by_the_cut_off(practice_scene, mid_term):
    accepted_report(practice_scene.espoo, helsinki(2025, 4, 10, 12), "planned", quarter=1)
    accepted_report(practice_scene.vaasa, helsinki(2025, 4, 20, 12), "done", quarter=2)
    candidates = services.evidence_candidates(
        cut_off=CUT_OFF, measures=[Measure.objects.get(number="1.1")]
    )
    assert [c.figures for c in candidates if c.kind == EvidenceKind.PROGRESS] == [
        {"year": 2025, "quarter": 1, "planned": 1}
    ]


def test_practices_and_actions_as_of_the_cut_off(practice_scene, mid_term):
    measure = Measure.objects.get(number="1.1")
    early = GoodPracticeFactory(published_at=helsinki(2025, 3, 1, 12), for_sami=True)
    late = GoodPracticeFactory(published_at=helsinki(2025, 5, 2, 12))
    early.measures.add(measure)
    late.measures.add(measure)
    MilestoneFactory(due_on=datetime.date(2025, 3, 31), done_on=datetime.date(2025, 3, 30))
    MilestoneFactory(due_on=datetime.date(2025, 4, 15), done_on=datetime.date(2025, 5, 5))
    candidates = services.evidence_candidates(cut_off=CUT_OFF, measures=[measure])
    practices = [c for c in candidates if c.kind == EvidenceKind.PRACTICE]
    assert [c.key for c in practices] == [str(early.pk)]
    assert practices[0].figures["groups"] == ["sami"]
    action = next(c for c in candidates if c.kind == EvidenceKind.ACTION and c.key == "1.1.a1")
    assert action.figures["milestones_due"] == 2
    assert action.figures["milestones_done"] == 1


def test_picked_evidence_is_stored_with_its_figures(practice_scene, mid_term):
    accepted_report(practice_scene.espoo, helsinki(2025, 4, 1, 12))
    criterion = mid_term.criteria.get(code="goal_achievement")
    rating = criterion.scale.levels.get(code="substantial")
    assessment = services.assessment_save(
        evaluation=mid_term,
        criterion=criterion,
        measure=Measure.objects.get(number="1.1"),
        values={"finding_fi": "Hyvin edennyt.", "rating": rating},
        evidence=["progress:R1.1-p2"],
        by=practice_scene.ministry,
    )
    evidence = assessment.evidence.get()
    assert (evidence.kind, evidence.key) == ("progress", "R1.1-p2")
    assert evidence.figures["done"] == 1
    mid_term.refresh_from_db()
    assert mid_term.status == EvaluationStatus.IN_PROGRESS


def test_evidence_not_among_the_records_is_refused(practice_scene, mid_term):
    with pytest.raises(ValidationError):
        services.assessment_save(
            evaluation=mid_term,
            criterion=mid_term.criteria.get(code="goal_achievement"),
            measure=Measure.objects.get(number="1.1"),
            values={"finding_fi": "Teksti."},
            evidence=["progress:R9.9-p9"],
            by=practice_scene.ministry,
        )
    assert not Assessment.objects.exists()


def test_a_rating_only_from_the_criterions_scale(practice_scene, mid_term):
    criterion = mid_term.criteria.get(code="goal_achievement")
    other_scale = RatingLevel.objects.get(scale__code="irm_did_it_open_government", code="major")
    with pytest.raises(ValidationError):
        services.assessment_save(
            evaluation=mid_term,
            criterion=criterion,
            measure=Measure.objects.get(number="1.1"),
            values={"rating": other_scale},
            evidence=[],
            by=practice_scene.ministry,
        )
    client = practice_scene.client("ministry")
    response = client.post(
        url_of("reporting:assessment_update"),
        {"finding_fi": "Teksti.", "rating": str(other_scale.pk)},
    )
    assert response.status_code == 200
    assert (
        "Select a valid choice" in response.content.decode()
        or response.context["form"].errors["rating"]
    )


def test_a_finding_with_html_is_refused_beside_the_field(practice_scene, mid_term):
    client = practice_scene.client("ministry")
    response = client.post(
        url_of("reporting:assessment_update"), {"finding_fi": "<script>alert(1)</script>"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["finding_fi"]
    assert not Assessment.objects.exists()


def test_the_team_writes_an_assessment_through_the_form(practice_scene, mid_term):
    accepted_report(practice_scene.espoo, helsinki(2025, 4, 1, 12))
    client = practice_scene.client("ministry")
    page = client.get(url_of("reporting:assessment_update")).content.decode()
    assert "Recommendation R1.1-p2" in page
    level = RatingLevel.objects.get(scale__code="irm_completion", code="limited")
    response = client.post(
        url_of("reporting:assessment_update"),
        {"finding_fi": "Edistystä.", "rating": str(level.pk), "evidence": ["progress:R1.1-p2"]},
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.rating == level and assessment.evidence.count() == 1


def test_equality_criteria_offer_the_grounds_of_both_acts(practice_scene, mid_term):
    client = practice_scene.client("ministry")
    url = en("reporting:assessment_update", "mid_term", "commitment", "1", "equality_impacts")
    response = client.post(url, {"finding_fi": "Ryhmät huomioitu.", "grounds": ["age", "gender"]})
    assert response.status_code == 302
    assert Assessment.objects.get().grounds == ["age", "gender"]
    response = client.post(url, {"finding_fi": "x", "grounds": ["hair_colour"]})
    assert response.status_code == 200 and response.context["form"].errors["grounds"]


def test_the_grounds_are_those_of_the_non_discrimination_act():
    with open(DATA_DIR / "evaluation-scales.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert [g["id"] for g in data["non_discrimination_grounds"]["grounds"]] == [
        g.value for g in NON_DISCRIMINATION_GROUNDS
    ]
    assert EqualityGround.GENDER not in NON_DISCRIMINATION_GROUNDS


def test_the_irm_scales_are_reference_lists(mid_term):
    criterion = mid_term.criteria.get(code="goal_achievement")
    assert list(criterion.scale.levels.values_list("code", flat=True)) == [
        "no_evidence",
        "not_started",
        "limited",
        "substantial",
        "complete",
    ]
    assert mid_term.criteria.get(code="need_for_new_commitments").scale is None


def test_publishing_needs_a_summary_and_a_finding(practice_scene, mid_term):
    with pytest.raises(ValidationError) as refused:
        services.evaluation_publish(evaluation=mid_term, by=practice_scene.ministry)
    assert len(refused.value.messages) == 2
    published = write_and_publish(mid_term, practice_scene.ministry)
    assert published.is_published and published.published_at
    with pytest.raises(ValidationError):
        services.assessment_save(
            evaluation=published,
            criterion=published.criteria.get(code="goal_achievement"),
            measure=Measure.objects.get(number="1.1"),
            values={"finding_fi": "Muutos."},
            evidence=[],
            by=practice_scene.ministry,
        )


def test_a_bad_cut_off_date_is_an_error_beside_the_field(practice_scene, mid_term):
    client = practice_scene.client("ministry")
    response = client.post(url_of("reporting:evaluation_update"), {"cut_off": "31.2.2025"})
    assert response.status_code == 200
    assert response.context["form"].errors["cut_off"]


def test_the_public_list_links_the_published_report(practice_scene, mid_term):
    write_and_publish(mid_term, practice_scene.ministry)
    page = practice_scene.client(None).get(en("commitments:evaluation_list")).content.decode()
    assert url_of("reporting:evaluation_report") in page


def test_progress_is_from_the_latest_quarter_accepted_by_the_cut_off(practice_scene, mid_term):
    # Q2 ended before the cut-off, but its report was accepted only after it.
    accepted_report(practice_scene.espoo, helsinki(2025, 4, 10, 12), "planned", quarter=1)
    accepted_report(practice_scene.vaasa, helsinki(2025, 8, 5, 12), "done", quarter=2)
    candidates = services.evidence_candidates(
        cut_off=datetime.date(2025, 7, 31), measures=[Measure.objects.get(number="1.1")]
    )
    assert [c.figures for c in candidates if c.kind == EvidenceKind.PROGRESS] == [
        {"year": 2025, "quarter": 1, "planned": 1}
    ]

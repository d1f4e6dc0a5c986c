"""The published evaluation report (issue 11): the public page, its downloads and open data,
participation quality as of the cut-off, the home page's timeline, and query counts."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Measure, RatingLevel
from reporting.models import Assessment
from reporting.services import evaluations as services
from tests.factories import (
    ActivityFactory,
    FeedbackAnswerFactory,
    FeedbackLinkFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    OrganisationFactory,
    period,
)
from tests.reporting.test_evaluations import (
    CUT_OFF,
    accepted_report,
    en,
    helsinki,
    mid_term,
    url_of,
    write_and_publish,
)

pytestmark = pytest.mark.django_db
__all__ = ["mid_term"]


def _page_queries(client):
    urls = [
        url_of("reporting:assessment_update"),
        url_of("reporting:evaluation_workspace"),
        url_of("reporting:evaluation_report"),
    ]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def _add_records(scene, times):
    measure = Measure.objects.get(number="1.1")
    for _ in range(times):
        accepted_report(OrganisationFactory(), helsinki(2025, 4, 1, 12))
        GoodPracticeFactory(published_at=helsinki(2025, 3, 1, 12)).measures.add(measure)
        ActivityFactory(organisation=scene.espoo, period=period(2025, 1), happened_on=CUT_OFF)
        MilestoneFactory(due_on=datetime.date(2025, 3, 31))


def _pick_everything(evaluation, by):
    measure = Measure.objects.get(number="1.1")
    candidates = services.evidence_candidates(cut_off=CUT_OFF, measures=[measure])
    services.assessment_save(
        evaluation=evaluation,
        criterion=evaluation.criteria.get(code="goal_achievement"),
        measure=measure,
        values={"finding_fi": "Teksti."},
        evidence=[candidate.value for candidate in candidates],
        by=by,
    )


def test_query_counts_equal_at_ten_times_the_data(
    practice_scene, mid_term, django_assert_max_num_queries
):
    client = practice_scene.client("ministry")
    _add_records(practice_scene, 2)
    _pick_everything(mid_term, practice_scene.ministry)
    once = _page_queries(client)
    _add_records(practice_scene, 20)
    _pick_everything(mid_term, practice_scene.ministry)
    assert Assessment.objects.get().evidence.count() > 20
    assert _page_queries(client) == once
    with django_assert_max_num_queries(25):
        client.get(url_of("reporting:evaluation_report"))


def test_the_published_report_downloads_as_xlsx_and_open_data(practice_scene, mid_term):
    accepted_report(practice_scene.espoo, helsinki(2025, 4, 1, 12))
    services.assessment_save(
        evaluation=mid_term,
        criterion=mid_term.criteria.get(code="goal_achievement"),
        measure=Measure.objects.get(number="1.1"),
        values={
            "finding_fi": "=HYPERLINK(1)",
            "rating": RatingLevel.objects.get(scale__code="irm_completion", code="limited"),
        },
        evidence=["progress:R1.1-p2"],
        by=practice_scene.ministry,
    )
    mid_term.summary_fi = "Tiivistelmä."
    mid_term.save()
    services.evaluation_publish(evaluation=mid_term, by=practice_scene.ministry)
    client = practice_scene.client(None)
    data = client.get(en("reporting:evaluation_download", "mid_term", "json")).json()
    assert data["cut_off"] == "2025-04-30"
    by_target = {a["target"]: a for a in data["assessments"]}
    assert by_target["measure 1.1"]["rating"] == "limited"
    [evidence] = by_target["measure 1.1"]["evidence"]
    assert evidence["figures"]["done"] == 1
    response = client.get(en("reporting:evaluation_download", "mid_term", "xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
    assert workbook.sheetnames == ["Assessments", "Evidence", "Participation quality"]
    cells = [c for row in workbook["Assessments"].iter_rows(values_only=True) for c in row]
    assert "'=HYPERLINK(1)" in cells and "limited" in cells
    evidence_rows = list(workbook["Evidence"].iter_rows(values_only=True))
    assert ("measure 1.1", "goal_achievement", "progress", "R1.1-p2", None, "done", 1) in [
        tuple(row) for row in evidence_rows
    ]


def test_the_home_page_timeline_shows_the_published_result(practice_scene, mid_term):
    home = practice_scene.client(None).get(en("home")).content.decode()
    assert url_of("reporting:evaluation_report") not in home
    write_and_publish(mid_term, practice_scene.ministry)
    home = practice_scene.client(None).get(en("home")).content.decode()
    assert url_of("reporting:evaluation_report") in home
    assert "Completion (OGP IRM)" not in home  # no rating was given
    assessment = Assessment.objects.get()
    assessment.rating = RatingLevel.objects.get(scale__code="irm_completion", code="substantial")
    assessment.save()
    home = practice_scene.client(None).get(en("home")).content.decode()
    assert "Completion (OGP IRM): Substantial 1" in home


def test_the_public_report_shows_participation_quality_as_of_the_cut_off(practice_scene, mid_term):
    link = FeedbackLinkFactory(
        activity=ActivityFactory(organisation=practice_scene.espoo),
        created_by=practice_scene.editor,
    )
    answers = FeedbackAnswerFactory.create_batch(6, link=link)
    for answer in answers:
        answer.created_at = helsinki(2025, 4, 1, 12)
        answer.save()
    write_and_publish(mid_term, practice_scene.ministry)
    page = practice_scene.client(None).get(url_of("reporting:evaluation_report")).content.decode()
    assert "Quality of participation" in page and "100 %" in page

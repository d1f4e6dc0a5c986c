"""Progress reports: the checklist, its submission and review, periods (issue 9)."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from avoin.concurrency import StaleEdit
from commitments.models import Recommendation
from organisations.models import Organisation
from reporting.models import PeriodReport, ProgressStatus, ReportingPeriod, ReportStatus
from reporting.services import progress as services
from tests.access import LOGIN, access_params, assert_access
from tests.factories import period

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(practice_scene):
    return PeriodReport.objects.create(organisation=practice_scene.espoo, period=period())


def url_of(scene, report, name):
    args = {
        "reporting:report_form": [scene.espoo.pk, report.period.pk],
        "reporting:report_detail": [report.pk],
        "reporting:report_submit": [report.pk],
        "reporting:report_review": [report.pk],
        "reporting:period_update": [report.period.pk],
        "reporting:period_lock": [report.period.pk],
    }
    with translation.override("en"):
        return reverse(name, args=args.get(name, []))


# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:report_list", "get", LOGIN, 200, 200, 200, 200, 200),
    ("reporting:report_form", "get", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:report_form", "post", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:report_detail", "get", LOGIN, 404, 200, 200, 200, 404),
    ("reporting:report_submit", "post", LOGIN, 404, 403, 302, 302, 404),
    ("reporting:report_review", "post", LOGIN, 403, 403, 403, 200, 403),  # empty: refused
    ("reporting:period_list", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:period_update", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:period_lock", "post", LOGIN, 403, 403, 403, 302, 403),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, report, name, method, role, expected):
    assert_access(practice_scene, url_of(practice_scene, report, name), method, role, expected)


def checklist_data(organisation, version=None, **statuses):
    data = {"version": "" if version is None else version}
    for recommendation in services.applicable_recommendations(organisation):
        data[f"status_{recommendation.pk}"] = statuses.get(recommendation.code, "not_started")
        data[f"evidence_{recommendation.pk}"] = ""
        data[f"links_{recommendation.pk}"] = ""
    return data


def test_a_municipality_is_asked_what_the_letter_asks_of_municipalities(practice_scene):
    codes = {r.code for r in services.applicable_recommendations(practice_scene.espoo)}
    assert {"R1.1-p2", "R1.2-p3", "R2.2-p2"} <= codes
    assert "R1.1-p1" not in codes and "R1.2-p5" not in codes  # state administration only
    agency = Organisation.objects.get(name_fi="Verohallinto")
    assert "R1.2-p5" in {r.code for r in services.applicable_recommendations(agency)}


def test_an_editor_reports_a_quarter_and_the_team_accepts_it(practice_scene, mailoutbox):
    q1 = period()
    url = url_of(
        practice_scene,
        PeriodReport(organisation=practice_scene.espoo, period=q1),
        "reporting:report_form",
    )
    data = checklist_data(practice_scene.espoo, **{"R1.1-p2": "done"})
    data[f"evidence_{Recommendation.objects.get(code='R1.1-p2').pk}"] = (
        "Kuusi dialogia, 120 osallistujaa."
    )
    response = practice_scene.client("editor").post(url, data)
    report = PeriodReport.objects.get(organisation=practice_scene.espoo, period=q1)
    assert response["Location"] == url_of(practice_scene, report, "reporting:report_detail")
    assert report.entries.get(recommendation__code="R1.1-p2").status == ProgressStatus.DONE

    practice_scene.client("editor").post(url_of(practice_scene, report, "reporting:report_submit"))
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.is_late  # Q1/2024 closed long ago
    assert any(practice_scene.ministry.email in m.to for m in mailoutbox)

    review = url_of(practice_scene, report, "reporting:report_review")
    refused = practice_scene.client("ministry").post(review, {"decision": "return", "note": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED  # a return needs a note, asked beside it
    assert refused.status_code == 200
    assert refused.context["review_form"].errors["note"] == ["Say what should be changed."]
    assert 'id="id_note"' in refused.content.decode() and 'aria-invalid="true"' in (
        refused.content.decode()
    )
    practice_scene.client("ministry").post(review, {"decision": "return", "note": "Lisää linkki."})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    assert any(
        practice_scene.editor.email in m.to and "Lisää linkki." in m.body for m in mailoutbox
    )

    data = checklist_data(practice_scene.espoo, version=report.version, **{"R1.1-p2": "done"})
    assert practice_scene.client("editor").post(url, data).status_code == 302
    practice_scene.client("editor").post(url_of(practice_scene, report, "reporting:report_submit"))
    practice_scene.client("ministry").post(review, {"decision": "accept"})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED and report.reviewed_by == practice_scene.ministry
    statuses = [record.status for record in report.history.order_by("history_date")]
    assert statuses[-1] == ReportStatus.ACCEPTED and ReportStatus.RETURNED in statuses


def test_a_new_period_starts_from_the_previous_statuses(practice_scene):
    espoo = practice_scene.espoo
    recommendation = Recommendation.objects.get(code="R1.2-p3")
    services.progress_save(
        organisation=espoo,
        period=period(2024, 1),
        by=practice_scene.editor,
        entries={recommendation: (ProgressStatus.IN_PROGRESS, "Inventaario tehty.", [])},
    )
    starting = services.starting_statuses(espoo, period(2024, 2))
    assert starting[recommendation.pk] == (ProgressStatus.IN_PROGRESS, "Inventaario tehty.", [])
    page = practice_scene.client("editor").get(
        url_of(
            practice_scene,
            PeriodReport(organisation=espoo, period=period(2024, 2)),
            "reporting:report_form",
        )
    )
    assert 'value="in_progress" selected' in page.content.decode()
    assert not PeriodReport.objects.filter(
        period=period(2024, 2)
    ).exists()  # nothing saved by a look


def test_a_change_in_another_tab_is_not_overwritten(practice_scene, report):
    recommendation = Recommendation.objects.get(code="R1.1-p2")
    services.progress_save(
        organisation=practice_scene.espoo,
        period=report.period,
        by=practice_scene.editor,
        entries={recommendation: (ProgressStatus.DONE, "", [])},
        expected_version=report.version,
    )
    with pytest.raises(StaleEdit):
        services.progress_save(
            organisation=practice_scene.espoo,
            period=report.period,
            by=practice_scene.editor,
            entries={recommendation: (ProgressStatus.PLANNED, "", [])},
            expected_version=report.version,  # the version the second tab opened with
        )
    url = url_of(practice_scene, report, "reporting:report_form")
    stale = checklist_data(practice_scene.espoo, version=report.version, **{"R1.1-p2": "planned"})
    response = practice_scene.client("editor").post(url, stale)
    assert "Someone else saved this report" in response.content.decode()
    assert report.entries.get(recommendation=recommendation).status == ProgressStatus.DONE


@pytest.mark.parametrize(
    "field, value, error",
    [
        ("status", "finished", "Select a valid choice"),
        ("evidence", "x" * 2001, "at most 2000 characters"),
        ("links", "javascript:alert(1)", "is not a web address"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_kept(
    practice_scene, report, field, value, error
):
    recommendation = Recommendation.objects.get(code="R1.1-p2")
    data = checklist_data(practice_scene.espoo)
    data[f"{field}_{recommendation.pk}"] = value
    response = practice_scene.client("editor").post(
        url_of(practice_scene, report, "reporting:report_form"), data
    )
    html = response.content.decode()
    assert response.status_code == 200 and error in html
    assert f'id="id_{field}_{recommendation.pk}_errors"' in html
    assert not report.entries.exists()


def test_a_locked_period_takes_corrections_from_the_team_only(practice_scene, report):
    report.period.locked_at = timezone.now()
    report.period.save()
    url = url_of(practice_scene, report, "reporting:report_form")
    assert practice_scene.client("editor").get(url).status_code == 403
    data = checklist_data(practice_scene.espoo, version=report.version, **{"R1.1-p2": "done"})
    data["channel"] = "email"
    assert practice_scene.client("ministry").post(url, data).status_code == 302
    entry = report.entries.get(recommendation__code="R1.1-p2")
    assert entry.history.latest("history_date").history_user == practice_scene.ministry


def test_periods_are_the_programmes_quarters_and_dates_are_checked(practice_scene):
    periods = list(ReportingPeriod.objects.all())
    assert (periods[0].year, periods[0].quarter) == (2023, 4)
    assert (periods[-1].year, periods[-1].quarter) == (2027, 3)
    q1 = period()
    url = url_of(practice_scene, PeriodReport(period=q1), "reporting:period_update")
    response = practice_scene.client("ministry").post(
        url, {"opens_on": "2024-01-01", "closes_on": "2023-12-01", "meeting_on": "1999-01-01"}
    )
    html = response.content.decode()
    assert "cannot close before it opens" in html and "Give a date between" in html
    q1.refresh_from_db()
    assert q1.closes_on.year == 2024

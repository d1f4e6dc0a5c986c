"""The plan's versions (issue 11): amendments added, reworded or retired with their dates and
reasons; earlier reports keep the wording they were made against; open data carries the version."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from commitments.models import (
    Amendment,
    AmendmentKind,
    Evaluation,
    PlanVersion,
    Programme,
    Recommendation,
)
from commitments.versioning import amendment_record, wordings_on
from reporting.models import ReportStatus
from reporting.progress_open_data import opened_periods, plan_versions
from tests.access import LOGIN, access_params, assert_access
from tests.factories import PeriodReportFactory, ProgressEntryFactory, period

pytestmark = pytest.mark.django_db

NEW_WORDING = "Uusi sanamuoto suositukselle, puoliväliarvioinnin jälkeen."


@pytest.fixture
def v2():
    return PlanVersion.objects.create(
        programme=Programme.objects.get(),
        number=2,
        effective_from=datetime.date(2025, 10, 1),
        title_fi="Puoliväliarvioinnin jälkeen",
        evaluation=Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM),
    )


def reword(v2, by, code="R1.1-p2"):
    return amendment_record(
        version=v2,
        kind=AmendmentKind.REWORDED,
        target=Recommendation.objects.get(code=code),
        reason={"fi": "Puoliväliarvioinnin suositus."},
        wording={"fi": NEW_WORDING},
        by=by,
    )


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("commitments:plan_versions", "get", 200, 200, 200, 200, 200, 200),
    ("commitments:plan_version_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("commitments:amendment_create", "get", LOGIN, 403, 403, 403, 200, 403),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, name, method, role, expected):
    assert_access(practice_scene, en(name), method, role, expected)


def test_version_1_is_the_october_2023_plan():
    v1 = PlanVersion.objects.get(number=1)
    assert v1.effective_from == Programme.objects.get().published_on
    assert v1.effective_from.year == 2023 and v1.effective_from.month == 10


def test_a_report_made_against_v1_still_shows_v1s_wording(practice_scene, v2):
    recommendation = Recommendation.objects.get(code="R1.1-p2")
    v1_wording = recommendation.text_fi
    report = PeriodReportFactory(
        organisation=practice_scene.espoo,
        period=period(2024, 2),
        status=ReportStatus.ACCEPTED,
        submitted_at=timezone.now(),
    )
    ProgressEntryFactory(report=report, recommendation=recommendation)
    reword(v2, practice_scene.ministry)
    recommendation.refresh_from_db()
    assert recommendation.text_fi == NEW_WORDING
    assert wordings_on([recommendation], period(2024, 2).ends_on) == {recommendation.pk: v1_wording}
    assert wordings_on([recommendation], datetime.date(2025, 12, 31)) == {}
    page = practice_scene.client("editor").get(report.get_absolute_url()).content.decode()
    assert v1_wording[:60] in page
    public = practice_scene.client(None).get(recommendation.get_absolute_url()).content.decode()
    assert NEW_WORDING in public
    assert "Muutettu puoliväliarvioinnin jälkeen" in public
    assert v1_wording[:60] in public  # the history, one click away


def test_loading_the_letter_again_keeps_the_amendments(practice_scene, v2):
    reword(v2, practice_scene.ministry)
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    assert Recommendation.objects.get(code="R1.1-p2").text_fi == NEW_WORDING
    assert PlanVersion.objects.count() == 2


def test_v1_is_not_amended_and_a_retired_item_is_not_retired_again(practice_scene, v2):
    v1 = PlanVersion.objects.get(number=1)
    with pytest.raises(ValidationError):
        reword(v1, practice_scene.ministry)
    target = Recommendation.objects.get(code="R1.1-p3")
    amendment_record(
        version=v2,
        kind=AmendmentKind.RETIRED,
        target=target,
        reason={"fi": "Toteutettu."},
        by=practice_scene.ministry,
    )
    with pytest.raises(ValidationError):
        amendment_record(
            version=v2,
            kind=AmendmentKind.RETIRED,
            target=target,
            reason={"fi": "Uudelleen."},
            by=practice_scene.ministry,
        )
    page = practice_scene.client(None).get(target.get_absolute_url()).content.decode()
    assert "Poistettu puoliväliarvioinnin jälkeen" in page


def test_the_team_records_an_amendment_through_the_form(practice_scene, v2):
    client = practice_scene.client("ministry")
    url = en("commitments:amendment_create")
    refused = client.post(
        url, {"version": v2.pk, "kind": "reworded", "code": "R9.9", "reason_fi": "x"}
    )
    assert refused.status_code == 200 and refused.context["form"].errors["code"]
    no_wording = client.post(
        url, {"version": v2.pk, "kind": "reworded", "code": "R1.1-p2", "reason_fi": "x"}
    )
    assert no_wording.status_code == 200 and not Amendment.objects.exists()
    done = client.post(
        url,
        {
            "version": v2.pk,
            "kind": "reworded",
            "code": "1.1",
            "reason_fi": "Syy.",
            "wording_fi": "Uusi otsikko.",
        },
    )
    assert done.status_code == 302
    assert Amendment.objects.get().measure.title_fi == "Uusi otsikko."


def test_a_new_version_takes_effect_after_the_previous_one(practice_scene):
    client = practice_scene.client("ministry")
    url = en("commitments:plan_version_create")
    early = client.post(url, {"effective_from": "1.1.2020", "title_fi": "Liian aikaisin"})
    assert early.status_code == 200 and early.context["form"].errors["effective_from"]
    made = client.post(url, {"effective_from": "1.10.2025", "title_fi": "Versio 2"})
    assert made.status_code == 302
    assert PlanVersion.objects.get(number=2).effective_from == datetime.date(2025, 10, 1)


def test_open_data_carries_the_version(practice_scene, v2):
    versions = plan_versions(opened_periods())
    assert versions["2024-Q1"] == versions["2025-Q3"] == 1 and versions["2025-Q4"] == 2
    response = practice_scene.client(None).get(en("reporting:progress_open_data", "json"))
    data = json.loads(response.getvalue())
    records = data["figures"] + data["statuses"]
    assert records and all(r["plan_version"] == versions[r["period"]] for r in records)


def test_the_versions_page_runs_the_same_queries_at_ten_times_the_amendments(practice_scene, v2):
    client = practice_scene.client(None)
    codes = list(Recommendation.objects.order_by("pk").values_list("code", flat=True))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(en("commitments:plan_versions")).status_code == 200
        return len(queries)

    reword(v2, practice_scene.ministry, codes[0])
    once = count()
    for code in codes[1:11]:
        reword(v2, practice_scene.ministry, code)
    assert Amendment.objects.count() == 11
    assert count() == once

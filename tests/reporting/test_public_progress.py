"""What the public sees of progress: the overview, the sections on programme pages and the open
data. Coverage beside every figure; accepted reports only (issue 9, docs/adr/0026)."""

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from avoin.links import reverse_in
from commitments.models import Action, Measure, Recommendation
from organisations.models import Organisation
from reporting.models import ProgressStatus, ReportingPeriod, ReportStatus
from reporting.progress_open_data import FIGURE_FIELDS, STATUS_FIELDS
from reporting.services import actions as action_services
from tests.access import access_params, assert_access
from tests.factories import MilestoneFactory, OrganisationFactory, RegionFactory
from tests.json_schema import load_schema, schema_errors

from .progress_data import report, reporting_municipalities

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def latest():
    return ReportingPeriod.objects.latest_closed()


def url_of(name, language="en"):
    args = {"reporting:progress_open_data": ["json"]}
    with translation.override(language):
        return reverse(name, args=args.get(name, []))


# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:progress_overview", "get", 200, 200, 200, 200, 200, 200),
    ("reporting:progress_open_data", "get", 200, 200, 200, 200, 200, 200),
    ("reporting:progress_open_data_statuses", "get", 200, 200, 200, 200, 200, 200),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, name, method, role, expected):
    assert_access(practice_scene, url_of(name), method, role, expected)


def asked(kind, period):
    return Organisation.objects.of_kind(kind).active(on=period.ends_on).count()


def test_the_overview_shows_coverage_beside_the_figures(anonymous_client, latest):
    reporting_municipalities(latest, 2)
    asked_total = sum(
        asked(kind, latest)
        for kind in ["municipality", "wellbeing_county", "state_agency", "ministry"]
    )
    html = anonymous_client.get(url_of("reporting:progress_overview")).content.decode()
    assert f"accepted reports from 2 of the {asked_total} organisations" in html
    assert "Reporting is voluntary" in html
    asked_of_r11p2 = asked("municipality", latest) + asked("wellbeing_county", latest)
    assert f"Recommendation 1.1, paragraph 2: 2 of {asked_of_r11p2} reported" in html
    assert "Dialogues: 2; Participants: 20" in html  # the submitted reports' 99s are not counted


def test_an_earlier_closed_period_can_be_chosen_and_an_open_one_cannot(anonymous_client, latest):
    earlier = ReportingPeriod.objects.filter(starts_on__lt=latest.starts_on).last()
    reporting_municipalities(earlier, 1)
    url = url_of("reporting:progress_overview")
    html = anonymous_client.get(url, {"period": earlier.pk}).content.decode()
    assert f"Who reported on {earlier.label}" in html and "accepted reports from 1 of" in html
    upcoming = ReportingPeriod.objects.filter(starts_on__gt=latest.starts_on).first()
    response = anonymous_client.get(url, {"period": upcoming.pk})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_period_errors"' in html
    assert f"Who reported on {latest.label}" in html


def test_a_recommendation_page_says_n_of_n_by_kind(anonymous_client, latest):
    region = RegionFactory()
    reporting_municipalities(latest, 3, region=region)
    county = Organisation.objects.of_kind("wellbeing_county").first()
    report(county, latest, entries={"R1.1-p2": ProgressStatus.NO_RESOURCES})
    page = reverse_in("en", "commitments:recommendation_detail", args=["R1.1-p2"])
    html = anonymous_client.get(page).content.decode()
    municipalities, counties = asked("municipality", latest), asked("wellbeing_county", latest)
    assert (
        f"Municipality: 3 of {municipalities} organisations of this kind reported; of them done 3."
    ) in html
    assert (
        f"Wellbeing services county: 1 of {counties} organisations of this kind reported; "
        "of them no resources 1."
    ) in html
    assert "State agency" not in html.split('id="progress-heading"')[1]  # not asked
    assert "not what the whole public administration has done" in html


def test_a_call_to_action_has_no_reported_progress(anonymous_client):
    html = anonymous_client.get(
        reverse_in("en", "commitments:recommendation_detail", args=["R1.1-cta"])
    ).content.decode()
    assert 'id="progress-heading"' not in html


def test_a_measure_page_shows_its_activities_and_whom_they_come_from(anonymous_client, latest):
    reporting_municipalities(latest, 2)
    html = anonymous_client.get(
        reverse_in("en", "commitments:measure_detail", args=["1.1"])
    ).content.decode()
    assert "Activities from 2 organisations" in html
    assert "Dialogues: 2; Participants: 20" in html
    easy = anonymous_client.get(
        reverse_in("en", "commitments:measure_detail", args=["1.2"])
    ).content.decode()
    assert "Items prioritised: 2; Of them published: 2" in easy


def test_an_action_page_shows_the_teams_summary(anonymous_client, practice_scene, latest):
    action = Action.objects.get(code="1.1.a1")
    url = reverse_in("en", "commitments:action_detail", args=[action.code])
    assert "No progress recorded yet" in anonymous_client.get(url).content.decode()
    action_services.action_progress_update(
        action=action,
        values={"status": "on_track", "completion": "limited", "evidence": "Muistio 12/2024."},
        by=practice_scene.ministry,
        period=latest,
        note_fi="Ensimmäinen koulutus pidettiin.",
        note_en="The first training was held.",
    )
    MilestoneFactory(action=action, title_fi="Myöhässä", due_on=latest.starts_on)
    MilestoneFactory(
        action=action, title_fi="Tehty", due_on=latest.starts_on, done_on=latest.ends_on
    )
    html = anonymous_client.get(url).content.decode()
    assert "On track" in html and "Limited" in html and "The first training was held." in html
    assert html.count('class="overdue"') == 1 and "1 milestone is past its due date" in html
    assert "Muistio 12/2024." not in html  # evidence is for the working group
    finnish = anonymous_client.get(
        reverse_in("fi", "commitments:action_detail", args=[action.code])
    ).content.decode()
    assert "Ensimmäinen koulutus pidettiin." in finnish and "Etenee suunnitellusti" in finnish


def progress_pages(language):
    with translation.override(language):
        return [
            reverse("reporting:progress_overview"),
            Recommendation.objects.get(code="R1.2-p3").get_absolute_url(),
            Measure.objects.get(number="1.1").get_absolute_url(),
            Action.objects.get(code="1.1.a1").get_absolute_url(),
        ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_render_in_each_language_with_one_h1(anonymous_client, latest, language):
    reporting_municipalities(latest, 2)
    MilestoneFactory(due_on=latest.starts_on)
    for path in progress_pages(language):
        response = anonymous_client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in html and html.count("<h1") == 1, path


NUMERIC = re.compile(r'\s(x|y|x1|x2|y1|y2|width|height|viewBox)="([^"]*)"')


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_charts_numbers_are_numbers_in_every_language(anonymous_client, latest, language):
    reporting_municipalities(latest, 7)  # 7 of ~300: fractions with decimals
    for path in progress_pages(language)[:2]:
        html = anonymous_client.get(path).content.decode()
        charts = re.findall(r"<svg.*?</svg>", html, flags=re.S)
        assert charts, path
        values = [value for chart in charts for _name, value in NUMERIC.findall(chart)]
        assert any("." in value for value in values)  # decimals, written with a point
        for value in values:
            for number in value.split():
                float(number.removesuffix("%"))  # a decimal comma would fail here


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def test_the_pages_run_the_same_queries_at_ten_times_the_data(
    anonymous_client, latest, django_assert_max_num_queries
):
    urls = progress_pages("fi") + [
        url_of("reporting:progress_open_data", "fi"),
        reverse("reporting:progress_open_data", args=["csv"]),
        reverse("reporting:progress_open_data_statuses"),
    ]
    reporting_municipalities(latest, 2)
    MilestoneFactory(due_on=latest.starts_on)
    once = {url: count_queries(anonymous_client, url) for url in urls}
    reporting_municipalities(latest, 20)
    MilestoneFactory.create_batch(10, due_on=latest.starts_on)
    assert {url: count_queries(anonymous_client, url) for url in urls} == once
    with django_assert_max_num_queries(12):  # the overview, whatever the data (issue 12)
        anonymous_client.get(urls[0])


def test_the_open_data_follows_its_documented_schema(anonymous_client, latest):
    reporting_municipalities(latest, 2)
    document = json.loads(anonymous_client.get(url_of("reporting:progress_open_data")).getvalue())
    assert schema_errors(document, load_schema("progress-open-data.schema.json")) == []
    for record in document["figures"]:
        assert record["reported"] == sum(record[status] for status in ProgressStatus.values)
        assert record["reported"] <= record["organisations"]
    mine = [
        r
        for r in document["figures"]
        if r["recommendation"] == "R1.1-p2" and r["organisation_kind"] == "municipality"
    ]
    latest_row = next(r for r in mine if r["period"] == f"{latest.year}-Q{latest.quarter}")
    assert (latest_row["reported"], latest_row["done"], latest_row["period_closed"]) == (2, 2, True)
    assert latest_row["organisations"] == asked("municipality", latest)
    assert len(document["statuses"]) == 4  # two accepted reports, two entries each
    assert {status["status"] for status in document["statuses"]} == {"done", "planned"}


def test_the_schema_check_finds_what_breaks_the_schema():
    schema = load_schema("progress-open-data.schema.json")
    broken = {
        "licence": "CC BY 4.0",
        "figures": [{"period": "2024-1", "organisations": -1, "surprise": True}],
        "statuses": "none",
    }
    errors = schema_errors(broken, schema)
    assert any("figures[0].period" in error for error in errors)
    assert any("organisations: -1 is below 0" in error for error in errors)
    assert any("surprise is not in the schema" in error for error in errors)
    assert any("reported is missing" in error for error in errors)
    assert any("$.statuses: 'none' is not array" in error for error in errors)


def test_only_accepted_reports_are_in_the_open_data(anonymous_client, latest):
    accepted, submitted = OrganisationFactory.create_batch(2, name_fi="=HYPERLINK(1)")
    report(accepted, latest, entries={"R1.1-p2": ProgressStatus.DONE})
    report(submitted, latest, ReportStatus.SUBMITTED, {"R1.1-p2": ProgressStatus.PLANNED})
    response = anonymous_client.get(reverse("reporting:progress_open_data_statuses"))
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == STATUS_FIELDS
    assert [row[STATUS_FIELDS.index("organisation_id")] for row in rows[1:]] == [str(accepted.pk)]
    assert rows[1][STATUS_FIELDS.index("organisation")] == "'=HYPERLINK(1)"  # not a formula
    assert rows[1][STATUS_FIELDS.index("evidence")].endswith(": done")
    figures = anonymous_client.get(reverse("reporting:progress_open_data", args=["csv"]))
    header = next(csv.reader(io.StringIO(figures.getvalue().decode("utf-8-sig"))))
    assert header == FIGURE_FIELDS

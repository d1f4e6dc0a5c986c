"""Every table of the dashboard downloads as CSV and XLSX, read back here: the same figures as
the page, the period and the filters in the first rows, formulas neutralised."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from organisations.models import Organisation
from reporting.dashboard_exports import TABLES
from reporting.models import ProgressStatus, ReportingPeriod
from tests.access import LOGIN, access_params, assert_access
from tests.factories import MilestoneFactory

from .progress_data import reporting_municipalities

pytestmark = pytest.mark.django_db

# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:dashboard_download", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:dashboard_workbook", "get", LOGIN, 403, 403, 403, 200, 200),
]


def url_of(name, *args, locale="en", **query):
    with translation.override(locale):
        url = reverse(name, args=args)
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, name, method, role, expected):
    args = ["coverage", "csv"] if name == "reporting:dashboard_download" else []
    assert_access(practice_scene, url_of(name, *args), method, role, expected)


@pytest.fixture
def latest():
    return ReportingPeriod.objects.latest_closed()


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def read_xlsx(response):
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.getvalue()), read_only=True)
    return {
        sheet.title: [
            ["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in workbook.worksheets
    }


def body(lines):
    """The header and rows after the preamble and its empty line."""
    blank = next(index for index, line in enumerate(lines) if not any(line))
    return lines[blank + 1 :]


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_downloads_in_both_formats_with_the_filters_on_top(
    ministry_client, latest, table
):
    reporting_municipalities(latest, 2)
    query = {"period": latest.pk, "kind": "municipality", "language": "finnish"}
    lines = read_csv(
        ministry_client.get(url_of("reporting:dashboard_download", table, "csv", **query))
    )
    assert lines[0] == ["Period", latest.label]
    assert ["Kind", "Municipality"] in lines[:6]
    assert ["Language status", "Finnish-speaking"] in lines[:6]
    assert ["Region", "All regions"] in lines[:6]
    sheets = read_xlsx(
        ministry_client.get(url_of("reporting:dashboard_download", table, "xlsx", **query))
    )
    (rows,) = sheets.values()
    assert [str(cell) for cell in rows[0]] == lines[0]
    assert [[str(cell) for cell in row] for row in body(rows)] == body(lines)


def test_the_coverage_table_has_the_pages_figures(ministry_client, latest):
    reporting_municipalities(latest, 3)
    municipalities = Organisation.objects.of_kind("municipality").active(on=latest.ends_on).count()
    lines = body(
        read_csv(ministry_client.get(url_of("reporting:dashboard_download", "coverage", "csv")))
    )
    assert lines[0][:3] == [
        "Kind of organisation",
        "Organisations asked (N)",
        "Accepted reports (n)",
    ]
    assert lines[1][:4] == ["Municipality", str(municipalities), "3", str(municipalities - 3)]


def test_the_recommendations_table_has_a_row_per_recommendation_and_kind(ministry_client, latest):
    reporting_municipalities(latest, 2)
    lines = body(
        read_csv(
            ministry_client.get(url_of("reporting:dashboard_download", "recommendations", "csv"))
        )
    )
    header = lines[0]
    row = next(line for line in lines if line[1] == "R1.1-p2" and line[2] == "Municipality")
    assert row[header.index("Reported (n)")] == "2"
    assert row[header.index(str(ProgressStatus.DONE.label))] == "2"


def test_text_that_a_spreadsheet_would_run_is_neutralised(ministry_client, latest):
    MilestoneFactory(title_fi="=HYPERLINK(1)", due_on=latest.starts_on)
    lines = read_csv(ministry_client.get(url_of("reporting:dashboard_download", "actions", "csv")))
    overdue = [line[-1] for line in body(lines)[1:] if line[-1]]
    assert overdue and overdue[0].startswith("'=HYPERLINK(1)")


def test_the_workbook_has_a_sheet_per_table(ministry_client, latest):
    sheets = read_xlsx(ministry_client.get(url_of("reporting:dashboard_workbook")))
    assert list(sheets) == [str(title) for title, _build in TABLES.values()]
    for rows in sheets.values():
        assert rows[0] == ["Period", latest.label]


def test_the_downloads_speak_the_pages_language(ministry_client, latest):
    url = url_of("reporting:dashboard_download", "coverage", "csv", locale="sv")
    lines = read_csv(ministry_client.get(url))
    assert lines[0][0] == "Period"
    assert body(lines)[0][0] == "Typ av organisation"


def test_an_unknown_table_is_404_and_a_bad_filter_leads_back_to_the_page(ministry_client):
    # Addresses no URL name gives: an unknown table and an unknown format.
    assert ministry_client.get("/en/monitoring/tables/secrets.csv").status_code == 404
    assert ministry_client.get("/en/monitoring/tables/coverage.pdf").status_code == 404
    response = ministry_client.get(
        url_of("reporting:dashboard_download", "coverage", "csv", kind="x")
    )
    assert response.status_code == 302
    assert response["Location"] == url_of("reporting:dashboard", kind="x")
    response = ministry_client.get(url_of("reporting:dashboard_workbook", period="abc"))
    assert response.status_code == 302

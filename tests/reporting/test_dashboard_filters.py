"""The dashboard's filters: every combination keeps N right, the organisations of that kind in
that area that existed in the period, so Pertunmaa counts in 2024 and, merged into Mäntyharju
on 1.1.2025, no longer in 2025 (issue 10 §1)."""

import csv
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation, Region
from reporting.models import ProgressStatus, ReportingPeriod
from reporting.presenters.dashboard import Dashboard
from tests.factories import period

from .progress_data import report

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "organisations" / "data"
SOUTH_SAVO = "12"  # Etelä-Savon hyvinvointialue, whose Pertunmaa merged into Mäntyharju


def rows(name):
    with open(DATA / name, encoding="utf-8") as source:
        return list(csv.DictReader(source))


def municipalities_in_county(code, file_name):
    return sum(1 for row in rows(file_name) if row["wellbeing_county_code"] == code)


def municipality(name):
    return Organisation.objects.get(kind="municipality", name_fi=name)


def query(**filters):
    with translation.override("en"):
        url = reverse("reporting:dashboard")
    return url + "?" + "&".join(f"{k}={v}" for k, v in filters.items())


def coverage_of(dashboard, kind):
    return next(row for row in dashboard.coverage if row.now.kind == kind)


def test_the_merger_changes_the_countys_denominator_on_the_day_it_takes_effect(ministry_client):
    q4_2024, q1_2025 = period(2024, 4), period(2025, 1)
    before = municipalities_in_county(SOUTH_SAVO, "municipalities.csv")
    after = municipalities_in_county(SOUTH_SAVO, "municipalities_2025.csv")
    assert after == before - 1  # the reference data: Pertunmaa merged away
    report(municipality("Pertunmaa"), q4_2024, entries={"R1.1-p2": ProgressStatus.DONE})
    report(municipality("Mäntyharju"), q1_2025, entries={"R1.1-p2": ProgressStatus.DONE})
    county = Organisation.objects.get(kind="wellbeing_county", code=SOUTH_SAVO)
    chosen = Organisation.objects.facets(kind="municipality", county=county)

    then = coverage_of(Dashboard(q4_2024, organisations=chosen), "municipality")
    assert (then.now.reported, then.now.organisations) == (1, before)
    now = coverage_of(Dashboard(q1_2025, organisations=chosen), "municipality")
    assert (now.now.reported, now.now.organisations) == (1, after)
    assert (now.reported_change, now.organisations_change) == ("\u00b10", "\u22121")

    html = ministry_client.get(
        query(period=q1_2025.pk, kind="municipality", county=SOUTH_SAVO)
    ).content.decode()
    assert f"Accepted reports from 1 of {after} organisations." in html
    assert f"<td>{after}</td><td>1</td><td>{after - 1}</td><td>\u00b10</td><td>\u22121</td>" in html


def test_a_predecessors_report_does_not_count_after_its_end():
    """Pertunmaa's report for a period after the merger (entered late from an email, say) is not
    counted: N counts Mäntyharju, and n only organisations that N counts."""
    q1_2025 = period(2025, 1)
    report(municipality("Pertunmaa"), q1_2025, entries={"R1.1-p2": ProgressStatus.DONE})
    chosen = Organisation.objects.filter(name_fi__in=["Pertunmaa", "Mäntyharju"])
    row = coverage_of(Dashboard(q1_2025, organisations=chosen), "municipality")
    assert (row.now.reported, row.now.organisations) == (0, 1)


def test_the_kind_filter_leaves_the_other_kinds_out(ministry_client):
    latest = period(2025, 1)
    report(municipality("Tampere"), latest, entries={"R1.1-p2": ProgressStatus.PLANNED})
    county = Organisation.objects.get(kind="wellbeing_county", code="08")
    report(county, latest, entries={"R1.1-p2": ProgressStatus.DONE})
    chosen = Organisation.objects.facets(kind="wellbeing_county")
    shown = Dashboard(latest, organisations=chosen)
    counties = sum(
        1 for row in rows("wellbeing_counties.csv") if row["type"].startswith("wellbeing")
    )
    assert [(row.now.kind, row.now.organisations, row.now.reported) for row in shown.coverage] == [
        ("wellbeing_county", counties, 1),
        ("", counties, 1),
    ]
    r11p2 = next(
        row
        for _c, measures in shown.sections
        for item in measures
        for row in item.recommendations
        if row.recommendation.code == "R1.1-p2"
    )
    assert [(kind.now.kind, kind.now.statuses) for kind in r11p2.kinds] == [
        ("wellbeing_county", {ProgressStatus.DONE: 1})
    ]


def test_the_region_filter_counts_the_regions_municipalities_and_counties():
    latest = period(2025, 1)
    region = Region.objects.get(code="10")  # Etelä-Savo
    in_2025 = [row for row in rows("municipalities_2025.csv") if row["region_code"] == "10"]
    counties = {row["wellbeing_county_code"] for row in in_2025}
    report(municipality("Mikkeli"), latest, entries={"R1.1-p2": ProgressStatus.DONE})
    shown = Dashboard(latest, organisations=Organisation.objects.facets(region=region))
    assert shown.total.now.organisations == len(in_2025) + len(counties)
    assert shown.total.now.reported == 1


def test_the_language_filter_counts_municipalities_of_that_language_status():
    latest = period(2025, 1)
    swedish = [
        row["name_fi"]
        for row in rows("municipalities.csv")
        if row["language_status_fi"] == "Yksikielinen ruotsinkielinen kunta"
        and row["valid_2025"] == "yes"
    ]
    report(municipality(swedish[0]), latest, entries={"R1.1-p2": ProgressStatus.DONE})
    report(municipality("Tampere"), latest, entries={"R1.1-p2": ProgressStatus.DONE})
    shown = Dashboard(latest, organisations=Organisation.objects.facets(language="swedish"))
    assert (shown.total.now.organisations, shown.total.now.reported) == (len(swedish), 1)


def test_filters_combine_and_the_page_says_which_are_on(ministry_client):
    latest = period(2025, 1)
    html = ministry_client.get(
        query(period=latest.pk, kind="municipality", region="15", language="bilingual_sv")
    ).content.decode()
    expected = sum(
        1
        for row in rows("municipalities_2025.csv")
        if row["region_code"] == "15"
        and next(r for r in rows("municipalities.csv") if r["code"] == row["code"])[
            "language_status_fi"
        ]
        == "Kaksikielinen kunta, jossa enemmistön kieli on ruotsi"
    )
    assert f"Accepted reports from 0 of {expected} organisations." in html
    assert '<option value="15" selected>' in html


def test_the_period_select_shows_the_period_shown_when_none_was_asked(ministry_client):
    latest = ReportingPeriod.objects.latest_closed()
    for filters in ({}, {"kind": "municipality"}):
        html = ministry_client.get(query(**filters)).content.decode()
        assert f'<option value="{latest.pk}" selected>' in html

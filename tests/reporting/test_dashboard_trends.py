"""The dashboard's trends: each period's figures up to the one chosen, as SVG with a table and a
download; numbers in the SVG never localised."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from reporting.figures import ASKED_KINDS
from reporting.models import ActivityKind, ReportingPeriod
from reporting.presenters.dashboard import Dashboard
from reporting.presenters.trends import BOTTOM, HEIGHT, TOP, TrendChart
from tests.factories import ActivityFactory, period

from .progress_data import report, reporting_municipalities

pytestmark = pytest.mark.django_db


def test_coverage_and_running_totals_period_by_period():
    first, second, third = period(2024, 1), period(2024, 2), period(2024, 3)
    reporting_municipalities(first, 1)
    region = reporting_municipalities(third, 2)
    chosen = Organisation.objects.filter(region=region)
    trends = Dashboard(third).trends
    assert [p for p, _cells in trends.coverage_rows][-3:] == [first, second, third]
    municipal = [index for index, _label in trends.kinds].index(ASKED_KINDS.index("municipality"))
    by_period = {p: cells[municipal] for p, cells in trends.coverage_rows}
    assert (by_period[first].reported, by_period[second].reported, by_period[third].reported) == (
        1,
        0,
        2,
    )
    running = {p: values for p, values in trends.activity_rows}
    assert running[first][0] == 1 and running[second][0] == 1 and running[third][0] == 3
    assert running[third][1] == 30  # 10 participants each; the submitted reports' 99s not
    assert running[third][3] == 3  # Easy Language items published
    assert Dashboard(third, organisations=chosen).trends.activity_rows[-1][1][0] == 2
    later = ReportingPeriod.objects.filter(starts_on__gt=third.starts_on)
    assert all(p not in later for p, _values in trends.activity_rows)


def test_the_chart_scales_to_its_top_and_skips_missing_values():
    periods = list(ReportingPeriod.objects.order_by("starts_on")[:3])
    chart = TrendChart(periods, [("A", [0, None, 100])], top=100)
    (line,) = chart.lines
    assert [point.value for point in line.points] == [0, 100]
    assert line.points[0].y == HEIGHT - BOTTOM and line.points[1].y == TOP
    assert [tick.text for tick in chart.y_ticks] == ["0", "25", "50", "75", "100"]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_trend_svgs_numbers_are_plain(ministry_client, language):
    reporting_municipalities(ReportingPeriod.objects.latest_closed(), 3)
    ActivityFactory(kind=ActivityKind.REGIONAL_ACADEMY, participants=12)
    with translation.override(language):
        html = ministry_client.get(reverse("reporting:dashboard")).content.decode()
    for chart_id in ("coverage-trend", "activity-trend"):
        svg = re.search(rf'<svg role="img" aria-labelledby="{chart_id}-title".*?</svg>', html, re.S)
        inside = svg.group().split(">", 1)[1]
        numbers = re.findall(r'\s(?:x|y|x1|y1|x2|y2|r|width|height|dy)="([^"]*)"', inside)
        assert numbers
        for value in numbers:
            float(value)
        for points in re.findall(r'points="([^"]*)"', inside):
            for pair in points.split():
                x, y = pair.split(",")
                float(x), float(y)
    assert 'id="coverage-trend-caption"' in html and 'id="activity-trend-caption"' in html


def test_the_trend_tables_download(ministry_client):
    latest = ReportingPeriod.objects.latest_closed()
    report(Organisation.objects.get(kind="municipality", name_fi="Oulu"), latest)
    with translation.override("en"):
        url = reverse("reporting:dashboard_download", args=["coveragetrend", "csv"])
    text = ministry_client.get(url).getvalue().decode("utf-8-sig")
    assert "Municipality: Organisations asked (N)" in text
    assert text.strip().splitlines()[-1].startswith(str(latest))

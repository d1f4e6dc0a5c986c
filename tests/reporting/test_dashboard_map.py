"""The dashboard's tile map: one tile per wellbeing services county, Helsinki and Åland, each
with its n of N; numbers in the SVG are never localised (issue 10 §1)."""

import csv
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from reporting.models import ProgressStatus, ReportingPeriod
from reporting.presenters.tile_map import BANDS, PLACES, TileMap, band_of
from tests.factories import period

from .progress_data import report

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "organisations" / "data"
NUMERIC_ATTRIBUTES = ("x", "y", "width", "height", "rx", "x1", "y1", "x2", "y2")


def rows(name):
    with open(DATA / name, encoding="utf-8") as source:
        return list(csv.DictReader(source))


def tile(shown, code):
    return next(tile for tile in shown.tiles if tile.code == code)


def test_every_county_helsinki_and_aland_has_a_tile_in_its_own_place():
    codes = {row["code"] for row in rows("wellbeing_counties.csv")}
    assert set(PLACES) == codes and len(codes) == 23
    places = [(column, row) for column, row, _abbreviation in PLACES.values()]
    assert len(set(places)) == len(places)
    shown = TileMap(ReportingPeriod.objects.latest_closed())
    assert sorted(tile.code for tile in shown.tiles) == sorted(codes)


def test_a_tile_counts_its_county_and_the_municipalities_there_in_the_period():
    q1_2025 = period(2025, 1)
    mikkeli = Organisation.objects.get(kind="municipality", name_fi="Mikkeli")
    report(mikkeli, q1_2025, entries={"R1.1-p2": ProgressStatus.DONE})
    in_county = sum(
        1 for row in rows("municipalities_2025.csv") if row["wellbeing_county_code"] == "12"
    )
    shown = TileMap(q1_2025)
    south_savo = tile(shown, "12")
    assert (south_savo.coverage.reported, south_savo.coverage.organisations) == (1, in_county + 1)
    assert tile(shown, "90").coverage.organisations == 1  # the City of Helsinki
    aland = sum(
        1 for row in rows("municipalities.csv") if row["wellbeing_status"] == "aland_outside_reform"
    )
    assert tile(shown, "91").coverage.organisations == aland
    before = TileMap(period(2024, 4))
    assert tile(before, "12").coverage.organisations == in_county + 2  # Pertunmaa still there


def test_the_filters_apply_to_the_map():
    latest = ReportingPeriod.objects.latest_closed()
    swedish = Organisation.objects.facets(language="swedish")
    shown = TileMap(latest, organisations=swedish)
    assert tile(shown, "90").coverage.share is None  # Helsinki is bilingual
    assert tile(shown, "90").band == BANDS[0]
    assert tile(shown, "91").coverage.organisations > 0


@pytest.mark.parametrize(
    "share, css",
    [
        (None, "band-none"),
        (0, "band-0"),
        (1, "band-1"),
        (24, "band-1"),
        (25, "band-2"),
        (74, "band-3"),
        (75, "band-4"),
        (100, "band-4"),
    ],
)
def test_shares_fall_in_their_bands(share, css):
    assert band_of(share).css == css


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_svg_numbers_are_plain_in_every_language(ministry_client, language):
    municipalities = Organisation.objects.of_kind("municipality").filter(
        wellbeing_county__code="08"
    )
    latest = ReportingPeriod.objects.latest_closed()
    for organisation in municipalities[:3]:
        report(organisation, latest, entries={"R1.1-p2": ProgressStatus.DONE})
    with translation.override(language):
        url = reverse("reporting:dashboard")
    html = ministry_client.get(url).content.decode()
    svg = re.search(
        r'<svg role="img" aria-labelledby="tile-map-title".*?</svg>', html, re.S
    ).group()
    view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
    assert [int(number) for number in view_box.split()][:2] == [0, 0]
    inside = svg.split(">", 1)[1]  # the root's width is 100%: what is drawn starts after it
    attributes = re.findall(r"\s(" + "|".join(NUMERIC_ATTRIBUTES) + r')="([^"]*)"', inside)
    assert len(attributes) > 23 * 4
    for name, value in attributes:
        float(value)  # 12.5, never 12,5
        assert "," not in value and "\xa0" not in value, (name, value)
    pirkanmaa = re.search(
        r'<g class="tile [^"]*">\s*<title>[^<]*</title>\s*<rect[^>]*></rect>\s*'
        r"<text[^>]*>PIR</text>(.*?)</g>",
        svg,
        re.S,
    ).group(1)
    share, count = re.findall(r">([^<]+)</text>", pirkanmaa)
    total = municipalities.count() + 1
    assert count == f"3/{total}"
    assert share == f"{round(300 / total)} %"
    assert 'id="map-caption"' in html

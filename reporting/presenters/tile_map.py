"""The dashboard's map: the 21 wellbeing services counties, Helsinki and Åland as one square tile
each, placed roughly where they lie, coloured by the share of their organisations that reported.
Server-rendered SVG; no map service, no JavaScript.

Each tile also writes its share and n of N, and the legend names the bands in words, so the
colour never carries the information alone; the table beside the map has the same figures.
Coordinates are integers, and templates render the SVG inside `{% localize off %}`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, OrganisationKind
from reporting import dashboard_figures
from reporting.dashboard_figures import ALAND, HELSINKI

TILE = 96  # a tile's side
GAP = 6
MARGIN = 4
COLUMNS, ROWS = 6, 8

# Statistics Finland's county code → (column, row, abbreviation). Helsinki and Åland keep the
# codes 90 and 91 that the classification gives them (organisations/data/wellbeing_counties.csv).
PLACES = {
    "21": (3, 0, "LAP"),  # Lappi
    "19": (3, 1, "PPO"),  # Pohjois-Pohjanmaa
    "20": (4, 1, "KAI"),  # Kainuu
    "18": (2, 2, "KPO"),  # Keski-Pohjanmaa
    "13": (4, 2, "PSA"),  # Pohjois-Savo
    "14": (5, 2, "PKA"),  # Pohjois-Karjala
    "17": (1, 3, "POH"),  # Pohjanmaa
    "16": (2, 3, "EPO"),  # Etelä-Pohjanmaa
    "15": (3, 3, "KSU"),  # Keski-Suomi
    "12": (4, 3, "ESA"),  # Etelä-Savo
    "06": (1, 4, "SAT"),  # Satakunta
    "08": (2, 4, "PIR"),  # Pirkanmaa
    "09": (3, 4, "PHÄ"),  # Päijät-Häme
    "10": (4, 4, "KYM"),  # Kymenlaakso
    "11": (5, 4, "EKA"),  # Etelä-Karjala
    "91": (0, 5, "ÅL"),  # Ahvenanmaa – Åland
    "05": (1, 5, "VSU"),  # Varsinais-Suomi
    "07": (2, 5, "KHÄ"),  # Kanta-Häme
    "02": (3, 5, "KUU"),  # Keski-Uusimaa
    "01": (4, 5, "IUU"),  # Itä-Uusimaa
    "03": (2, 6, "LUU"),  # Länsi-Uusimaa
    "04": (3, 6, "VAKE"),  # Vantaa ja Kerava
    "90": (3, 7, "HKI"),  # Helsinki
}
HELSINKI_CODE, ALAND_CODE = "90", "91"
HELSINKI_NAME = _("City of Helsinki")
ALAND_NAME = _("Åland")


@dataclass(frozen=True)
class Band:
    """A range of shares reported, its colour class and its name in the legend."""

    css: str
    label: str
    low: int | None  # None: the band of tiles without organisations
    high: int | None


BANDS = [
    Band("band-none", _("No organisations chosen here"), None, None),
    Band("band-0", _("0 %"), 0, 0),
    Band("band-1", _("1–24 %"), 1, 24),
    Band("band-2", _("25–49 %"), 25, 49),
    Band("band-3", _("50–74 %"), 50, 74),
    Band("band-4", _("75–100 %"), 75, 100),
]


def band_of(share):
    """The band of a share (0–100), or of None (no organisations)."""
    if share is None:
        return BANDS[0]
    return next(band for band in BANDS[1:] if band.low <= share <= band.high)


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    abbreviation: str
    x: int
    y: int
    coverage: dashboard_figures.AreaCoverage

    @property
    def band(self):
        return band_of(self.coverage.share)

    @property
    def centre_x(self):
        return self.x + TILE // 2

    @property
    def name_y(self):
        return self.y + 30

    @property
    def share_y(self):
        return self.y + 56

    @property
    def count_y(self):
        return self.y + 78

    @property
    def is_dark(self):
        """Tiles dark enough to need light text."""
        return self.band.css in ("band-3", "band-4")


class TileMap:
    """The areas' coverage in one period for one set of organisations. Two queries."""

    WIDTH = 2 * MARGIN + COLUMNS * TILE + (COLUMNS - 1) * GAP
    HEIGHT = 2 * MARGIN + ROWS * TILE + (ROWS - 1) * GAP
    TILE = TILE
    bands = BANDS

    def __init__(self, period, *, organisations=None):
        self.period = period
        found = dashboard_figures.coverage_by_area(period, organisations=organisations)
        counties = Organisation.objects.of_kind(OrganisationKind.WELLBEING_COUNTY).filter(
            code__in=PLACES
        )
        areas = [(county.code, county.name, found.get(county.pk), county.pk) for county in counties]
        areas.append((HELSINKI_CODE, HELSINKI_NAME, found.get(HELSINKI), HELSINKI))
        areas.append((ALAND_CODE, ALAND_NAME, found.get(ALAND), ALAND))
        self.tiles = sorted(
            (self._tile(code, name, coverage, key) for code, name, coverage, key in areas),
            key=lambda tile: (tile.y, tile.x),
        )

    @staticmethod
    def _tile(code, name, coverage, key):
        column, row, abbreviation = PLACES[code]
        return Tile(
            code=code,
            name=str(name),
            abbreviation=abbreviation,
            x=MARGIN + column * (TILE + GAP),
            y=MARGIN + row * (TILE + GAP),
            coverage=coverage or dashboard_figures.AreaCoverage(key, 0, 0),
        )

    @property
    def rows(self):
        """The table's rows: the areas by code (the counties, then Helsinki and Åland)."""
        return sorted(self.tiles, key=lambda tile: tile.code)

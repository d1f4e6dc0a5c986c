"""Loading the organisation registry from the files shipped in `organisations/data/`."""

import csv
import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from organisations.models import Organisation, Region

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

LANGUAGE_STATUS_BY_FINNISH_LABEL = {
    "Yksikielinen suomenkielinen kunta": Organisation.LanguageStatus.FINNISH,
    "Yksikielinen ruotsinkielinen kunta": Organisation.LanguageStatus.SWEDISH,
    "Kaksikielinen kunta, jossa enemmistön kieli on suomi": (
        Organisation.LanguageStatus.BILINGUAL_FINNISH_MAJORITY
    ),
    "Kaksikielinen kunta, jossa enemmistön kieli on ruotsi": (
        Organisation.LanguageStatus.BILINGUAL_SWEDISH_MAJORITY
    ),
}
COUNTY_STATUS_BY_SOURCE = {
    "wellbeing_county": Organisation.CountyStatus.IN_COUNTY,
    "helsinki_own": Organisation.CountyStatus.HELSINKI_OWN,
    "aland_outside_reform": Organisation.CountyStatus.ALAND_OUTSIDE_REFORM,
}
# Municipal mergers since the 2024 classification: (code merged away, code merged into, date).
# The data show 588 absent from the 2025 classification; the successor is recorded here.
MUNICIPAL_MERGERS = [("588", "507", datetime.date(2025, 1, 1))]

SOURCE_MUNICIPALITIES = "Statistics Finland kunta_1_20240101 (via rOpenGov/geofi)"
SOURCE_COUNTIES = "Statistics Finland hyvinvointialue classification (via rOpenGov/geofi)"
SOURCE_MINISTRIES = "State budget main classes; Finlex organisation ids"
SOURCE_AGENCIES = "Shared first list of state agencies (best effort)"


@dataclass
class LoadSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def record(self, kind, created):
        (self.created if created else self.updated)[kind] += 1

    def __str__(self):
        kinds = sorted(set(self.created) | set(self.updated))
        return ", ".join(
            f"{kind}: {self.created[kind]} new, {self.updated[kind]} updated" for kind in kinds
        )


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def natural_key(kind, *, code="", abbreviation="", name_fi=""):
    """How an organisation is recognised again: its code, else abbreviation, else Finnish name."""
    if code:
        return {"kind": kind, "code": code}
    if abbreviation:
        return {"kind": kind, "abbreviation": abbreviation}
    return {"kind": kind, "name_fi": name_fi}


def upsert(summary, lookup, values):
    organisation, created = Organisation.objects.update_or_create(**lookup, defaults=values)
    summary.record(lookup["kind"], created)
    return organisation


@transaction.atomic
def reference_data_load(*, data_dir: Path = DATA_DIR) -> LoadSummary:
    """Create or update regions and organisations from the shipped CSV files."""
    summary = LoadSummary()
    municipalities = read_csv(data_dir / "municipalities.csv")

    regions = {}
    for row in municipalities:
        if row["region_code"] not in regions:
            regions[row["region_code"]], created = Region.objects.update_or_create(
                code=row["region_code"],
                defaults={"name_fi": row["region_fi"], "name_sv": row["region_sv"]},
            )
            summary.record("region", created)

    region_of_county = {
        row["wellbeing_county_code"]: regions[row["region_code"]]
        for row in municipalities
        if row["wellbeing_county_code"]
    }
    counties = {}
    for row in read_csv(data_dir / "wellbeing_counties.csv"):
        if row["type"] != "wellbeing_services_county":
            continue  # Helsinki and Åland organise their services themselves.
        counties[row["code"]] = upsert(
            summary,
            natural_key(Organisation.Kind.WELLBEING_COUNTY, code=row["code"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "region": region_of_county[row["code"]],
                "source": SOURCE_COUNTIES,
            },
        )

    by_code = {}
    for row in municipalities:
        by_code[row["code"]] = upsert(
            summary,
            natural_key(Organisation.Kind.MUNICIPALITY, code=row["code"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "language_status": LANGUAGE_STATUS_BY_FINNISH_LABEL[row["language_status_fi"]],
                "region": regions[row["region_code"]],
                "county_status": COUNTY_STATUS_BY_SOURCE[row["wellbeing_status"]],
                "wellbeing_county": counties.get(row["wellbeing_county_code"]),
                "source": SOURCE_MUNICIPALITIES,
            },
        )
    for old_code, new_code, merged_on in MUNICIPAL_MERGERS:
        merged = by_code[old_code]
        merged.valid_to = merged_on - datetime.timedelta(days=1)
        merged.merged_into = by_code[new_code]
        merged.save(update_fields=["valid_to", "merged_into"])

    ministries = {}
    for row in read_csv(data_dir / "ministries.csv"):
        ministries[row["abbreviation"]] = upsert(
            summary,
            natural_key(Organisation.Kind.MINISTRY, abbreviation=row["abbreviation"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "source": SOURCE_MINISTRIES,
            },
        )

    for row in read_csv(data_dir / "agencies.csv"):
        upsert(
            summary,
            natural_key(Organisation.Kind.STATE_AGENCY, name_fi=row["name_fi"]),
            {
                "abbreviation": row["abbreviation"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "ministry": ministries[row["ministry_abbreviation"]],
                "source": SOURCE_AGENCIES,
            },
        )
    return summary

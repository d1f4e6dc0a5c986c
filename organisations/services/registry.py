"""Loading the organisation registry from the files shipped in `organisations/data/`."""

import csv
import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from organisations.models import Organisation, Region

from .successions import succession_record, successor_starts_on, successors_parse

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
AGENCIES_FILE = "agencies_2024.csv"
# The ministry of a successor that is not a row of the agency file, only where the data say it:
# - Oikeuspalveluvirasto: its 2025 budget item is 25.15.01, main class 25 = OM (row note of the
#   legal aid districts; the file's rule is ministry = budget main class).
# - Taide- ja kulttuurivirasto: one of the five agencies of OKM's branch from 2026 (OKMFI, HE31).
# - Työllisyys-, kehittämis- ja hallintokeskus: the notes call it KEHA-keskus (TEM) continued
#   under a new name, "a rename/reorganisation rather than a closure".
# The elinvoimakeskukset and Lupa- ja valvontavirasto have no ministry in the data: left empty.
SUCCESSOR_MINISTRIES = {
    "Oikeuspalveluvirasto": "OM",
    "Taide- ja kulttuurivirasto": "OKM",
    "Työllisyys-, kehittämis- ja hallintokeskus": "TEM",
}
# History records of the loader's saves carry this reason; see `kept_since_last_load`.
LOAD_REASON = "load_reference_data"

SOURCE_MUNICIPALITIES = "Statistics Finland kunta_1_20240101 (via rOpenGov/geofi)"
SOURCE_COUNTIES = "Statistics Finland hyvinvointialue classification (via rOpenGov/geofi)"
SOURCE_MINISTRIES = "State budget main classes; Finlex organisation ids"
SOURCE_AGENCIES = "State agencies of 2024, sources {ids} (agencies_2024_sources.md)"
SOURCE_SUCCESSORS = "Named as a successor in agencies_2024.csv"


class AmbiguousOrganisation(Exception):
    """More than one organisation answers to the same name or abbreviation."""


@dataclass
class LoadSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    successions: int = 0
    # Changed in Avoin since the last load, and the file would change them again: left alone.
    kept: list = field(default_factory=list)
    # Rows that name a successor but have not ended (they keep their independence): no link.
    not_ended: list = field(default_factory=list)

    def record(self, kind, created):
        (self.created if created else self.updated)[kind] += 1

    def __str__(self):
        kinds = sorted(set(self.created) | set(self.updated))
        parts = [
            f"{kind}: {self.created[kind]} new, {self.updated[kind]} updated" for kind in kinds
        ] or ["nothing changed"]
        if self.successions:
            parts.append(f"{self.successions} new successions")
        if self.not_ended:
            parts.append(
                "successors not linked, as these have not ended (no valid_to): "
                + ", ".join(sorted(self.not_ended))
            )
        if self.kept:
            parts.append(
                f"kept as changed in Avoin since the last load: {', '.join(sorted(self.kept))}"
            )
        return ", ".join(parts)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def organisation_find(kind, *, code="", name_fi="", abbreviation=""):
    """The organisation a row means: by its code; else its Finnish name; else its abbreviation.

    An organisation with another code is never matched; a name or abbreviation that several
    organisations share matches none of them (`AmbiguousOrganisation`).
    """
    candidates = Organisation.objects.filter(kind=kind)
    if code:
        found = candidates.filter(code=code).first()
        if found is not None:
            return found
        candidates = candidates.filter(code="")
    for field_name, value in (("name_fi", name_fi), ("abbreviation", abbreviation)):
        if not value:
            continue
        matches = list(candidates.filter(**{field_name: value})[:2])
        if len(matches) > 1:
            raise AmbiguousOrganisation(f"{kind} {field_name}={value}")
        if matches:
            return matches[0]
    return None


def organisation_changes(organisation, values):
    """The values that differ from what the organisation has (relations compared by id)."""
    changes = {}
    for name, value in values.items():
        model_field = Organisation._meta.get_field(name)
        if model_field.is_relation:
            differs = getattr(organisation, model_field.attname) != (value.pk if value else None)
        else:
            differs = getattr(organisation, name) != value
        if differs:
            changes[name] = value
    return changes


def organisation_save(organisation, values, *, reason, by=None, validate=False) -> bool:
    """Set the values and save, with who and why in the history; False when nothing changed.

    With `validate`, the model's own checks run first and raise `ValidationError`.
    """
    changes = organisation_changes(organisation, values)
    if organisation.pk and not changes:
        return False
    for name, value in changes.items():
        setattr(organisation, name, value)
    if validate:
        organisation.full_clean()
    organisation._change_reason = reason[:100]
    organisation._history_user = by
    organisation.save()
    return True


def kept_since_last_load():
    """Ids of organisations changed in Avoin (an import, the admin) after the loader wrote them.

    The loader leaves these alone, so that a correction is not undone by the next load.
    """
    latest = dict(
        Organisation.history.order_by("history_date", "history_id").values_list(
            "id", "history_change_reason"
        )
    )
    return {pk for pk, reason in latest.items() if not (reason or "").startswith(LOAD_REASON)}


@dataclass
class _Load:
    summary: LoadSummary
    kept: set

    def upsert(self, kind, values):
        organisation = organisation_find(
            kind,
            code=values.get("code", ""),
            name_fi=values["name_fi"],
            abbreviation=values.get("abbreviation", ""),
        )
        created = organisation is None
        if created:
            organisation = Organisation(kind=kind)
        elif organisation.pk in self.kept:
            if organisation_changes(organisation, values):
                self.summary.kept.append(organisation.name_fi)
            return organisation
        if organisation_save(organisation, values, reason=LOAD_REASON):
            self.summary.record(kind, created)
        return organisation

    def link(self, predecessor, successor, note=""):
        if predecessor.valid_to is not None and succession_record(
            predecessor=predecessor, successor=successor, note=note
        ):
            self.summary.successions += 1


@transaction.atomic
def reference_data_load(*, data_dir: Path = DATA_DIR) -> LoadSummary:
    """Create or update regions and organisations from the shipped CSV files."""
    load = _Load(LoadSummary(), kept_since_last_load())
    municipalities = read_csv(data_dir / "municipalities.csv")

    regions = {}
    for row in municipalities:
        if row["region_code"] not in regions:
            names = {"name_fi": row["region_fi"], "name_sv": row["region_sv"]}
            region, created = Region.objects.get_or_create(code=row["region_code"], defaults=names)
            if created or any(getattr(region, key) != value for key, value in names.items()):
                Region.objects.filter(pk=region.pk).update(**names)
                load.summary.record("region", created)
            regions[row["region_code"]] = region

    region_of_county = {
        row["wellbeing_county_code"]: regions[row["region_code"]]
        for row in municipalities
        if row["wellbeing_county_code"]
    }
    counties = {}
    for row in read_csv(data_dir / "wellbeing_counties.csv"):
        if row["type"] != "wellbeing_services_county":
            continue  # Helsinki and Åland organise their services themselves.
        counties[row["code"]] = load.upsert(
            Organisation.Kind.WELLBEING_COUNTY,
            {
                "code": row["code"],
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "region": region_of_county[row["code"]],
                "source": SOURCE_COUNTIES,
            },
        )

    ends = {
        old: merged_on - datetime.timedelta(days=1) for old, _new, merged_on in MUNICIPAL_MERGERS
    }
    by_code = {}
    for row in municipalities:
        by_code[row["code"]] = load.upsert(
            Organisation.Kind.MUNICIPALITY,
            {
                "code": row["code"],
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "language_status": LANGUAGE_STATUS_BY_FINNISH_LABEL[row["language_status_fi"]],
                "region": regions[row["region_code"]],
                "county_status": COUNTY_STATUS_BY_SOURCE[row["wellbeing_status"]],
                "wellbeing_county": counties.get(row["wellbeing_county_code"]),
                "valid_to": ends.get(row["code"]),
                "source": SOURCE_MUNICIPALITIES,
            },
        )
    for old_code, new_code, _merged_on in MUNICIPAL_MERGERS:
        load.link(by_code[old_code], by_code[new_code])

    ministries = {}
    for row in read_csv(data_dir / "ministries.csv"):
        ministries[row["abbreviation"]] = load.upsert(
            Organisation.Kind.MINISTRY,
            {
                "abbreviation": row["abbreviation"],
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "source": SOURCE_MINISTRIES,
            },
        )
    _agencies_load(load, read_csv(data_dir / AGENCIES_FILE), ministries)
    return load.summary


def _agencies_load(load, rows, ministries):
    """The agencies of 2024, then the successors they name (created where not rows)."""
    agencies = {}
    for row in rows:
        agencies[row["name_fi"]] = load.upsert(
            Organisation.Kind.STATE_AGENCY,
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "abbreviation": row["abbreviation"],
                "ministry": ministries[row["ministry_abbreviation"]],
                "business_id": row["business_id"],
                "email": row["registry_email"],
                "valid_from": _date(row["valid_from"]),
                "valid_to": _date(row["valid_to"]),
                "note": row["note"],
                "source": SOURCE_AGENCIES.format(ids=row["source_ids"]),
            },
        )
    links = []
    for row in rows:
        predecessor = agencies[row["name_fi"]]
        named = successors_parse(row["successor_name_fi"])
        if named and predecessor.valid_to is None:
            load.summary.not_ended.append(predecessor.name_fi)
            continue
        links += [(predecessor, successor) for successor in named]
    for predecessor, successor in links:
        if successor.name_fi not in agencies:
            agencies[successor.name_fi] = load.upsert(
                Organisation.Kind.STATE_AGENCY,
                {
                    "name_fi": successor.name_fi,
                    "valid_from": min(
                        successor_starts_on(p) for p, s in links if s.name_fi == successor.name_fi
                    ),
                    "ministry": ministries.get(SUCCESSOR_MINISTRIES.get(successor.name_fi)),
                    "source": SOURCE_SUCCESSORS,
                },
            )
        load.link(predecessor, agencies[successor.name_fi], successor.note)

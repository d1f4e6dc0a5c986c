"""Loading and importing the organisation registry."""

import csv
import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Organisation, Region

DATA_DIR = Path(__file__).resolve().parent / "data"

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


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lookup(kind, *, code="", abbreviation="", name_fi=""):
    """How an organisation is recognised again: its code, else abbreviation, else Finnish name."""
    if code:
        return {"kind": kind, "code": code}
    if abbreviation:
        return {"kind": kind, "abbreviation": abbreviation}
    return {"kind": kind, "name_fi": name_fi}


def _upsert(summary, lookup, values):
    organisation, created = Organisation.objects.update_or_create(**lookup, defaults=values)
    summary.record(lookup["kind"], created)
    return organisation


@transaction.atomic
def reference_data_load(*, data_dir: Path = DATA_DIR) -> LoadSummary:
    """Create or update regions and organisations from the shipped CSV files."""
    summary = LoadSummary()
    municipalities = _read_csv(data_dir / "municipalities.csv")

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
    for row in _read_csv(data_dir / "wellbeing_counties.csv"):
        if row["type"] != "wellbeing_services_county":
            continue  # Helsinki and Åland organise their services themselves.
        counties[row["code"]] = _upsert(
            summary,
            _lookup(Organisation.Kind.WELLBEING_COUNTY, code=row["code"]),
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
        by_code[row["code"]] = _upsert(
            summary,
            _lookup(Organisation.Kind.MUNICIPALITY, code=row["code"]),
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
    for row in _read_csv(data_dir / "ministries.csv"):
        ministries[row["abbreviation"]] = _upsert(
            summary,
            _lookup(Organisation.Kind.MINISTRY, abbreviation=row["abbreviation"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "source": SOURCE_MINISTRIES,
            },
        )

    for row in _read_csv(data_dir / "agencies.csv"):
        _upsert(
            summary,
            _lookup(Organisation.Kind.STATE_AGENCY, name_fi=row["name_fi"]),
            {
                "abbreviation": row["abbreviation"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "ministry": ministries[row["ministry_abbreviation"]],
                "source": SOURCE_AGENCIES,
            },
        )
    return summary


# --- Import of the ministry's own lists ---------------------------------------------------------

IMPORT_COLUMNS = [
    "kind",
    "code",
    "abbreviation",
    "name_fi",
    "name_sv",
    "name_en",
    "language_status",
    "region_code",
    "wellbeing_county_code",
    "ministry_abbreviation",
    "valid_from",
    "valid_to",
    "merged_into_code",
]
REQUIRED_COLUMNS = ["kind", "name_fi"]
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class OrganisationImportError(Exception):
    """Raised with every problem found in a file; nothing of the file has been saved."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


class OrganisationRowForm(forms.Form):
    """One row of an import file, validated as a form so errors name their column."""

    kind = forms.ChoiceField(choices=Organisation.Kind.choices)
    code = forms.CharField(max_length=20, required=False)
    abbreviation = forms.CharField(max_length=20, required=False)
    name_fi = forms.CharField(max_length=200)
    name_sv = forms.CharField(max_length=200, required=False)
    name_en = forms.CharField(max_length=200, required=False)
    language_status = forms.ChoiceField(
        choices=[("", "")] + Organisation.LanguageStatus.choices, required=False
    )
    region_code = forms.ModelChoiceField(
        queryset=Region.objects.all(), to_field_name="code", required=False
    )
    wellbeing_county_code = forms.ModelChoiceField(
        queryset=Organisation.objects.of_kind(Organisation.Kind.WELLBEING_COUNTY),
        to_field_name="code",
        required=False,
    )
    ministry_abbreviation = forms.ModelChoiceField(
        queryset=Organisation.objects.of_kind(Organisation.Kind.MINISTRY),
        to_field_name="abbreviation",
        required=False,
    )
    valid_from = forms.DateField(input_formats=DATE_FORMATS, required=False)
    valid_to = forms.DateField(input_formats=DATE_FORMATS, required=False)
    merged_into_code = forms.CharField(max_length=20, required=False)

    def clean(self):
        data = super().clean()
        if (
            data.get("valid_from")
            and data.get("valid_to")
            and data["valid_to"] < data["valid_from"]
        ):
            self.add_error("valid_to", _("The end date is before the start date."))
        return data

    def values(self, columns, merged_into):
        """Model values for the columns the file has; absent columns leave fields alone."""
        data = self.cleaned_data
        values = {
            MODEL_FIELD_OF_COLUMN.get(column, column): data[column]
            for column in columns
            if column != "merged_into_code"
        }
        if "merged_into_code" in columns:
            values["merged_into"] = merged_into
        return values


MODEL_FIELD_OF_COLUMN = {
    "region_code": "region",
    "wellbeing_county_code": "wellbeing_county",
    "ministry_abbreviation": "ministry",
}


def _row_problems(line, form):
    for column, errors in form.errors.items():
        where = "" if column == "__all__" else f"{column}: "
        for error in errors:
            yield _("line %(line)s: %(where)s%(error)s") % {
                "line": line,
                "where": where,
                "error": error,
            }


def organisations_import(*, path: Path, source: str = "") -> LoadSummary:
    """Create or update organisations from a CSV file; all rows are saved or none."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in REQUIRED_COLUMNS if column not in header]
            unknown = [column for column in header if column not in IMPORT_COLUMNS]
            if missing or unknown:
                problems = []
                if missing:
                    problems.append(_("line 1: missing columns: %s") % ", ".join(missing))
                if unknown:
                    problems.append(_("line 1: unknown columns: %s") % ", ".join(unknown))
                raise OrganisationImportError(problems)
            rows = [(reader.line_num, row) for row in reader]
            columns = list(header)
    except UnicodeDecodeError as error:
        raise OrganisationImportError([_("The file is not UTF-8 text.")]) from error
    except csv.Error as error:
        raise OrganisationImportError([_("The file is not valid CSV: %s") % error]) from error

    problems, valid, seen = [], [], {}
    for line, row in rows:
        if None in row:
            problems.append(_("line %(line)s: more values than columns") % {"line": line})
            continue
        form = OrganisationRowForm(data={key: (value or "").strip() for key, value in row.items()})
        if not form.is_valid():
            problems.extend(_row_problems(line, form))
            continue
        data = form.cleaned_data
        key = tuple(
            sorted(
                _lookup(
                    data["kind"],
                    code=data["code"],
                    abbreviation=data["abbreviation"],
                    name_fi=data["name_fi"],
                ).items()
            )
        )
        if key in seen:
            problems.append(
                _("line %(line)s: the same organisation as on line %(other)s")
                % {"line": line, "other": seen[key]}
            )
            continue
        seen[key] = line
        valid.append((line, form))
    if problems:
        raise OrganisationImportError(problems)

    summary = LoadSummary()
    with transaction.atomic():
        for line, form in valid:
            data = form.cleaned_data
            merged_into = None
            if data["merged_into_code"]:
                merged_into = Organisation.objects.filter(
                    kind=data["kind"], code=data["merged_into_code"]
                ).first()
                if merged_into is None:
                    problems.append(
                        _("line %(line)s: merged_into_code: no %(kind)s has the code %(code)s")
                        % {"line": line, "kind": data["kind"], "code": data["merged_into_code"]}
                    )
                    continue
            values = form.values(columns, merged_into)
            if source:
                values["source"] = source
            lookup = _lookup(
                data["kind"],
                code=data["code"],
                abbreviation=data["abbreviation"],
                name_fi=data["name_fi"],
            )
            values = {key: value for key, value in values.items() if key not in lookup}
            _upsert(summary, lookup, values)
        if problems:
            raise OrganisationImportError(problems)
    return summary

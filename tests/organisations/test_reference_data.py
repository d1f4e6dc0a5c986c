import csv
import datetime
from collections import Counter

import pytest
from django.core.management import call_command

from organisations.models import Organisation, Region, Succession
from organisations.services.registry import DATA_DIR, reference_data_load
from tests.organisations import agency_file

pytestmark = pytest.mark.django_db

Kind = Organisation.Kind


def municipality(code):
    return Organisation.objects.get(kind=Kind.MUNICIPALITY, code=code)


def rows(name):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_registry_counts():
    counts = Counter(Organisation.objects.values_list("kind", flat=True))
    counties = [
        r for r in rows("wellbeing_counties.csv") if r["type"] == "wellbeing_services_county"
    ]
    assert counts == {
        Kind.MUNICIPALITY: len(rows("municipalities.csv")),
        Kind.WELLBEING_COUNTY: len(counties),
        Kind.MINISTRY: len(rows("ministries.csv")),
        Kind.STATE_AGENCY: len(agency_file.rows()) + len(agency_file.successor_starts()),
    }
    assert Region.objects.count() == 19
    assert not Region.objects.filter(code="03").exists()  # no region 03 in the classification


def test_municipality_facts_come_from_statistics_finland():
    alavus = municipality("010")
    assert (alavus.name_fi, alavus.name_sv) == ("Alavus", "Alavo")
    assert alavus.region.name_fi == "Etelä-Pohjanmaa"
    assert alavus.wellbeing_county.name_fi == "Etelä-Pohjanmaan hyvinvointialue"
    assert alavus.language_status == Organisation.LanguageStatus.FINNISH


def test_language_statuses():
    counts = Counter(
        Organisation.objects.of_kind(Kind.MUNICIPALITY).values_list("language_status", flat=True)
    )
    assert counts == {
        Organisation.LanguageStatus.FINNISH: 260,
        Organisation.LanguageStatus.BILINGUAL_FINNISH_MAJORITY: 18,
        Organisation.LanguageStatus.SWEDISH: 16,
        Organisation.LanguageStatus.BILINGUAL_SWEDISH_MAJORITY: 15,
    }


def test_helsinki_has_no_county_and_organises_its_own_services():
    helsinki = municipality("091")
    assert helsinki.name_sv == "Helsingfors"
    assert helsinki.wellbeing_county is None
    assert helsinki.county_status == Organisation.CountyStatus.HELSINKI_OWN


def test_aland_municipalities_are_outside_the_reform():
    aland = Organisation.objects.filter(region__code="21")
    assert aland.count() == 16
    assert not aland.filter(wellbeing_county__isnull=False).exists()
    assert set(aland.values_list("county_status", flat=True)) == {
        Organisation.CountyStatus.ALAND_OUTSIDE_REFORM
    }
    no_county = Organisation.objects.of_kind(Kind.MUNICIPALITY).filter(wellbeing_county=None)
    assert no_county.count() == 17  # Helsinki and the 16 Åland municipalities


def test_every_county_has_the_municipalities_the_classification_gives():
    with open(DATA_DIR / "wellbeing_counties.csv", encoding="utf-8") as handle:
        expected = {
            row["code"]: int(row["municipalities_2024"])
            for row in csv.DictReader(handle)
            if row["type"] == "wellbeing_services_county"
        }
    counties = Organisation.objects.of_kind(Kind.WELLBEING_COUNTY)
    assert {county.code: county.county_municipalities.count() for county in counties} == expected
    assert sorted(expected) == [f"{n:02d}" for n in range(1, 22)]
    assert all(county.name_en for county in counties)


def test_pertunmaa_merged_into_mantyharju_and_stays():
    pertunmaa, mantyharju = municipality("588"), municipality("507")
    assert list(pertunmaa.successors.all()) == [mantyharju]
    assert pertunmaa.valid_to == datetime.date(2024, 12, 31)
    assert list(mantyharju.predecessors.all()) == [pertunmaa]
    municipalities = Organisation.objects.of_kind(Kind.MUNICIPALITY)
    codes_2025 = {row["code"] for row in rows("municipalities_2025.csv")}
    assert municipalities.active(on=datetime.date(2024, 6, 1)).count() == len(
        rows("municipalities.csv")
    )
    assert (
        set(municipalities.active(on=datetime.date(2025, 1, 1)).values_list("code", flat=True))
        == codes_2025
    )


def test_ministries_and_agencies():
    ministries = Organisation.objects.of_kind(Kind.MINISTRY)
    assert set(ministries.values_list("abbreviation", flat=True)) == {
        "VNK", "UM", "OM", "SM", "PLM", "VM", "OKM", "MMM", "LVM", "TEM", "STM", "YM",
    }  # fmt: skip
    assert all(m.name_sv and m.name_en for m in ministries)
    traficom = Organisation.objects.get(kind=Kind.STATE_AGENCY, abbreviation="Traficom")
    assert traficom.ministry.abbreviation == "LVM"
    rows_without_ministry = Organisation.objects.filter(
        kind=Kind.STATE_AGENCY, name_fi__in=[row["name_fi"] for row in agency_file.rows()]
    ).filter(ministry=None)
    assert not rows_without_ministry.exists()


def test_loading_twice_changes_and_duplicates_nothing():
    before = (
        Organisation.objects.count(),
        Region.objects.count(),
        Succession.objects.count(),
        Organisation.history.count(),
    )
    summary = reference_data_load()
    assert not (summary.created or summary.updated or summary.successions)
    after = (
        Organisation.objects.count(),
        Region.objects.count(),
        Succession.objects.count(),
        Organisation.history.count(),
    )
    assert after == before
    assert list(municipality("588").successors.all()) == [municipality("507")]


def test_a_change_made_in_avoin_is_not_undone_by_the_next_load():
    helsinki, espoo = municipality("091"), municipality("049")
    helsinki.name_sv = "Korjattu käsin"  # e.g. in the admin: recorded in the history
    helsinki.save()
    Organisation.objects.filter(pk=espoo.pk).update(name_sv="Muutettu ohi historian")

    summary = reference_data_load()

    assert municipality("091").name_sv == "Korjattu käsin"
    assert "Helsinki" in summary.kept
    assert municipality("049").name_sv == "Esbo"  # the file still wins where nobody corrected
    assert municipality("049").history.first().history_change_reason == "load_reference_data"


def test_the_load_command_runs_and_reports(capsys):
    call_command("load_reference_data")
    assert "nothing changed" in capsys.readouterr().out

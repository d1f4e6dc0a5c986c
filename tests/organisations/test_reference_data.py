import csv
import datetime
from collections import Counter

import pytest
from django.core.management import call_command

from organisations.models import Organisation, Region
from organisations.services.registry import DATA_DIR

pytestmark = pytest.mark.django_db

Kind = Organisation.Kind


def municipality(code):
    return Organisation.objects.get(kind=Kind.MUNICIPALITY, code=code)


def test_registry_counts():
    counts = Counter(Organisation.objects.values_list("kind", flat=True))
    assert counts == {
        Kind.MUNICIPALITY: 309,
        Kind.WELLBEING_COUNTY: 21,
        Kind.MINISTRY: 12,
        Kind.STATE_AGENCY: 16,
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
    assert pertunmaa.merged_into == mantyharju
    assert pertunmaa.valid_to == datetime.date(2024, 12, 31)
    assert list(mantyharju.merged_from.all()) == [pertunmaa]
    municipalities = Organisation.objects.of_kind(Kind.MUNICIPALITY)
    assert municipalities.active(on=datetime.date(2024, 6, 1)).count() == 309
    assert municipalities.active(on=datetime.date(2025, 1, 1)).count() == 308


def test_ministries_and_agencies():
    ministries = Organisation.objects.of_kind(Kind.MINISTRY)
    assert set(ministries.values_list("abbreviation", flat=True)) == {
        "VNK", "UM", "OM", "SM", "PLM", "VM", "OKM", "MMM", "LVM", "TEM", "STM", "YM",
    }  # fmt: skip
    assert all(m.name_sv and m.name_en for m in ministries)
    traficom = Organisation.objects.get(kind=Kind.STATE_AGENCY, abbreviation="Traficom")
    assert traficom.ministry.abbreviation == "LVM"
    assert not Organisation.objects.of_kind(Kind.STATE_AGENCY).filter(ministry=None).exists()


def test_loading_twice_changes_and_duplicates_nothing():
    before = Organisation.objects.count(), Region.objects.count()
    helsinki = municipality("091")
    helsinki.name_sv = "edited by hand"
    helsinki.save()

    call_command("load_reference_data", stdout=open("/dev/null", "w"))

    assert (Organisation.objects.count(), Region.objects.count()) == before
    assert municipality("091").name_sv == "Helsingfors"
    assert municipality("588").merged_into == municipality("507")

"""The state agencies of 2024 and the 1.1.2026 reform, checked against the shipped file."""

import csv
import datetime
from pathlib import Path

import pytest
from django.utils import timezone, translation

from organisations.models import NominationRound, Organisation, Succession
from organisations.services.registry import SUCCESSOR_MINISTRIES, reference_data_load
from tests.factories import NominationRoundFactory
from tests.organisations import agency_file

pytestmark = pytest.mark.django_db

Kind = Organisation.Kind
OLD_LIST = Path(__file__).parent / "data" / "agencies_before_2024_list.csv"
IN_2024 = datetime.date(2024, 6, 1)
IN_2026 = datetime.date(2026, 6, 1)


def agency(name_fi):
    return Organisation.objects.get(kind=Kind.STATE_AGENCY, name_fi=name_fi)


def names(queryset):
    return set(queryset.values_list("name_fi", flat=True))


def test_every_row_is_loaded_once_with_what_the_file_says():
    for row in agency_file.rows():
        loaded = agency(row["name_fi"])  # exactly one
        assert (loaded.name_sv, loaded.name_en) == (row["name_sv"], row["name_en"])
        assert (loaded.abbreviation, loaded.business_id) == (
            row["abbreviation"],
            row["business_id"],
        )
        assert loaded.email == row["registry_email"]
        assert loaded.ministry.abbreviation == row["ministry_abbreviation"]
        assert loaded.valid_from == agency_file.day(row["valid_from"])
        assert loaded.valid_to == agency_file.day(row["valid_to"])
        assert loaded.note == row["note"]
        assert row["source_ids"] in loaded.source
        assert loaded.code == ""  # business IDs are shared (the ELY centres), so not the code


def test_the_agencies_of_the_old_list_keep_their_records(db):
    """A registry loaded from the 16-agency list keeps those 16 rows: nothing is duplicated."""
    Succession.objects.all().delete()
    Organisation.objects.filter(kind=Kind.STATE_AGENCY).delete()
    ministries = {m.abbreviation: m for m in Organisation.objects.of_kind(Kind.MINISTRY)}
    with open(OLD_LIST, encoding="utf-8") as handle:
        old_rows = list(csv.DictReader(handle))
    old = {
        row["name_fi"]: Organisation.objects.create(
            kind=Kind.STATE_AGENCY,
            name_fi=row["name_fi"],
            abbreviation=row["abbreviation"],
            name_sv=row["name_sv"],
            name_en=row["name_en"],
            ministry=ministries[row["ministry_abbreviation"]],
        ).pk
        for row in old_rows
    }
    Organisation.history.filter(id__in=old.values()).delete()  # no history before this release

    reference_data_load()

    file_names = {row["name_fi"] for row in agency_file.rows()}
    assert set(old) <= file_names  # every old name is a row of the new file, spelled the same
    for name_fi, pk in old.items():
        assert agency(name_fi).pk == pk
    assert Organisation.objects.filter(kind=Kind.STATE_AGENCY).count() == len(file_names) + len(
        agency_file.successor_starts()
    )
    ministry_of = {row["name_fi"]: row["ministry_abbreviation"] for row in old_rows}
    for name_fi, abbreviation in ministry_of.items():
        assert agency(name_fi).ministry.abbreviation == abbreviation


def test_every_ended_agency_points_to_its_successors():
    for row in agency_file.ended_rows():
        predecessor = agency(row["name_fi"])
        expected = dict(agency_file.named_successors(row))
        links = {s.successor.name_fi: s.note for s in predecessor.succeeded_by.all()}
        assert links == expected, row["name_fi"]


def test_hame_is_split_and_the_environmental_tasks_go_to_lupa_ja_valvontavirasto():
    hame = agency("Hämeen elinkeino-, liikenne- ja ympäristökeskus")
    links = {s.successor.name_fi: s.note for s in hame.succeeded_by.all()}
    assert links == {
        "Sisä-Suomen elinvoimakeskus": "",
        "Kaakkois-Suomen elinvoimakeskus": "",
        "Lupa- ja valvontavirasto": "environmental permits/supervision",
    }
    assert names(hame.counts_as(IN_2024)) == {hame.name_fi}
    assert names(hame.counts_as(IN_2026)) == set(links)


def test_successors_named_only_in_the_file_are_created_with_their_start_and_nothing_invented():
    starts = agency_file.successor_starts()
    assert "Lupa- ja valvontavirasto" in starts and "Uudenmaan elinvoimakeskus" in starts
    for name_fi, first_day in starts.items():
        successor = agency(name_fi)
        assert successor.valid_from == first_day
        assert successor.valid_to is None
        blank = ("name_sv", "name_en", "abbreviation", "code", "business_id", "email")
        assert not any(getattr(successor, field) for field in blank), name_fi
        expected_ministry = SUCCESSOR_MINISTRIES.get(name_fi)
        assert getattr(successor.ministry, "abbreviation", None) == expected_ministry
    assert agency("Lupa- ja valvontavirasto").ministry is None  # not in the data


def test_rows_that_name_a_successor_without_ending_stay_and_get_no_link():
    for row in agency_file.rows():
        if row["successor_name_fi"] and not row["valid_to"]:
            kept = agency(row["name_fi"])
            assert not kept.succeeded_by.exists()
            assert names(kept.counts_as(IN_2026)) == {kept.name_fi}


def test_an_agency_that_left_the_state_has_no_successor():
    te = agency("Työ- ja elinkeinotoimistot")
    assert te.valid_to == datetime.date(2024, 12, 31)
    assert not te.successors.exists()
    assert not te.counts_as(IN_2026).exists()


def test_what_organisations_count_as_on_a_date():
    kotus, kavi = (
        agency("Kotimaisten kielten keskus"),
        agency("Kansallinen audiovisuaalinen instituutti"),
    )
    both = Organisation.objects.filter(pk__in=[kotus.pk, kavi.pk])
    assert names(both.counted_as(IN_2024)) == {kotus.name_fi, kavi.name_fi}
    assert names(both.counted_as(datetime.date(2025, 12, 31))) == {kotus.name_fi, kavi.name_fi}
    assert names(both.counted_as(datetime.date(2026, 1, 1))) == {
        "Opetushallitus",
        "Taide- ja kulttuurivirasto",
    }
    pertunmaa = Organisation.objects.get(kind=Kind.MUNICIPALITY, code="588")
    assert names(pertunmaa.counts_as(datetime.date(2025, 3, 1))) == {"Mäntyharju"}


def test_counting_follows_a_chain_of_successions():
    oikeusapu = agency("Valtion oikeusapu- ja edunvalvontapiirit")
    successor = agency("Oikeuspalveluvirasto")
    assert successor.valid_from == datetime.date(2025, 1, 1)
    later = Organisation.objects.create(
        kind=Kind.STATE_AGENCY, name_fi="Myöhempi virasto", valid_from=datetime.date(2027, 1, 1)
    )
    successor.valid_to = datetime.date(2026, 12, 31)
    successor.save()
    Succession.objects.create(predecessor=successor, successor=later)
    assert names(oikeusapu.counts_as(datetime.date(2026, 6, 1))) == {"Oikeuspalveluvirasto"}
    assert names(oikeusapu.counts_as(datetime.date(2027, 6, 1))) == {"Myöhempi virasto"}


@pytest.mark.parametrize("when", [IN_2024, datetime.date(2025, 6, 1), IN_2026])
def test_a_round_asks_the_agencies_of_its_send_date(when):
    sent_at = datetime.datetime.combine(when, datetime.time(10), tzinfo=datetime.UTC)
    nomination_round = NominationRoundFactory(sent_at=sent_at)
    asked = Organisation.objects.asked_in(nomination_round)
    assert names(asked) == agency_file.agencies_on(when)


def test_an_unsent_round_asks_todays_agencies():
    nomination_round = NominationRound(target_kinds=[Kind.STATE_AGENCY])
    asked = Organisation.objects.asked_in(nomination_round)
    assert names(asked) == agency_file.agencies_on(timezone.localdate())


@pytest.mark.parametrize(
    "name_fi, language, expected",
    [
        ("Verohallinto", "sv", "Skatteförvaltningen"),
        ("Poliisihallitus", "sv", "Polisstyrelsen"),
        ("Verohallinto", "en", "Finnish Tax Administration"),
        ("Oikeuskanslerinvirasto", "sv", "Oikeuskanslerinvirasto"),  # no Swedish name: Finnish
    ],
)
def test_names_in_the_page_language_fall_back_to_finnish(name_fi, language, expected):
    with translation.override(language):
        assert agency(name_fi).name == expected

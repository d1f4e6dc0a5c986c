import datetime
import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from organisations.models import Organisation
from organisations.services.registry import AGENCIES_FILE, DATA_DIR, reference_data_load
from tests.factories import MinistryTeamUserFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "kind,code,abbreviation,name_fi,name_sv,name_en,language_status,region_code,"
    "wellbeing_county_code,ministry_abbreviation,valid_from,valid_to,merged_into_code\n"
)


def write(tmp_path, text, name="organisations.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path, *options):
    call_command("import_organisations", str(path), *options, stdout=open("/dev/null", "w"))


def test_good_file_adds_and_updates(tmp_path):
    path = write(
        tmp_path,
        HEADER + "state_agency,,ESIM,Esimerkkivirasto,Exempelverket,Example Agency,,,,VM,"
        "2020-01-01,,\n"
        # An existing agency, recognised by its Finnish name, gets its missing names.
         + "state_agency,,,Oikeuskanslerinvirasto,Testnamn på svenska,Test name,,,,VNK,,,\n",
    )
    before = Organisation.objects.count()
    run(path)
    assert Organisation.objects.count() == before + 1
    added = Organisation.objects.get(abbreviation="ESIM")
    assert added.ministry.abbreviation == "VM"
    assert added.valid_from.isoformat() == "2020-01-01"
    assert added.source == "organisations.csv"
    corrected = Organisation.objects.get(name_fi="Oikeuskanslerinvirasto")
    assert corrected.name_sv == "Testnamn på svenska"

    run(path)  # importing the same file again changes nothing
    assert Organisation.objects.count() == before + 1


def test_absent_columns_leave_fields_alone(tmp_path):
    path = write(tmp_path, "kind,code,name_fi\nmunicipality,091,Helsinki\n")
    run(path)
    helsinki = Organisation.objects.get(kind="municipality", code="091")
    assert helsinki.name_sv == "Helsingfors"
    assert helsinki.region.code == "01"


def test_bad_rows_are_reported_by_line_and_nothing_is_saved(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "state_agency,,OK1,Hyvä virasto,,,,,,VM,,,\n"  # line 2: fine on its own
        + "castle,,,Linna,,,,,,,,,\n"  # line 3: unknown kind
        + "state_agency,,,,,,,,,,,,\n"  # line 4: no name
        + "municipality,999,,Kuntala,,,,77,,,,,\n"  # line 5: unknown region
        + "state_agency,,X,Päiväton,,,,,,VM,31.2.2024,,\n"  # line 6: impossible date
        + "state_agency,,OK1,Hyvä virasto,,,,,,VM,,,\n",  # line 7: duplicate of line 2
    )
    before = Organisation.objects.count()
    with pytest.raises(CommandError) as error:
        run(path)
    message = str(error.value)
    assert "Nothing was saved" in message
    for line, column in [(3, "kind"), (4, "name_fi"), (5, "region_code"), (6, "valid_from")]:
        assert f"line {line}: {column}:" in message
    assert "line 7: the same organisation as on line 2" in message
    assert "line 2" not in message.replace("as on line 2", "")
    assert Organisation.objects.count() == before
    assert not Organisation.objects.filter(abbreviation="OK1").exists()


def test_unknown_successor_rolls_back_the_whole_file(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "municipality,901,,Uusikunta,,,,01,,,,,\n"
        + "municipality,902,,Vanhakunta,,,,01,,,,2024-12-31,404\n",
    )
    with pytest.raises(CommandError, match="line 3: merged_into_code"):
        run(path)
    assert not Organisation.objects.filter(code__in=["901", "902"]).exists()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kind,code\nmunicipality,1\n", "line 1: missing columns: name_fi"),
        ("kind,name_fi,colour\nother,X,red\n", "line 1: unknown columns: colour"),
        ("kind,name_fi\nother,X,extra\n", "line 2: more values than columns"),
    ],
)
def test_bad_headers_and_rows(tmp_path, text, expected):
    with pytest.raises(CommandError, match=expected):
        run(write(tmp_path, text))


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("kind,name_fi\nother,Åbo\n".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(path)


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nothing.csv")


def test_a_corrected_swedish_name_is_an_update_with_history_that_the_next_load_keeps(tmp_path):
    team_member = MinistryTeamUserFactory()
    tax = Organisation.objects.get(kind="state_agency", name_fi="Verohallinto")
    before = Organisation.objects.count()
    path = write(tmp_path, "name_fi,name_sv\nVerohallinto,Skatteförvaltningen (korrigerad)\n")
    run(path, "--source", "VM:n korjaus 3/2026", "--user", team_member.username)

    tax.refresh_from_db()
    assert tax.name_sv == "Skatteförvaltningen (korrigerad)"
    assert Organisation.objects.count() == before
    change = tax.history.first()
    assert change.history_user == team_member
    assert change.history_change_reason == "import_organisations: VM:n korjaus 3/2026"
    assert change.prev_record.name_sv == "Skatteförvaltningen"

    summary = reference_data_load()
    tax.refresh_from_db()
    assert tax.name_sv == "Skatteförvaltningen (korrigerad)"
    assert "Verohallinto" in summary.kept


def test_the_shipped_agency_file_imports_as_it_is_and_adds_nothing(tmp_path):
    path = tmp_path / AGENCIES_FILE
    shutil.copy(DATA_DIR / AGENCIES_FILE, path)  # no kind column: a list of state agencies
    before = Organisation.objects.count()
    output = io.StringIO()
    call_command("import_organisations", str(path), stdout=output)
    assert Organisation.objects.count() == before
    assert "no valid_to" in output.getvalue()  # the ERVI rows name a successor but go on


def test_a_grouped_row_is_split_by_import(tmp_path):
    path = write(
        tmp_path,
        "name_fi,valid_to,successor_name_fi\n"
        "Valtion mielisairaalat,2026-12-31,Testisairaala A; Testisairaala B (oikeuspsykiatria)\n",
    )
    run(path)
    grouped = Organisation.objects.get(name_fi="Valtion mielisairaalat")
    links = {s.successor.name_fi: s.note for s in grouped.succeeded_by.all()}
    assert links == {"Testisairaala A": "", "Testisairaala B": "oikeuspsykiatria"}
    for successor in grouped.successors.all():
        assert successor.valid_from == datetime.date(2027, 1, 1)
        assert successor.kind == "state_agency" and not successor.name_sv
    counted = grouped.counts_as(datetime.date(2027, 2, 1))
    assert set(counted.values_list("name_fi", flat=True)) == set(links)


def test_a_successor_that_exists_is_linked_not_created(tmp_path):
    before = Organisation.objects.count()
    run(
        write(
            tmp_path,
            "kind,name_fi,ministry_abbreviation,valid_to,successor_name_fi\n"
            "state_agency,Lakkautettava virasto,OKM,2026-12-31,Opetushallitus\n",
        )
    )
    ended = Organisation.objects.get(name_fi="Lakkautettava virasto")
    assert [s.name_fi for s in ended.successors.all()] == ["Opetushallitus"]
    assert Organisation.objects.count() == before + 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("name_fi,business_id\nVerohallinto,0245437-3\n", "line 2: business_id: The check digit"),
        ("name_fi,business_id\nVerohallinto,245437-2\n", "line 2: business_id: Give the"),
        ("name_fi,email,registry_email\nX,,\n", "line 1: give either email or registry_email"),
        ("name_fi,valid_from,valid_to\nVerohallinto,2025-01-01,2024-01-01\n", "line 2: valid_to"),
    ],
)
def test_bad_business_ids_and_columns_are_refused(tmp_path, text, expected):
    with pytest.raises(CommandError, match=expected):
        run(write(tmp_path, text))


def test_a_name_two_organisations_share_is_refused(tmp_path):
    Organisation.objects.create(kind="state_agency", name_fi="Kaksoisvirasto")
    Organisation.objects.create(kind="state_agency", name_fi="Kaksoisvirasto")
    with pytest.raises(CommandError, match="line 2: several organisations"):
        run(write(tmp_path, "name_fi,name_sv\nKaksoisvirasto,Dubbelverket\n"))


def test_registry_addresses_can_be_imported(tmp_path):
    run(
        write(
            tmp_path,
            "kind,abbreviation,name_fi,email\nstate_agency,STUK,Säteilyturvakeskus,kirjaamo@stuk.example.invalid\n",
        )
    )
    assert Organisation.objects.get(abbreviation="STUK").email == "kirjaamo@stuk.example.invalid"
    with pytest.raises(CommandError, match="line 2: email:"):
        run(
            write(
                tmp_path,
                "kind,abbreviation,name_fi,email\nstate_agency,STUK,Säteilyturvakeskus,kirjaamo\n",
            )
        )

import pytest
from django.core.management import CommandError, call_command

from organisations.models import Organisation

pytestmark = pytest.mark.django_db

HEADER = (
    "kind,code,abbreviation,name_fi,name_sv,name_en,language_status,region_code,"
    "wellbeing_county_code,ministry_abbreviation,valid_from,valid_to,merged_into_code\n"
)


def write(tmp_path, text, name="organisations.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path):
    call_command("import_organisations", str(path), stdout=open("/dev/null", "w"))


def test_good_file_adds_and_updates(tmp_path):
    path = write(
        tmp_path,
        HEADER + "state_agency,,DVV,Digi- ja väestötietovirasto,Myndigheten för digitalisering och "
        "befolkningsdata,Digital and Population Data Services Agency,,,,VM,2020-01-01,,\n"
        # An existing agency, recognised by its abbreviation, gets its missing names.
         + "state_agency,,STUK,Säteilyturvakeskus,Strålsäkerhetscentralen,"
        "Radiation and Nuclear Safety Authority,,,,STM,,,\n",
    )
    before = Organisation.objects.count()
    run(path)
    assert Organisation.objects.count() == before + 1
    dvv = Organisation.objects.get(abbreviation="DVV")
    assert dvv.ministry.abbreviation == "VM"
    assert dvv.valid_from.isoformat() == "2020-01-01"
    assert dvv.source == "organisations.csv"
    stuk = Organisation.objects.get(abbreviation="STUK")
    assert stuk.name_sv == "Strålsäkerhetscentralen"

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

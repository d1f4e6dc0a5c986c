import csv
import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from avoin.collation import nordic_key
from avoin.links import reverse_in
from organisations.models import Organisation, Region
from organisations.services.registry import DATA_DIR
from tests.factories import AgencyFactory, MembershipFactory, OrganisationFactory
from tests.organisations import agency_file

pytestmark = pytest.mark.django_db


def list_url():
    return reverse_in("en", "organisations:organisation_list")


IN_2026 = datetime.date(2026, 6, 1)


@pytest.fixture
def in_2026(monkeypatch):
    """Today is a day after the 1.1.2026 reform, whenever the tests run."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: IN_2026)
    return IN_2026


def file_rows(name):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def url(name, *args, language="en", query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


def page_of(organisation, language="en"):
    return url("organisations:organisation_detail", organisation.pk, language=language)


def names(response):
    return [organisation.name_fi for organisation in response.context["page"].object_list]


def detail(code, language="en", client=None):
    organisation = Organisation.objects.get(kind="municipality", code=code)
    return (client or Client()).get(
        reverse_in(language, "organisations:organisation_detail", args=[organisation.pk])
    )


def test_directory_lists_todays_organisations_paginated(anonymous_client, in_2026):
    counties = [r for r in file_rows("wellbeing_counties.csv") if r["type"] != "helsinki_city"]
    expected = (
        len(file_rows("municipalities_2025.csv"))  # Pertunmaa has merged into Mäntyharju
        + len([r for r in counties if r["type"] == "wellbeing_services_county"])
        + len(file_rows("ministries.csv"))
        + len(agency_file.agencies_on(in_2026))
    )
    response = anonymous_client.get(list_url())
    assert response.status_code == 200
    assert response.context["page"].paginator.count == expected
    assert len(names(response)) == 25
    last_page = (expected - 1) // 25 + 1
    last = anonymous_client.get(list_url(), {"page": last_page})
    assert len(names(last)) == expected - (last_page - 1) * 25


def test_former_organisations_are_shown_on_request_with_what_they_became(anonymous_client, in_2026):
    search = {"q": "Hämeen elinkeino"}
    assert names(anonymous_client.get(list_url(), search)) == []
    response = anonymous_client.get(list_url(), {**search, "former": "on"})
    assert names(response) == ["Hämeen elinkeino-, liikenne- ja ympäristökeskus"]
    html = response.content.decode()
    assert "ceased 31.12.2025; succeeded by" in html
    for successor in ("Sisä-Suomen elinvoimakeskus", "Kaakkois-Suomen elinvoimakeskus"):
        assert successor in html
    everyone = anonymous_client.get(list_url(), {"former": "on"})
    assert everyone.context["page"].paginator.count == Organisation.objects.count()
    assert "former=on&amp;page=2" in everyone.content.decode()


def test_search_by_finnish_or_swedish_name(anonymous_client):
    assert names(anonymous_client.get(list_url(), {"q": "Helsingfors"})) == ["Helsinki"]
    assert names(anonymous_client.get(list_url(), {"q": "alavo"})) == ["Alavus"]
    assert "Pedersören kunta" in names(anonymous_client.get(list_url(), {"q": "Pedersöre"}))
    assert names(anonymous_client.get(list_url(), {"q": "STUK"})) == ["Säteilyturvakeskus"]


def test_filters_combine_and_survive_pagination(anonymous_client):
    params = {"kind": "municipality", "region": "01", "language": "bilingual_fi"}
    response = anonymous_client.get(list_url(), params)
    found = names(response)
    assert "Espoo" in found and "Helsinki" in found
    assert all(
        organisation.region.code == "01" and organisation.language_status == "bilingual_fi"
        for organisation in response.context["page"].object_list
    )
    county = Organisation.objects.get(kind="wellbeing_county", code="05")
    response = anonymous_client.get(list_url(), {"county": county.code})
    in_county = set(response.context["page"].paginator.object_list)
    assert in_county == {county, *county.county_municipalities.all()}

    many = anonymous_client.get(list_url(), {"kind": "municipality", "language": "finnish"})
    html = many.content.decode()
    assert "kind=municipality&amp;language=finnish&amp;page=2" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"kind": "castle"},
        {"region": "zz"},
        {"county": "<script>alert(1)</script>"},
        {"language": "klingon"},
        {"page": "-1"},
        {"page": "lots"},
        {"page": "99999"},
    ],
)
def test_nonsense_filters_never_break_the_page(anonymous_client, params):
    response = anonymous_client.get(list_url(), params)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_invalid_filter_says_so(anonymous_client):
    response = anonymous_client.get(list_url(), {"q": "x" * 10_000})
    html = response.content.decode()
    assert "Ensure this value has at most 100 characters" in html
    assert 'aria-describedby="id_q_errors id_q_helptext"' in html
    assert response.context["page"].paginator.count == 0


def test_html_in_search_is_shown_as_text(anonymous_client):
    response = anonymous_client.get(list_url(), {"q": '"><img src=x onerror=alert(1)>'})
    assert response.status_code == 200
    assert b"<img src=x" not in response.content
    assert b"&lt;img src=x onerror=alert(1)&gt;" in response.content


def test_helsinki_page_explains_why_it_has_no_county():
    html = detail("091").content.decode()
    assert "Helsinki is not part of a wellbeing services county" in html


def test_aland_page_explains_the_reform_does_not_apply():
    html = detail("035").content.decode()  # Brändö
    assert "Åland is outside the wellbeing services county reform" in html


def test_merger_history_is_shown_on_both_sides():
    pertunmaa = detail("588").content.decode()
    assert "This organisation ceased on 31.12.2024. Its tasks passed to:" in pertunmaa
    assert "Mäntyharju" in pertunmaa
    mantyharju = detail("507").content.decode()
    assert "Took over from" in mantyharju and "Pertunmaa" in mantyharju


def test_an_ended_agency_says_what_it_became_and_the_successor_what_it_took_over(
    anonymous_client,
):
    hame = Organisation.objects.get(name_fi="Hämeen elinkeino-, liikenne- ja ympäristökeskus")
    html = anonymous_client.get(page_of(hame)).content.decode()
    assert "This organisation ceased on 31.12.2025. Its tasks passed to:" in html
    assert "Lupa- ja valvontavirasto</a>: environmental permits/supervision" in html
    lvv = Organisation.objects.get(name_fi="Lupa- ja valvontavirasto")
    html = anonymous_client.get(page_of(lvv)).content.decode()
    assert "Took over from" in html
    for predecessor in lvv.predecessors.all():
        assert predecessor.name_en in html  # an English page names them in English
    assert "Valid from</dt><dd>1.1.2026" in html


def test_a_grouped_row_is_one_organisation_with_its_note(anonymous_client):
    hospitals = Organisation.objects.get(name_fi="Valtion mielisairaalat")
    html = anonymous_client.get(page_of(hospitals)).content.decode()
    assert "GROUPED ROW" in html


@pytest.mark.parametrize(
    "name_fi, expected",
    [("Verohallinto", "Skatteförvaltningen"), ("Poliisihallitus", "Polisstyrelsen")],
)
def test_swedish_pages_name_agencies_in_swedish(anonymous_client, name_fi, expected):
    agency = Organisation.objects.get(name_fi=name_fi)
    listing = anonymous_client.get(
        url("organisations:organisation_list", language="sv"), {"q": name_fi}
    )
    assert f'lang="sv">{expected}</a>' in listing.content.decode()
    page = anonymous_client.get(page_of(agency, "sv")).content.decode()
    assert f'<h1 lang="sv">{expected}</h1>' in page


def test_members_and_the_ministry_see_the_changes_to_the_organisations_details(
    anonymous_client, ministry_client, tmp_path
):
    from django.core.management import call_command

    stuk = Organisation.objects.get(abbreviation="STUK")
    member = MembershipFactory(organisation=stuk).user
    path = tmp_path / "korjaus.csv"
    path.write_text("name_fi,registry_email\nSäteilyturvakeskus,kirjaamo@stuk.example.invalid\n")
    call_command("import_organisations", str(path), stdout=open("/dev/null", "w"))

    from django.test import Client

    client = Client()
    client.force_login(member)
    for seen_by in (client, ministry_client):
        html = seen_by.get(page_of(stuk)).content.decode()
        assert "Changes to the organisation's details" in html
        assert "imported from korjaus.csv" in html
        assert "registry email address: – → kirjaamo@stuk.example.invalid" in html
    public = anonymous_client.get(page_of(stuk)).content.decode()
    assert "imported from korjaus.csv" not in public


def test_agency_page_names_its_ministry_branch(anonymous_client):
    stuk = Organisation.objects.get(abbreviation="STUK")
    html = anonymous_client.get(
        reverse_in("en", "organisations:organisation_detail", args=[stuk.pk])
    ).content.decode()
    assert "Administrative branch" in html and "Ministry of Social Affairs and Health" in html
    stm = stuk.ministry
    html = anonymous_client.get(
        reverse_in("en", "organisations:organisation_detail", args=[stm.pk])
    ).content.decode()
    assert stuk.name_en in html
    valvira = Organisation.objects.get(abbreviation="Valvira")
    assert f'{valvira.name_en}</a> <span class="meta">(ceased 31.12.2025)' in html


def add_organisations(count, **fields):
    region = Region.objects.get(code="01")
    Organisation.objects.bulk_create(
        OrganisationFactory.build_batch(count * 9 // 10, region=region, **fields)
        + AgencyFactory.build_batch(count // 10)
    )


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "a"}, {"kind": "municipality", "region": "01"}, {"page": "2"}, {"former": "on"}],
)
def test_directory_queries_do_not_grow_with_the_data(anonymous_client, params):
    before = count_queries(anonymous_client, list_url(), params)
    add_organisations(3000)  # about ten times the registry
    after = count_queries(anonymous_client, list_url(), params)
    assert before == after
    assert after <= 6


def test_detail_queries_are_bounded(anonymous_client, django_assert_max_num_queries):
    county = Organisation.objects.get(kind="wellbeing_county", code="12")
    url = reverse("organisations:organisation_detail", args=[county.pk])
    before = count_queries(anonymous_client, url)
    add_organisations(200, wellbeing_county=county)
    with django_assert_max_num_queries(before):
        anonymous_client.get(url)
    assert before <= 5


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_names_sort_the_nordic_way_in_the_pages_language(anonymous_client, language):
    """…, Z, Å, Ä, Ö on SQLite and PostgreSQL alike; Swedish pages sort by Swedish names."""
    municipalities = Organisation.objects.of_kind(Organisation.Kind.MUNICIPALITY).active()
    url = reverse_in(language, "organisations:organisation_list")
    first = anonymous_client.get(url, {"kind": "municipality"})
    last_page = first.context["page"].paginator.num_pages
    response = anonymous_client.get(url, {"kind": "municipality", "page": last_page})
    shown = [str(o.name) for o in response.context["page"].object_list]
    names = sorted(
        (getattr(o, f"name_{language}") or o.name_fi for o in municipalities), key=nordic_key
    )
    assert shown == names[-len(shown) :]
    assert shown[-1].startswith(("Ä", "Ö", "Å"))  # not Ylöjärvi
    if language == "sv":
        assert "Åbo" in shown or "Åbo" in names  # Turku sorts under Å in Swedish

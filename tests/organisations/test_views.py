import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avoin.collation import nordic_key
from organisations.models import Organisation, Region
from tests.factories import AgencyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/en/organisations/"


def names(response):
    return [organisation.name_fi for organisation in response.context["page"].object_list]


def detail(code, language="en", client=None):
    organisation = Organisation.objects.get(kind="municipality", code=code)
    return (client or Client()).get(f"/{language}/organisations/{organisation.pk}/")


def test_directory_lists_everyone_paginated(anonymous_client):
    response = anonymous_client.get(LIST_URL)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 358
    assert len(names(response)) == 25
    last = anonymous_client.get(LIST_URL, {"page": 15})
    assert len(names(last)) == 358 - 14 * 25


def test_search_by_finnish_or_swedish_name(anonymous_client):
    assert names(anonymous_client.get(LIST_URL, {"q": "Helsingfors"})) == ["Helsinki"]
    assert names(anonymous_client.get(LIST_URL, {"q": "alavo"})) == ["Alavus"]
    assert "Pedersören kunta" in names(anonymous_client.get(LIST_URL, {"q": "Pedersöre"}))
    assert names(anonymous_client.get(LIST_URL, {"q": "STUK"})) == ["Säteilyturvakeskus"]


def test_filters_combine_and_survive_pagination(anonymous_client):
    params = {"kind": "municipality", "region": "01", "language": "bilingual_fi"}
    response = anonymous_client.get(LIST_URL, params)
    found = names(response)
    assert "Espoo" in found and "Helsinki" in found
    assert all(
        organisation.region.code == "01" and organisation.language_status == "bilingual_fi"
        for organisation in response.context["page"].object_list
    )
    county = Organisation.objects.get(kind="wellbeing_county", code="05")
    response = anonymous_client.get(LIST_URL, {"county": county.code})
    in_county = set(response.context["page"].paginator.object_list)
    assert in_county == {county, *county.county_municipalities.all()}

    many = anonymous_client.get(LIST_URL, {"kind": "municipality", "language": "finnish"})
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
    response = anonymous_client.get(LIST_URL, params)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_invalid_filter_says_so(anonymous_client):
    response = anonymous_client.get(LIST_URL, {"q": "x" * 10_000})
    html = response.content.decode()
    assert "Ensure this value has at most 100 characters" in html
    assert 'aria-describedby="id_q_errors id_q_helptext"' in html
    assert response.context["page"].paginator.count == 0


def test_html_in_search_is_shown_as_text(anonymous_client):
    response = anonymous_client.get(LIST_URL, {"q": '"><img src=x onerror=alert(1)>'})
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
    assert "merged into Mäntyharju" in pertunmaa
    assert "31.12.2024" in pertunmaa
    mantyharju = detail("507").content.decode()
    assert "Merger history" in mantyharju and "Pertunmaa" in mantyharju


def test_agency_page_names_its_ministry_branch(anonymous_client):
    stuk = Organisation.objects.get(abbreviation="STUK")
    html = anonymous_client.get(f"/en/organisations/{stuk.pk}/").content.decode()
    assert "Administrative branch" in html and "Ministry of Social Affairs and Health" in html
    stm = stuk.ministry
    html = anonymous_client.get(f"/en/organisations/{stm.pk}/").content.decode()
    assert "Säteilyturvakeskus" in html


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
    [{}, {"q": "a"}, {"kind": "municipality", "region": "01"}, {"page": "2"}],
)
def test_directory_queries_do_not_grow_with_the_data(anonymous_client, params):
    before = count_queries(anonymous_client, LIST_URL, params)
    add_organisations(3000)  # about ten times the registry
    after = count_queries(anonymous_client, LIST_URL, params)
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
    url = f"/{language}/organisations/"
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

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from avoin.links import reverse_in
from commitments.letter import marked
from commitments.models import Measure, Recommendation
from organisations.models import Organisation, Region
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def codes(response):
    return [recommendation.code for recommendation in response.context["recommendations"]]


def test_asked_of_municipalities(anonymous_client):
    response = anonymous_client.get(
        reverse_in("en", "commitments:asked_of_us"), {"audience": "municipalities"}
    )
    found = codes(response)
    assert "R1.1-p2" in found and "R1.2-p3" in found and "R3.2-p1" in found
    assert "R1.1-p1" not in found  # state administration only
    assert "R1.2-p5" not in found
    html = response.content.decode()
    assert "Encouraged" in html and "Urged" in html  # "Urged" appears in the legend only
    asks = {
        r.code: {a.strength for a in r.matching_asks} for r in response.context["recommendations"]
    }
    assert asks["R1.2-p3"] == {"encouraged", "should"}
    assert all("urged" not in strengths for strengths in asks.values())


def test_asked_of_state_administration(anonymous_client):
    response = anonymous_client.get(
        reverse("commitments:asked_of_us"), {"audience": "state_administration"}
    )
    found = codes(response)
    assert {"R1.1-p1", "R1.2-p5", "R2.2-p1"} <= set(found)
    assert "R1.1-p2" not in found and "R2.2-p2" not in found
    assert "vuoteen 2027" in response.content.decode() or "2027" in response.content.decode()


def test_asked_of_us_without_or_with_a_bad_kind(anonymous_client):
    response = anonymous_client.get(reverse_in("en", "commitments:asked_of_us"))
    assert response.status_code == 200 and response.context["recommendations"] is None
    response = anonymous_client.get(
        reverse_in("en", "commitments:asked_of_us"), {"audience": "<b>castle</b>"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert b"<b>castle</b>" not in response.content


def test_measure_page_shows_actions_and_recommendations(anonymous_client):
    response = anonymous_client.get(reverse_in("sv", "commitments:measure_detail", args=["2.2"]))
    html = response.content.decode()
    assert "Suositus 2.1." in html  # the printed label, kept in a note
    measure = Measure.objects.get(number="2.2")
    for action in measure.actions.all():
        assert escape(action.text_sv) in html


def test_recommendation_page_flags_the_misprinted_label(anonymous_client):
    html = anonymous_client.get(
        reverse_in("en", "commitments:recommendation_detail", args=["R2.2-p1"])
    ).content.decode()
    assert "prints this recommendation as “Suositus 2.1.”" in html
    original = Recommendation.objects.get(code="R2.2-p1").text_fi
    assert marked(original) in html  # the original, its slips marked [sic]


def test_swedish_pages_say_the_translation_is_unofficial(anonymous_client):
    html = anonymous_client.get(reverse_in("sv", "commitments:programme_overview")).content.decode()
    assert "inofficiell översättning" in html.lower()
    # After a request in Swedish, Swedish stays active: the Finnish address is asked for by name.
    finnish = reverse_in("fi", "commitments:programme_overview")
    assert "unofficial translation" not in anonymous_client.get(finnish).content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# URL name, its arguments, and a query string.
PROGRAMME_PAGES = [
    ("home", [], ""),
    ("commitments:programme_overview", [], ""),
    ("commitments:commitment_detail", [1], ""),
    ("commitments:measure_detail", ["1.2"], ""),
    ("commitments:recommendation_detail", ["R1.2-p3"], ""),
    ("commitments:asked_of_us", [], "?audience=municipalities"),
    ("commitments:evaluation_list", [], ""),
]


@pytest.mark.parametrize("name, args, query", PROGRAMME_PAGES, ids=[p[0] for p in PROGRAMME_PAGES])
def test_programme_page_queries_are_bounded(anonymous_client, name, args, query):
    url = reverse(name, args=args) + query
    before = count_queries(anonymous_client, url)
    region = Region.objects.get(code="01")
    Organisation.objects.bulk_create(OrganisationFactory.build_batch(3600, region=region))
    assert count_queries(anonymous_client, url) == before
    # with the sections other apps add (ADR 0009): progress figures; and the amendments (ADR 0044)
    assert before <= 13


def test_the_letters_slips_are_marked_sic_and_derived_labels_corrected(anonymous_client):
    measure = anonymous_client.get(
        reverse("commitments:measure_detail", args=["3.2"])
    ).content.decode()
    assert 'Kytkeimme <span class="sic">[sic: Kytkemme]</span>' in measure
    evaluations = anonymous_client.get(reverse("commitments:evaluation_list")).content.decode()
    assert 'syrjäntäperusteiden <span class="sic">[sic: syrjintäperusteiden]</span>' in evaluations
    assert "ryhmien ja syrjintäperusteiden näkökulmasta</li>" in evaluations  # a derived label
    assert 'Jatkuvaa seurantaan <span class="sic">[sic: Jatkuvaa seurantaa]</span>' in evaluations
    home = anonymous_client.get(reverse("home")).content.decode()
    assert "läsnäpaaminen" not in home  # the event's title is Avoin's, corrected
    swedish = anonymous_client.get(
        reverse_in("sv", "commitments:measure_detail", args=["3.2"])
    ).content.decode()
    assert "[sic" not in swedish  # translations carry no slips


def test_recommendations_are_named_in_the_pages_language(anonymous_client):
    english = anonymous_client.get(
        reverse_in("en", "commitments:measure_detail", args=["2.2"])
    ).content.decode()
    assert "Recommendation 2.2, paragraph 1" in english and "Suositus 2.1. paragraph" not in english
    assert "The letter prints this recommendation as “Suositus 2.1.”" in english

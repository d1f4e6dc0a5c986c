"""Lists of practices on other pages (the latest few and a link to the library), the own
practices a page at a time, and the open data streamed (issue 12, ADR 0038 and 0040)."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from commitments.models import Measure
from reporting.models import GoodPractice

from .test_practices import Orgs, add_practices, en

pytestmark = pytest.mark.django_db


def _pages_with_practices(scene):
    """The organisation, measure and recommendation pages, each with their practices."""
    measure = Measure.objects.get(number="1.1")
    recommendation = measure.recommendations.first()
    organisations = Orgs([scene.espoo])
    organisations.creator = scene.editor
    return measure, recommendation, organisations


def _link_recommendation(recommendation):
    through = GoodPractice.recommendations.through
    linked = through.objects.values("goodpractice_id")
    through.objects.bulk_create(
        through(goodpractice_id=pk, recommendation=recommendation)
        for pk in GoodPractice.objects.filter(title__startswith="Käytäntö")
        .exclude(pk__in=linked)
        .values_list("pk", flat=True)
    )


def test_pages_show_the_latest_practices_and_link_to_the_rest(practice_scene):
    measure, recommendation, organisations = _pages_with_practices(practice_scene)
    add_practices(12, organisations, measure)
    _link_recommendation(recommendation)
    client = practice_scene.client(None)
    # Espoo also has the scene's own published practice.
    for page, library_filter, total in [
        (practice_scene.espoo, {"organisation": practice_scene.espoo.pk}, 13),
        (measure, {"measure": measure.number}, 12),
        (recommendation, {"recommendation": recommendation.code}, 12),
    ]:
        with translation.override("en"):
            url = page.get_absolute_url()
        html = client.get(url).content.decode()
        assert html.count('class="practice-card"') == 5
        assert "See them all in the library" in html
        library_page = client.get("/en/practices/", library_filter)
        assert library_page.context["page"].paginator.count == total


def test_library_filtered_by_a_nonsense_organisation_says_so(practice_scene):
    response = practice_scene.client(None).get("/en/practices/", {"organisation": "x"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert response.context["form"].errors


def test_pages_with_practices_run_the_same_queries_at_1000_and_10000(practice_scene):
    measure, recommendation, organisations = _pages_with_practices(practice_scene)
    client = practice_scene.client(None)
    pages = [practice_scene.espoo, measure, recommendation]
    add_practices(1000, organisations, measure)
    _link_recommendation(recommendation)
    thousand = {}
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.get_absolute_url()).status_code == 200
        thousand[page] = len(queries.captured_queries)
    add_practices(9000, organisations, measure)
    _link_recommendation(recommendation)
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.get_absolute_url()).content.decode()
        assert len(queries.captured_queries) == thousand[page]
        assert html.count('class="practice-card"') == 5


def test_own_practices_are_every_status_of_ones_own_and_no_one_elses(practice_scene):
    vaasa = Orgs([practice_scene.vaasa])
    vaasa.creator = practice_scene.other_member
    add_practices(3, vaasa, Measure.objects.get(number="1.1"))  # published, Vaasa's
    for who in ("editor", "viewer"):
        response = practice_scene.client(who).get(en("practice_mine"))
        shown = {practice.pk for practice in response.context["practices"]}
        assert shown == {practice.pk for practice in practice_scene.practices.values()}


@pytest.mark.parametrize(
    "who, name", [("editor", "practice_mine"), ("ministry", "moderation_queue")]
)
def test_own_and_moderation_lists_run_the_same_queries_at_1000_and_10000(practice_scene, who, name):
    """Espoo's and everyone's practices grow tenfold (a tenth of them submitted): the same
    queries, and no more than the library's."""
    espoo, others = Orgs([practice_scene.espoo]), Orgs([practice_scene.vaasa])
    espoo.creator = others.creator = practice_scene.editor
    measure = Measure.objects.get(number="1.1")
    client = practice_scene.client(who)
    counts = []
    for count in (1000, 9000):
        add_practices(count // 10, espoo, measure)
        add_practices(count - count // 10, others, measure)
        latest = GoodPractice.objects.order_by("-pk").values_list("pk", flat=True)[: count // 10]
        GoodPractice.objects.filter(pk__in=list(latest)).update(status="submitted")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(en(name), {"page": "2"})
        assert len(response.context["practices"]) == 20
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1] <= 12


def test_open_data_is_streamed_in_chunks_and_stays_whole(practice_scene):
    organisations = Orgs([practice_scene.espoo, practice_scene.vaasa])
    organisations.creator = practice_scene.editor
    add_practices(1200, organisations, Measure.objects.get(number="1.1"))
    client = practice_scene.client(None)
    response = client.get("/en/practices/open-data.json")
    assert response.streaming
    records = json.loads(response.getvalue())["practices"]
    assert len(records) == 1201
    assert [record["id"] for record in records] == sorted(record["id"] for record in records)
    assert records[-1]["measures"] == ["1.1"] and records[-1]["organisations"]
    csv_response = client.get("/en/practices/open-data.csv")
    assert csv_response.streaming
    rows = list(csv.DictReader(io.StringIO(csv_response.getvalue().decode("utf-8-sig"))))
    assert [int(row["id"]) for row in rows] == [record["id"] for record in records]


def test_own_practices_come_a_page_at_a_time(practice_scene):
    organisations = Orgs([practice_scene.espoo])
    organisations.creator = practice_scene.editor
    add_practices(30, organisations, Measure.objects.get(number="1.1"))
    client = practice_scene.client("editor")
    first = client.get("/en/practices/mine/")
    second = client.get("/en/practices/mine/", {"page": "2"})
    total = GoodPractice.objects.of_organisations([practice_scene.espoo]).count()
    assert len(first.context["practices"]) == 20
    assert len(second.context["practices"]) == total - 20
    assert 'rel="next"' in first.content.decode()


def test_the_moderation_queue_comes_a_page_at_a_time(practice_scene):
    organisations = Orgs([practice_scene.espoo])
    organisations.creator = practice_scene.editor
    add_practices(25, organisations, Measure.objects.get(number="1.1"))
    GoodPractice.objects.filter(title__startswith="Käytäntö").update(status="submitted")
    client = practice_scene.client("ministry")
    first = client.get("/en/practices/moderation/")
    second = client.get("/en/practices/moderation/", {"page": "2"})
    assert len(first.context["practices"]) == 20
    assert len(second.context["practices"]) == GoodPractice.objects.submitted().count() - 20

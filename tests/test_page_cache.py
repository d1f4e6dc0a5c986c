"""The anonymous-page cache (docs/adr/0041): a change is visible on the next request, signed-in
content and CSRF tokens are never stored, each language has its own entry."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reporting.models import GoodPractice, ReportingPeriod, ReportStatus
from reporting.services import practices as practice_services
from reporting.services import progress as progress_services
from tests.reporting.progress_data import report

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response


def test_a_page_is_served_from_the_cache_the_second_time(anonymous_client):
    first = get(anonymous_client, "/en/practices/")
    second = get(anonymous_client, "/en/practices/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second  # the outer middleware still run


def test_each_language_and_query_has_its_own_entry(anonymous_client):
    get(anonymous_client, "/fi/practices/")
    swedish = get(anonymous_client, "/sv/practices/")
    searched = get(anonymous_client, "/fi/practices/?q=dialogi")
    assert swedish["X-Page-Cache"] == searched["X-Page-Cache"] == "miss"
    assert 'lang="sv"' in swedish.content.decode()


def test_publishing_shows_on_the_next_request(practice_scene, django_capture_on_commit_callbacks):
    client = Client()
    assert "Espoon submitted käytäntö" not in get(client, "/en/practices/").content.decode()
    assert get(client, "/en/practices/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.good_practice_publish(
            practice=practice_scene.submitted, by=practice_scene.ministry
        )
    after = get(client, "/en/practices/")
    assert after["X-Page-Cache"] == "miss"
    assert "Espoon submitted käytäntö" in after.content.decode()


def test_a_change_to_a_published_practice_shows_on_the_next_request(
    practice_scene, django_capture_on_commit_callbacks
):
    page = practice_scene.published.get_absolute_url()
    get(practice_scene.client(None), page)
    with django_capture_on_commit_callbacks(execute=True):
        GoodPractice.objects.get(pk=practice_scene.published.pk).organisations.add(
            practice_scene.vaasa
        )
    html = get(practice_scene.client(None), page).content.decode()
    assert "Vaasa" in html


def test_accepting_a_report_shows_on_the_next_request(
    practice_scene, django_capture_on_commit_callbacks
):
    period = ReportingPeriod.objects.latest_closed()
    submitted = report(
        practice_scene.vaasa, period, status=ReportStatus.SUBMITTED, entries={"R1.1-p2": "done"}
    )
    with translation.override("en"):
        page = reverse("commitments:recommendation_detail", args=["R1.1-p2"])
    before = get(Client(), page).content.decode()
    assert get(Client(), page)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        progress_services.period_report_accept(report=submitted, by=practice_scene.ministry)
    after = get(Client(), page)
    assert after["X-Page-Cache"] == "miss"
    assert after.content.decode() != before


def test_a_rolled_back_change_still_lets_the_next_one_through(
    practice_scene, django_capture_on_commit_callbacks
):
    """The pending new version goes with a rolled-back transaction; the next change makes its
    own."""
    from django.db import transaction

    get(Client(), "/en/practices/")
    with pytest.raises(RuntimeError), transaction.atomic():
        practice_scene.draft.save()
        raise RuntimeError
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.good_practice_publish(
            practice=practice_scene.submitted, by=practice_scene.ministry
        )
    assert "Espoon submitted käytäntö" in get(Client(), "/en/practices/").content.decode()


def test_signed_in_pages_are_never_stored_nor_served_from_the_cache(practice_scene):
    signed_in = practice_scene.client("editor")
    mine = get(signed_in, "/en/practices/")
    assert "X-Page-Cache" not in mine
    anonymous = get(Client(), "/en/practices/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert get(signed_in, "/en/practices/").get("X-Page-Cache") is None
    assert practice_scene.editor.username not in get(Client(), "/en/practices/").content.decode()


def test_pages_with_a_csrf_token_are_never_stored(anonymous_client):
    login = reverse("login")
    first = get(anonymous_client, login)
    second = get(Client(), login)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_reader_with_a_session_cookie_bypasses_the_cache(anonymous_client):
    get(anonymous_client, "/en/practices/")
    anonymous_client.cookies["sessionid"] = "whatever"
    assert "X-Page-Cache" not in get(anonymous_client, "/en/practices/")


def test_open_data_answers_a_conditional_get_without_building_the_file(
    practice_scene, django_assert_num_queries, django_capture_on_commit_callbacks
):
    client = Client()
    url = "/en/practices/open-data.csv"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_assert_num_queries(0):
        unchanged = client.get(url, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.good_practice_publish(
            practice=practice_scene.submitted, by=practice_scene.ministry
        )
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Espoon submitted käytäntö" in changed.getvalue().decode("utf-8-sig")

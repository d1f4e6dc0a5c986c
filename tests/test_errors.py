"""Error pages in the page's language and the site's layout, an outage answered with 503,
the files for machines (security.txt, robots.txt) and the caching of signed-in pages."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from avoin.links import reverse_in
from avoin.views import server_error
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADINGS = {
    400: {"fi": "Pyyntöä ei voitu käsitellä", "sv": "Begäran kunde inte behandlas",
          "en": "The request could not be handled"},
    403: {"fi": "Ei pääsyä tälle sivulle", "sv": "Ingen åtkomst till sidan",
          "en": "No access to this page"},
    404: {"fi": "Sivua ei löytynyt", "sv": "Sidan hittades inte", "en": "Page not found"},
    429: {"fi": "Liian monta yritystä", "sv": "För många försök", "en": "Too many attempts"},
    500: {"fi": "Jokin meni vikaan", "sv": "Något gick fel", "en": "Something went wrong"},
    503: {"fi": "Palvelu ei ole tilapäisesti käytettävissä",
          "sv": "Tjänsten är tillfälligt otillgänglig",
          "en": "The service is temporarily unavailable"},
}  # fmt: skip


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def assert_site_page(response, status, language):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert re.search(rf"<h1>{HEADINGS[status][language]}</h1>", html), html
    assert "Django" not in html


def error_response(status, language):
    client = Client(raise_request_exception=False)
    if status == 400:
        return client.get(reverse_in(language, "home"), HTTP_HOST="not-ours.example")
    if status == 403:
        client.force_login(UserFactory())
        return client.get(reverse_in(language, "organisations:nomination_round_list"))
    if status == 404:
        return client.get(f"/{language}/no-such-page/")  # an address no pattern matches
    if status == 429:
        for _ in range(6):
            response = client.post(reverse_in(language, "login_link_request"), {"email": "a@b.fi"})
        return response
    with translation.override(language):
        return server_error(RequestFactory().get(reverse_in(language, "home")))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("status", [400, 403, 404, 429, 500])
def test_error_pages_are_translated_and_in_the_site_layout(status, language):
    assert_site_page(error_response(status, language), status, language)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_form_sent_without_its_csrf_token_gets_a_page_that_says_what_to_do(language):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse_in(language, "login_link_request"), {"email": "a@b.fi"})
    html = response.content.decode()
    assert response.status_code == 403 and f'<html lang="{language}">' in html
    assert {"fi": "Lomaketta ei voitu lähettää", "sv": "Formuläret kunde inte skickas"}[
        language
    ] in html


def database_down():
    return mock.patch.object(
        connection, "ensure_connection", side_effect=OperationalError("the database is down")
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_an_unreachable_database_gives_503_with_retry_after(language):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(reverse_in(language, "home"))
    assert_site_page(response, 503, language)
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]


def test_a_signed_in_user_gets_the_503_page_too(ministry_client):
    ministry_client.raise_request_exception = False
    with database_down():
        response = ministry_client.get(
            reverse("account_home")
        )  # the session itself needs the database
    assert_site_page(response, 503, "fi")
    assert "Kirjaudu" not in response.content.decode()  # nor a sign-in or sign-out link


def test_other_server_errors_stay_500_without_retry_after():
    response = error_response(500, "fi")
    assert response.status_code == 500 and not response.has_header("Retry-After")


def test_security_txt_follows_rfc_9116(anonymous_client, settings):
    settings.SITE_URL = "https://avoin.example.fi"
    response = anonymous_client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:avoinhallinto@gov.fi"
    assert fields["Preferred-Languages"] == "fi, sv, en"
    assert fields["Canonical"] == "https://avoin.example.fi/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)


def test_robots_txt_keeps_search_engines_out_of_the_signed_in_areas(anonymous_client):
    response = anonymous_client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.removeprefix("Disallow: ") for line in lines[1:]}
    # The file's lines themselves: robots.txt names paths, with wildcards no URL name gives.
    for language in ("fi", "sv", "en"):
        assert {
            f"/{language}/accounts/",  # my pages, sign-in and the emailed sign-in links
            f"/{language}/admin/",
            f"/{language}/organisations/nominations/",
            f"/{language}/organisations/*/contacts/new/",
            f"/{language}/practices/mine/",
            f"/{language}/practices/moderation/",
            f"/{language}/practices/*/edit/",
        } <= disallowed
    assert not any(path in disallowed for path in ("/fi/", "/fi/organisations/", "/fi/practices/"))


def test_signed_in_pages_are_private_and_not_stored(client, ministry_user):
    client.force_login(ministry_user)
    for name in ("account_home", "organisations:nomination_round_list", "home"):
        path = reverse(name)
        response = client.get(path)
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, path


def test_public_pages_served_to_anonymous_users_are_left_alone(anonymous_client):
    for name in ("home", "organisations:organisation_list", "robots_txt"):
        path = reverse(name)
        response = anonymous_client.get(path)
        assert "no-store" not in response.get("Cache-Control", ""), path
        assert "private" not in response.get("Cache-Control", ""), path

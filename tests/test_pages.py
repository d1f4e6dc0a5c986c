import importlib
import re
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from avoin.links import reverse_in
from avoin.views import server_error
from organisations.models import Organisation
from tests.factories import GoodPracticeFactory
from tests.pages import PUBLIC_FILE_URL_NAMES, PUBLIC_URL_NAMES, public_paths
from tests.test_auth import AUTH_URL_NAMES

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_renders_in_its_language(anonymous_client, language):
    GoodPracticeFactory(organisations=[Organisation.objects.get(kind="municipality", code="091")])
    for path in public_paths(language, every_object=True):
        assert path.startswith(f"/{language}/")  # the address itself: its language prefix
        response = anonymous_client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, path
        assert html.count("<h1") == 1, path
        assert f'href="{reverse_in(language, "accessibility")}"' in html, path
        assert f'href="{reverse_in(language, "privacy")}"' in html, path


# The addresses themselves: the bare root sends each browser to its language's prefix.
@pytest.mark.parametrize(
    "accept_language, expected", [("sv-FI,sv;q=0.9", "/sv/"), ("en", "/en/"), ("de", "/fi/")]
)
def test_bare_root_redirects_by_browser_language(anonymous_client, accept_language, expected):
    response = anonymous_client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


# Addresses that no URL pattern matches, so none that reverse() could give.
@pytest.mark.parametrize(
    "path, heading",
    [
        ("/fi/no-such-page/", "Sivua ei löytynyt"),
        ("/sv/no-such-page/", "Sidan hittades inte"),
        ("/en/no-such-page/", "Page not found"),
    ],
)
def test_unknown_pages_give_the_translated_404(anonymous_client, path, heading):
    response = anonymous_client.get(path)
    assert response.status_code == 404
    assert heading in response.content.decode()


@pytest.mark.parametrize(
    "language, name, args, heading",
    [
        ("fi", "organisations:organisation_detail", [999999], "Sivua ei löytynyt"),
        ("en", "commitments:measure_detail", ["9.9"], "Page not found"),
    ],
)
def test_unknown_objects_give_the_translated_404(anonymous_client, language, name, args, heading):
    response = anonymous_client.get(reverse_in(language, name, args=args))
    assert response.status_code == 404
    assert heading in response.content.decode()


def test_unknown_language_prefix_gives_404(anonymous_client):
    # The address itself: a prefix of no language the site has.
    response = anonymous_client.get("/de/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 404
    assert '<html lang="sv">' in response.content.decode()


@pytest.mark.parametrize("language, text", [("fi", "Jokin meni vikaan"), ("sv", "Något gick fel")])
def test_server_error_page_is_translated(language, text):
    request = RequestFactory().get(reverse_in(language, "home"))
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    assert text in response.content.decode()


def named_patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            prefix = f"{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def access_cases():
    """Every row of every test module's ACCESS_CASES table (tests/access.py)."""
    tests = Path(__file__).resolve().parent
    for path in sorted(tests.rglob("test_*.py")):
        name = ".".join(path.relative_to(tests.parent).with_suffix("").parts)
        yield from getattr(importlib.import_module(name), "ACCESS_CASES", [])


def test_every_named_url_is_covered_by_an_access_test():
    covered = (
        PUBLIC_URL_NAMES
        | PUBLIC_FILE_URL_NAMES
        | AUTH_URL_NAMES
        | {case[0] for case in access_cases()}
    )
    uncovered = set(named_patterns()) - covered
    assert uncovered == set(), f"add these URLs to the access tests: {sorted(uncovered)}"


def test_public_pages_show_no_personal_data(anonymous_client, ministry_user):
    ministry_user.email = "maija.meikalainen@example.invalid"
    ministry_user.save()
    for path in public_paths("fi"):
        html = anonymous_client.get(path).content.decode()
        assert "maija.meikalainen" not in html
        assert not re.search(r"[\w.]+@gov\.fi", html.replace("avoinhallinto@gov.fi", ""))


def test_ministry_team_signs_in_and_out(anonymous_client, ministry_user):
    device = TOTPDevice.objects.create(user=ministry_user, name="authenticator", confirmed=True)
    response = anonymous_client.post(
        reverse_in("en", "login"),
        {"username": ministry_user.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    code = str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift))
    second_step = anonymous_client.post(
        reverse_in("en", "second_factor_verify"), {"code": code.zfill(6)}
    )
    assert second_step.status_code == 302
    html = anonymous_client.get(reverse_in("en", "home")).content.decode()
    assert f"Sign out ({ministry_user.username})" in html
    assert f'href="{reverse_in("en", "admin:index")}"' in html
    assert anonymous_client.post(reverse_in("en", "logout")).status_code == 302
    assert "Sign in" in anonymous_client.get(reverse_in("en", "home")).content.decode()


def test_wrong_password_is_refused_with_a_message(anonymous_client, ministry_user):
    response = anonymous_client.post(
        reverse("login"), {"username": ministry_user.username, "password": "wrong"}
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()

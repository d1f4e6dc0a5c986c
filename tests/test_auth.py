import datetime
import logging
import logging.config
import re
import time
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from avoin.links import reverse_in
from avoin.logging import RedactSignInTokens
from avoin.mail import sign_in_link
from tests.factories import (
    MembershipFactory,
    MinistryTeamUserFactory,
    NominationRequestFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]

# The sign-in URLs this module covers (the URL walk in test_pages checks them off).
AUTH_URL_NAMES = {"logout", "login_link", "login_link_request"}
PASSWORD = "correct horse battery staple"


# --- Organisation members: emailed links ---------------------------------------------------------


def member():
    return MembershipFactory().user


def link_parts(link):
    path, query = link.split("?", 1)
    return path.replace("http://127.0.0.1:8000", ""), query


def test_link_page_does_not_use_the_link_up():
    user = member()
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    client = Client()
    for _visit in range(3):  # mail scanners, previews, the person themself
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"
        assert response["Referrer-Policy"] == "same-origin"
    assert "_auth_user_id" not in client.session
    token = re.search(r"sesame=([^&]+)", query).group(1)
    response = client.post(path, {"sesame": token, "next": reverse("account_home")})
    assert response.status_code == 302 and response["Location"] == reverse("account_home")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_link_works_once():
    user = member()
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    token = re.search(r"sesame=([^&]+)", query).group(1)
    assert Client().post(path, {"sesame": token}).status_code == 302
    again = Client().post(path, {"sesame": token})
    assert again.status_code == 400
    assert "registration/link_invalid.html" in [template.name for template in again.templates]


def test_link_expires_after_10_minutes():
    user = member()
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    token = re.search(r"sesame=([^&]+)", query).group(1)
    later = time.time() + 10 * 60 + 1
    with mock.patch("sesame.tokens_v2.time.time", return_value=later):
        assert Client().get(f"{path}?{query}").status_code == 400
        assert Client().post(path, {"sesame": token}).status_code == 400


def test_link_is_void_once_the_user_is_deactivated():
    user = member()
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    user.is_active = False
    user.save()
    assert Client().get(f"{path}?{query}").status_code == 400


def test_link_never_redirects_to_another_site():
    user = member()
    path, query = link_parts(sign_in_link(user, next_path=reverse("home"), language="fi"))
    token = re.search(r"sesame=([^&]+)", query).group(1)
    response = Client().post(path, {"sesame": token, "next": "https://evil.example/"})
    assert response["Location"] == reverse("account_home")


@pytest.mark.parametrize("known", [True, False])
def test_asking_for_a_link_answers_the_same_either_way(known, django_capture_on_commit_callbacks):
    address = member().email if known else "nobody@example.invalid"
    client = Client()
    # The link goes out as the request's transaction commits, without waiting for the worker.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse_in("en", "login_link_request"), {"email": address}, follow=True
        )
    assert response.status_code == 200
    assert "If the address belongs to a member" in response.content.decode()
    assert len(mail.outbox) == (1 if known else 0)
    if known:
        assert reverse_in("en", "login_link") + "?sesame=" in mail.outbox[0].body


def test_deactivated_or_membershipless_users_get_no_link():
    user = member()
    user.is_active = False
    user.save()
    Client().post(reverse("login_link_request"), {"email": user.email})
    Client().post(reverse("login_link_request"), {"email": UserFactory().email})
    assert mail.outbox == []


def test_invalid_email_gets_an_error_next_to_the_field():
    response = Client().post(reverse_in("sv", "login_link_request"), {"email": "<b>not an address"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_errors"' in html and "&lt;b&gt;not an address" in html


def test_no_token_reaches_a_log(caplog):
    user = member()
    caplog.set_level(logging.DEBUG)
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    token = re.search(r"sesame=([^&]+)", query).group(1)
    client = Client()
    client.get(f"{path}?{query}")
    client.post(path, {"sesame": token})
    client.get(f"{path}?{query}")  # a used link: 400, which Django logs
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert token not in logged

    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"GET %s HTTP/1.1" 200',
        (f"{path}?{query}",),
        None,
    )
    RedactSignInTokens().filter(record)
    assert token not in record.getMessage() and "sesame=[redacted]" in record.getMessage()


# --- Sessions ------------------------------------------------------------------------------------


def test_session_ends_after_twelve_hours_however_active():
    user = member()
    client = Client()
    client.force_login(user)
    assert client.get(reverse("account_home")).status_code == 200
    session = client.session
    session["signed_in_at"] = time.time() - 12 * 60 * 60 - 1
    session.save()
    response = client.get(reverse("account_home"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get(reverse("account_home")).status_code == 302


@pytest.mark.session_renewal
def test_idle_sessions_end_after_an_hour(settings):
    assert settings.SESSION_COOKIE_AGE == 3600
    assert settings.SESSION_RENEW_SECONDS == 60


def _renewed(response):
    """Whether the response saved the session and sent its cookie again with a full age."""
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie is not None and cookie["max-age"] == 3600


@pytest.mark.session_renewal
def test_an_active_session_is_renewed_at_most_once_a_minute():
    client = Client()
    client.force_login(member())
    assert _renewed(client.get(reverse("account_home")))  # the first request renews
    expires = Session.objects.get(session_key=client.session.session_key).expire_date
    # Within the minute nothing is written: the session and its cookie keep their age.
    assert not _renewed(client.get(reverse("account_home")))
    assert Session.objects.get(session_key=client.session.session_key).expire_date == expires
    session = client.session
    session["renewed_at"] -= 61
    session.save()
    assert _renewed(client.get(reverse("account_home")))
    assert Session.objects.get(session_key=client.session.session_key).expire_date > expires


def test_an_idle_session_ends(settings):
    client = Client()
    client.force_login(member())
    assert client.get(reverse("account_home")).status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(reverse("account_home")).status_code == 302


def test_deactivating_a_user_ends_their_sessions():
    user = member()
    client = Client()
    client.force_login(user)
    assert client.get(reverse("account_home")).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(reverse("account_home")).status_code == 302


def test_every_signed_in_page_has_a_logout():
    client = Client()
    client.force_login(member())
    html = client.get(reverse("account_home")).content.decode()
    assert f'action="{reverse("logout")}"' in html
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("account_home")).status_code == 302


def test_stale_links_do_not_lock_anyone_out():
    user = member()
    client = Client()
    for _visit in range(8):
        client.post(reverse("login_link"), {"sesame": "stale-token"}, REMOTE_ADDR="10.9.9.9")
    cache.clear()  # only the rate limit, not a lockout, stopped that
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    token = re.search(r"sesame=([^&]+)", query).group(1)
    response = Client().post(path, {"sesame": token}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(ip_address="10.9.9.9").exists()


def test_runserver_request_lines_are_redacted():
    logging.config.dictConfig(settings.LOGGING)
    handler = logging.getLogger("django.server").handlers[0]
    assert any(isinstance(f, RedactSignInTokens) for f in handler.filters)


def test_gunicorn_access_log_leaves_out_query_strings():
    config = (Path(__file__).resolve().parents[1] / "gunicorn.conf.py").read_text()
    log_format = re.search(r"access_log_format = '(.*)'", config).group(1)
    assert "%(U)s" in log_format
    assert "%(r)s" not in log_format and "%(q)s" not in log_format and "%(f)s" not in log_format


# --- Emailed links never sign in the team ------------------------------------------------------


@pytest.mark.parametrize("kind", ["ministry_team", "staff", "superuser"])
def test_an_emailed_link_never_signs_in_an_account_that_can_change_everything(kind):
    user = member()
    if kind == "ministry_team":
        user = MinistryTeamUserFactory()
        user.is_staff = False
        user.save()
    else:
        setattr(user, f"is_{kind}", True)
        user.save()
    path, query = link_parts(sign_in_link(user, next_path=reverse("account_home"), language="fi"))
    token = re.search(r"sesame=([^&]+)", query).group(1)
    client = Client()
    assert client.get(f"{path}?{query}").status_code == 400
    assert client.post(path, {"sesame": token}).status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_team_asks_for_no_links():
    user = MinistryTeamUserFactory()
    MembershipFactory(user=user)
    Client().post(reverse("login_link_request"), {"email": user.email})
    assert mail.outbox == []


def test_an_editor_cannot_have_a_link_sent_to_the_team(client):
    team_member = MinistryTeamUserFactory(email="ministerio@vm.example.invalid")
    editor = MembershipFactory()
    client.force_login(editor.user)
    with translation.override("en"):
        invite = reverse("organisations:member_invite", args=[editor.organisation.pk])
    response = client.post(
        invite, {"email": "MINISTERIO@vm.example.invalid", "role": "editor", "language": "fi"}
    )
    assert response.status_code == 200
    assert "signs in with a password" in response.content.decode()
    assert not team_member.memberships.exists() and mail.outbox == []


def test_the_team_cannot_be_named_a_representative(client):
    MinistryTeamUserFactory(email="ministerio@vm.example.invalid")
    request = NominationRequestFactory()
    editor = MembershipFactory(organisation=request.organisation).user
    client.force_login(editor)
    with translation.override("en"):
        url = request.get_absolute_url()
    response = client.post(
        url,
        {
            "action": "name_new",
            "version": 0,
            "representative_name": "Maija",
            "representative_email": "ministerio@vm.example.invalid",
            "representative_language": "fi",
            "appointed_by_name": "Johtaja",
            "appointed_by_title": "Pääjohtaja",
            "appointment_date": "2024-02-01",
            "deputy_language": "fi",
        },
    )
    assert "signs in with a password" in response.content.decode()
    request.refresh_from_db()
    assert request.status == "pending" and mail.outbox == []

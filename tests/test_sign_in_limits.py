"""Limits on signing in: the team's password lockout, rate limits on sign-in links, and the
client's address behind trusted proxies (ADR 0010)."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.access import sign_in
from tests.factories import MinistryTeamUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]
PASSWORD = "correct horse battery staple"


# --- Ministry team: password and lockout ---------------------------------------------------------


def test_five_failures_lock_the_username_from_that_address_for_15_minutes():
    user = MinistryTeamUserFactory()
    client = Client()
    for _attempt in range(4):
        assert sign_in(client, user.username, "wrong").status_code == 200
    assert sign_in(client, user.username, "wrong").status_code == 429  # the fifth failure
    locked = sign_in(client, user.username, PASSWORD)
    assert locked.status_code == 429
    assert "registration/locked_out.html" in [template.name for template in locked.templates]
    # The same username from another address is not locked out.
    assert sign_in(Client(), user.username, PASSWORD, ip="10.0.0.2").status_code == 302
    # Every attempt is recorded.
    assert (
        AccessAttempt.objects.get(
            username=user.username, ip_address="10.0.0.1"
        ).failures_since_start
        >= 5
    )
    assert AccessLog.objects.filter(username=user.username).exists()


def test_lockout_ends_after_15_minutes():
    user = MinistryTeamUserFactory()
    for _attempt in range(5):
        sign_in(Client(), user.username, "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in(Client(), user.username, PASSWORD).status_code == 302


def test_trying_during_a_lockout_does_not_make_it_longer():
    user = MinistryTeamUserFactory()
    for _attempt in range(5):
        sign_in(Client(), user.username, "wrong")
    began = timezone.now() - datetime.timedelta(minutes=10)
    AccessAttempt.objects.update(attempt_time=began)
    for _attempt in range(4):  # someone keeps trying while locked out
        assert sign_in(Client(), user.username, "wrong").status_code == 429
    assert AccessAttempt.objects.get(username=user.username).attempt_time == began
    AccessAttempt.objects.update(attempt_time=began - datetime.timedelta(minutes=6))
    assert sign_in(Client(), user.username, PASSWORD).status_code == 302


def test_success_resets_the_failures():
    user = MinistryTeamUserFactory()
    for _attempt in range(4):
        sign_in(Client(), user.username, "wrong")
    assert sign_in(Client(), user.username, PASSWORD).status_code == 302
    for _attempt in range(4):
        sign_in(Client(), user.username, "wrong")
    assert sign_in(Client(), user.username, PASSWORD).status_code == 302


def ask_link(email, ip="10.1.1.1", **headers):
    return Client().post(
        reverse("login_link_request"), {"email": email}, REMOTE_ADDR=ip, headers=headers
    )


def test_asking_for_links_is_limited_per_address_however_it_is_written():
    variants = [
        "edustaja@x.invalid",
        "EDUSTAJA@x.invalid",
        " edustaja@x.invalid",
        "Edustaja@X.invalid ",
    ]
    statuses = [ask_link(variants[n % 4], ip=f"10.1.1.{n}").status_code for n in range(7)]
    assert statuses == [302] * 5 + [429, 429]


def test_a_whole_office_behind_one_address_can_sign_in(settings):
    statuses = [ask_link(f"colleague{n}@x.invalid").status_code for n in range(6)]
    assert statuses == [302] * 6
    rate = int(settings.SIGN_IN_ADDRESS_RATE.split("/")[0])
    statuses = [ask_link(f"other{n}@x.invalid").status_code for n in range(rate)]
    assert statuses[-1] == 429  # but one address cannot ask without end


def test_behind_a_trusted_proxy_each_person_counts_by_their_own_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    rate = int(settings.SIGN_IN_ADDRESS_RATE.split("/")[0])
    for n in range(rate + 5):  # every request comes from the proxy, for different people
        response = ask_link(f"p{n}@x.invalid", ip="192.0.2.1", x_forwarded_for=f"10.2.0.{n}")
        assert response.status_code == 302
    # A client cannot escape its limit by writing its own X-Forwarded-For entries first.
    statuses = [
        ask_link(
            f"s{n}@x.invalid", ip="192.0.2.1", x_forwarded_for=f"1.1.1.{n}, 10.3.0.1"
        ).status_code
        for n in range(rate + 1)
    ]
    assert statuses[-1] == 429


def test_a_team_member_is_not_locked_out_by_others_behind_the_same_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = MinistryTeamUserFactory()
    for n in range(5):  # five different people mistype the same username
        Client().post(
            reverse("login"),
            {"username": user.username, "password": "wrong"},
            REMOTE_ADDR="192.0.2.1",
            headers={"x-forwarded-for": f"10.4.0.{n}"},
        )
    response = Client().post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.1",
        headers={"x-forwarded-for": "10.4.0.99"},
    )
    assert response.status_code == 302

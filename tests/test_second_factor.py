"""Two-step sign-in for the ministry team and the admin (issue 13, part 2)."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.access import LOGIN, access_params, assert_access, sign_in
from tests.factories import MembershipFactory, MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]
PASSWORD = "correct horse battery staple"

ACCESS_CASES = [
    ("second_factor", "get", LOGIN, 200, 200, 200, 200, 200),
    ("second_factor_enrol", "get", LOGIN, 302, 302, 302, 200, 302),
    ("second_factor_verify", "get", LOGIN, 302, 302, 302, 302, 302),
    ("recovery_codes_renew", "post", LOGIN, 302, 302, 302, 200, 302),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(scene, name, method, role, expected):
    assert_access(scene, reverse(name), method, role, expected)


@pytest.fixture
def no_throttle(settings):
    """A wrong code makes the next one wait a second; these tests type the right one at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def code_of(device):
    device.refresh_from_db()
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(6)


def test_a_new_team_member_enrols_with_a_qr_code_and_gets_recovery_codes_once(no_throttle):
    user = MinistryTeamUserFactory()
    client = Client()
    sign_in(client, user.username, PASSWORD)
    response = client.get(reverse("account_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("second_factor_enrol"))
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(reverse("second_factor_enrol"), {"code": "000000"})
    assert 'id="id_code_errors"' in wrong.content.decode()
    codes_page = client.post(reverse("second_factor_enrol"), {"code": code_of(device)})
    html = codes_page.content.decode()
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in html for code in codes)
    assert "no-store" in codes_page["Cache-Control"]
    assert client.get(reverse("account_home")).status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed


def test_a_team_member_gives_a_code_after_the_password(security_events, no_throttle):
    user = MinistryTeamUserFactory()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client = Client()
    sign_in(client, user.username, PASSWORD)
    response = client.get(reverse("reporting:report_list"))
    assert response["Location"].startswith(reverse("second_factor_verify"))
    # An attacker with only the password cannot enrol a device of their own.
    enrol = client.get(reverse("second_factor_enrol"))
    assert enrol["Location"].startswith(reverse("second_factor_verify"))
    refused = client.post(reverse("second_factor_verify"), {"code": "123456"})
    assert 'id="id_code_errors"' in refused.content.decode()
    assert [e["event"] for e in security_events][-1] == "second_factor.failure"
    assert "123456" not in security_events[-1]["_line"]
    next_path = reverse("reporting:report_list")
    accepted = client.post(
        reverse("second_factor_verify"), {"code": code_of(device), "next": next_path}
    )
    assert accepted.status_code == 302 and accepted["Location"] == next_path
    assert client.get(next_path).status_code == 200


def test_a_recovery_code_works_once():
    user = MinistryTeamUserFactory()
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    from avoin.second_factor import recovery_codes_renew

    code = recovery_codes_renew(user=user)[0]
    first, second = Client(), Client()
    for client in (first, second):
        sign_in(client, user.username, PASSWORD)
    assert first.post(reverse("second_factor_verify"), {"code": code}).status_code == 302
    assert first.get(reverse("account_home")).status_code == 200
    again = second.post(reverse("second_factor_verify"), {"code": code})
    assert again.status_code == 200


def test_the_admin_needs_the_second_factor_too():
    admin = UserFactory(is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=admin, name="authenticator", confirmed=True)
    client = Client()
    sign_in(client, admin.username, PASSWORD)
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("second_factor_verify"))


def test_organisation_members_keep_the_emailed_link_and_no_second_step():
    member = MembershipFactory().user
    client = Client()
    client.force_login(member)
    assert client.get(reverse("account_home")).status_code == 200
    assert not TOTPDevice.objects.filter(user=member).exists()
    html = client.get(reverse("second_factor")).content.decode()
    assert "kertakäyttöisellä linkillä" in html


def test_a_superuser_resets_a_lost_phone_with_a_command(capsys):
    user = MinistryTeamUserFactory()
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    call_command("reset_second_factor", user.username)
    assert "1 second-factor devices removed" in capsys.readouterr().out
    client = Client()
    sign_in(client, user.username, PASSWORD)
    response = client.get(reverse("account_home"))
    assert response["Location"].startswith(reverse("second_factor_enrol"))


def test_a_wrong_code_makes_the_next_try_wait():
    user = MinistryTeamUserFactory()
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client = Client()
    sign_in(client, user.username, PASSWORD)
    client.post(reverse("second_factor_verify"), {"code": "000000"})
    refused = client.post(reverse("second_factor_verify"), {"code": code_of(device)})
    assert refused.status_code == 200
    assert client.get(reverse("account_home")).status_code == 302

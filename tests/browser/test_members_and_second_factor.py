"""The members page and two-step sign-in, walked in Finnish and Swedish with axe-core on every
page (issue 13)."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisations.forms import MemberChangeForm
from organisations.models import Membership, Organisation
from tests.browser.steps import PASSWORD, authenticator_code, label, sign_in_with_link, t
from tests.factories import MembershipFactory, MinistryTeamUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_an_editor_manages_members_and_hands_over_before_leaving(
    site, new_page, axe_check, mailoutbox, settings, language
):
    settings.SITE_URL = site  # the emailed link points at the test server
    stuk = Organisation.objects.get(abbreviation="STUK")
    editor = MembershipFactory(organisation=stuk).user
    viewer = MembershipFactory(organisation=stuk, role=Membership.Role.VIEWER, invited_by=editor)
    page = new_page()
    sign_in_with_link(page, site, language, editor.email, mailoutbox)

    page.goto(f"{site}/{language}/organisations/{stuk.pk}/members/")
    assert page.get_by_role("heading", level=1).inner_text() == t(language, "Members")
    axe_check(page)
    page.get_by_role("link", name=f"{t(language, 'Change role')} {viewer.user.email}").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label(label(language, MemberChangeForm, "role")).select_option("viewer")
    page.get_by_role("button", name=t(language, "Save the role")).click()
    page.wait_for_load_state()
    axe_check(page)

    page.get_by_role("link", name=f"{t(language, 'Remove')} {editor.email}").click()
    page.wait_for_load_state()
    page.get_by_role("button", name=t(language, "Remove the member")).click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").count() == 1  # the successor is missing
    axe_check(page)
    successor = label(language, MemberChangeForm, "successor")
    page.get_by_label(successor).select_option(label=viewer.user.email)
    page.get_by_role("button", name=t(language, "Remove the member")).click()
    page.wait_for_load_state()
    assert not Membership.objects.filter(user=editor).exists()
    assert Membership.objects.get(pk=viewer.pk).role == Membership.Role.EDITOR

    page.goto(f"{site}/{language}/accounts/my-data/")
    assert page.get_by_role("heading", level=1).inner_text() == t(language, "My data")
    axe_check(page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_team_member_sets_up_two_step_sign_in(site, new_page, axe_check, language):
    user = MinistryTeamUserFactory()
    page = new_page()
    page.goto(f"{site}/{language}/accounts/login/")
    page.get_by_label(t(language, "username")).fill(user.username)
    page.get_by_label(t(language, "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(language, "Sign in"), exact=True).click()
    page.wait_for_load_state()
    assert "/accounts/two-step/enrol/" in page.url
    assert page.get_by_role("img", name=t(language, "QR code for the authenticator app")).count()
    axe_check(page)

    page.get_by_label(t(language, "Code"), exact=True).fill("000000")
    page.get_by_role("button", name=t(language, "Turn on two-step sign-in")).click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").count() == 1
    axe_check(page)

    device = TOTPDevice.objects.get(user=user)
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    page.get_by_label(t(language, "Code"), exact=True).fill(authenticator_code(device))
    page.get_by_role("button", name=t(language, "Turn on two-step sign-in")).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == t(language, "Recovery codes")
    assert page.locator(".recovery-codes li").count() == 10
    axe_check(page)

    page.goto(f"{site}/{language}/accounts/two-step/")
    axe_check(page)
    page.goto(f"{site}/{language}/accounts/")
    assert page.get_by_role("link", name=t(language, "Two-step sign-in")).count() == 1

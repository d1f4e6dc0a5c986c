"""axe-core on the signed-in pages the journeys do not pass through, errors shown included."""

import pytest

from organisations.models import ContactPerson, Membership, Organisation
from tests.factories import GoodPracticeFactory, MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_signed_in_pages_are_accessible(site, browser, axe_check, language):
    stuk = Organisation.objects.get(abbreviation="STUK")
    representative = ContactPerson.objects.create(
        organisation=stuk, role="network_representative", name="Riitta", email="r@example.invalid"
    )
    ministry_user = MinistryTeamUserFactory(password=PASSWORD)
    Membership.objects.create(user=UserFactory(), organisation=stuk)
    GoodPracticeFactory(organisations=[stuk], status="draft", created_by=ministry_user)

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/{language}/accounts/login/")
    page.fill("#id_username", ministry_user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form[method=post]:not([action]) button[type=submit]").click()
    page.wait_for_load_state()

    base = f"{site}/{language}/organisations/{stuk.pk}"
    for path in (
        f"{base}/",
        f"{base}/contacts/new/",
        f"{base}/contacts/{representative.pk}/edit/",
        f"{base}/members/invite/",
        f"{site}/{language}/practices/mine/",
        f"{site}/{language}/practices/moderation/",
        f"{site}/{language}/accounts/link/request/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        axe_check(page)

    # Forms showing their errors.
    page.goto(f"{base}/contacts/new/")
    page.fill("#id_email", "not an address")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 2
    axe_check(page)
    page.goto(f"{site}/{language}/practices/new/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 3
    axe_check(page)
    context.close()

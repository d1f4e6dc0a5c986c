"""axe-core on the signed-in pages the journeys do not pass through, errors shown included."""

import pytest

from organisations.forms import ContactPersonForm
from organisations.models import ContactPerson, Membership, Organisation
from tests.browser.steps import label, sign_in_with_password, t
from tests.factories import GoodPracticeFactory, MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_signed_in_pages_are_accessible(site, new_page, axe_check, language):
    stuk = Organisation.objects.get(abbreviation="STUK")
    representative = ContactPerson.objects.create(
        organisation=stuk, role="network_representative", name="Riitta", email="r@example.invalid"
    )
    ministry_user = MinistryTeamUserFactory()
    Membership.objects.create(user=UserFactory(), organisation=stuk)
    GoodPracticeFactory(organisations=[stuk], status="draft", created_by=ministry_user)

    page = new_page()
    sign_in_with_password(page, site, language, ministry_user.username)

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
    page.get_by_label(label(language, ContactPersonForm, "email")).fill("not an address")
    page.get_by_role("button", name=t(language, "Save"), exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 2
    axe_check(page)
    page.goto(f"{site}/{language}/practices/new/")
    page.get_by_role("button", name=t(language, "Save"), exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 3
    axe_check(page)

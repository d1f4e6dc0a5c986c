"""axe-core, and no sideways scrolling at 390 px, on the signed-in pages, errors shown included."""

import datetime

import pytest
from django.utils import timezone

from organisations.forms import ContactPersonForm
from organisations.models import ContactPerson, Membership, NominationAction, Organisation
from organisations.services.nominations import nomination_answer
from tests.browser.steps import label, sign_in_with_password, t
from tests.factories import (
    GoodPracticeFactory,
    MinistryTeamUserFactory,
    NominationRequestFactory,
    NominationRoundFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answered_round(stuk, ministry_user):
    """A sent round: STUK has answered (twice, so its answer has versions); Valvira waits."""
    nomination_round = NominationRoundFactory(
        created_by=ministry_user, deadline=timezone.localdate() + datetime.timedelta(days=14)
    )
    request = NominationRequestFactory(round=nomination_round, organisation=stuk)
    NominationRequestFactory(
        round=nomination_round, organisation=Organisation.objects.get(abbreviation="Valvira")
    )
    for action in (NominationAction.CONFIRM, NominationAction.DECLINE):
        request.refresh_from_db()
        nomination_answer(
            nomination_request=request,
            by=ministry_user,
            action=action,
            expected_version=request.version,
            decline_reason="Ei resursseja tänä vuonna.",
        )
    return nomination_round, request


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_signed_in_pages_are_accessible(site, new_page, axe_check, language):
    stuk = Organisation.objects.get(abbreviation="STUK")
    representative = ContactPerson.objects.create(
        organisation=stuk, role="network_representative", name="Riitta", email="r@example.invalid"
    )
    ministry_user = MinistryTeamUserFactory()
    Membership.objects.create(user=UserFactory(), organisation=stuk)
    GoodPracticeFactory(organisations=[stuk], status="draft", created_by=ministry_user)
    submitted = GoodPracticeFactory(
        organisations=[stuk], status="submitted", submitted_at=timezone.now(), published_at=None
    )
    nomination_round, request = answered_round(stuk, ministry_user)

    page = new_page()
    sign_in_with_password(page, site, language, ministry_user.username)

    site_language = f"{site}/{language}"
    base = f"{site_language}/organisations/{stuk.pk}"
    for path in (
        f"{base}/",
        f"{base}/contacts/new/",
        f"{base}/contacts/{representative.pk}/edit/",
        f"{base}/members/invite/",
        f"{site_language}/organisations/nominations/",
        f"{site_language}/organisations/nominations/new/",
        f"{site_language}/organisations/nominations/{nomination_round.pk}/",
        f"{site_language}/organisations/nominations/requests/{request.pk}/",
        f"{site_language}/practices/mine/",
        f"{site_language}/practices/new/",
        f"{site_language}/practices/moderation/",
        f"{site_language}/practices/{submitted.pk}/moderate/",
        f"{site_language}/accounts/",
        f"{site_language}/accounts/link/request/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        axe_check(page)

    # Forms showing their errors.
    page.goto(f"{base}/contacts/new/")
    page.get_by_label(label(language, ContactPersonForm, "email")).fill("not an address")
    page.get_by_role("button", name=t(language, "Save"), exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").get_by_role("link").count() >= 2  # one per field
    axe_check(page)
    page.goto(f"{site_language}/practices/new/")
    page.get_by_role("button", name=t(language, "Save"), exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").get_by_role("link").count() >= 3
    axe_check(page)

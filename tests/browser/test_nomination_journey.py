"""A round end to end: the ministry sends it, a liaison answers, the ministry sees the answer."""

import re

import pytest

from organisations.models import ContactPerson, NominationRequest, Organisation
from tests.factories import MinistryTeamUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "fi": {"new_named": "Uusi edustaja nimetty", "sent": "Lähetetty"},
    "sv": {"new_named": "Ny representant utsedd", "sent": "Skickat"},
}


@pytest.fixture
def agency(site):
    stuk = Organisation.objects.get(abbreviation="STUK")
    stuk.email = "kirjaamo@stuk.example.invalid"
    stuk.save()
    ContactPerson.objects.create(
        organisation=stuk,
        role=ContactPerson.Role.NETWORK_REPRESENTATIVE,
        name="Riitta Edustaja",
        email="riitta@stuk.example.invalid",
    )
    return stuk


def submit(page, form_selector="main form"):
    page.locator(f"{form_selector} button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_round_from_sending_to_export(
    site, browser, axe_check, agency, mailoutbox, settings, language
):
    settings.SITE_URL = site
    ministry_user = MinistryTeamUserFactory(password="correct horse battery staple")

    # The ministry signs in with its password and creates the round.
    ministry = browser.new_context(accept_downloads=True)
    page = ministry.new_page()
    page.goto(f"{site}/{language}/accounts/login/")
    axe_check(page)
    page.fill("#id_username", ministry_user.username)
    page.fill("#id_password", "correct horse battery staple")
    submit(page, "main form[method=post]:not([action])")
    assert page.url.endswith(f"/{language}/accounts/")
    axe_check(page)
    page.click(f"a[href='/{language}/organisations/nominations/']")
    axe_check(page)
    page.click(f"a[href='/{language}/organisations/nominations/new/']")
    axe_check(page)
    page.fill("#id_title_fi", "Verkoston edustajat 2027")
    page.fill("#id_message_fi", "Vahvistakaa edustajanne tai nimetkää uusi.")
    page.fill("#id_title_sv", "Nätverkets representanter 2027")
    page.fill("#id_message_sv", "Bekräfta er representant eller utse en ny.")
    page.fill("#id_deadline", "2027-02-08")
    submit(page)
    axe_check(page)
    page.locator("form[action$='/send/'] button").click()
    page.wait_for_load_state()
    assert page.locator(".messages").is_visible()
    axe_check(page)
    dashboard = page.url

    # The agency's registry gets the request with a sign-in link.
    message = next(m for m in mailoutbox if m.to == ["kirjaamo@stuk.example.invalid"])
    link = re.search(r"(http\S+/accounts/link/\?sesame=\S+)", message.body).group(1)

    liaison = browser.new_context()
    form = liaison.new_page()
    form.goto(link)
    axe_check(form)
    submit(form)
    assert "/organisations/nominations/requests/" in form.url
    assert "Riitta Edustaja" in form.content()
    axe_check(form)
    form.check("input[name=action][value=name_new]")
    form.fill("#id_representative_name", "Nina Uusi")
    form.fill("#id_representative_title", "Johtava asiantuntija")
    form.fill("#id_representative_email", "nina@stuk.example.invalid")
    form.select_option("#id_representative_language", language)
    form.fill("#id_appointed_by_name", "Petteri Pääjohtaja")
    form.fill("#id_appointed_by_title", "Pääjohtaja")
    form.fill("#id_appointment_date", "2025-01-20")
    submit(form, "form.answer-form")
    assert form.locator(".messages").is_visible()
    axe_check(form)
    request = NominationRequest.objects.get(organisation=agency, round__title_fi__endswith="2027")
    assert request.status == "new_named" and request.representative.name == "Nina Uusi"

    # The ministry sees it on the dashboard and in the export.
    page.goto(dashboard)
    stats = page.locator("[aria-labelledby=status-heading] .stats").inner_text()
    assert re.search(rf"1\s+{TEXTS[language]['new_named']}", stats), stats
    # Both requests (registry and representative) went out through the worker.
    delivery = page.locator("[aria-labelledby=delivery-heading] .stats").inner_text()
    assert re.search(rf"2\s+{TEXTS[language]['sent']}", delivery), delivery
    axe_check(page)
    export = ministry.request.get(dashboard + "network.csv")
    assert export.ok and "Nina Uusi" in export.text()
    ministry.close()
    liaison.close()

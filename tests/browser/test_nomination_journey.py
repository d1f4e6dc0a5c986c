"""A round end to end: the ministry sends it, a liaison answers, the ministry sees the answer."""

import re

import pytest

from avoin.links import reverse_in
from organisations.models import ContactPerson, NominationRequest, NominationRound, Organisation
from tests.browser.steps import link_in, open_sign_in_link, sign_in_with_password, t
from tests.factories import MinistryTeamUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIELDS = ["title_fi", "message_fi", "title_sv", "message_sv"]
TEXTS = {
    "fi": {"new_named": "Uusi edustaja nimetty", "sent": "Lähetetty"},
    "sv": {"new_named": "Ny representant utsedd", "sent": "Skickat"},
}


@pytest.fixture
def agency(site):
    stuk = Organisation.objects.get(abbreviation="STUK")
    Organisation.objects.exclude(pk=stuk.pk).update(email="")  # STUK alone can be reached
    stuk.email = "kirjaamo@stuk.example.invalid"
    stuk.save()
    ContactPerson.objects.create(
        organisation=stuk,
        role=ContactPerson.Role.NETWORK_REPRESENTATIVE,
        name="Riitta Edustaja",
        email="riitta@stuk.example.invalid",
    )
    return stuk


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_round_from_sending_to_export(
    site, new_page, axe_check, agency, mailoutbox, settings, language
):
    settings.SITE_URL = site
    ministry_user = MinistryTeamUserFactory()

    # The ministry signs in with its password and creates the round.
    page = new_page(downloads=True)
    page.goto(site + reverse_in(language, "login"))
    axe_check(page)
    sign_in_with_password(page, site, language, ministry_user.username)
    assert page.url.endswith(reverse_in(language, "account_home"))
    axe_check(page)
    page.get_by_role("link", name=t(language, "Network representative rounds")).click()
    axe_check(page)
    page.get_by_role("link", name=t(language, "New round")).click()
    axe_check(page)
    fields = {name: NominationRound._meta.get_field(name).verbose_name for name in FIELDS}
    page.get_by_label(t(language, fields["title_fi"]), exact=True).fill("Verkoston edustajat 2027")
    page.get_by_label(t(language, fields["message_fi"])).fill(
        "Vahvistakaa edustajanne tai nimetkää uusi."
    )
    page.get_by_label(t(language, fields["title_sv"]), exact=True).fill(
        "Nätverkets representanter 2027"
    )
    page.get_by_label(t(language, fields["message_sv"])).fill(
        "Bekräfta er representant eller utse en ny."
    )
    page.get_by_label(t(language, "deadline")).fill("8.2.2027")
    page.get_by_role("button", name=t(language, "Save the round")).click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_role("button", name=t(language, "Send the round")).click()
    page.wait_for_load_state()
    assert page.get_by_role("status").is_visible()
    axe_check(page)
    dashboard = page.url

    # The agency's registry gets the request with a sign-in link.
    message = next(m for m in mailoutbox if m.to == ["kirjaamo@stuk.example.invalid"])
    form = new_page()
    form.goto(link_in(message))
    axe_check(form)
    open_sign_in_link(form, link_in(message))
    assert "/organisations/nominations/requests/" in form.url
    assert "Riitta Edustaja" in form.content()
    axe_check(form)
    form.get_by_role("radio", name=t(language, "Name a new representative")).check()
    new = form.get_by_role("group", name=t(language, "New representative (when naming a new one)"))
    new.get_by_label(t(language, "Name"), exact=True).fill("Nina Uusi")
    new.get_by_label(t(language, "Title"), exact=True).fill("Johtava asiantuntija")
    new.get_by_label(t(language, "Work email")).fill("nina@stuk.example.invalid")
    new.get_by_label(t(language, "Preferred language")).select_option(language)
    appointment = form.get_by_role("group", name=t(language, "Appointment by the management"))
    appointment.get_by_label(t(language, "Appointed by (name)")).fill("Petteri Pääjohtaja")
    appointment.get_by_label(t(language, "Appointed by (title)")).fill("Pääjohtaja")
    appointment.get_by_label(t(language, "Date of appointment")).fill("20.1.2025")
    form.get_by_role("button", name=t(language, "Send the answer")).click()
    form.wait_for_load_state()
    assert form.get_by_role("status").is_visible()
    axe_check(form)
    request = NominationRequest.objects.get(organisation=agency, round__title_fi__endswith="2027")
    assert request.status == "new_named" and request.representative.name == "Nina Uusi"

    # The ministry sees it on the dashboard and in the export.
    page.goto(dashboard)
    stats = page.get_by_role("region", name=t(language, "Answers"), exact=True).inner_text()
    assert re.search(rf"1\s+{TEXTS[language]['new_named']}", stats), stats
    # Both requests (registry and representative) went out through the worker.
    delivery = page.locator("[aria-labelledby=delivery-heading] .stats").inner_text()
    assert re.search(rf"2\s+{TEXTS[language]['sent']}", delivery), delivery
    axe_check(page)
    export = page.context.request.get(dashboard + "network.csv")
    assert export.ok and "Nina Uusi" in export.text()

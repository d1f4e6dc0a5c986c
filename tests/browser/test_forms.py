"""Forms as people meet them: the error summary takes focus, an answer shows what it needs."""

import pytest

from avoin.links import reverse_in
from organisations.forms import NominationRoundForm
from organisations.models import ContactPerson, Organisation
from tests.browser.steps import label, sign_in_with_password, t
from tests.factories import MinistryTeamUserFactory, NominationRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page):
    return page.evaluate("document.activeElement.id || document.activeElement.className")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_error_summary_lists_the_errors_and_takes_focus(site, new_page, axe_check, javascript):
    page = new_page(javascript=javascript)
    sign_in_with_password(page, site, "fi", MinistryTeamUserFactory().username)
    page.goto(site + reverse_in("fi", "organisations:nomination_round_create"))
    page.get_by_label(label("fi", NominationRoundForm, "deadline")).fill("31.2.2030")
    page.get_by_label(t("fi", "State agencies")).uncheck()
    page.get_by_role("button", name=t("fi", "Save the round")).click()
    page.wait_for_load_state()

    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", name="Lomakkeessa on virheitä").is_visible()
    links = summary.get_by_role("link")
    assert links.all_inner_texts() == [
        "Otsikko suomeksi: Tämä kenttä vaaditaan.",
        "Viesti suomeksi: Tämä kenttä vaaditaan.",
        "Määräaika: Kirjoita päivämäärä muodossa pp.kk.vvvv, esimerkiksi 9.2.2024.",
        "Pyynnön saajat: Tämä kenttä vaaditaan.",
    ]
    if javascript:  # (page.evaluate needs JavaScript)
        assert focused(page) == "error-summary"
        axe_check(page)
    links.nth(3).click()
    if javascript:
        assert focused(page) == "id_target_kinds_0"
    else:
        assert page.url.endswith("#id_target_kinds_0")
    group = page.get_by_role("group", name="Pyynnön saajat")
    assert group.get_by_text("Tämä kenttä vaaditaan.").is_visible()
    # What was typed stays.
    assert page.get_by_label(label("fi", NominationRoundForm, "deadline")).input_value() == (
        "31.2.2030"
    )


@pytest.mark.parametrize("javascript", [True, False])
def test_the_answer_shows_the_sections_the_chosen_answer_needs(
    site, new_page, axe_check, javascript
):
    stuk = Organisation.objects.get(abbreviation="STUK")
    ContactPerson.objects.create(
        organisation=stuk, role="network_representative", name="Riitta", email="r@example.invalid"
    )
    request = NominationRequestFactory(organisation=stuk)
    page = new_page(javascript=javascript)
    sign_in_with_password(page, site, "en", MinistryTeamUserFactory().username)
    page.goto(site + reverse_in("en", "organisations:nomination_request_detail", args=[request.pk]))
    sections = {
        "new": page.get_by_role("group", name="New representative (when naming a new one)"),
        "appointment": page.get_by_role("group", name="Appointment by the management"),
        "deputy": page.get_by_role("group", name="Deputy (optional)"),
        "decline": page.get_by_role("group", name="When declining"),
        "received": page.get_by_role("group", name="Received"),
    }

    def shown():
        return {name for name, section in sections.items() if section.is_visible()}

    if not javascript:  # every section shows, and says what naming someone new means
        assert shown() == set(sections)
        assert sections["new"].get_by_text("becomes an editor of the organisation").is_visible()
        return
    assert shown() == {"received"}
    page.get_by_role("radio", name="Decline").check()
    assert shown() == {"decline", "received"}
    page.get_by_role("radio", name="Name a new representative").check()
    assert shown() == {"new", "appointment", "deputy", "received"}
    assert (
        sections["new"]
        .get_by_text(
            "The new representative becomes an editor of the organisation in Avoin and gets an "
            "invitation to it by email."
        )
        .is_visible()
    )
    axe_check(page)
    page.get_by_role("radio", name="Confirm the representative on record").check()
    assert shown() == {"received"}

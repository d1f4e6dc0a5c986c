"""A practice from intake to the public library, with a return for changes on the way."""

import re

import pytest

from organisations.models import Membership, Organisation
from reporting.models import GoodPractice
from tests.factories import MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def sign_in_with_link(browser, site, user, language, mailoutbox):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/{language}/accounts/link/request/")
    page.fill("#id_email", user.email)
    page.locator("main form button[type=submit]").click()
    link = re.search(r"(http\S+/accounts/link/\?sesame=\S+)", mailoutbox[-1].body).group(1)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return context, page


def sign_in_with_password(browser, site, user, language):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/{language}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form[method=post]:not([action]) button[type=submit]").click()
    page.wait_for_load_state()
    return context, page


def test_swedish_practice_is_returned_fixed_and_published(
    site, browser, axe_check, mailoutbox, settings
):
    settings.SITE_URL = site
    vaasa = Organisation.objects.get(kind="municipality", code="905")
    member = UserFactory(email="delaktighet@vasa.example.invalid")
    Membership.objects.create(user=member, organisation=vaasa, role=Membership.Role.EDITOR)
    ministry_user = MinistryTeamUserFactory(password=PASSWORD)

    # The member logs the practice in Swedish and submits it.
    member_context, page = sign_in_with_link(browser, site, member, "sv", mailoutbox)
    page.goto(f"{site}/sv/practices/new/")
    axe_check(page)
    page.select_option("#id_language", "sv")
    page.fill("#id_title", "Ungas delaktighet i budgeten")
    page.fill("#id_summary", "Unga och fullmäktige för dialog innan budgetramen bereds.")
    page.fill("#id_description", "Varje vår ordnas dialoger om ungas delaktighet.")
    page.fill("#id_title_en", "Young people's participation in the budget")
    page.fill("#id_summary_en", "Young people and the council talk before the budget.")
    page.fill("#id_started_year", "2023")
    page.fill("#id_contact_email", "unga@vasa.example.invalid")
    page.fill("#id_links", "https://www.vasa.example.invalid/unga")
    page.check("input[name=target_groups][value=children_youth]")
    page.check("input[name=emphases][value=early_participation]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe_check(page)
    errors = page.locator(".errorlist").all_inner_texts()
    assert errors == [], errors
    practice = GoodPractice.objects.get(title="Ungas delaktighet i budgeten")
    assert practice.status == "draft"
    page.locator("form[action$='/submit/'] button").click()
    page.wait_for_load_state()
    axe_check(page)

    # The ministry returns it with a note.
    ministry_context, desk = sign_in_with_password(browser, site, ministry_user, "sv")
    desk.goto(f"{site}/sv/practices/moderation/")
    axe_check(desk)
    desk.click(f"a[href='/sv/practices/{practice.pk}/moderate/']")
    axe_check(desk)
    desk.fill("#id_note", "Berätta också vad budgeten fick av dialogerna.")
    desk.locator("form:has(input[value=return]) button").click()
    desk.wait_for_load_state()
    practice.refresh_from_db()
    assert practice.status == "returned"

    # The member sees the note, fixes the practice and submits it again.
    page.goto(f"{site}/sv/practices/{practice.pk}/")
    assert "Berätta också vad budgeten" in page.content()
    axe_check(page)
    page.click(f"a[href='/sv/practices/{practice.pk}/edit/']")
    axe_check(page)
    page.fill(
        "#id_description",
        "Varje vår ordnas dialoger om ungas delaktighet. Tre förslag gick vidare.",
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("form[action$='/submit/'] button").click()
    page.wait_for_load_state()

    # The ministry publishes it.
    desk.goto(f"{site}/sv/practices/{practice.pk}/moderate/")
    desk.locator("form:has(input[value=publish]) button").click()
    desk.wait_for_load_state()
    practice.refresh_from_db()
    assert practice.status == "published"

    # The public finds it by search and in the English section.
    public = browser.new_context()
    reader = public.new_page()
    reader.goto(f"{site}/sv/practices/")
    reader.fill("#id_q", "delaktighet")
    reader.locator("main form[role=search] button[type=submit]").click()
    reader.wait_for_load_state()
    assert reader.locator(f"a[href='/sv/practices/{practice.pk}/']").count() == 1
    axe_check(reader)
    reader.goto(f"{site}/en/practices/international/")
    assert "Young people's participation in the budget" in reader.content()
    axe_check(reader)
    reader.click(f"a[href='/en/practices/{practice.pk}/']")
    assert "Tre förslag gick vidare" in reader.content()
    axe_check(reader)
    for context in (member_context, ministry_context, public):
        context.close()

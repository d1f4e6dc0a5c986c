"""Journey B, step 4: an editor logs activities, is told of a likely duplicate, and the team
enters one on the organisation's behalf; axe-core on every page on the way."""

import pytest

from organisations.models import Membership, Organisation
from reporting.models import Activity
from tests.browser.test_practice_journey import sign_in_with_link, sign_in_with_password
from tests.factories import MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_dialogue(page, participants="24"):
    page.fill("#id_title", "Ungdomsdialog om trafik")
    page.fill("#id_happened_on", "20.2.2024")
    page.fill("#id_participants", participants)
    page.select_option("#id_results_used_for", "policy_preparation")
    page.fill("#id_url", "https://www.kansallisetdialogit.fi/")


def save(page):
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state()


def test_an_editor_logs_a_dialogue_and_confirms_a_likely_duplicate(
    site, browser, axe_check, mailoutbox, settings
):
    settings.SITE_URL = site
    espoo = Organisation.objects.get(kind="municipality", code="049")
    editor = UserFactory(email="osallisuus@espoo.example.invalid")
    Membership.objects.create(user=editor, organisation=espoo, role=Membership.Role.EDITOR)
    context, page = sign_in_with_link(browser, site, editor, "sv", mailoutbox)

    page.goto(f"{site}/sv/organisations/{espoo.pk}/")
    page.get_by_role("link", name="Organisationens aktiviteter").click()
    axe_check(page)
    page.get_by_role("link", name="Registrera en aktivitet").click()
    axe_check(page)
    page.get_by_role("link", name="Ordnad nationell dialog").click()
    fill_dialogue(page, participants="-3")
    save(page)
    assert page.locator("#id_participants_errors").is_visible()
    assert page.input_value("#id_title") == "Ungdomsdialog om trafik"  # kept
    axe_check(page)
    page.fill("#id_participants", "24")
    save(page)
    assert page.locator("h1").inner_text() == "Ungdomsdialog om trafik"
    axe_check(page)

    page.goto(f"{site}/sv/reports/organisations/{espoo.pk}/activities/new/national_dialogue/")
    fill_dialogue(page)
    save(page)
    assert page.get_by_text("Redan registrerad?").is_visible()
    assert Activity.objects.count() == 1
    axe_check(page)
    page.check("#id_save_anyway")
    save(page)
    assert Activity.objects.count() == 2
    context.close()

    team = MinistryTeamUserFactory(password="correct horse battery staple")
    context, page = sign_in_with_password(browser, site, team, "fi")
    page.goto(f"{site}/fi/reports/organisations/{espoo.pk}/activities/new/course_completions/")
    axe_check(page)
    page.select_option("#id_channel", "email")
    page.select_option("#id_training", label="Selkokieli tutuksi")
    page.select_option("#id_period", label="Q2/2024 (1.4.2024–30.6.2024)")
    page.fill("#id_completions", "14")
    save(page)
    assert page.locator("dd", has_text="Saapui kanavalla sähköposti").is_visible()
    axe_check(page)
    page.goto(f"{site}/fi/reports/organisations/{espoo.pk}/activities/")
    assert page.get_by_role("link", name="Selkokieli tutuksi").is_visible()
    axe_check(page)
    context.close()

"""Journey B, step 4: an editor logs activities, is told of a likely duplicate, and the team
enters one on the organisation's behalf; axe-core on every page on the way."""

import pytest

from avoin.links import reverse_in
from organisations.models import Membership, Organisation
from reporting.activity_kinds import KINDS
from reporting.forms.activities import activity_form_class
from reporting.models import Activity, ActivityKind
from tests.browser.steps import PASSWORD, sign_in_with_link, sign_in_with_password, t
from tests.factories import MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(page, language, kind, name):
    """The form field of `kind` named `name`, found by its label as the interface shows it."""
    form = activity_form_class(kind)
    label = form.base_fields[name].label if name in form.base_fields else None
    if name in KINDS[kind].labels:
        label = KINDS[kind].labels[name]
    return page.get_by_label(t(language, label), exact=True)


def fill_dialogue(page, participants="24"):
    dialogue = ActivityKind.NATIONAL_DIALOGUE
    field(page, "sv", dialogue, "title").fill("Ungdomsdialog om trafik")
    field(page, "sv", dialogue, "happened_on").fill("20.2.2024")
    field(page, "sv", dialogue, "participants").fill(participants)
    field(page, "sv", dialogue, "results_used_for").select_option("policy_preparation")
    field(page, "sv", dialogue, "url").fill("https://www.kansallisetdialogit.fi/")


def save(page, language):
    page.get_by_role("button", name=t(language, "Save")).click()
    page.wait_for_load_state()


def test_an_editor_logs_a_dialogue_and_confirms_a_likely_duplicate(
    site, new_page, axe_check, mailoutbox, settings
):
    settings.SITE_URL = site
    espoo = Organisation.objects.get(kind="municipality", code="049")
    editor = UserFactory(email="osallisuus@espoo.example.invalid")
    Membership.objects.create(user=editor, organisation=espoo, role=Membership.Role.EDITOR)
    page = new_page()
    sign_in_with_link(page, site, "sv", editor.email, mailoutbox)

    page.goto(site + reverse_in("sv", "organisations:organisation_detail", args=[espoo.pk]))
    page.get_by_role("link", name="Organisationens aktiviteter").click()
    axe_check(page)
    page.get_by_role("link", name="Registrera en aktivitet").click()
    axe_check(page)
    page.get_by_role("link", name="Ordnad nationell dialog").click()
    fill_dialogue(page, participants="-3")
    save(page, "sv")
    participants = field(page, "sv", ActivityKind.NATIONAL_DIALOGUE, "participants")
    assert participants.get_attribute("aria-invalid") == "true"
    assert field(page, "sv", ActivityKind.NATIONAL_DIALOGUE, "title").input_value() == (
        "Ungdomsdialog om trafik"  # kept
    )
    axe_check(page)
    participants.fill("24")
    save(page, "sv")
    assert page.get_by_role("heading", level=1).inner_text() == "Ungdomsdialog om trafik"
    axe_check(page)

    page.goto(
        site + reverse_in("sv", "reporting:activity_create", args=[espoo.pk, "national_dialogue"])
    )
    fill_dialogue(page)
    save(page, "sv")
    assert page.get_by_text("Redan registrerad?").is_visible()
    assert Activity.objects.count() == 1
    axe_check(page)
    page.get_by_label(t("sv", "Save anyway")).check()
    save(page, "sv")
    assert Activity.objects.count() == 2

    team = MinistryTeamUserFactory(password=PASSWORD)
    desk = new_page()
    sign_in_with_password(desk, site, "fi", team.username)
    desk.goto(
        site + reverse_in("fi", "reporting:activity_create", args=[espoo.pk, "course_completions"])
    )
    axe_check(desk)
    completions = ActivityKind.COURSE_COMPLETIONS
    desk.get_by_label(t("fi", "How the information came")).select_option("email")
    field(desk, "fi", completions, "training").select_option(label="Selkokieli tutuksi")
    field(desk, "fi", completions, "period").select_option(label="Q2/2024 (1.4.2024–30.6.2024)")
    field(desk, "fi", completions, "completions").fill("14")
    save(desk, "fi")
    assert desk.locator("dd", has_text="Saapui kanavalla sähköposti").is_visible()
    axe_check(desk)
    desk.goto(site + reverse_in("fi", "reporting:activity_list", args=[espoo.pk]))
    assert desk.get_by_role("link", name="Selkokieli tutuksi").is_visible()
    axe_check(desk)

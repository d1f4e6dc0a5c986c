"""A practice from intake to the public library, with a return for changes on the way."""

import pytest

from avoin.links import reverse_in
from organisations.models import Membership, Organisation
from reporting.forms.practices import GoodPracticeForm, ReturnForm
from reporting.models import Emphasis, GoodPractice, TargetGroup
from tests.browser.steps import label, sign_in_with_link, sign_in_with_password, t
from tests.factories import MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill(page, language, values):
    for name, value in values.items():
        page.get_by_label(label(language, GoodPracticeForm, name), exact=True).fill(value)


def test_swedish_practice_is_returned_fixed_and_published(
    site, new_page, axe_check, mailoutbox, settings
):
    settings.SITE_URL = site
    vaasa = Organisation.objects.get(kind="municipality", code="905")
    member = UserFactory(email="delaktighet@vasa.example.invalid")
    Membership.objects.create(user=member, organisation=vaasa, role=Membership.Role.EDITOR)
    ministry_user = MinistryTeamUserFactory()

    # The member logs the practice in Swedish and submits it.
    page = new_page()
    sign_in_with_link(page, site, "sv", member.email, mailoutbox)
    page.goto(site + reverse_in("sv", "reporting:practice_create"))
    axe_check(page)
    page.get_by_label(label("sv", GoodPracticeForm, "language")).select_option("sv")
    fill(
        page,
        "sv",
        {
            "title": "Ungas delaktighet i budgeten",
            "summary": "Unga och fullmäktige för dialog innan budgetramen bereds.",
            "description": "Varje vår ordnas dialoger om ungas delaktighet.",
            "title_en": "Young people's participation in the budget",
            "summary_en": "Young people and the council talk before the budget.",
            "started_year": "2023",
            "contact_email": "unga@vasa.example.invalid",
            "links": "https://www.vasa.example.invalid/unga",
        },
    )
    groups = page.get_by_role("group", name=label("sv", GoodPracticeForm, "target_groups"))
    groups.get_by_label(t("sv", TargetGroup.CHILDREN_YOUTH.label)).check()
    emphases = page.get_by_role("group", name=label("sv", GoodPracticeForm, "emphases"))
    emphases.get_by_label(t("sv", Emphasis.EARLY_PARTICIPATION.label)).check()
    page.get_by_role("button", name=t("sv", "Save"), exact=True).click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.get_by_role("alert").count() == 0, page.get_by_role("alert").all_inner_texts()
    practice = GoodPractice.objects.get(title="Ungas delaktighet i budgeten")
    assert practice.status == "draft"
    page.get_by_role("button", name=t("sv", "Submit for review")).click()
    page.wait_for_load_state()
    axe_check(page)

    # The ministry returns it with a note.
    desk = new_page()
    sign_in_with_password(desk, site, "sv", ministry_user.username)
    desk.goto(site + reverse_in("sv", "reporting:moderation_queue"))
    axe_check(desk)
    desk.get_by_role("link", name="Ungas delaktighet i budgeten").click()
    axe_check(desk)
    desk.get_by_label(label("sv", ReturnForm, "note")).fill(
        "Berätta också vad budgeten fick av dialogerna."
    )
    desk.get_by_role("button", name=t("sv", "Return for changes")).click()
    desk.wait_for_load_state()
    practice.refresh_from_db()
    assert practice.status == "returned"

    # The member sees the note, fixes the practice and submits it again.
    page.goto(site + reverse_in("sv", "reporting:practice_detail", args=[practice.pk]))
    assert "Berätta också vad budgeten" in page.content()
    axe_check(page)
    page.get_by_role("link", name=t("sv", "Edit"), exact=True).click()
    axe_check(page)
    fill(
        page,
        "sv",
        {"description": "Varje vår ordnas dialoger om ungas delaktighet. Tre förslag gick vidare."},
    )
    page.get_by_role("button", name=t("sv", "Save"), exact=True).click()
    page.wait_for_load_state()
    page.get_by_role("button", name=t("sv", "Submit for review")).click()
    page.wait_for_load_state()

    # The ministry publishes it.
    desk.goto(site + reverse_in("sv", "reporting:practice_moderate", args=[practice.pk]))
    desk.get_by_role("button", name=t("sv", "Publish"), exact=True).click()
    desk.wait_for_load_state()
    practice.refresh_from_db()
    assert practice.status == "published"

    # The public finds it by search and in the English section.
    reader = new_page()
    reader.goto(site + reverse_in("sv", "reporting:practice_list"))
    search = reader.get_by_role("search")
    search.get_by_label(t("sv", "Search"), exact=True).fill("delaktighet")
    search.get_by_role("button", name=t("sv", "Search"), exact=True).click()
    reader.wait_for_load_state()
    assert reader.get_by_role("link", name="Ungas delaktighet i budgeten").count() == 1
    axe_check(reader)
    reader.goto(site + reverse_in("en", "reporting:practice_international"))
    assert "Young people's participation in the budget" in reader.content()
    axe_check(reader)
    reader.get_by_role("link", name="Young people's participation in the budget").click()
    assert "Tre förslag gick vidare" in reader.content()
    axe_check(reader)

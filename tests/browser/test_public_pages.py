import pytest

from avoin.links import reverse_in
from tests.browser.conftest import PHONE
from tests.browser.steps import t
from tests.pages import public_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_public_page_is_accessible(site, new_page, axe_check, language):
    from commitments.models import Measure
    from organisations.models import Organisation
    from tests.factories import GoodPracticeFactory

    practice = GoodPracticeFactory(
        organisations=[Organisation.objects.get(kind="municipality", code="091")],
        title="Dialogi kaupunginosissa",
        title_en="Dialogue in the districts",
        for_children_youth=True,
        links=["https://www.example.invalid/dialogi"],
    )
    practice.measures.set([Measure.objects.get(number="1.1")])
    # and the 404 page, at an address no pattern matches
    paths = public_paths(language) + [f"/{language}/no-such-page/"]
    page = new_page()
    for path in paths:
        response = page.goto(site + path)
        assert response.status in (200, 404), path
        assert page.locator("html").get_attribute("lang") == language
        axe_check(page)


def test_language_switcher_keeps_the_page(site, new_page):
    page = new_page()
    page.goto(site + reverse_in("fi", "commitments:measure_detail", args=["1.2"]))
    page.get_by_role("link", name="På svenska").click()
    assert page.url.endswith(reverse_in("sv", "commitments:measure_detail", args=["1.2"]))
    assert page.locator("html").get_attribute("lang") == "sv"


def test_directory_search_and_filters_work_without_javascript(site, new_page):
    page = new_page(javascript=False)
    page.goto(site + reverse_in("en", "organisations:organisation_list"))
    page.get_by_label("Name").fill("Helsingfors")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="Helsinki").is_visible()
    page.get_by_role("link", name="Helsinki").click()
    assert "Helsinki is not part of a wellbeing services county" in page.content()


def test_menu_folds_on_a_phone_and_opens_without_javascript(site, new_page):
    page = new_page(javascript=False, viewport=PHONE)
    page.goto(site + reverse_in("fi", "home"))
    menu = page.get_by_text("Valikko", exact=True)  # a <summary>: a button to screen readers
    organisations = page.get_by_role("link", name="Organisaatiot", exact=True)
    assert organisations.is_hidden()
    menu.click()
    assert organisations.is_visible()
    organisations.click()
    assert page.url.endswith(reverse_in("fi", "organisations:organisation_list"))
    desktop = new_page(javascript=False)
    desktop.goto(site + reverse_in("fi", "home"))
    assert desktop.get_by_role("link", name="Organisaatiot", exact=True).is_visible()
    assert desktop.get_by_text("Valikko", exact=True).is_hidden()


def test_keyboard_user_can_skip_to_content(site, new_page):
    page = new_page()
    page.goto(site + reverse_in("fi", "home"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=t("fi", "Skip to content"))
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_the_accessibility_check_itself_finds_violations(new_page, axe_check):
    page = new_page()
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        axe_check(page)

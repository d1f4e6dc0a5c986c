import pytest

from avoin.easy_language import EASY_LANGUAGES, PAGES
from avoin.links import reverse_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("code", list(EASY_LANGUAGES))
def test_easy_language_pages_are_accessible_and_fit_the_screen(site, page, axe_check, code, width):
    page.set_viewport_size({"width": width, "height": 900})
    for easy_page in PAGES:
        response = page.goto(site + easy_page.url(code))
        assert response.status == 200
        assert page.locator("html").get_attribute("lang") == code
        axe_check(page)
        assert page.evaluate(NO_HORIZONTAL_SCROLL), f"{easy_page.url(code)} scrolls sideways"
        # Larger type than the rest of the site (16 px).
        size = page.locator(".easy-language p").first.evaluate(
            "element => parseFloat(getComputedStyle(element).fontSize)"
        )
        assert size >= 20


def test_an_english_page_leads_to_both_easy_languages(site, page):
    page.goto(site + reverse_in("en", "commitments:programme_overview"))
    header = page.locator(".site-header")
    link = header.get_by_role("link", name="Selkokielellä")
    assert link.get_attribute("lang") == "fi"
    link.click()
    assert page.url == site + reverse_in("fi", "easy_language_fi")
    assert page.locator("html").get_attribute("lang") == "fi"

    page.goto(site + reverse_in("en", "commitments:programme_overview"))
    page.locator(".site-footer").get_by_role("link", name="På lättläst svenska").click()
    assert page.url == site + reverse_in("sv", "easy_language_sv")
    assert page.locator("html").get_attribute("lang") == "sv"


def test_the_language_switcher_moves_between_the_easy_languages(site, page):
    page.goto(site + reverse_in("fi", "easy_language_fi_topic", kwargs={"slug": "osallistu"}))
    page.get_by_role("link", name="På svenska").click()
    assert page.url == site + reverse_in("sv", "easy_language_sv_topic", kwargs={"slug": "delta"})
    page.get_by_role("link", name="In English").click()
    assert page.url == site + reverse_in("en", "home")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_accessibility_statement_fits_a_phone_screen(site, page, language):
    """ "Saavutettavuusseloste" and "Tillgänglighetsutlåtande" are one long word each."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + reverse_in(language, "accessibility"))
    assert page.evaluate(NO_HORIZONTAL_SCROLL)

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_english_page_leads_to_both_easy_languages(site, page):
    page.goto(site + "/en/programme/")
    header = page.locator(".site-header")
    link = header.get_by_role("link", name="Selkokielellä")
    assert link.get_attribute("lang") == "fi"
    link.click()
    assert page.url == site + "/fi/selko/"
    assert page.locator("html").get_attribute("lang") == "fi"

    page.goto(site + "/en/programme/")
    page.locator(".site-footer").get_by_role("link", name="På lättläst svenska").click()
    assert page.url == site + "/sv/lattlast/"
    assert page.locator("html").get_attribute("lang") == "sv"


def test_the_language_switcher_moves_between_the_easy_languages(site, page):
    page.goto(site + "/fi/selko/osallistu/")
    page.get_by_role("link", name="På svenska").click()
    assert page.url == site + "/sv/lattlast/delta/"
    page.get_by_role("link", name="In English").click()
    assert page.url == site + "/en/"
    assert page.locator("html").get_attribute("lang") == "en"

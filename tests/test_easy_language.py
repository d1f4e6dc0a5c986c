"""The Easy Language pages (ADR 0020): addresses, links from every page, and readability."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from avoin.easy_language import EASY_LANGUAGES, PAGES, TOPICS
from avoin.links import reverse_in
from tests.pages import public_paths
from tests.readability import PROPER_NAMES, easy_language_blocks, problems

pytestmark = pytest.mark.django_db

EASY_PAGES = [(code, page) for code in EASY_LANGUAGES for page in PAGES]


def page_id(value):
    return value.key if hasattr(value, "key") else value


# --- Readability ---------------------------------------------------------------------------


@pytest.mark.parametrize("code, page", EASY_PAGES, ids=page_id)
def test_every_easy_language_text_is_short_and_plain(anonymous_client, code, page):
    response = anonymous_client.get(page.url(code))
    assert response.status_code == 200
    blocks = easy_language_blocks(response.content.decode())
    assert ("h1", page.titles[code]) in blocks
    assert len(blocks) >= 10, "the check found too little text: is the container class right?"
    found = [f"{tag}: {text}\n    {problem}" for tag, text in blocks for problem in problems(text)]
    assert found == [], "\n".join(found)


def test_every_easy_language_template_is_a_page():
    """A body template that no page renders would escape the readability check."""
    root = Path(settings.BASE_DIR) / "templates"
    on_disk = {str(path.relative_to(root)) for path in (root / "easy_language").glob("*/*.html")}
    assert on_disk == {page.template_name(code) for code, page in EASY_PAGES}


def test_every_allowed_long_name_is_used(anonymous_client):
    """The allow-list stays small: a name that no page uses any more goes."""
    html = "".join(
        anonymous_client.get(page.url(code)).content.decode() for code, page in EASY_PAGES
    )
    assert all(name in html for name in PROPER_NAMES)


# Two paragraphs of the implementation letter (R2.2-p2 and R1.2-p2), as officialese as it gets.
OFFICIALESE = (
    "Kuntia ja hyvinvointialueita kannustetaan järjestämään alueellisia "
    "kansalaisjärjestöakatemia-tilaisuuksia yhteistyössä kansalaisjärjestöjen kanssa hallinnon "
    "ja kansalaisyhteiskuntatoimijoiden yhteisen ymmärryksen vahvistamiseksi sekä yhteistyön "
    "lisäämiseksi."
)
LONG_SENTENCE = (
    "Kuntien, hyvinvointialueiden ja valtionhallinnon toivotaan aktiivisesti hyödyntävän "
    "kaikille avoimia ja maksuttomia jo julkaistuja selkokielen ja selkeän virkakielen "
    "verkkokursseja sekä tulevaa demokraattisten kohtaamisten verkkokurssia eOppivassa."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (OFFICIALESE, "19.0 words per sentence on average"),
        (OFFICIALESE, "38 characters in 'kansalaisjärjestöakatemia-tilaisuuksia'"),
        (LONG_SENTENCE, "24 words in one sentence"),
        # One long sentence among short ones: the average passes, the longest does not.
        (LONG_SENTENCE + " Se on hyvä. Se on tärkeää. Lue lisää.", "24 words in one sentence"),
        ("Lue kansalaisjärjestöakatemiatoiminnasta lisää.", "characters in"),
        ("Kunnat järjestävät esim. keskusteluja.", "abbreviation 'esim.'"),
        ("Det finns t.ex. möten.", "abbreviation 't.ex.'"),
        ("Järjestö on NGO.", "abbreviation 'NGO'"),
    ],
)
def test_the_check_flags_hard_text(text, expected):
    assert any(expected in problem for problem in problems(text)), problems(text)


def test_the_check_passes_plain_text_dates_addresses_and_allowed_names():
    assert problems("Ohjelma alkoi lokakuussa 2023. Se kestää syyskuun loppuun 2027.") == []
    assert problems("Esimerkiksi 9.2.2024 tarkoittaa 9. helmikuuta 2024.") == []
    assert problems("Lähetä sähköpostia osoitteeseen avoinhallinto@gov.fi.") == []
    assert problems("Evenemanget heter Medborgarorganisationsakademin.") == []


def test_the_check_reads_a_page_edited_into_officialese():
    """What the page test sees when someone edits a page: nested items, links, loose text."""
    html = f"""<header><p>{OFFICIALESE}</p></header>
    <div class="wrap easy-language"><h1>Otsikko</h1>
      <ul><li>Lyhyt kohta. <a href="/">Linkki</a>.<p>{OFFICIALESE}</p></li></ul>
      <div>Irrallinen teksti ilman kappaletta, joka on kirjoitettu pitkäksi virkkeeksi ilman
      yhtäkään pistettä ja jatkuu ja jatkuu vielä monta sanaa eteenpäin</div>
    </div><footer><p>{OFFICIALESE}</p></footer>"""
    blocks = easy_language_blocks(html)
    assert [tag for tag, _text in blocks] == ["h1", "p", "li", "div"]
    assert ("li", "Lyhyt kohta. Linkki.") in blocks
    flagged = [tag for tag, text in blocks if problems(text)]
    assert flagged == ["p", "div"]


# --- Addresses and languages ---------------------------------------------------------------


# The addresses themselves, typed as a reader or an old link would (ADR 0020).
@pytest.mark.parametrize(
    "path, target",
    [
        ("/sv/selko/", "/sv/lattlast/"),
        ("/sv/selko/ohjelma/", "/sv/lattlast/programmet/"),
        ("/fi/lattlast/siffror/", "/fi/selko/luvut/"),
        ("/en/selko/osallistu/", "/fi/selko/osallistu/"),
        ("/en/lattlast/", "/sv/lattlast/"),
        ("/en/lattlast/delta/", "/sv/lattlast/delta/"),
    ],
)
def test_an_easy_language_address_in_another_language_redirects(anonymous_client, path, target):
    response = anonymous_client.get(path)
    assert response.status_code == 302
    assert response["Location"] == target


# Addresses typed by hand: unknown slugs, and a Swedish slug under the Finnish pages.
@pytest.mark.parametrize("path", ["/fi/selko/nothing/", "/sv/lattlast/ohjelma/", "/en/selko/x/"])
def test_an_unknown_easy_language_page_is_404(anonymous_client, path):
    assert anonymous_client.get(path).status_code == 404


def test_the_pages_have_their_addresses():
    # The addresses themselves: printed and linked from elsewhere, they must not change.
    assert [page.url("fi") for page in PAGES] == [
        "/fi/selko/",
        "/fi/selko/ohjelma/",
        "/fi/selko/avoin/",
        "/fi/selko/osallistu/",
        "/fi/selko/luvut/",
    ]
    assert [page.url("sv") for page in PAGES] == [
        "/sv/lattlast/",
        "/sv/lattlast/programmet/",
        "/sv/lattlast/avoin/",
        "/sv/lattlast/delta/",
        "/sv/lattlast/siffror/",
    ]


@pytest.mark.parametrize("code, page", EASY_PAGES, ids=page_id)
def test_the_language_switcher_leads_to_a_page(anonymous_client, code, page):
    html = anonymous_client.get(page.url(code)).content.decode()
    assert f'<html lang="{code}">' in html
    other = "sv" if code == "fi" else "fi"
    assert f'<a href="{page.url(other)}" lang="{other}" hreflang="{other}">' in html
    assert f'<a href="{reverse_in("en", "home")}" lang="en" hreflang="en">In English</a>' in html
    assert f'<link rel="alternate" hreflang="{other}" href="{page.url(other)}">' in html
    assert 'rel="alternate" hreflang="en"' not in html
    for target in (page.url(other), reverse_in("en", "home")):
        assert anonymous_client.get(target).status_code == 200


def test_each_page_links_to_the_others_and_back(anonymous_client):
    for code in EASY_LANGUAGES:
        for topic in TOPICS:
            html = anonymous_client.get(topic.url(code)).content.decode()
            for other in PAGES:
                if other is not topic:
                    assert f'href="{other.url(code)}"' in html, (topic.url(code), other.key)


# --- Linked from every page ----------------------------------------------------------------


def easy_language_links_in(html):
    """How many times the html links to each Easy Language's front page by its own name."""
    return {
        code: len(
            re.findall(rf'<a href="{url}" lang="{code}" hreflang="{code}"[^>]*>{name}</a>', html)
        )
        for code, url, name in [
            ("fi", reverse_in("fi", "easy_language_fi"), "Selkokielellä"),
            ("sv", reverse_in("sv", "easy_language_sv"), "På lättläst svenska"),
        ]
    }


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_links_to_both_easy_languages_in_header_and_footer(anonymous_client, language):
    # and the 404 page, at an address no pattern matches
    paths = public_paths(language) + [f"/{language}/no-such-page/"]
    for path in paths:
        html = anonymous_client.get(path).content.decode()
        header, footer = html.split("<main", 1)[0], html.rsplit("</main>", 1)[1]
        assert easy_language_links_in(header) == {"fi": 1, "sv": 1}, path
        assert easy_language_links_in(footer) == {"fi": 1, "sv": 1}, path


def test_signed_in_pages_link_to_both_easy_languages(ministry_client):
    with translation.override("en"):
        html = ministry_client.get(reverse("account_home")).content.decode()
    assert easy_language_links_in(html) == {"fi": 2, "sv": 2}


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("fi", "Sivut ovat suomeksi (selkokieli) ja ruotsiksi (lättläst svenska)"),
        ("sv", "De finns på finska (selkokieli) och svenska (lättläst svenska)"),
        ("en", "They are in Finnish (selkokieli) and Swedish (lättläst svenska)"),
    ],
)
def test_the_accessibility_statement_lists_the_pages(anonymous_client, language, sentence):
    with translation.override(language):
        html = anonymous_client.get(reverse("accessibility")).content.decode()
    assert sentence in html
    assert "not available in Easy Language (selkokieli) yet" not in html
    # In the statement's text and in the footer.
    assert easy_language_links_in(html.split("<footer", 1)[0].split("<main", 1)[1]) == {
        "fi": 1,
        "sv": 1,
    }

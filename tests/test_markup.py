"""Rich text: Markdown rendered, raw HTML refused when typed and never rendered."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from avoin.markup import no_raw_html, render


def test_paragraphs_lists_emphasis_and_links_are_rendered():
    html = render(
        "Kokous alkoi.\n\nPäätettiin:\n\n- **seuraava** kokous\n- *raportti*\n\n"
        "[Avoin hallinto](https://avoinhallinto.fi/)"
    )
    assert "<p>Kokous alkoi.</p>" in html
    assert "<ul>\n<li><strong>seuraava</strong> kokous</li>" in html
    assert "<em>raportti</em>" in html
    assert '<a href="https://avoinhallinto.fi/" rel="noopener noreferrer nofollow">' in html


def test_numbered_lists_keep_their_start():
    assert '<ol start="3">' in render("3. kolmas\n4. neljäs")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<p onclick='x()'>hei</p>",
        '<img src="x" onerror="alert(1)">',
        "teksti <iframe src=//evil>",
        "<!-- piilossa -->",
    ],
)
def test_raw_html_is_refused_and_never_rendered(text):
    with pytest.raises(ValidationError) as refused:
        no_raw_html(text)
    assert refused.value.code == "html"
    html = render(text)  # were it stored some other way, it is shown as the text it is
    assert html.startswith("<p>") and html.count("<") == 2 and "&lt;" in html


def test_comparisons_are_not_taken_for_html():
    no_raw_html("alle 5 < 10 vastausta, 3 > 2")
    assert "&lt; 10" in render("alle 5 < 10 vastausta")


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_links_go_to_the_web_or_mail_only(link):
    html = render(f"[klikkaa]({link})")
    assert "href" not in html and "klikkaa" in html


def test_headings_sit_under_the_pages_own():
    html = render("# Pää\n\n## Ala\n\n#### Syvä")
    assert "<h3>Pää</h3>" in html and "<h4>Ala</h4>" in html and "<h4>Syvä</h4>" in html
    assert "<h1" not in html and "<h2" not in html


def test_the_template_filter_renders_and_empty_text_is_nothing():
    template = Template("{% load avoin %}[{{ text|rich_text }}]")
    assert template.render(Context({"text": "*a*"})) == "[<p><em>a</em></p>]"
    assert template.render(Context({"text": ""})) == "[]"

"""Readable rich text without HTML: paragraphs, lists, emphasis and links written in Markdown
(docs/adr/0027). Knows no domain app.

Raw HTML is refused where the text is typed (`no_raw_html`) and never rendered: the Markdown
parser's HTML handling is switched off, and what it produces passes an allow-list sanitiser
(nh3) as well, so a link can only go to http, https or mailto.
"""

import re

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# An HTML tag or comment as someone would type it: <p>, </div>, <a href=…>, <!-- … -->.
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>|<!--")

HELP_TEXT = _(
    "Separate paragraphs with an empty line. Start list items with - or 1. "
    "Write **bold**, *italics* and links as [text](https://…). HTML is not accepted."
)


def no_raw_html(text):
    """A validator: rich text is written in Markdown, never as HTML."""
    if text and HTML_TAG.search(text):
        raise ValidationError(
            _(
                "Write the text without HTML tags: use an empty line between paragraphs, - for "
                "lists and [text](https://…) for links."
            ),
            code="html",
        )


def _parser():
    parser = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Raw HTML is text, never markup: the documented way to turn it off in Python-Markdown 3.
    parser.preprocessors.deregister("html_block")
    parser.inlinePatterns.deregister("html")
    return parser


def render(text) -> str:
    """`text` (Markdown) as safe HTML; headings start at h3 so as to sit under the page's h2."""
    if not text:
        return ""
    html = _parser().convert(_demote_headings(str(text)))
    return mark_safe(  # noqa: S308 - sanitised by nh3 against an allow-list just above
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )


def _demote_headings(text):
    """# and ## become ### (h3); deeper headings keep their level up to h4."""
    return re.sub(
        r"^(#{1,4})(?=\s)", lambda m: "#" * min(max(len(m.group(1)) + 2, 3), 4), text, flags=re.M
    )

"""A readability check for the Easy Language pages, after the Finnish Easy Language Centre's
(Selkokeskus) guidelines: short sentences, short common words, no abbreviations.

A machine cannot tell whether a text is good Easy Language; it can tell when a text has
drifted back into officialese, which is what these limits catch.
"""

import re
from html.parser import HTMLParser

MAX_AVERAGE_WORDS = 12  # per sentence, in one paragraph, heading or list item
MAX_WORDS = 20  # in any one sentence
MAX_WORD_LENGTH = 25  # characters, unless the word is one of the proper names below

# Proper names that may be longer than MAX_WORD_LENGTH. Keep the list small: a long common
# word is a reason to rewrite the sentence, not to grow this list.
PROPER_NAMES = {
    "Medborgarorganisationsakademin",  # the NGO academy, as the Swedish pages of Avoin name it
}

# Abbreviations that Easy Language avoids (esim. → esimerkiksi, t.ex. → till exempel).
ABBREVIATION = re.compile(
    r"(?<!\w)(?i:esim|mm|ns|yms|jne|tms|ks|vrt|t\.ex|bl\.a|osv|dvs|s\.k|m\.m|etc)\."
    r"|(?<!\w)[A-ZÅÄÖ]{2,}(?!\w)"
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“”]?[A-ZÅÄÖ0-9])")
PUNCTUATION = ".,:;!?()[]\"'“”«»–—…"

TEXT_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td"}
TEXT_BLOCKS |= {"caption", "figcaption", "summary", "blockquote", "label", "legend"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def sentences(text):
    """The sentences of a paragraph: split after . ! ? before a capital letter or a digit."""
    return [part for part in SENTENCE_END.split(text.strip()) if part]


def words(sentence):
    """The words of a sentence, without the punctuation around them."""
    stripped = (token.strip(PUNCTUATION) for token in sentence.split())
    return [word for word in stripped if any(char.isalnum() for char in word)]


def problems(text):
    """What makes this paragraph, heading or list item too hard to read; empty if nothing."""
    found = []
    lengths = []
    for sentence in sentences(text):
        count = len(words(sentence))
        lengths.append(count)
        if count > MAX_WORDS:
            found.append(f"{count} words in one sentence (at most {MAX_WORDS}): {sentence!r}")
        for word in words(sentence):
            if len(word) > MAX_WORD_LENGTH and word not in PROPER_NAMES:
                found.append(f"{len(word)} characters in {word!r} (at most {MAX_WORD_LENGTH})")
    if lengths and sum(lengths) / len(lengths) > MAX_AVERAGE_WORDS:
        average = sum(lengths) / len(lengths)
        found.append(f"{average:.1f} words per sentence on average (at most {MAX_AVERAGE_WORDS})")
    for match in ABBREVIATION.finditer(text):
        found.append(f"abbreviation {match.group()!r}")
    return found


class _EasyLanguageText(HTMLParser):
    """Collects the text of every heading, paragraph and list item inside the element whose
    class is `container`; text outside any of those becomes a block of its own."""

    def __init__(self, container):
        super().__init__(convert_charrefs=True)
        self.container = container
        self.stack = []  # open elements inside the container: [tag, [text parts]]
        self.blocks = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.stack:
            self.stack.append([tag, []])
        elif self.container in (dict(attrs).get("class") or "").split():
            self.stack.append([tag, []])

    def handle_endtag(self, tag):
        if not self.stack or tag in VOID:
            return
        while self.stack:
            open_tag, parts = self.stack.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.blocks.append((open_tag, text))
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.stack:
            return
        for open_tag, parts in reversed(self.stack):
            if open_tag in TEXT_BLOCKS:
                parts.append(data)
                return
        self.stack[-1][1].append(data)


def easy_language_blocks(html, container="easy-language"):
    """(tag, text) of every heading, paragraph, list item and loose text in the container."""
    parser = _EasyLanguageText(container)
    parser.feed(html)
    parser.close()
    return parser.blocks

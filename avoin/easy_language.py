"""The Easy Language pages: Finnish selkokieli under /fi/selko/, Swedish lättläst under
/sv/lattlast/ (ADR 0020).

Each page exists in one language only, so its words are content, not gettext strings: the
titles and labels live here, the body of each page in templates/easy_language/<code>/<key>.html.
"""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class EasyLanguage:
    """One Easy Language: where its pages live and the words around them."""

    code: str  # the language of its pages and of their URL prefix
    link_name: str  # in the header and footer of every page, in this language
    url_name: str  # the front page; url_name + "_topic" is a topic page
    more_heading: str  # above the list of the other Easy Language pages
    front_link: str  # back to the front page of the Easy Language pages


EASY_LANGUAGES = {
    "fi": EasyLanguage(
        code="fi",
        link_name="Selkokielellä",
        url_name="easy_language_fi",
        more_heading="Muut selkokieliset sivut",
        front_link="Selkokielen etusivu",
    ),
    "sv": EasyLanguage(
        code="sv",
        link_name="På lättläst svenska",
        url_name="easy_language_sv",
        more_heading="Andra sidor på lättläst svenska",
        front_link="Första sidan på lättläst svenska",
    ),
}


@dataclass(frozen=True)
class Topic:
    """One page, with its address part and title in each Easy Language."""

    key: str  # names the body template
    slugs: dict[str, str]  # language code -> slug; "" is the front page
    titles: dict[str, str]  # language code -> title (the h1)

    def url(self, code):
        """The address of this page in the Easy Language of `code`."""
        easy = EASY_LANGUAGES[code]
        with translation.override(code):
            if self.slugs[code]:
                return reverse(f"{easy.url_name}_topic", kwargs={"slug": self.slugs[code]})
            return reverse(easy.url_name)

    def template_name(self, code):
        """The body of this page in the Easy Language of `code`."""
        return f"easy_language/{code}/{self.key}.html"


FRONT_PAGE = Topic(
    key="index",
    slugs={"fi": "", "sv": ""},
    titles={"fi": "Avoin selkokielellä", "sv": "Avoin på lättläst svenska"},
)
TOPICS = [
    Topic(
        key="programme",
        slugs={"fi": "ohjelma", "sv": "programmet"},
        titles={
            "fi": "Mikä on avoimen hallinnon ohjelma?",
            "sv": "Vad är programmet för öppen förvaltning?",
        },
    ),
    Topic(
        key="avoin",
        slugs={"fi": "avoin", "sv": "avoin"},
        titles={"fi": "Mikä Avoin on?", "sv": "Vad är Avoin?"},
    ),
    Topic(
        key="take_part",
        slugs={"fi": "osallistu", "sv": "delta"},
        titles={"fi": "Miten voit osallistua?", "sv": "Hur kan du delta?"},
    ),
    Topic(
        key="figures",
        slugs={"fi": "luvut", "sv": "siffror"},
        titles={"fi": "Miten luet lukuja Avoimessa?", "sv": "Hur läser du siffrorna i Avoin?"},
    ),
]
PAGES = [FRONT_PAGE, *TOPICS]


def easy_language_topic(code, slug):
    """The page at `slug` in the Easy Language `code`, or 404."""
    for topic in PAGES:
        if topic.slugs[code] == slug:
            return topic
    raise Http404


def topic_links(code, *, current=None):
    """Links to the topic pages in one Easy Language, the current one marked."""
    return [
        {"title": topic.titles[code], "url": topic.url(code), "current": topic is current}
        for topic in TOPICS
    ]


def other_easy_language(code):
    """The other Easy Language: Swedish for Finnish, Finnish for Swedish."""
    return next(easy for other, easy in EASY_LANGUAGES.items() if other != code)


def easy_language_links(path):
    """The links to both Easy Languages that every page's header and footer carry."""
    links = []
    for code, easy in EASY_LANGUAGES.items():
        url = FRONT_PAGE.url(code)
        current = path.startswith(url)
        links.append({"code": code, "name": easy.link_name, "url": url, "current": current})
    return links


def easy_language_switcher(topic, native_names):
    """The language switcher on an Easy Language page.

    Finnish and Swedish lead to the same page in the other Easy Language; there is no Easy
    English, so English leads to the English front page and is no alternate of this page.
    """
    current = translation.get_language()
    links = []
    for code, name in native_names.items():
        if code in EASY_LANGUAGES:
            url, alternate = topic.url(code), True
        else:
            with translation.override(code):
                url, alternate = reverse("home"), False
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "alternate": alternate,
            }
        )
    return links

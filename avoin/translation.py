"""Content fields kept in Finnish, Swedish and English, read in the active language."""

from django.utils.functional import lazy
from django.utils.translation import get_language, gettext_lazy

LANGUAGE_CODES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"


class Localized(str):
    """A string that knows which language it is in, for `lang` attributes in templates."""

    lang: str

    def __new__(cls, value: str, lang: str):
        instance = super().__new__(cls, value)
        instance.lang = lang
        return instance


def active_language() -> str:
    code = (get_language() or DEFAULT_LANGUAGE)[:2]
    return code if code in LANGUAGE_CODES else DEFAULT_LANGUAGE


class TranslatedField:
    """Read `<base>_<language>` in the active language, falling back to the original.

    `Measure.title` returns `title_sv` on a Swedish page, or `title_fi` where no Swedish text
    exists: Finnish is the original of programme content. Content written by users has its own
    original in any language: `TranslatedField("title", original="title", language="language")`
    returns the translation into the page's language when there is one, else the field `title`,
    written in the language the field `language` names. The value carries `.lang` so that
    templates can mark the fallback.
    """

    def __init__(self, base: str, *, original: str | None = None, language: str | None = None):
        self.base = base
        self.original = original
        self.original_language = language

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        language = active_language()
        if self.original:
            original_language = getattr(instance, self.original_language)
            translated = "" if language == original_language else self._value(instance, language)
            if translated:
                return Localized(translated, language)
            return Localized(getattr(instance, self.original), original_language)
        value = self._value(instance, language)
        if value:
            return Localized(value, language)
        return Localized(self._value(instance, DEFAULT_LANGUAGE), DEFAULT_LANGUAGE)

    def _value(self, instance, language):
        return getattr(instance, f"{self.base}_{language}", "") or ""


def _interpolate(template, name) -> str:
    return str(template) % {"name": name}


_in_language = lazy(_interpolate, str)

LANGUAGE_NAMES = {
    "fi": gettext_lazy("%(name)s in Finnish"),
    "sv": gettext_lazy("%(name)s in Swedish"),
    "en": gettext_lazy("%(name)s in English"),
}


def translated_fields(field_class, name, *, finnish_required=True, **options):
    """The three columns of one translatable text, for `x_fi, x_sv, x_en = translated_fields(…)`.

    Finnish is the original and required unless `finnish_required=False`; Swedish and English
    may be empty (TranslatedField then falls back). `name` is the translatable noun of the
    verbose names ("title" gives "title in Finnish", "title in Swedish", …).
    """

    def column(language, blank):
        verbose_name = _in_language(LANGUAGE_NAMES[language], name)
        return field_class(verbose_name, blank=blank, **options)

    return (
        column("fi", blank=not finnish_required),
        column("sv", blank=True),
        column("en", blank=True),
    )

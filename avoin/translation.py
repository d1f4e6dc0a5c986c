"""Content fields kept in Finnish, Swedish and English, read in the active language."""

from django.utils.translation import get_language

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
    """Read `<base>_<language>` in the active language, falling back to Finnish.

    `Measure.title` returns `title_sv` on a Swedish page, or `title_fi` where no Swedish
    text exists. The value carries `.lang` so that templates can mark the fallback.
    """

    def __init__(self, base: str):
        self.base = base

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        language = active_language()
        value = getattr(instance, f"{self.base}_{language}", "") or ""
        if not value:
            language = DEFAULT_LANGUAGE
            value = getattr(instance, f"{self.base}_{DEFAULT_LANGUAGE}", "") or ""
        return Localized(value, language)

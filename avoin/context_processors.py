from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

NATIVE_LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


def site(request):
    """The language switcher's links and the site's own address."""
    current = get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": NATIVE_LANGUAGE_NAMES[code],
                "url": translate_url(request.get_full_path(), code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ],
        "site_url": settings.SITE_URL,
    }

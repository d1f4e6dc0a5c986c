from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from avoin.easy_language import easy_language_links

NATIVE_LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


def site(request):
    """The language switcher's links, the Easy Language links and the site's own address."""
    current = get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": NATIVE_LANGUAGE_NAMES[code],
                "url": translate_url(request.get_full_path(), code),
                "current": code == current,
                "alternate": True,
            }
            for code, _name in settings.LANGUAGES
        ],
        "easy_language_links": easy_language_links(request.path),
        "site_url": settings.SITE_URL,
    }

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from avoin.easy_language import easy_language_links
from avoin.permissions import is_working_group

NATIVE_LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


def site(request):
    """The language switcher's links, the Easy Language links, the site's own address, and
    whether the navigation offers the monitoring pages (asked only when a page shows it)."""
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
        "sees_monitoring": lambda: is_working_group(request.user),
    }

"""The anonymous-page cache and the content version behind it (docs/adr/0041). Knows no domain
app: `avoin.apps` names the apps whose records are public content.

A page is served from the cache only to a request that cannot be signed in (no session cookie)
and was stored only when rendering it for such a request used no CSRF token, no CSP nonce,
set no cookie and answered 200 without private caching. Its key holds the full path (language
prefix and query string), the language, the host and scheme, and the **content version**: any
change to a record of the public-content apps writes a new version, so the next request renders
afresh; the old entries are never read again and expire. The version also dates the open-data
files (ETag and Last-Modified, `conditional_download`).
"""

import hashlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import condition

VERSION_KEY = "avoin:content-version"
# Response headers kept with a cached page; the outer middleware add the rest (CSP, language).
KEPT_HEADERS = ("Content-Type", "X-Frame-Options", "Content-Language", "Vary")


def content_version():
    """The current content version: a number that grows with each change (microseconds since
    the epoch of the change). A cache without one gets one now, so that a cleared cache is a
    change too."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _now_version()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_changed_at():
    """When the content last changed (the version read as a time), for Last-Modified."""
    return datetime.fromtimestamp(content_version() / 1_000_000, tz=UTC)


def _now_version():
    return time.time_ns() // 1000


def _write_new_version():
    cache.set(VERSION_KEY, max(_now_version(), (cache.get(VERSION_KEY) or 0) + 1), timeout=None)


def content_changed(**kwargs):
    """Public content changed: a new version once the transaction commits (at once outside
    one). A page rendered meanwhile reads the old data under the old version, so it is never
    stored under the new one. Each write registers a callback, but only the first to run after
    a commit writes the version (they share the connection's generation); a rolled-back
    transaction takes its callbacks with it.
    Connected to the save, delete and many-to-many signals of the public-content apps."""
    connection = transaction.get_connection()
    generation = getattr(connection, "avoin_content_generation", 0)

    def committed():
        if getattr(connection, "avoin_content_generation", 0) == generation:
            connection.avoin_content_generation = generation + 1
            _write_new_version()

    transaction.on_commit(committed)


def _is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.SESAME_TOKEN_NAME not in request.GET
    )


def _is_cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "_csp_nonce", None)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not request.user.is_authenticated
    )


def content_key(kind, *parts) -> str:
    """The cache key of something rendered from public content: `parts` say what it is (a
    path, a language, filters), and the content version and the day in Helsinki (dates on
    pages turn at midnight there) say which content it was rendered from. Old keys are never
    asked for again and expire."""
    today = timezone.localdate().isoformat()
    text = "\n".join([*map(str, parts), today, str(content_version())])
    return f"avoin:{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def _key(request):
    return content_key(
        "page",
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        request.LANGUAGE_CODE,
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache (placed after the authentication and
    language middleware; see the module's docstring for what is never cached)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _is_cacheable_response(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def content_etag(request, *args, **kwargs):
    """An ETag for a representation made only of public content: its path (format and
    language) and the content version; the day too, as what is open or closed turns with it."""
    parts = [request.get_full_path(), str(content_version()), timezone.localdate().isoformat()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def content_last_modified(request, *args, **kwargs):
    """When public content last changed, or the day began in Helsinki if that is later."""
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(), datetime.min.time()))
    return max(content_changed_at(), midnight)


# A view whose response is made only of public content answers a conditional GET with 304
# before building anything (django.views.decorators.http.condition).
public_content_condition = condition(
    etag_func=content_etag, last_modified_func=content_last_modified
)

"""The address of the person at the other end, behind as many proxies as we trust.

Behind a reverse proxy every request comes from the proxy's address; the person's own is in
`X-Forwarded-For`. That header is only believed as far as TRUSTED_PROXY_COUNT says: each
trusted proxy appends the address it received the request from, so the client is the entry
that many places from the end. Anything a client writes into the header itself stands before
that and is ignored. django-axes (lockouts) and django-ratelimit (sign-in links) both use this.
"""

from django.conf import settings


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the one our trusted proxies saw."""
    trusted = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if not trusted:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < trusted:
        return remote  # not through our proxies: trust nothing in the header
    return forwarded[-trusted]


def normalised_email(group, request) -> str:
    """The rate-limit key of an email address: case and surrounding spaces do not count."""
    return request.POST.get("email", "").strip().lower()

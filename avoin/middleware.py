from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from avoin.second_factor import authenticator_of, needs_second_factor

SIGNED_IN_AT = "signed_in_at"
RENEWED_AT = "renewed_at"


class SessionLifetimeMiddleware:
    """End a signed-in session 12 hours after sign-in, however active it has been, and renew
    an active one so that it ends after an hour idle (docs/adr/0048).

    The session and its cookie live SESSION_COOKIE_AGE (60 minutes) from their last save. A
    signed-in request renews them when the last renewal is SESSION_RENEW_SECONDS (a minute)
    old or more, rather than on every request: a session ends 59 to 60 minutes after its last
    request, and most requests write nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, now)
            if now - signed_in_at > settings.SESSION_MAX_LIFETIME.total_seconds():
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
                return redirect(settings.LOGIN_URL)
            if now - request.session.get(RENEWED_AT, 0) >= settings.SESSION_RENEW_SECONDS:
                # A changed session is saved, and its cookie sent again with a full age.
                request.session[RENEWED_AT] = now
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Pages served to a signed-in user are theirs alone: `Cache-Control: private, no-store`
    keeps them out of shared caches and the browser's back-forward store. Pages served to
    anonymous users are left as they are; so are server errors, whose user may be unknown."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 500 and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class SecondFactorMiddleware:
    """The team and the admin (who sign in with a password) reach nothing but the second step
    until they have given a code from their authenticator (docs/adr/0031). Runs after
    django-otp's OTPMiddleware, which tells whether the session is verified."""

    OPEN = {"second_factor_verify", "second_factor_enrol", "logout", "set_language"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if needs_second_factor(user) and not user.is_verified():
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in self.OPEN and name is not None:
                step = "second_factor_verify" if authenticator_of(user) else "second_factor_enrol"
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

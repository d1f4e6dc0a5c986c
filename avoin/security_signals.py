"""Sign-in events from Django and django-axes into the security log. Knows no domain app."""

from axes.signals import user_locked_out
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from avoin.security_log import Event, masked_email, security_event

METHODS = {"sesame.backends.ModelBackend": "link"}


def _signed_in(sender, request, user, **kwargs):
    backend = request.session.get(BACKEND_SESSION_KEY, "") if request is not None else ""
    method = METHODS.get(backend, "password")
    security_event(Event.SIGN_IN, request=request, user=user, via=method)


def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        security_event(Event.SIGNED_OUT, request=request, user=user)


def _who(username):
    """A known account by id and username; anyone else by a masked name."""
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is not None:
        return {"user_id": user.pk, "username": user.get_username()}
    return {"attempted": masked_email(username or "")}


def _failed(sender, credentials, request=None, **kwargs):
    if "sesame" in credentials:
        return  # a stale link is logged by the link view, without its token
    security_event(Event.SIGN_IN_FAILED, request=request, **_who(credentials.get("username")))


def _locked_out(sender, request, username, ip_address, **kwargs):
    security_event(Event.LOCKED_OUT, request=request, **_who(username))


def connect():
    user_logged_in.connect(_signed_in, dispatch_uid="security_log_signed_in")
    user_logged_out.connect(_signed_out, dispatch_uid="security_log_signed_out")
    user_login_failed.connect(_failed, dispatch_uid="security_log_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="security_log_locked_out")

"""Ending every session of one user at once. Knows no domain app."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

DATABASE_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


def sessions_end(user) -> int:
    """Delete the stored sessions signed in as `user`; how many there were.

    A deactivated user is signed out at their next request whatever the session store (Django's
    backends load no inactive user); with sessions in the database their rows go at once too.
    """
    if settings.SESSION_ENGINE not in DATABASE_ENGINES:
        return 0
    theirs = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == str(user.pk)
    ]
    Session.objects.filter(pk__in=theirs).delete()
    return len(theirs)

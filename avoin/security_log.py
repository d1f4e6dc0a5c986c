"""The security log: one stream of JSON lines, one line per security event. Knows no domain app.

Every event goes to the logger `avoin.security` through `security_event()`; settings.LOGGING
writes that logger's records as JSON lines (`JsonLines`) to standard error, from where the
operator ships them to a SIEM (docs/operations.md, "Security log").

What a line never holds: a token, a password or a one-time code, and the e-mail address of
someone the portal does not know (`masked_email` keeps its domain and a keyed fingerprint, so
that repeated attempts on one address can still be told apart).
"""

import datetime
import hashlib
import hmac
import json
import logging

from django.conf import settings

from avoin.client import client_ip
from avoin.logging import redact

logger = logging.getLogger("avoin.security")


class Event:
    """The events the log carries; each line's `event` is one of these."""

    SIGN_IN = "sign_in.success"
    SIGN_IN_FAILED = "sign_in.failure"
    LOCKED_OUT = "sign_in.lockout"
    SIGNED_OUT = "sign_out"
    LINK_REQUESTED = "sign_in_link.requested"
    LINK_INVALID = "sign_in_link.invalid"
    SECOND_FACTOR_FAILED = "second_factor.failure"
    SECOND_FACTOR_ENROLLED = "second_factor.enrolled"
    SECOND_FACTOR_RESET = "second_factor.reset"
    RECOVERY_CODE_USED = "second_factor.recovery_code_used"
    PERMISSION_DENIED = "permission_denied"
    MEMBER_INVITED = "member.invited"
    MEMBER_ROLE_CHANGED = "member.role_changed"
    MEMBER_REMOVED = "member.removed"
    USER_DEACTIVATED = "user.deactivated"
    PERSONAL_DATA_EXPORTED = "personal_data.exported"
    PERSONAL_DATA_PURGED = "personal_data.purged"


def masked_email(address: str) -> str:
    """`domain#fingerprint` for an address that must not be logged in full."""
    address = (address or "").strip().lower()
    domain = address.rpartition("@")[2] or "-"
    key = settings.SECRET_KEY.encode()
    fingerprint = hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:12]
    return f"{domain}#{fingerprint}"


def actor(user) -> dict:
    """How a line names a known user: id and username (the team's usernames; members' are
    their work e-mail, which the portal holds anyway)."""
    if user is None or not user.is_authenticated:
        return {}
    return {"user_id": user.pk, "username": user.get_username()}


def security_event(event: str, *, request=None, user=None, **details) -> None:
    """Write one security event. `user` is whom it is about (default: who made the request);
    `details` are plain values: ids, roles, counts, masked addresses, filters."""
    line = {"event": event}
    if request is not None:
        line["ip"] = client_ip(request)
        line["path"] = redact(request.path)
        line["method"] = request.method
        request_user = getattr(request, "user", None)
        if user is None:
            user = request_user
        elif request_user is not None and request_user.is_authenticated:
            line["by"] = actor(request_user)
    line.update(actor(user))
    line.update(details)
    logger.info(event, extra={"security": line})


class JsonLines(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, then the event's fields."""

    def format(self, record):
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
        }
        line.update(getattr(record, "security", None) or {"message": record.getMessage()})
        return json.dumps(line, ensure_ascii=False, default=str, sort_keys=False)

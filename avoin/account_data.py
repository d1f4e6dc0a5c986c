"""Avoin's own part of a person's data: the account, and the sign-in records (ADR 0032).
Knows no domain app."""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils.translation import gettext_lazy as _

from avoin.personal_data import RetentionStep, Section

# Failed and successful sign-ins are kept for investigating incidents, then deleted.
SIGN_IN_RECORD_RETENTION = datetime.timedelta(days=180)


def _when(moment):
    return moment.isoformat() if moment else None


def account_rows(user):
    return [
        {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": _when(user.date_joined),
            "last_sign_in": _when(user.last_login),
            "groups": ", ".join(user.groups.values_list("name", flat=True)),
        }
    ]


def sign_in_rows(user):
    records = AccessLog.objects.filter(username=user.get_username()).order_by("-attempt_time")
    return [
        {"when": _when(record.attempt_time), "address": record.ip_address}
        for record in records[:100]
    ]


ACCOUNT = Section(
    "account",
    _("Your account"),
    (
        ("email", _("Work email")),
        ("joined", _("Account created")),
        ("last_sign_in", _("Last sign-in")),
    ),
    account_rows,
)
SIGN_INS = Section(
    "sign_ins",
    _("Your password sign-ins (the last 100)"),
    (("when", _("When")), ("address", _("Address"))),
    sign_in_rows,
)


def sign_in_records_purge(*, now, dry_run):
    """Delete failed and successful sign-in records older than 180 days."""
    before = now - SIGN_IN_RECORD_RETENTION
    querysets = [
        model.objects.filter(attempt_time__lt=before)
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    ]
    count = sum(queryset.count() for queryset in querysets)
    if not dry_run:
        for queryset in querysets:
            queryset.delete()
    return count


SIGN_IN_RECORDS = RetentionStep(
    "sign_in_records",
    _("Sign-in attempt records older than 180 days: deleted"),
    sign_in_records_purge,
)

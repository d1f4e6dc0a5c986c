"""What organisations holds about a person ("My data") and how long it keeps it (ADR 0032)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils.translation import gettext_lazy as _

from avoin.personal_data import RetentionStep, Section

from .models import ContactPerson, Membership, NominationRequest

# How long personal data is kept once its purpose has ended (docs/adr/0032, privacy notice).
CONTACT_PERSON_RETENTION = datetime.timedelta(days=2 * 365)
ENDED_MEMBERSHIP_RETENTION = datetime.timedelta(days=2 * 365)
UNUSED_INVITATION_RETENTION = datetime.timedelta(days=90)
# What an anonymised contact person is called; its role, organisation and dates stay.
REMOVED = "–"
CONTACT_PERSONAL_FIELDS = {"name": REMOVED, "title": "", "email": "", "phone": ""}


def _when(moment):
    return moment.isoformat() if moment else None


def membership_rows(user):
    return [
        {
            "organisation": str(membership.organisation),
            "role": membership.get_role_display(),
            "since": _when(membership.created_at),
            "invited_by": membership.invited_by.get_username() if membership.invited_by else None,
        }
        for membership in user.memberships.select_related("organisation", "invited_by")
    ]


def membership_history_rows(user):
    records = Membership.history.filter(user_id=user.pk).select_related(
        "organisation", "history_user"
    )
    return [
        {
            "when": _when(record.history_date),
            "organisation": str(record.organisation),
            "change": record.get_history_type_display(),
            "role": record.get_role_display(),
            "by": record.history_user.get_username() if record.history_user else None,
        }
        for record in records.order_by("history_date", "history_id")
    ]


def _contact_rows(records, *, extra=()):
    return [
        {
            "organisation": str(record.organisation),
            "role": record.get_role_display(),
            "name": record.name,
            "title": record.title,
            "email": record.email,
            "phone": record.phone,
            "active_from": _when(record.active_from),
            "active_to": _when(record.active_to),
            **{key: value(record) for key, value in extra},
        }
        for record in records
    ]


def contact_rows(user):
    if not user.email:
        return []
    return _contact_rows(
        ContactPerson.objects.filter(email__iexact=user.email).select_related("organisation")
    )


def contact_history_rows(user):
    if not user.email:
        return []
    records = ContactPerson.history.filter(email__iexact=user.email).select_related("organisation")
    return _contact_rows(
        records.order_by("history_date", "history_id"),
        extra=[
            ("when", lambda record: _when(record.history_date)),
            ("change", lambda record: str(record.get_history_type_display())),
        ],
    )


def nomination_answer_rows(user):
    answers = NominationRequest.objects.filter(answered_by=user).select_related(
        "round", "organisation"
    )
    return [
        {
            "round": answer.round.title,
            "organisation": str(answer.organisation),
            "answer": answer.get_status_display(),
            "answered_at": _when(answer.answered_at),
        }
        for answer in answers.order_by("answered_at", "pk")
    ]


SECTIONS = [
    Section(
        "memberships",
        _("Memberships"),
        (("organisation", _("Organisation")), ("role", _("Role")), ("since", _("Since"))),
        membership_rows,
    ),
    Section(
        "membership_history",
        _("Changes to your memberships"),
        (
            ("when", _("When")),
            ("organisation", _("Organisation")),
            ("change", _("What changed")),
            ("role", _("Role")),
        ),
        membership_history_rows,
    ),
    Section(
        "contact_persons",
        _("Contact-person records with your address"),
        (
            ("organisation", _("Organisation")),
            ("role", _("Role")),
            ("name", _("Name")),
            ("active_from", _("Since")),
            ("active_to", _("Until")),
        ),
        contact_rows,
    ),
    Section(
        "contact_person_history",
        _("History of those contact-person records"),
        (
            ("when", _("When")),
            ("organisation", _("Organisation")),
            ("change", _("What changed")),
            ("name", _("Name")),
        ),
        contact_history_rows,
    ),
    Section(
        "nomination_answers",
        _("Answers to network representative requests"),
        (
            ("round", _("Round")),
            ("organisation", _("Organisation")),
            ("answer", _("Answer")),
            ("answered_at", _("When")),
        ),
        nomination_answer_rows,
    ),
]


# --- Retention steps ---------------------------------------------------------------------------


def contacts_purge(*, now, dry_run):
    """Anonymise contact persons whose term ended over two years ago, and their history rows.
    Their organisation, role and dates stay: the evaluations count who had representatives."""
    ended_before = (now - CONTACT_PERSON_RETENTION).date()
    contacts = ContactPerson.objects.filter(active_to__lt=ended_before).exclude(name=REMOVED)
    ids = list(contacts.values_list("pk", flat=True))
    history = ContactPerson.history.filter(id__in=ids)
    count = len(ids) + history.count()
    if not dry_run:
        with transaction.atomic():
            ContactPerson.objects.filter(pk__in=ids).update(**CONTACT_PERSONAL_FIELDS)
            history.update(**CONTACT_PERSONAL_FIELDS)
    return count


def ended_memberships_purge(*, now, dry_run):
    """Delete the history rows of memberships removed over two years ago."""
    ended = Membership.history.filter(
        history_type="-", history_date__lt=now - ENDED_MEMBERSHIP_RETENTION
    ).values_list("id", flat=True)
    history = Membership.history.filter(id__in=list(ended))
    count = history.count()
    if not dry_run:
        history.delete()
    return count


def unused_invitations_purge(*, now, dry_run):
    """Delete invitations unused for 90 days (the person never signed in), their history rows,
    and the accounts they created when nothing else refers to them."""
    unused = Membership.objects.never_used(invited_before=now - UNUSED_INVITATION_RETENTION)
    ids = list(unused.values_list("pk", flat=True))
    user_ids = set(unused.values_list("user_id", flat=True))
    history = Membership.history.filter(id__in=ids)
    accounts = (
        get_user_model()
        .objects.filter(pk__in=user_ids, last_login__isnull=True)
        .filter(Q(is_staff=False) & Q(is_superuser=False) & Q(groups__isnull=True))
        .exclude(memberships__in=Membership.objects.exclude(pk__in=ids))
    )
    count = len(ids) + history.count()
    if dry_run:
        return count + accounts.count()
    with transaction.atomic():
        accounts = list(accounts)
        Membership.objects.filter(pk__in=ids).delete()
        Membership.history.filter(id__in=ids).delete()
        count += sum(_delete_if_unreferenced(account) for account in accounts)
    return count


def _delete_if_unreferenced(account):
    try:
        with transaction.atomic():
            Membership.history.filter(user_id=account.pk).delete()
            account.delete()
    except ProtectedError:
        return 0
    return 1


RETENTION_STEPS = [
    RetentionStep(
        "contact_persons",
        _("Contact persons whose term ended over two years ago: anonymised, history included"),
        contacts_purge,
    ),
    RetentionStep(
        "ended_memberships",
        _("Memberships removed over two years ago: their history rows deleted"),
        ended_memberships_purge,
    ),
    RetentionStep(
        "unused_invitations",
        _("Invitations not used in 90 days: deleted with their history and unused accounts"),
        unused_invitations_purge,
    ),
]

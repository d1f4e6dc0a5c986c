"""Members of organisations and their contact persons."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avoin.concurrency import StaleEdit
from avoin.mail import SignInLink, send_templated_mail
from avoin.permissions import MINISTRY_TEAM_GROUP
from avoin.security_log import Event, security_event
from avoin.sessions import sessions_end
from organisations.models import SEATS, ContactPerson, Membership, Organisation, contacts_token


def user_for_email(email: str):
    """The account of a work email address, created on first use: members sign in by link."""
    email = email.strip().lower()
    User = get_user_model()
    return User.objects.filter(email__iexact=email).first() or User.objects.create_user(
        username=email, email=email
    )


STAFF_ADDRESS_REFUSED = gettext_lazy(
    "This address belongs to an account of the Open Government Team, which signs in with a "
    "password and never by an emailed link. Give the person's own address at the organisation."
)


def is_staff_address(email: str) -> bool:
    """Whether `email` is the address of a staff, superuser or ministry-team account."""
    return (
        get_user_model()
        .objects.filter(email__iexact=email.strip())
        .filter(Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name=MINISTRY_TEAM_GROUP))
        .exists()
    )


def member_invite(
    *, organisation, email: str, role: str, by, language: str = "fi", request=None
) -> Membership:
    """Give the person at `email` a membership and email them a sign-in link.

    Staff and ministry-team accounts are never invited: an emailed link must not sign them in.
    """
    email = email.strip().lower()
    if is_staff_address(email):
        raise ValidationError({"email": STAFF_ADDRESS_REFUSED})
    with transaction.atomic():
        user = user_for_email(email)
        membership = Membership.objects.filter(user=user, organisation=organisation).first()
        if membership is None:
            membership = Membership(user=user, organisation=organisation, role=role, invited_by=by)
        if membership.pk is None or membership.role != role:
            membership.role = role
            membership._history_user = by
            membership.save()
        send_templated_mail(
            to=[email],
            template="member_invitation",
            context={
                "organisation": organisation,
                "role": membership.get_role_display(),
                "link": SignInLink.for_user(user, next_path=organisation.get_absolute_url()),
            },
            language=language,
        )
    security_event(
        Event.MEMBER_INVITED,
        request=request,
        user=user,
        organisation_id=organisation.pk,
        role=role,
        changed_by=by.pk,
    )
    return membership


def contact_person_start(
    *, organisation, values: dict, by, starts=None, expected_contacts: str | None = None
) -> ContactPerson:
    """Add a contact person; for a representative or deputy, end whoever held the seat.

    Changes to one organisation's contacts happen one at a time (its row is locked). With
    `expected_contacts` (`contacts_token` when the form opened), a change someone made in the
    meantime raises StaleEdit instead of being replaced unseen.
    """
    starts = starts or timezone.localdate()
    with transaction.atomic():
        Organisation.objects.select_for_update().only("pk").get(pk=organisation.pk)
        if expected_contacts is not None and contacts_token(organisation) != expected_contacts:
            raise StaleEdit
        if values.get("role") in SEATS:
            for holder in (
                ContactPerson.objects.select_for_update()
                .for_organisation(organisation)
                .current()
                .filter(role=values["role"])
            ):
                holder.active_to = max(starts, holder.active_from)
                holder._history_user = by
                holder.save(update_fields=["active_to"])
        contact = ContactPerson(organisation=organisation, active_from=starts, **values)
        contact.full_clean()
        contact._history_user = by
        contact.save()
    return contact


def contact_person_end(*, contact: ContactPerson, by, ends=None) -> ContactPerson:
    """End a contact. A representative's seat is never left empty: name a successor instead."""
    if contact.role == ContactPerson.Role.NETWORK_REPRESENTATIVE:
        raise ValidationError(
            _("The network representative is not ended on its own: name the new one instead.")
        )
    contact.active_to = max(ends or timezone.localdate(), contact.active_from)
    contact._history_user = by
    contact.save(update_fields=["active_to"])
    return contact


LAST_EDITOR = gettext_lazy(
    "You are the organisation's last editor. Name another member to become its editor first."
)


def _is_last_editor(membership) -> bool:
    return (
        membership.can_edit
        and not Membership.objects.editors()
        .filter(organisation_id=membership.organisation_id)
        .exclude(pk=membership.pk)
        .exists()
    )


def member_needs_successor(membership, *, by) -> bool:
    """Whether `by` is removing or demoting themself as the organisation's last editor."""
    return membership.user_id == by.pk and _is_last_editor(membership)


def _hand_over(membership, *, by, successor):
    """The last editor leaves only when `successor` (another member) becomes an editor."""
    if not member_needs_successor(membership, by=by):
        return
    if (
        successor is None
        or successor.organisation_id != membership.organisation_id
        or successor.pk == membership.pk
    ):
        raise ValidationError({"successor": LAST_EDITOR})
    member_role_change(membership=successor, role=Membership.Role.EDITOR, by=by)


def member_role_change(*, membership, role: str, by, successor=None, request=None) -> Membership:
    """Make a member an editor or a viewer. The last editor steps down only by naming another."""
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.role == role:
            return membership
        if role != Membership.Role.EDITOR:
            _hand_over(membership, by=by, successor=successor)
        before, membership.role = membership.role, role
        membership._history_user = by
        membership.save(update_fields=["role"])
    security_event(
        Event.MEMBER_ROLE_CHANGED,
        request=request,
        user=membership.user,
        organisation_id=membership.organisation_id,
        role_before=before,
        role=role,
        changed_by=by.pk,
    )
    return membership


def member_remove(*, membership, by, successor=None, request=None) -> None:
    """Remove a member from the organisation; the history keeps who it was and who removed them.

    The last editor removes themself only by naming another member to become the editor.
    """
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        _hand_over(membership, by=by, successor=successor)
        membership._history_user = by
        user, organisation_id, role = membership.user, membership.organisation_id, membership.role
        membership.delete()
    security_event(
        Event.MEMBER_REMOVED,
        request=request,
        user=user,
        organisation_id=organisation_id,
        role=role,
        changed_by=by.pk,
    )


DEACTIVATED = "deactivated"


def user_deactivate(*, user, by, request=None) -> int:
    """Close an account: it signs in no more and every session of it ends at once. Each of its
    memberships records the change in the organisation's member history. Returns the number of
    sessions ended."""
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        for membership in Membership.objects.filter(user=user):
            membership._history_user = by
            membership._change_reason = DEACTIVATED
            membership.save()
        ended = sessions_end(user)
    security_event(
        Event.USER_DEACTIVATED, request=request, user=user, changed_by=by.pk, sessions_ended=ended
    )
    return ended

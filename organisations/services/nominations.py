"""The network-representative rounds: sending, answering, reminding."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.mail import send_templated_mail, sign_in_link
from organisations.models import (
    HELSINKI,
    ContactPerson,
    Membership,
    NominationAction,
    NominationReminder,
    NominationRequest,
    NominationRound,
    Organisation,
)

from .members import contact_person_start, member_invite, user_for_email


class ConcurrentAnswer(Exception):
    """Someone else answered the same request first; nothing of this answer was saved."""


def representative_of(organisation):
    """The organisation's current network representative, or None."""
    return (
        ContactPerson.objects.for_organisation(organisation)
        .current()
        .filter(role=ContactPerson.Role.NETWORK_REPRESENTATIVE)
        .first()
    )


def _request_link_for(address, organisation, nomination_request, language):
    """A sign-in link for whoever reads `address`, made a member of the organisation."""
    user = user_for_email(address)
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.EDITOR}
    )
    return sign_in_link(user, next_path=nomination_request.get_absolute_url(), language=language)


def _mail_request(nomination_request, *, template, extra=None):
    """Email the organisation's registry address and its representative, each with a link."""
    organisation = nomination_request.organisation
    representative = representative_of(organisation)
    recipients = []
    if organisation.email:
        recipients.append((organisation.email, "fi"))
    if representative and representative.email.lower() != organisation.email.lower():
        recipients.append((representative.email, representative.language))
    for address, language in recipients:
        send_templated_mail(
            to=[address],
            template=template,
            context={
                "round": nomination_request.round,
                "request": nomination_request,
                "organisation": organisation,
                "representative": representative,
                "link": _request_link_for(address, organisation, nomination_request, language),
                **(extra or {}),
            },
            language=language,
        )
    return [address for address, _language in recipients]


def nomination_round_targets(nomination_round):
    """The organisations the round asks: its kinds as they are on its send date (or today)."""
    return Organisation.objects.asked_in(nomination_round)


def unreachable_organisations(organisations):
    """Organisations with neither a registry address nor a current representative."""
    return organisations.filter(email="").exclude(
        contact_persons__role=ContactPerson.Role.NETWORK_REPRESENTATIVE,
        contact_persons__active_to__isnull=True,
    )


def nomination_round_send(*, nomination_round, by) -> int:
    """Create one request per target organisation and email each; sending again adds new ones."""
    with transaction.atomic():
        nomination_round = NominationRound.objects.select_for_update().get(pk=nomination_round.pk)
        if nomination_round.is_closed:
            raise ValidationError(_("The round is closed."))
        existing = set(nomination_round.requests.values_list("organisation_id", flat=True))
        new = [
            NominationRequest(round=nomination_round, organisation=organisation)
            for organisation in nomination_round_targets(nomination_round).exclude(pk__in=existing)
        ]
        NominationRequest.objects.bulk_create(new)
        if nomination_round.sent_at is None:
            nomination_round.sent_at = timezone.now()
            nomination_round._history_user = by
            nomination_round.save(update_fields=["sent_at"])
    created = nomination_round.requests.filter(
        organisation_id__in=[request.organisation_id for request in new]
    ).select_related("organisation", "round")
    for nomination_request in created:
        _mail_request(nomination_request, template="nomination_request")
    return len(new)


def nomination_round_close(*, nomination_round, by):
    nomination_round.closed_at = timezone.now()
    nomination_round._history_user = by
    nomination_round.save(update_fields=["closed_at"])


def nomination_answer(
    *,
    nomination_request,
    by,
    action: str,
    expected_version: int,
    representative: dict | None = None,
    deputy: dict | None = None,
    appointed_by_name: str = "",
    appointed_by_title: str = "",
    appointment_date=None,
    decline_reason: str = "",
    channel: str = NominationRequest.Channel.PORTAL,
    answered_at=None,
) -> NominationRequest:
    """Record an answer. Of two simultaneous answers one stands; the other raises."""
    with transaction.atomic():
        locked = (
            NominationRequest.objects.select_for_update()
            .select_related("round", "organisation")
            .get(pk=nomination_request.pk)
        )
        if locked.version != expected_version:
            raise ConcurrentAnswer
        if locked.round.is_closed:
            raise ValidationError(_("The round is closed; answers can no longer be changed."))
        organisation = locked.organisation
        starts = (answered_at or timezone.now()).astimezone(HELSINKI).date()
        new_representative = None
        if action == NominationAction.CONFIRM:
            current = representative_of(organisation)
            if current is None:
                raise ValidationError(
                    _("There is no representative on record to confirm: name one instead.")
                )
            locked.status = NominationRequest.Status.CONFIRMED
            locked.representative = current
            locked.deputy = None
            locked.decline_reason = ""
        elif action == NominationAction.NAME_NEW:
            new_representative = contact_person_start(
                organisation=organisation,
                values={**representative, "role": ContactPerson.Role.NETWORK_REPRESENTATIVE},
                by=by,
                starts=starts,
            )
            locked.status = NominationRequest.Status.NEW_NAMED
            locked.representative = new_representative
            locked.deputy = (
                contact_person_start(
                    organisation=organisation,
                    values={**deputy, "role": ContactPerson.Role.DEPUTY},
                    by=by,
                    starts=starts,
                )
                if deputy
                else None
            )
            locked.decline_reason = ""
        elif action == NominationAction.DECLINE:
            locked.status = NominationRequest.Status.DECLINED
            locked.representative = None
            locked.deputy = None
            locked.decline_reason = decline_reason
        else:
            raise ValidationError(_("Unknown answer."))
        if action == NominationAction.NAME_NEW:
            locked.appointed_by_name = appointed_by_name
            locked.appointed_by_title = appointed_by_title
            locked.appointment_date = appointment_date
        else:
            locked.appointed_by_name = locked.appointed_by_title = ""
            locked.appointment_date = None
        locked.answered_at = answered_at or timezone.now()
        locked.answered_by = by
        locked.channel = channel
        locked.version += 1
        locked._history_user = by
        locked.save()

    receipt_to = [by.email] if channel == NominationRequest.Channel.PORTAL else []
    if organisation.email:
        receipt_to.append(organisation.email)
    send_templated_mail(
        to=receipt_to,
        template="nomination_receipt",
        context={"request": locked, "round": locked.round, "organisation": organisation},
        language="fi",
    )
    if new_representative is not None:
        member_invite(
            organisation=organisation,
            email=new_representative.email,
            role=Membership.Role.EDITOR,
            invited_by=by,
            language=new_representative.language,
        )
    return locked


def nomination_reminders_send(*, today, days_before, days_after) -> list[NominationReminder]:
    """Remind pending organisations on the chosen days around each open round's deadline.

    A request gets at most one reminder a day, however often this runs.
    """
    sent = []
    for nomination_round in NominationRound.objects.open():
        offset = (today - nomination_round.deadline).days
        if not ((-offset in days_before and offset <= 0) or (offset in days_after and offset > 0)):
            continue
        pending = (
            nomination_round.requests.pending()
            .exclude(reminders__sent_on=today)
            .select_related("organisation", "round")
        )
        for nomination_request in pending:
            with transaction.atomic():
                reminder, created = NominationReminder.objects.get_or_create(
                    request=nomination_request, sent_on=today, defaults={"recipients": ""}
                )
                if not created:
                    continue
                recipients = _mail_request(
                    nomination_request,
                    template="nomination_reminder",
                    extra={"is_overdue": offset > 0},
                )
                reminder.recipients = ", ".join(recipients)
                reminder.save(update_fields=["recipients"])
            sent.append(reminder)
    return sent

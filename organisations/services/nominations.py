"""The network-representative rounds: sending, answering, reminding."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.concurrency import StaleEdit
from avoin.formats import finnish_date
from avoin.mail import SignInLink, message_compose, send_templated_mail
from avoin.outbox import messages_queue
from organisations.models import (
    ContactPerson,
    Membership,
    NominationAction,
    NominationReminder,
    NominationRequest,
    NominationRound,
    Organisation,
)

from .members import (
    STAFF_ADDRESS_REFUSED,
    contact_person_start,
    is_staff_address,
    member_invite,
    user_for_email,
)


def _representative_of(organisation):
    return organisation.contact_persons.current().representatives().first()


def request_recipient_may_answer(*, address, organisation):
    """Whoever reads a request's address may answer it: the address becomes an editor of the
    organisation (if it is not a member yet), so that its emailed link signs them in.

    This is how a registry mailbox (kirjaamo) that nobody has invited can still answer. It is
    done when the message is sent (`REQUEST_RECIPIENT`), for the addresses actually written to.
    """
    user = user_for_email(address)
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.EDITOR}
    )
    return user


def request_recipient_account(*, address, about):
    """The account rule of request links: `about` is the nomination request."""
    return request_recipient_may_answer(address=address, organisation=about.organisation)


REQUEST_RECIPIENT = "organisations.request_recipient"  # registered in OrganisationsConfig


def _recipients(organisation, representative) -> list[tuple[str, str]]:
    """Where a request goes, as (address, language): the registry address and the representative."""
    recipients = []
    if organisation.email:
        recipients.append((organisation.email.strip().lower(), organisation.mail_language))
    if representative and representative.email.lower() != organisation.email.lower():
        recipients.append((representative.email.strip().lower(), representative.language))
    return recipients


def _request_drafts(nomination_request, *, representative, template, extra=None):
    """The request's message to each of its addresses, with a sign-in link for each address
    (made when sent); the text is rendered once per language."""
    link = SignInLink.for_recipient(
        next_path=nomination_request.get_absolute_url(), account_rule=REQUEST_RECIPIENT
    )
    drafts, rendered = [], {}
    for address, language in _recipients(nomination_request.organisation, representative):
        if language not in rendered:
            rendered[language] = message_compose(
                to=address,
                template=template,
                context={
                    "round": nomination_request.round,
                    "request": nomination_request,
                    "organisation": nomination_request.organisation,
                    "representative": representative,
                    "link": link,
                    **(extra or {}),
                },
                language=language,
                about=nomination_request,
            )
        drafts.append(dataclasses.replace(rendered[language], recipient=address))
    return drafts


def _mail_request(nomination_request, *, template, extra=None) -> list[str]:
    """Queue the request's email to its registry address and representative; return the
    addresses (none for an organisation that has neither)."""
    drafts = _request_drafts(
        nomination_request,
        representative=_representative_of(nomination_request.organisation),
        template=template,
        extra=extra,
    )
    return [message.recipient for message in messages_queue(drafts)]


def nomination_round_send(*, nomination_round, by) -> int:
    """Create one request per target organisation and queue its emails; sending again adds the
    organisations added since. One transaction, and no SMTP work: the worker sends."""
    with transaction.atomic():
        nomination_round = NominationRound.objects.select_for_update().get(pk=nomination_round.pk)
        if nomination_round.is_closed:
            raise ValidationError(_("The round is closed."))
        existing = set(nomination_round.requests.values_list("organisation_id", flat=True))
        organisations = [
            organisation.pk
            for organisation in Organisation.objects.asked_in(nomination_round).exclude(
                pk__in=existing
            )
        ]
        NominationRequest.objects.bulk_create(
            [NominationRequest(round=nomination_round, organisation_id=pk) for pk in organisations]
        )
        if nomination_round.sent_at is None:
            nomination_round.sent_at = timezone.now()
            nomination_round._history_user = by
            nomination_round.save(update_fields=["sent_at"])
        representatives = {
            contact.organisation_id: contact
            for contact in ContactPerson.objects.current()
            .representatives()
            .filter(organisation__in=organisations)
        }
        created = nomination_round.requests.filter(organisation__in=organisations)
        messages_queue(
            [
                draft
                for request in created.select_related("organisation", "round")
                for draft in _request_drafts(
                    request,
                    representative=representatives.get(request.organisation_id),
                    template="nomination_request",
                )
            ]
        )
    return len(organisations)


def nomination_round_close(*, nomination_round, by):
    """Close the round: answers can no longer be changed."""
    nomination_round.closed_at = timezone.now()
    nomination_round._history_user = by
    nomination_round.save(update_fields=["closed_at"])


EARLIEST_APPOINTMENT = datetime.date(2000, 1, 1)


def check_answer_dates(*, nomination_round, answered_at, appointment_date=None) -> None:
    """Refuse implausible dates: an answer arrives between the round's sending and now; a
    representative is appointed between 2000 and today."""
    now = timezone.now()
    if answered_at > now + datetime.timedelta(minutes=5):
        raise ValidationError({"received_at": _("The time cannot be in the future.")})
    if nomination_round.sent_at and answered_at < nomination_round.sent_at:
        raise ValidationError(
            {
                "received_at": _("The round was sent on %(date)s: an answer cannot be older.")
                % {"date": finnish_date(nomination_round.sent_at, "minute")}
            }
        )
    if appointment_date and not EARLIEST_APPOINTMENT <= appointment_date <= timezone.localdate():
        raise ValidationError(
            {
                "appointment_date": _("Give a date between %(first)s and today.")
                % {"first": finnish_date(EARLIEST_APPOINTMENT)}
            }
        )


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
    language: str = "fi",
) -> NominationRequest:
    """Record an answer. Of two simultaneous answers one stands; the other raises StaleEdit.

    The first answer's time decides whether the organisation answered on time; a later change
    keeps it (and has its own time in `answered_at` and in the history).
    """
    answered_at = answered_at or timezone.now()
    with transaction.atomic():
        locked = (
            NominationRequest.objects.select_for_update()
            .select_related("round", "organisation")
            .get(pk=nomination_request.pk)
        )
        if locked.version != expected_version:
            raise StaleEdit
        if locked.round.is_closed:
            raise ValidationError(_("The round is closed; answers can no longer be changed."))
        check_answer_dates(
            nomination_round=locked.round,
            answered_at=answered_at,
            appointment_date=appointment_date,
        )
        new_representative = None
        if action == NominationAction.CONFIRM:
            _confirm(locked)
        elif action == NominationAction.NAME_NEW:
            new_representative = _name_new(
                locked,
                by=by,
                starts=timezone.localdate(answered_at),
                representative=representative,
                deputy=deputy,
                appointment=(appointed_by_name, appointed_by_title, appointment_date),
            )
        elif action == NominationAction.DECLINE:
            _decline(locked, reason=decline_reason)
        else:
            raise ValidationError(_("Unknown answer."))
        locked.answered_at = answered_at
        locked.first_answered_at = min(filter(None, [locked.first_answered_at, answered_at]))
        locked.answered_by = by
        locked.channel = channel
        locked.version += 1
        locked._history_user = by
        locked.save()

        # Queued with the answer: if it is not saved, no receipt and no invitation go out.
        _send_receipt(locked, by=by, language=language)
        if new_representative is not None:
            member_invite(
                organisation=locked.organisation,
                email=new_representative.email,
                role=Membership.Role.EDITOR,
                by=by,
                language=new_representative.language,
            )
    return locked


def _confirm(locked):
    """Confirm the representative on record; their appointment record stays with them."""
    current = _representative_of(locked.organisation)
    if current is None:
        raise ValidationError(
            _("There is no representative on record to confirm: name one instead.")
        )
    if locked.representative_id != current.pk:
        locked.appointed_by_name = locked.appointed_by_title = ""
        locked.appointment_date = None
    locked.status = NominationRequest.Status.CONFIRMED
    locked.representative = current
    locked.deputy = None
    locked.decline_reason = ""


def _name_new(locked, *, by, starts, representative, deputy, appointment):
    organisation = locked.organisation
    for person in filter(None, [representative, deputy]):
        if is_staff_address(person["email"]):
            raise ValidationError(STAFF_ADDRESS_REFUSED)
    new_representative = contact_person_start(
        organisation=organisation,
        values={**representative, "role": ContactPerson.Role.NETWORK_REPRESENTATIVE},
        by=by,
        starts=starts,
    )
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
    locked.status = NominationRequest.Status.NEW_NAMED
    locked.representative = new_representative
    locked.appointed_by_name, locked.appointed_by_title, locked.appointment_date = appointment
    locked.decline_reason = ""
    return new_representative


def _decline(locked, *, reason):
    locked.status = NominationRequest.Status.DECLINED
    locked.representative = None
    locked.deputy = None
    locked.appointed_by_name = locked.appointed_by_title = ""
    locked.appointment_date = None
    locked.decline_reason = reason


def _send_receipt(nomination_request, *, by, language):
    """The receipt: to the person who answered in Avoin, in the language they answered in, and
    to the registry address, in the organisation's language."""
    organisation = nomination_request.organisation
    recipients = []
    if nomination_request.channel == NominationRequest.Channel.PORTAL:
        recipients.append((by.email, language))
    if organisation.email:
        recipients.append((organisation.email, organisation.mail_language))
    for address, mail_language in recipients:
        send_templated_mail(
            to=[address],
            template="nomination_receipt",
            context={
                "request": nomination_request,
                "round": nomination_request.round,
                "organisation": organisation,
            },
            language=mail_language,
            about=nomination_request,
        )


def nomination_reminders_send(*, today, days_before, days_after) -> list[NominationReminder]:
    """Remind pending organisations on the chosen days around each open round's deadline.

    A request gets at most one reminder a day, however often this runs. A reminder is recorded,
    with its addresses, only when a message was queued to at least one address: an organisation
    with neither a registry address nor a representative gets none (the dashboard lists it).
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
            organisation = nomination_request.organisation
            addresses = [
                address
                for address, _language in _recipients(
                    organisation, _representative_of(organisation)
                )
            ]
            if not addresses:
                continue
            with transaction.atomic():
                reminder, created = NominationReminder.objects.get_or_create(
                    request=nomination_request,
                    sent_on=today,
                    defaults={"recipients": ", ".join(addresses)},
                )
                if not created:
                    continue
                _mail_request(
                    nomination_request,
                    template="nomination_reminder",
                    extra={"is_overdue": offset > 0},
                )
            sent.append(reminder)
    return sent

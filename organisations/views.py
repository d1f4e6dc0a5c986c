from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avoin.collation import name_order
from avoin.concurrency import StaleEdit, entries_over
from avoin.exports import table_response
from avoin.models import OutgoingMessage
from avoin.outbox import message_resend
from avoin.pagination import paginate
from avoin.permissions import is_ministry_team, ministry_team_required, working_group_required
from avoin.security_log import Event, security_event
from avoin.workflow import REFUSED, carry_out

from . import exports
from .access import may_edit, may_view, object_for
from .forms import (
    ContactPersonEditForm,
    ContactPersonForm,
    MemberInviteForm,
    NominationAnswerForm,
    NominationAnswerOnBehalfForm,
    NominationRoundForm,
    OrganisationFilterForm,
)
from .models import (
    NominationAction,
    NominationRequest,
    NominationRound,
    Organisation,
    contacts_token,
)
from .presenters import RoundDashboard, contact_history, membership_history, organisation_history
from .services import members, nominations

PAGE_SIZE = 25
STALE_CONTACTS = gettext_lazy(
    "Someone else changed the contact persons while you were filling in the form; nothing of "
    "yours was saved. The organisation's page shows their change. Your entries are still in "
    "the form if you want to send them again."
)


@login_not_required
def organisation_list(request):
    """The directory of organisations: search, filters and pagination."""
    form = OrganisationFilterForm(request.GET)
    organisations = Organisation.objects.with_public_relations().in_name_order()
    organisations = form.filter(organisations) if form.is_valid() else organisations.none()
    page, query = paginate(request, organisations, PAGE_SIZE)
    return render(
        request,
        "organisations/organisation_list.html",
        {"form": form, "page": page, "query": query},
    )


@login_not_required
def organisation_detail(request, pk):
    """An organisation's public facts; its members and the ministry also see its contacts."""
    organisation = get_object_or_404(Organisation.objects.with_public_relations(), pk=pk)
    context = {
        "organisation": organisation,
        "predecessions": organisation.succeeds.select_related("predecessor"),
        "county_municipalities": (
            organisation.county_municipalities.in_name_order()
            if organisation.is_wellbeing_county
            else None
        ),
        "branch_agencies": (
            organisation.branch_agencies.order_by(
                F("valid_to").desc(nulls_first=True), name_order(), "pk"
            )
            if organisation.is_ministry
            else None
        ),
    }
    if may_view(request.user, organisation):
        context.update(_private_context(request.user, organisation))
    return render(request, "organisations/organisation_detail.html", context)


def _private_context(user, organisation):
    return {
        "show_private": True,
        "can_edit": may_edit(user, organisation),
        "current_contacts": organisation.contact_persons.current(),
        "history": contact_history(organisation),
        "member_history": membership_history(organisation),
        "organisation_history": organisation_history(organisation),
        "members": organisation.memberships.select_related("user"),
        "nomination_requests": organisation.nomination_requests.select_related("round").order_by(
            "-round__deadline"
        ),
    }


def contact_create(request, pk):
    """Add a contact person; a new representative or deputy ends the previous one."""
    organisation = object_for(request, Organisation.objects, pk=pk, edit=True)
    form = ContactPersonForm(request.POST or None, organisation=organisation)
    if form.is_valid():
        values = {key: value for key, value in form.cleaned_data.items() if key != "contacts"}
        try:
            members.contact_person_start(
                organisation=organisation,
                values=values,
                by=request.user,
                expected_contacts=form.cleaned_data["contacts"],
            )
        except StaleEdit:
            messages.error(request, STALE_CONTACTS)
            form = ContactPersonForm(
                entries_over(form, contacts_token(organisation)), organisation=organisation
            )
        else:
            messages.success(request, _("The contact person was saved."))
            return redirect(organisation)
    return render(
        request,
        "organisations/contact_form.html",
        {"organisation": organisation, "form": form},
    )


def contact_update(request, pk, contact_pk):
    """Correct a current contact's details (a different person is a new contact)."""
    organisation = object_for(request, Organisation.objects, pk=pk, edit=True)
    contact = get_object_or_404(organisation.contact_persons.current(), pk=contact_pk)
    form = ContactPersonEditForm(request.POST or None, instance=contact)
    if form.is_valid():
        try:
            form.save()
        except StaleEdit:
            messages.error(request, STALE_CONTACTS)
            contact.refresh_from_db()
            form = ContactPersonEditForm(entries_over(form, contact.version), instance=contact)
        else:
            messages.success(request, _("The contact person was saved."))
            return redirect(organisation)
    return render(
        request,
        "organisations/contact_form.html",
        {"organisation": organisation, "form": form, "contact": contact},
    )


@require_POST
def contact_end(request, pk, contact_pk):
    """End a deputy's or other contact's term; the history keeps it."""
    organisation = object_for(request, Organisation.objects, pk=pk, edit=True)
    contact = get_object_or_404(organisation.contact_persons.current(), pk=contact_pk)
    carry_out(
        request,
        lambda: members.contact_person_end(contact=contact, by=request.user),
        done=_("The contact person's term was ended."),
    )
    return redirect(organisation)


def member_invite(request, pk):
    """Invite a person to the organisation: they get an emailed sign-in link."""
    organisation = object_for(request, Organisation.objects, pk=pk, edit=True)
    form = MemberInviteForm(request.POST or None)
    if form.is_valid():
        try:
            members.member_invite(
                organisation=organisation, by=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The invitation is on its way by email."))
            return redirect(organisation)
    return render(
        request, "organisations/member_invite.html", {"organisation": organisation, "form": form}
    )


# --- Nomination rounds (ministry team) ----------------------------------------------------------


@working_group_required
def nomination_round_list(request):
    """The nomination rounds with their answer counts."""
    return render(
        request,
        "organisations/nomination_round_list.html",
        {
            "rounds": NominationRound.objects.with_answer_counts(),
            "can_manage": is_ministry_team(request.user),
        },
    )


@ministry_team_required
def nomination_round_create(request):
    """A new round; it is sent separately, after a look at whom it goes to."""
    form = NominationRoundForm(request.POST or None)
    if form.is_valid():
        nomination_round = form.save(commit=False)
        nomination_round.created_by = request.user
        nomination_round.save()
        messages.success(request, _("The round was created. Check it and send it."))
        return redirect(nomination_round)
    return render(request, "organisations/nomination_round_form.html", {"form": form})


@working_group_required
def nomination_round_detail(request, pk):
    """The round: before sending, whom it reaches; after, its figures and pending requests."""
    nomination_round = get_object_or_404(NominationRound.objects.with_email_counts(), pk=pk)
    return render(
        request,
        "organisations/nomination_round_detail.html",
        {
            "round": nomination_round,
            "dashboard": RoundDashboard(nomination_round, query=request.GET),
            "can_manage": is_ministry_team(request.user),
        },
    )


@ministry_team_required
@require_POST
def nomination_round_send(request, pk):
    """Send the round: one request per target organisation, each emailed by the worker."""
    nomination_round = get_object_or_404(NominationRound, pk=pk)
    count = carry_out(
        request,
        lambda: nominations.nomination_round_send(
            nomination_round=nomination_round, by=request.user
        ),
    )
    if count is REFUSED:
        return redirect(nomination_round)
    unreachable = Organisation.objects.filter(
        nomination_requests__round=nomination_round
    ).unreachable()
    if unreachable_count := unreachable.count():
        messages.warning(request, _unreachable_message(unreachable_count))
    messages.success(
        request,
        ngettext(
            "A request to %(count)s organisation is queued for sending.",
            "Requests to %(count)s organisations are queued for sending.",
            count,
        )
        % {"count": count},
    )
    return redirect(nomination_round)


@ministry_team_required
@require_POST
def nomination_message_resend(request, pk, message_pk):
    """Queue again an email of the round that could not be delivered."""
    nomination_round = get_object_or_404(NominationRound, pk=pk)
    message = get_object_or_404(
        OutgoingMessage.objects.about(nomination_round.requests.all()), pk=message_pk
    )
    if message_resend(message=message, by=request.user):
        messages.success(
            request,
            _("The email to %(address)s is queued again.") % {"address": message.recipient},
        )
    else:
        messages.info(request, _("That email had not failed, so it was not queued again."))
    return redirect(nomination_round)


def _unreachable_message(count):
    return ngettext(
        "%(count)s organisation has no email address on record and got no "
        "message: add its registry address or representative.",
        "%(count)s organisations have no email address on record and got no "
        "message: add their registry addresses or representatives.",
        count,
    ) % {"count": count}


@ministry_team_required
@require_POST
def nomination_round_close(request, pk):
    """Close the round: answers can no longer be changed."""
    nomination_round = get_object_or_404(NominationRound, pk=pk)
    nominations.nomination_round_close(nomination_round=nomination_round, by=request.user)
    messages.success(request, _("The round was closed."))
    return redirect(nomination_round)


@ministry_team_required
def nomination_round_export(request, pk, file_format):
    """The network as CSV or XLSX: organisation, representative, deputy, answer."""
    nomination_round = get_object_or_404(NominationRound, pk=pk)
    header, rows = exports.network_rows(nomination_round)
    stamp = timezone.localdate().isoformat()
    security_event(Event.PERSONAL_DATA_EXPORTED, request=request, what="network", round=int(pk))
    return table_response(
        header,
        rows,
        file_format=file_format,
        filename=f"network-round-{nomination_round.pk}-{stamp}",
        sheet="Network",
    )


# --- Nomination requests (organisation members) -------------------------------------------------


def nomination_request_detail(request, pk):
    """The organisation's request: the representative on record and the answer form."""
    nomination_request = object_for(
        request, NominationRequest.objects.select_related("round", "organisation"), pk=pk
    )
    can_answer = may_edit(request.user, nomination_request.organisation)
    if request.method == "POST" and not can_answer:
        raise PermissionDenied
    form = _answer_form(request.user, nomination_request, request.POST or None)
    if request.method == "POST":
        if not nomination_request.round.is_open:
            messages.error(request, _("The round is closed; answers can no longer be changed."))
        elif form.is_valid():
            form = _answer(request, nomination_request, form)
            if form is None:
                messages.success(request, _answer_saved(request.user))
                return redirect(nomination_request)
    history = nomination_request.history.select_related("history_user", "representative")
    return render(
        request,
        "organisations/nomination_request_detail.html",
        {
            "request_obj": nomination_request,
            "organisation": nomination_request.organisation,
            "representative": _representative(nomination_request),
            "form": form,
            "can_answer": can_answer and nomination_request.round.is_open,
            "on_behalf": is_ministry_team(request.user),
            "answers": NominationAction,
            "versions": history.exclude(status=NominationRequest.Status.PENDING),
            "now": timezone.now(),
        },
    )


def _answer_saved(user):
    if is_ministry_team(user):
        return _(
            "The answer was recorded on the organisation's behalf. A receipt was sent to its "
            "registry address, if it has one."
        )
    return _("Thank you. Your answer was saved; a receipt is on its way.")


def _representative(nomination_request):
    return nomination_request.organisation.contact_persons.current().representatives().first()


def _answer_form(user, nomination_request, data):
    form_class = NominationAnswerOnBehalfForm if is_ministry_team(user) else NominationAnswerForm
    return form_class(
        data,
        initial={"version": nomination_request.version},
        has_representative=_representative(nomination_request) is not None,
    )


def _answer(request, nomination_request, form):
    """Record the answer and return None; or return the form to show again, with the error that
    refused it or, after someone else's answer, with the person's entries and the new version."""
    try:
        nominations.nomination_answer(
            nomination_request=nomination_request,
            by=request.user,
            language=get_language(),
            **form.answer(),
        )
    except StaleEdit:
        messages.error(
            request,
            _(
                "Someone else answered this request while you were filling in the form. "
                "Their answer is shown below; nothing of yours was saved. Your entries are "
                "still in the form if you want to send them instead."
            ),
        )
        nomination_request.refresh_from_db()
        return _answer_form(
            request.user, nomination_request, entries_over(form, nomination_request.version)
        )
    except ValidationError as error:
        form.add_error(None, error)
        return form
    return None

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from avoin.pagination import paginate
from avoin.permissions import (
    can_edit_organisation,
    can_view_organisation,
    is_ministry_team,
    ministry_team_required,
    organisation_for,
    visible_organisations,
    working_group_required,
)

from . import exports
from .forms import (
    ContactPersonEditForm,
    ContactPersonForm,
    MemberInviteForm,
    NominationAnswerForm,
    NominationAnswerOnBehalfForm,
    NominationRoundForm,
    OrganisationFilterForm,
)
from .models import ContactPerson, NominationRequest, NominationRound, Organisation
from .presenters import contact_history, organisation_history, round_dashboard
from .services import members, nominations
from .services.nominations import ConcurrentAnswer

PAGE_SIZE = 25


@login_not_required
def organisation_list(request):
    """The directory of organisations: search, filters and pagination."""
    form = OrganisationFilterForm(request.GET)
    organisations = Organisation.objects.with_public_relations()
    if form.is_valid():
        organisations = form.filter(organisations)
    else:
        organisations = organisations.none()
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
            organisation.county_municipalities.all()
            if organisation.kind == Organisation.Kind.WELLBEING_COUNTY
            else None
        ),
        "branch_agencies": (
            organisation.branch_agencies.order_by(F("valid_to").desc(nulls_first=True), "name_fi")
            if organisation.kind == Organisation.Kind.MINISTRY
            else None
        ),
    }
    if can_view_organisation(request.user, organisation):
        contacts = ContactPerson.objects.for_organisation(organisation)
        context.update(
            {
                "show_private": True,
                "can_edit": can_edit_organisation(request.user, organisation),
                "current_contacts": contacts.current(),
                "history": contact_history(organisation),
                "organisation_history": organisation_history(organisation),
                "members": organisation.memberships.select_related("user"),
                "nomination_requests": organisation.nomination_requests.select_related(
                    "round"
                ).order_by("-round__deadline"),
            }
        )
    return render(request, "organisations/organisation_detail.html", context)


def contact_create(request, pk):
    """Add a contact person; a new representative or deputy ends the previous one."""
    organisation = organisation_for(request, pk, edit=True)
    form = ContactPersonForm(request.POST or None)
    if form.is_valid():
        members.contact_person_start(
            organisation=organisation, values=form.cleaned_data, by=request.user
        )
        messages.success(request, _("The contact person was saved."))
        return redirect(organisation)
    return render(
        request,
        "organisations/contact_form.html",
        {"organisation": organisation, "form": form},
    )


def contact_update(request, pk, contact_pk):
    """Correct a current contact's details (a different person is a new contact)."""
    organisation = organisation_for(request, pk, edit=True)
    contact = get_object_or_404(
        ContactPerson.objects.for_organisation(organisation).current(), pk=contact_pk
    )
    form = ContactPersonEditForm(request.POST or None, instance=contact)
    if form.is_valid():
        form.save()
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
    organisation = organisation_for(request, pk, edit=True)
    contact = get_object_or_404(
        ContactPerson.objects.for_organisation(organisation).current(), pk=contact_pk
    )
    try:
        members.contact_person_end(contact=contact, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The contact person's term was ended."))
    return redirect(organisation)


def member_invite(request, pk):
    """Invite a person to the organisation: they get an emailed sign-in link."""
    organisation = organisation_for(request, pk, edit=True)
    form = MemberInviteForm(request.POST or None)
    if form.is_valid():
        members.member_invite(
            organisation=organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            language=form.cleaned_data["language"],
            invited_by=request.user,
        )
        messages.success(request, _("The invitation was sent."))
        return redirect(organisation)
    return render(
        request, "organisations/member_invite.html", {"organisation": organisation, "form": form}
    )


# --- Nomination rounds (ministry team) ----------------------------------------------------------


@working_group_required
def nomination_round_list(request):
    """The nomination rounds with their answer counts."""
    rounds = NominationRound.objects.annotate(
        request_count=Count("requests"),
        answered_count=Count("requests", filter=~Q(requests__status="pending")),
    )
    return render(
        request,
        "organisations/nomination_round_list.html",
        {"rounds": rounds, "can_manage": is_ministry_team(request.user)},
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
    """The round: before sending, whom it reaches; after, the answers by status, branch and day."""
    nomination_round = get_object_or_404(NominationRound, pk=pk)
    targets = Organisation.objects.asked_in(nomination_round)
    context = {
        "round": nomination_round,
        "target_count": targets.count(),
        "can_manage": is_ministry_team(request.user),
    }
    if not nomination_round.is_sent:
        unreachable = nominations.unreachable_organisations(targets).select_related("ministry")
        context["unreachable"] = list(unreachable)
        context["reached_count"] = context["target_count"] - len(context["unreachable"])
        return render(request, "organisations/nomination_round_detail.html", context)
    context.update(round_dashboard(nomination_round))
    return render(request, "organisations/nomination_round_detail.html", context)


@ministry_team_required
@require_POST
def nomination_round_send(request, pk):
    """Send the round: one request per target organisation, each emailed."""
    nomination_round = get_object_or_404(NominationRound, pk=pk)
    try:
        count = nominations.nomination_round_send(
            nomination_round=nomination_round, by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        unreachable = nominations.unreachable_organisations(
            Organisation.objects.filter(nomination_requests__round=nomination_round)
        ).count()
        if unreachable:
            messages.warning(
                request,
                ngettext(
                    "%(count)s organisation has no email address on record and got no "
                    "message: add its registry address or representative.",
                    "%(count)s organisations have no email address on record and got no "
                    "message: add their registry addresses or representatives.",
                    unreachable,
                )
                % {"count": unreachable},
            )
        messages.success(
            request,
            ngettext(
                "A request was sent to %(count)s organisation.",
                "Requests were sent to %(count)s organisations.",
                count,
            )
            % {"count": count},
        )
    return redirect(nomination_round)


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
    return exports.network_response(nomination_round, file_format)


# --- Nomination requests (organisation members) -------------------------------------------------


def nomination_request_detail(request, pk):
    """The organisation's request: the representative on record and the answer form."""
    nomination_request = get_object_or_404(
        NominationRequest.objects.select_related("round", "organisation").filter(
            organisation__in=visible_organisations(request.user)
        ),
        pk=pk,
    )
    organisation = nomination_request.organisation
    on_behalf = is_ministry_team(request.user)
    if request.method == "POST" and not can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    representative = nominations.representative_of(organisation)
    form_class = NominationAnswerOnBehalfForm if on_behalf else NominationAnswerForm
    form = form_class(
        request.POST or None,
        initial={"version": nomination_request.version},
        has_representative=representative is not None,
    )
    can_answer = nomination_request.round.is_open and can_edit_organisation(
        request.user, organisation
    )
    if request.method == "POST" and form.is_valid() and can_answer:
        try:
            nominations.nomination_answer(
                nomination_request=nomination_request, by=request.user, **form.answer()
            )
        except ConcurrentAnswer:
            messages.error(
                request,
                _(
                    "Someone else answered this request while you were filling in the form. "
                    "Their answer is shown below; nothing of yours was saved. Your entries are "
                    "still in the form if you want to send them instead."
                ),
            )
            nomination_request.refresh_from_db()
            representative = nominations.representative_of(organisation)
            data = request.POST.copy()
            data["version"] = nomination_request.version
            form = form_class(data, has_representative=representative is not None)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your answer was saved and a receipt was sent."))
            return redirect(nomination_request)
    elif request.method == "POST" and not nomination_request.round.is_open:
        messages.error(request, _("The round is closed; answers can no longer be changed."))
    versions = nomination_request.history.select_related("history_user", "representative")
    return render(
        request,
        "organisations/nomination_request_detail.html",
        {
            "request_obj": nomination_request,
            "organisation": organisation,
            "representative": representative,
            "form": form,
            "can_answer": can_answer,
            "on_behalf": on_behalf,
            "versions": versions.exclude(status="pending"),
            "now": timezone.now(),
        },
    )

"""Managing an organisation's members: its editors and the ministry team (issue 13)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avoin.permissions import is_ministry_team, ministry_team_required
from avoin.workflow import carry_out

from .access import object_for
from .forms import MemberChangeForm, MemberRemoveForm
from .models import Organisation
from .presenters import membership_history
from .services import members


def _member(request, pk, member_pk):
    """The organisation the user may edit (else 404/403) and one of its memberships."""
    organisation = object_for(request, Organisation.objects, pk=pk, edit=True)
    membership = get_object_or_404(
        organisation.memberships.select_related("user", "organisation"), pk=member_pk
    )
    return organisation, membership


def member_list(request, pk):
    """The organisation's members: who they are, who invited them, when they last signed in."""
    organisation = object_for(request, Organisation.objects, pk=pk, edit=True)
    return render(
        request,
        "organisations/member_list.html",
        {
            "organisation": organisation,
            "members": organisation.memberships.select_related("user", "invited_by").order_by(
                "user__email", "pk"
            ),
            "member_history": membership_history(organisation),
            "is_ministry_team": is_ministry_team(request.user),
        },
    )


def _change(form, call):
    """Run the service for a valid form; its refusals show beside the fields."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def member_update(request, pk, member_pk):
    """Change a member's role; the last editor steps down only by naming another."""
    organisation, membership = _member(request, pk, member_pk)
    form = MemberChangeForm(
        request.POST or None,
        membership=membership,
        needs_successor=members.member_needs_successor(membership, by=request.user),
    )
    if request.method == "POST" and _change(
        form,
        lambda data: members.member_role_change(
            membership=membership, by=request.user, request=request, **data
        ),
    ):
        messages.success(request, _("The member's role was changed."))
        return redirect("organisations:member_list", organisation.pk)
    return render(
        request,
        "organisations/member_update.html",
        {"organisation": organisation, "membership": membership, "form": form},
    )


def member_remove(request, pk, member_pk):
    """Remove a member (after a confirmation page); the last editor names another first."""
    organisation, membership = _member(request, pk, member_pk)
    leaving = membership.user_id == request.user.pk
    form = MemberRemoveForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        needs_successor=members.member_needs_successor(membership, by=request.user),
    )
    if request.method == "POST" and _change(
        form,
        lambda data: members.member_remove(
            membership=membership, by=request.user, request=request, **data
        ),
    ):
        messages.success(request, _("The member was removed."))
        if leaving and not is_ministry_team(request.user):
            return redirect("account_home")
        return redirect("organisations:member_list", organisation.pk)
    return render(
        request,
        "organisations/member_remove.html",
        {"organisation": organisation, "membership": membership, "form": form},
    )


@ministry_team_required
@require_POST
def user_deactivate(request, user_pk):
    """Close an account: it signs in no more and all its sessions end at once."""
    user = get_object_or_404(get_user_model(), pk=user_pk, is_active=True)
    carry_out(
        request,
        lambda: members.user_deactivate(user=user, by=request.user, request=request),
        done=_("The account was deactivated and its sessions ended."),
    )
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("account_home")

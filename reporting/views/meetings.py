"""The working group's meetings: the team schedules and records them (agenda, minutes,
decisions, action items) and prepares and freezes the pack; the working group reads them."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.permissions import is_ministry_team, ministry_team_required, working_group_required
from reporting.forms.meetings import ActionItemForm, DecisionForm, MeetingForm
from reporting.models import ActionItem, Decision, Meeting

CONCERNS = ("measure", "action")


def _meetings():
    return Meeting.objects.select_related("period")


@working_group_required
def meeting_list(request):
    """Upcoming and past working-group meetings."""
    today = timezone.localdate()
    context = {
        "upcoming": _meetings().upcoming(today),
        "past": _meetings().past(today),
        "can_edit": is_ministry_team(request.user),
    }
    return render(request, "reporting/meetings/meeting_list.html", context)


@ministry_team_required
def meeting_create(request):
    """Schedule a meeting."""
    return _meeting_form(request, Meeting())


@ministry_team_required
def meeting_update(request, pk):
    """Change a meeting's date, place, period, agenda or minutes."""
    return _meeting_form(request, get_object_or_404(Meeting, pk=pk))


def _meeting_form(request, meeting):
    form = MeetingForm(request.POST or None, instance=meeting)
    if form.is_valid():
        meeting = form.save()
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    return render(request, "reporting/meetings/meeting_form.html", {"form": form})


@working_group_required
def meeting_detail(request, pk):
    """A meeting: when and where, agenda, minutes, decisions, action items (its own and those
    carried over from earlier meetings) and its pack."""
    items = ActionItem.objects.select_related(*CONCERNS)
    meeting = get_object_or_404(
        _meetings().prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related(*CONCERNS)),
            Prefetch("action_items", queryset=items),
        ),
        pk=pk,
    )
    context = {
        "meeting": meeting,
        "carried_over": items.carried_to(meeting).select_related("meeting"),
        "can_edit": is_ministry_team(request.user),
    }
    return render(request, "reporting/meetings/meeting_detail.html", context)


@ministry_team_required
def decision_create(request, pk):
    """Record a decision of the meeting."""
    meeting = get_object_or_404(Meeting, pk=pk)
    return _item_form(request, meeting, DecisionForm, Decision(meeting=meeting))


@ministry_team_required
def decision_update(request, pk, item_pk):
    """Correct a decision."""
    decision = get_object_or_404(Decision.objects.select_related("meeting"), meeting=pk, pk=item_pk)
    return _item_form(request, decision.meeting, DecisionForm, decision)


@ministry_team_required
def action_item_create(request, pk):
    """Record an action item of the meeting."""
    meeting = get_object_or_404(Meeting, pk=pk)
    return _item_form(request, meeting, ActionItemForm, ActionItem(meeting=meeting))


@ministry_team_required
def action_item_update(request, pk, item_pk):
    """Change an action item: its status above all."""
    item = get_object_or_404(ActionItem.objects.select_related("meeting"), meeting=pk, pk=item_pk)
    return _item_form(request, item.meeting, ActionItemForm, item)


def _item_form(request, meeting, form_class, instance):
    form = form_class(request.POST or None, instance=instance)
    if form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(meeting)
    context = {"meeting": meeting, "form": form, "item": instance}
    template = (
        "reporting/meetings/decision_form.html"
        if form_class is DecisionForm
        else "reporting/meetings/action_item_form.html"
    )
    return render(request, template, context)

"""The Open Government Team's own actions: the team records where each stands, its update for
each period and its milestones; the working group reads them."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from avoin.concurrency import StaleEdit, entries_over
from avoin.permissions import is_ministry_team, ministry_team_required, working_group_required
from commitments.models import Action
from reporting.forms.actions import ActionProgressForm, MilestoneForm
from reporting.forms.figures import PeriodChoiceForm
from reporting.models import ActionProgress, Milestone, ReportingPeriod
from reporting.presenters.actions import progress_history, team_actions
from reporting.services import actions as services

STALE_PROGRESS = gettext_lazy(
    "Someone else saved this action while you were filling in the form; nothing of yours was "
    "saved. Your entries are still in the form: compare them and save again."
)


@working_group_required
def action_progress_list(request):
    """The team's 25 actions: status, completion, milestones and latest update."""
    context = {"measures": team_actions(), "can_edit": is_ministry_team(request.user)}
    return render(request, "reporting/action_progress_list.html", context)


def _edit_url(action, period):
    return reverse("reporting:action_progress_update", args=[action.code]) + f"?period={period.pk}"


@ministry_team_required
def action_progress_update(request, code):
    """Where an action stands, the team's update for a chosen period, and its milestones."""
    action = get_object_or_404(Action.objects.select_related("measure"), code=code)
    chooser = PeriodChoiceForm(
        request.GET or None,
        periods=ReportingPeriod.objects.filter(starts_on__lte=timezone.localdate()).order_by(
            "-starts_on"
        ),
        default=services.current_period(),
    )
    period = chooser.chosen()
    if period is None:
        raise Http404("No reporting periods have been loaded.")
    form = _progress_form(action, period, request.POST or None)
    if form.is_valid():
        form, saved = _save(request, action, period, form)
        if saved:
            messages.success(request, _("The action's progress and update were saved."))
            return redirect(_edit_url(action, period))
    context = {
        "action": action,
        "period": period,
        "chooser": chooser,
        "form": form,
        "milestones": action.milestones.all(),
        "history": progress_history(ActionProgress.objects.filter(action=action).first()),
    }
    return render(request, "reporting/action_progress_form.html", context)


def _save(request, action, period, form):
    """Save the form through the service: (form, True), or the form again over the version
    saved meanwhile and False."""
    try:
        services.action_progress_update(
            action=action,
            values=form.progress_values(),
            by=request.user,
            period=period,
            expected_version=form.cleaned_data["version"],
            **form.notes(),
        )
    except StaleEdit:
        messages.error(request, STALE_PROGRESS)
        now = _progress_form(action, period, None).initial["version"]
        return _progress_form(action, period, entries_over(form, now)), False
    return form, True


def _progress_form(action, period, data):
    progress = ActionProgress.objects.filter(action=action).first()
    update = action.updates.filter(period=period).first()
    return ActionProgressForm(data, initial=ActionProgressForm.initial_for(progress, update))


@ministry_team_required
def milestone_create(request, code):
    """Add a milestone to an action."""
    action = get_object_or_404(Action, code=code)
    return _milestone_form(request, action, Milestone(action=action))


@ministry_team_required
def milestone_update(request, code, pk):
    """Change a milestone's title, due date or done date."""
    milestone = get_object_or_404(
        Milestone.objects.select_related("action"), action__code=code, pk=pk
    )
    return _milestone_form(request, milestone.action, milestone)


def _milestone_form(request, action, milestone):
    form = MilestoneForm(request.POST or None, instance=milestone)
    if form.is_valid():
        services.milestone_save(milestone=form.instance, by=request.user)
        messages.success(request, _("The milestone was saved."))
        return redirect("reporting:action_progress_update", action.code)
    context = {"action": action, "milestone": milestone, "form": form}
    return render(request, "reporting/milestone_form.html", context)


@ministry_team_required
@require_POST
def milestone_done(request, code, pk):
    """Mark a milestone done today."""
    milestone = get_object_or_404(Milestone, action__code=code, pk=pk)
    services.milestone_done(milestone=milestone, by=request.user)
    messages.success(request, _("The milestone was marked done."))
    return redirect("reporting:action_progress_update", code)

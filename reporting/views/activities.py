"""Activities an organisation logs to be counted: its list with the Easy Language inventory,
choosing a kind, logging one, its page with history, and changing it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avoin.concurrency import StaleEdit, entries_over
from avoin.pagination import paginate
from avoin.permissions import is_ministry_team
from organisations.access import may_edit, object_for
from organisations.models import Channel, Organisation
from reporting.activity_kinds import KINDS, kinds_for
from reporting.forms.activities import ActivityFilterForm, activity_form_class
from reporting.models import Activity, ActivityKind
from reporting.presenters.activities import activity_facts, activity_history
from reporting.services import activities as services

PAGE_SIZE = 25
STALE_ACTIVITY = gettext_lazy(
    "Someone else saved this activity while you were editing it; nothing of yours was saved. "
    "Your entries are still in the form: compare them with the activity's page and send again."
)


def activity_list(request, organisation_pk):
    """An organisation's activities, filtered by kind and period, and its inventory's progress."""
    organisation = object_for(request, Organisation.objects, pk=organisation_pk)
    kinds = kinds_for(organisation)
    form = ActivityFilterForm(request.GET, kinds=kinds)
    activities = organisation.activities.select_related("period", "training", "event")
    activities = form.filter(activities) if form.is_valid() else activities.none()
    page, query = paginate(request, activities, PAGE_SIZE)
    context = {
        "organisation": organisation,
        "form": form,
        "page": page,
        "query": query,
        "can_log": may_edit(request.user, organisation),
        "inventory": services.easy_language_inventory(organisation=organisation)
        if any(spec.kind == ActivityKind.EASY_LANGUAGE_ITEM for spec in kinds)
        else None,
    }
    return render(request, "reporting/activities/activity_list.html", context)


def activity_choose(request, organisation_pk):
    """The kinds of activity this organisation may log, to choose one."""
    organisation = object_for(request, Organisation.objects, pk=organisation_pk, edit=True)
    return render(
        request,
        "reporting/activities/activity_choose.html",
        {"organisation": organisation, "kinds": kinds_for(organisation)},
    )


def activity_create(request, organisation_pk, kind):
    """Log an activity of one kind; a likely duplicate is shown and must be confirmed."""
    organisation = object_for(request, Organisation.objects, pk=organisation_pk, edit=True)
    spec = KINDS.get(kind)
    if spec is None or not spec.allows(organisation):
        raise Http404
    form = _form(request, spec.kind, organisation, request.POST or None)
    if form.is_valid():
        activity = _save(request, form, organisation)
        if activity is not None:
            messages.success(request, _("The activity was logged."))
            return redirect(activity)
    context = {"organisation": organisation, "spec": spec, "form": form}
    return render(request, "reporting/activities/activity_form.html", context)


def activity_detail(request, pk):
    """One activity: its facts, what it counts toward, and its history."""
    activity = object_for(
        request,
        Activity.objects.select_related(
            "organisation", "period", "measure", "recommendation__measure", "entered_by"
        ),
        pk=pk,
    )
    context = {
        "activity": activity,
        "facts": activity_facts(activity),
        "history": activity_history(activity),
        "can_change": may_edit(request.user, activity)
        and services.may_change(period=activity.period, by=request.user),
    }
    return render(request, "reporting/activities/activity_detail.html", context)


def activity_update(request, pk):
    """Change an activity; a change made meanwhile in another tab is never overwritten."""
    activity = object_for(
        request, Activity.objects.select_related("organisation", "period"), pk=pk, edit=True
    )
    if not services.may_change(period=activity.period, by=request.user):
        raise PermissionDenied
    organisation = activity.organisation
    form = _form(request, activity.kind, organisation, request.POST or None, activity)
    if form.is_valid():
        try:
            saved = _save(request, form, organisation, instance=activity)
        except StaleEdit:
            messages.error(request, STALE_ACTIVITY)
            activity.refresh_from_db()
            form = _form(
                request, activity.kind, organisation, entries_over(form, activity.version), activity
            )
        else:
            if saved is not None:
                messages.success(request, _("The activity was saved."))
                return redirect(saved)
    context = {"organisation": organisation, "spec": KINDS[activity.kind], "form": form}
    return render(
        request, "reporting/activities/activity_form.html", {**context, "activity": activity}
    )


def _form(request, kind, organisation, data, instance=None):
    return activity_form_class(kind)(
        data,
        instance=instance,
        organisation=organisation,
        user=request.user,
        on_behalf=is_ministry_team(request.user),
        initial=None if instance else {"language": request.LANGUAGE_CODE},
    )


def _save(request, form, organisation, instance=None):
    """The saved activity, or None with the service's objection on the form."""
    try:
        return services.activity_save(
            organisation=organisation,
            kind=form.spec.kind,
            values=form.values(),
            by=request.user,
            instance=instance,
            expected_version=form.cleaned_data["version"] if instance else None,
            channel=form.cleaned_data.get("channel") or Channel.PORTAL,
        )
    except ValidationError as error:
        form.add_error(None, error.messages)
        return None

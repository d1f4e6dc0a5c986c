"""Participation-quality feedback: the organiser's link and results, the participant's
anonymous form, and the team's and working group's figures (docs/adr/0043)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from avoin.pagination import paginate
from avoin.permissions import working_group_required
from organisations.access import may_edit, object_for
from reporting.forms.feedback import FeedbackForm, started_stamp
from reporting.models import MIN_ANSWERS, Activity, FeedbackAnswer, FeedbackLink
from reporting.presenters.feedback import feedback_tables
from reporting.services import feedback as services

ANSWERED_COOKIE = "avoin_feedback_{token}"
ANSWERED_MAX_AGE = 365 * 24 * 60 * 60
PAGE_SIZE = 25


def _activity(request, pk, *, edit=False):
    activity = object_for(
        request, Activity.objects.select_related("organisation", "measure"), pk=pk, edit=edit
    )
    if not services.may_ask_feedback(activity):
        raise Http404("Feedback is asked about dialogues and academies.")
    return activity


def feedback_link(request, pk):
    """The activity's feedback link to share, and its results so far."""
    activity = _activity(request, pk)
    link = FeedbackLink.objects.filter(activity=activity).first()
    answers = FeedbackAnswer.objects.filter(link__activity=activity)
    figures = services.feedback_figures(answers, "link__activity")
    context = {
        "activity": activity,
        "link": link,
        "link_url": request.build_absolute_uri(link.get_absolute_url()) if link else "",
        "figures": figures[0] if figures else None,
        "can_create": may_edit(request.user, activity),
        "min_answers": MIN_ANSWERS,
    }
    return render(request, "reporting/feedback/link.html", context)


@require_POST
def feedback_link_create(request, pk):
    """Create the feedback link of an activity."""
    activity = _activity(request, pk, edit=True)
    services.feedback_link_create(activity=activity, by=request.user)
    messages.success(request, _("The feedback link was created. Share it with the participants."))
    return redirect("reporting:feedback_link", activity.pk)


@login_not_required
@never_cache
@ratelimit(key="ip", rate=settings.FEEDBACK_RATE, method="POST", block=False)
def feedback_answer(request, token):
    """The participant's anonymous form: no sign-in, one answer per browser where possible."""
    if getattr(request, "limited", False):
        return render(request, "reporting/feedback/limited.html", status=429)
    link = get_object_or_404(FeedbackLink.objects.select_related("activity"), token=token)
    cookie = ANSWERED_COOKIE.format(token=token)
    if request.COOKIES.get(cookie):
        return render(request, "reporting/feedback/answered.html", {"link": link})
    form = FeedbackForm(request.POST or None, token=token, instance=FeedbackAnswer(link=link))
    if form.is_valid():
        services.feedback_answer_save(answer=form.instance)
        response = render(
            request, "reporting/feedback/answered.html", {"link": link, "thanks": True}
        )
        response.set_cookie(
            cookie,
            "1",
            max_age=ANSWERED_MAX_AGE,
            path=link.get_absolute_url(),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
        return response
    context = {"link": link, "form": form, "started": started_stamp(token)}
    return render(request, "reporting/feedback/answer_form.html", context)


@working_group_required
def feedback_results(request):
    """The figures per activity, kind of organisation and measure, with the answer counts."""
    tables = feedback_tables()
    page, query = paginate(request, tables.pop("by_activity"), PAGE_SIZE)
    return render(
        request, "reporting/feedback/results.html", {**tables, "page": page, "query": query}
    )

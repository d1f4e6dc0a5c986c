"""What reporting shows on other apps' pages, through `avoin.contributions`."""

from django.urls import reverse
from django.utils.http import urlencode

from .models import GoodPractice, ReportingPeriod
from .presenters.figures import ActionSummary, MeasureActivitiesProgress, RecommendationProgress

# A page about something else shows this many of its latest practices and links to the rest.
LATEST_PRACTICES = 5


def _latest_practices(practices, **library_filter):
    """The latest few published practices, whether there are more, and the library filtered
    to all of them: the same queries however many there are (one more row read, no count)."""
    latest = list(practices.published().with_list_relations()[: LATEST_PRACTICES + 1])
    return {
        "practices": latest[:LATEST_PRACTICES],
        "more": len(latest) > LATEST_PRACTICES,
        "library_url": f"{reverse('reporting:practice_list')}?{urlencode(library_filter)}",
    }


def organisation_practices(organisation):
    """The organisation's latest published good practices, on its page."""
    latest = _latest_practices(
        GoodPractice.objects.of_organisations([organisation]), organisation=organisation.pk
    )
    if not latest["practices"]:
        return None
    return "reporting/_organisation_practices.html", latest


def measure_practices(measure):
    """The latest published good practices that serve a measure, on the measure's page."""
    latest = _latest_practices(
        GoodPractice.objects.filter(measures=measure), measure=measure.number
    )
    return "reporting/_measure_practices.html", {**latest, "measure": measure}


def recommendation_practices(recommendation):
    """The latest published good practices that answer a recommendation, on its page."""
    latest = _latest_practices(
        GoodPractice.objects.filter(recommendations=recommendation),
        recommendation=recommendation.code,
    )
    if not latest["practices"]:
        return None
    return "reporting/_recommendation_practices.html", latest


def organisation_activities(organisation):
    """A link to the organisation's activities, shown to its members and the team only (the
    template asks the page's `show_private`); no query."""
    return "reporting/activities/_organisation_link.html", {}


def measure_activities(measure):
    """The activities counted toward a measure up to the latest closed period, on its page."""
    period = ReportingPeriod.objects.latest_closed()
    if period is None:
        return None
    return "reporting/_measure_activities.html", {
        "activities": MeasureActivitiesProgress(measure, period)
    }


def recommendation_progress(recommendation):
    """What organisations reported on a recommendation in the latest closed period."""
    if recommendation.is_call_to_action:
        return None  # organisations report on paragraphs only
    period = ReportingPeriod.objects.latest_closed()
    if period is None:
        return None
    return "reporting/_recommendation_progress.html", {
        "progress": RecommendationProgress(recommendation, period)
    }


def action_progress(action):
    """The team's status, completion, milestones and latest update, on the action's page."""
    return "reporting/_action_progress.html", {"summary": ActionSummary(action)}

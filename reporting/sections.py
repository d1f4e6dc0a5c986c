"""What reporting shows on other apps' pages, through `avoin.contributions`."""

from .models import GoodPractice, ReportingPeriod
from .presenters.figures import ActionSummary, MeasureActivitiesProgress, RecommendationProgress


def organisation_practices(organisation):
    """The organisation's published good practices, on its page."""
    practices = list(
        GoodPractice.objects.published().of_organisations([organisation]).with_list_relations()
    )
    if not practices:
        return None
    return "reporting/_organisation_practices.html", {"practices": practices}


def measure_practices(measure):
    """The published good practices that serve a measure, on the measure's page."""
    practices = GoodPractice.objects.published().filter(measures=measure).with_list_relations()
    return "reporting/_measure_practices.html", {"practices": list(practices), "measure": measure}


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

"""What reporting shows on other apps' pages, through `avoin.contributions`."""

from .models import GoodPractice


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

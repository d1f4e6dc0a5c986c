"""Activities on other reporting pages: a list line, and a report's period's activities."""

from django import template

from avoin.permissions import is_ministry_team
from organisations.access import may_edit
from reporting.presenters.activities import activity_summary as summary_of

register = template.Library()
SHOWN = 20  # the rest are on the organisation's activity list, filtered by the period


@register.filter
def activity_summary(activity):
    """`{{ activity|activity_summary }}`: the kind's headline facts."""
    return summary_of(activity)


@register.inclusion_tag("reporting/activities/_period_activities.html", takes_context=True)
def period_activities(context, report):
    """The activities of the report's organisation in its period, and a link to log one."""
    user = context["request"].user
    activities = report.organisation.activities.in_period(report.period).select_related(
        "period", "training", "event"
    )
    shown = list(activities[: SHOWN + 1])
    return {
        "report": report,
        "activities": shown[:SHOWN],
        "more": len(shown) > SHOWN,
        "can_log": may_edit(user, report.organisation)
        and (not report.period.is_locked or is_ministry_team(user)),
    }

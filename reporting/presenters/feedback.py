"""The participation-quality tables: per measure, kind of organisation and activity, each row
with its number of answers; the shares only from MIN_ANSWERS answers up."""

from organisations.models import OrganisationKind
from reporting.models import MIN_ANSWERS, Activity, FeedbackAnswer
from reporting.services.feedback import feedback_figures


def feedback_tables(answers=None) -> dict:
    """Three tables over `answers` (all by default), in four queries whatever the data size."""
    answers = FeedbackAnswer.objects.all() if answers is None else answers
    by_activity = feedback_figures(answers, "link__activity")
    activities = Activity.objects.select_related("organisation", "measure").in_bulk(
        [row.key for row in by_activity]
    )
    by_kind = feedback_figures(answers, "link__activity__organisation__kind")
    return {
        "min_answers": MIN_ANSWERS,
        "by_measure": feedback_figures(answers, "link__activity__measure__number"),
        "by_kind": [(OrganisationKind(row.key).label, row) for row in by_kind],
        "by_activity": [(activities[row.key], row) for row in by_activity],
    }

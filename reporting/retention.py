"""How long reporting keeps personal data (docs/adr/0032): the free comments of participation
feedback. An answer's choices stay for the figures; its comment, which may name people, is
cleared once the evaluations that read it are done."""

import datetime

from django.utils.translation import gettext_lazy as _

from avoin.personal_data import RetentionStep

from .models import FeedbackAnswer

# The final evaluation reads the feedback of 2023–2027; three years covers the evaluation
# after the event and the time to publish it.
FEEDBACK_COMMENT_RETENTION = datetime.timedelta(days=3 * 365)


def feedback_comments_purge(*, now, dry_run):
    """Clear the comments of feedback answers given more than three years ago."""
    old = FeedbackAnswer.objects.filter(created_at__lt=now - FEEDBACK_COMMENT_RETENTION).exclude(
        comment=""
    )
    count = old.count()
    if not dry_run:
        old.update(comment="")
    return count


FEEDBACK_COMMENTS = RetentionStep(
    "feedback_comments",
    _("Free comments of participation feedback older than three years: cleared"),
    feedback_comments_purge,
)

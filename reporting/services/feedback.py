"""Participation-quality feedback (docs/adr/0043): links for organisers, anonymous answers, and
the figures, never shown for fewer than MIN_ANSWERS answers."""

from dataclasses import dataclass

from django.db import transaction

from reporting.models import (
    MIN_ANSWERS,
    Activity,
    FeedbackAnswer,
    FeedbackLink,
)


@dataclass(frozen=True)
class FeedbackFigures:
    """A group's answers: the count always, the shares only from MIN_ANSWERS answers up."""

    key: object
    answers: int
    in_time: int
    influence: int
    accessible: int
    days_before: float | None

    @property
    def suppressed(self):
        return self.answers < MIN_ANSWERS

    def _percent(self, count):
        return None if self.suppressed else round(100 * count / self.answers)

    @property
    def in_time_percent(self):
        return self._percent(self.in_time)

    @property
    def influence_percent(self):
        return self._percent(self.influence)

    @property
    def accessible_percent(self):
        return self._percent(self.accessible)

    @property
    def average_days_before(self):
        if self.suppressed or self.days_before is None:
            return None
        return round(self.days_before)

    def as_evidence(self) -> dict:
        figures = {"answers": self.answers, "suppressed": self.suppressed}
        if not self.suppressed:
            figures.update(
                in_time_percent=self.in_time_percent,
                influence_percent=self.influence_percent,
                accessible_percent=self.accessible_percent,
            )
        return figures


def feedback_figures(answers, field) -> list[FeedbackFigures]:
    """`answers` (a FeedbackAnswer queryset) grouped by `field`: one query."""
    return [
        FeedbackFigures(
            key=row[field],
            answers=row["answers"],
            in_time=row["in_time"],
            influence=row["influence"],
            accessible=row["accessible"],
            days_before=row["days_before"],
        )
        for row in answers.figures_by(field)
    ]


def may_ask_feedback(activity: Activity) -> bool:
    return activity.asks_feedback


def feedback_link_create(*, activity: Activity, by) -> FeedbackLink:
    """The activity's feedback link, created on first asking."""
    with transaction.atomic():
        Activity.objects.select_for_update().only("pk").get(pk=activity.pk)
        link, _created = FeedbackLink.objects.get_or_create(
            activity=activity, defaults={"created_by": by}
        )
    return link


def feedback_answer_save(*, answer: FeedbackAnswer) -> FeedbackAnswer:
    """Keep one participant's answer (the form has set its fields)."""
    with transaction.atomic():
        answer.full_clean()
        answer.save()
    return answer

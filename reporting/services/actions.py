"""The Open Government Team's own actions: where each stands, its update for a period, and its
milestones. Every change is kept in the models' history, with who made it."""

from django.db import transaction
from django.utils import timezone

from avoin.concurrency import StaleEdit, lock_version
from commitments.models import Action
from reporting.models import ActionProgress, ActionUpdate, Milestone, ReportingPeriod

PROGRESS_FIELDS = ("status", "completion", "responsible_unit", "evidence", "links")


def current_period(today=None):
    """The period an update is for unless the team chooses another: the quarter we are in, or
    the programme's last one after it has ended."""
    today = today or timezone.localdate()
    return (
        ReportingPeriod.objects.containing(today).first()
        or ReportingPeriod.objects.filter(starts_on__lte=today).order_by("-starts_on").first()
    )


def action_progress_update(
    *,
    action: Action,
    values: dict,
    by,
    period: ReportingPeriod | None = None,
    note_fi: str = "",
    note_sv: str = "",
    note_en: str = "",
    expected_version: int | None = None,
) -> ActionProgress:
    """Record where an action stands (`values`: status, completion, responsible_unit,
    evidence, links) and the team's update for `period` (by default the current one). The
    update records the status and completion while its period lasts; written later for a past
    period, it keeps the status it recorded (or, if new, takes today's).

    `expected_version` is the progress's version when the form was opened (None when there
    was none yet); if someone saved in between, StaleEdit is raised and nothing is saved.
    """
    period = period or current_period()
    with transaction.atomic():
        # One action's progress changes one save at a time, its first save included.
        Action.objects.select_for_update().only("pk").get(pk=action.pk)
        progress = ActionProgress.objects.filter(action=action).first()
        if progress is None:
            if expected_version is not None:
                raise StaleEdit
            progress = ActionProgress(action=action)
        else:
            lock_version(ActionProgress, progress.pk, expected_version)
        for name in PROGRESS_FIELDS:
            if name in values:
                setattr(progress, name, values[name])
        progress.full_clean()
        progress.version += 1
        progress._history_user = by
        progress.save()

        update = ActionUpdate.objects.filter(action=action, period=period).first() or ActionUpdate(
            action=action, period=period
        )
        if update.pk is None or period.ends_on >= timezone.localdate():
            # The update keeps the status of its period: a later note on a past period does
            # not rewrite what the status was then.
            update.status, update.completion = progress.status, progress.completion
        update.note_fi, update.note_sv, update.note_en = note_fi, note_sv, note_en
        update.full_clean()
        update._history_user = by
        update.save()
    return progress


def milestone_save(*, milestone: Milestone, by) -> Milestone:
    """Add a milestone to its action, or save changes to one (the form has set its fields)."""
    with transaction.atomic():
        milestone.full_clean()
        milestone._history_user = by
        milestone.save()
    return milestone


def milestone_done(*, milestone: Milestone, by, on=None) -> Milestone:
    """Mark a milestone done (today unless `on` is given); one already done keeps its date."""
    with transaction.atomic():
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        if milestone.done_on is None:
            milestone.done_on = on or timezone.localdate()
            milestone._history_user = by
            milestone.save(update_fields=["done_on"])
    return milestone

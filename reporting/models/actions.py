"""The Open Government Team's own 25 actions ("we will …"): status, completion, milestones and
an update per period."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.translation import TranslatedField, translated_fields
from commitments.models import Action

from .periods import ReportingPeriod


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Dropped")


class Completion(models.TextChoices):
    """The OGP Independent Reporting Mechanism's completion scale, without "no evidence"
    (the team reports on its own actions)."""

    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")


class ActionProgress(models.Model):
    """Where one of the team's actions stands now; every change is kept in its history."""

    action = models.OneToOneField(
        Action, verbose_name=_("action"), on_delete=models.PROTECT, related_name="progress"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.NOT_STARTED
    )
    completion = models.CharField(
        _("completion"), max_length=20, choices=Completion, default=Completion.NOT_STARTED
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    evidence = models.TextField(_("evidence"), max_length=4000, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action__measure__number", "action__position"]
        verbose_name = _("action progress")
        verbose_name_plural = _("action progress")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values), name="action_progress_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(completion__in=Completion.values),
                name="action_progress_completion_valid",
            ),
        ]

    def __str__(self):
        return f"{self.action.code}: {self.status}"


class MilestoneQuerySet(models.QuerySet):
    def overdue(self, day=None):
        """Milestones past their due date and not done."""
        return self.filter(done_on__isnull=True, due_on__lt=day or timezone.localdate())


class Milestone(models.Model):
    """A step of an action with its due date; done when `done_on` is set."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.PROTECT, related_name="milestones"
    )
    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=300)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    title = TranslatedField("title")
    history = HistoricalRecords()
    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["action", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return f"{self.action.code}: {self.title_fi}"

    @property
    def is_overdue(self):
        return self.done_on is None and self.due_on < timezone.localdate()


class ActionUpdate(models.Model):
    """The team's note on an action for one period, with the status and completion then."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.PROTECT, related_name="updates"
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="action_updates",
    )
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus)
    completion = models.CharField(_("completion"), max_length=20, choices=Completion)
    note_fi, note_sv, note_en = translated_fields(
        models.TextField, _("update"), finnish_required=False, max_length=4000
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    note = TranslatedField("note")
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-period__starts_on"]
        verbose_name = _("action update")
        verbose_name_plural = _("action updates")
        constraints = [
            models.UniqueConstraint(fields=["action", "period"], name="action_update_unique"),
        ]

    def __str__(self):
        return f"{self.action.code} {self.period}"

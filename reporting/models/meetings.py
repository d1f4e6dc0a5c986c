"""The working group's quarterly meetings (the letter's §3: continuous monitoring "at meetings
held four times a year"): when and where, the period reviewed, the agenda and minutes, the
decisions and action items, and the pack the group saw, frozen when the team finalises it
(docs/adr/0035)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.formats import finnish_date
from avoin.markup import HELP_TEXT as MARKDOWN_HELP
from avoin.markup import no_raw_html
from commitments.models import Action, Measure

from .periods import ReportingPeriod

TEXT_MAX_LENGTH = 20_000
ITEM_MAX_LENGTH = 2000


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, day=None):
        return self.filter(held_on__gte=day or timezone.localdate()).order_by("held_on", "pk")

    def past(self, day=None):
        return self.filter(held_on__lt=day or timezone.localdate()).order_by("-held_on", "-pk")

    def before(self, meeting):
        """Meetings held before `meeting`, the latest first."""
        return (
            self.filter(
                Q(held_on__lt=meeting.held_on) | Q(held_on=meeting.held_on, pk__lt=meeting.pk)
            )
            .exclude(pk=meeting.pk)
            .order_by("-held_on", "-pk")
        )


class Meeting(models.Model):
    """One working-group meeting. The team schedules and records it; the group reads it."""

    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link to the online meeting"), max_length=500, blank=True)
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period reviewed"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    agenda = models.TextField(
        _("agenda"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        validators=[no_raw_html],
        help_text=MARKDOWN_HELP,
    )
    minutes = models.TextField(
        _("minutes"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        validators=[no_raw_html],
        help_text=MARKDOWN_HELP,
    )
    # The pack as the group saw it: written once, when the team finalises it (ADR 0035).
    pack = models.JSONField(_("frozen pack"), null=True, blank=True, editable=False)
    pack_frozen_at = models.DateTimeField(_("pack finalised"), null=True, blank=True)
    pack_frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pack finalised by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["pack"])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("working-group meeting")
        verbose_name_plural = _("working-group meetings")
        indexes = [models.Index(fields=["held_on"], name="meeting_held_on")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(link=""), name="meeting_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=Q(pack__isnull=True) | Q(pack_frozen_at__isnull=False),
                name="meeting_frozen_pack_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reporting:meeting_detail", args=[self.pk])

    @property
    def title(self):
        """ "Working-group meeting 12.3.2025" in the page's language."""
        return gettext("Working-group meeting %(date)s") % {"date": finnish_date(self.held_on)}

    @property
    def is_frozen(self):
        return self.pack is not None

    @property
    def is_past(self):
        return self.held_on < timezone.localdate()


class Concerns(models.Model):
    """What a decision or an action item concerns: a measure, one of the team's actions, or
    the programme as a whole (neither)."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.PROTECT, null=True, blank=True
    )
    action = models.ForeignKey(
        Action,
        verbose_name=_("the team's action"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True

    @property
    def concerns(self):
        """The measure or action as its code, or ""."""
        if self.action_id:
            return self.action.code
        if self.measure_id:
            return self.measure.number
        return ""


class Decision(Concerns):
    """What the working group decided at a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions"
    )
    text = models.TextField(_("decision"), max_length=ITEM_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(measure__isnull=True) | Q(action__isnull=True),
                name="decision_concerns_one",
            ),
        ]

    def __str__(self):
        return self.text[:80]


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ITEM_STATUSES = [ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS]


class ActionItemQuerySet(models.QuerySet):
    def still_open(self):
        return self.filter(status__in=OPEN_ITEM_STATUSES)

    def carried_to(self, meeting):
        """Open items recorded at meetings held before `meeting`: they carry over to it."""
        earlier = Meeting.objects.before(meeting).values("pk")
        return self.still_open().filter(meeting__in=earlier)


class ActionItem(Concerns):
    """Something someone is to do after a meeting, until it is done or dropped."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    text = models.TextField(_("action item"), max_length=ITEM_MAX_LENGTH)
    owner = models.CharField(
        _("owner"),
        max_length=200,
        help_text=_("Who sees to it: a unit, an organisation or a role."),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionItemStatus, default=ActionItemStatus.OPEN
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["status"], name="action_item_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ActionItemStatus.values), name="action_item_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(measure__isnull=True) | Q(action__isnull=True),
                name="action_item_concerns_one",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self):
        return self.status in OPEN_ITEM_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

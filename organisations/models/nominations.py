"""The network-representative rounds and each organisation's request in them."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .members import ContactPerson
from .registry import Organisation

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


class NominationRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(sent_at__isnull=False, closed_at__isnull=True)


class NominationRound(models.Model):
    """A request to organisations to confirm or name their network representative."""

    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    deadline = models.DateField(
        _("deadline"), help_text=_("Answers are on time until the end of this day, Helsinki time.")
    )
    target_kinds = models.JSONField(_("target organisation kinds"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    history = HistoricalRecords()
    objects = NominationRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-deadline", "-pk"]
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("organisations:nomination_round_detail", args=[self.pk])

    @property
    def deadline_ends_at(self):
        """The first moment that is late: midnight after the deadline day in Helsinki."""
        next_day = self.deadline + datetime.timedelta(days=1)
        return datetime.datetime.combine(next_day, datetime.time.min, tzinfo=HELSINKI)

    @property
    def targets_on(self):
        """The day whose organisations the round asks: the day it was sent, or today."""
        if self.sent_at is None:
            return timezone.localdate()
        return self.sent_at.astimezone(HELSINKI).date()

    @property
    def is_sent(self):
        return self.sent_at is not None

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def is_open(self):
        return self.is_sent and not self.is_closed


class NominationAction(models.TextChoices):
    """What an organisation answers to a request."""

    CONFIRM = "confirm", _("Confirm the representative on record")
    NAME_NEW = "name_new", _("Name a new representative")
    DECLINE = "decline", _("Decline")


class NominationRequestQuerySet(models.QuerySet):
    def for_organisations(self, organisations):
        return self.filter(organisation__in=organisations)

    def pending(self):
        return self.filter(status=NominationRequest.Status.PENDING)

    def answered(self):
        return self.exclude(status=NominationRequest.Status.PENDING)

    def late(self):
        return self.filter(is_late=True)

    def status_counts(self):
        """{status: count} for the statuses that occur."""
        return dict(self.values_list("status").annotate(count=Count("pk")).order_by())

    def totals(self):
        answered = ~Q(status=NominationRequest.Status.PENDING)
        return self.aggregate(
            total=Count("pk"),
            answered=Count("pk", filter=answered),
            on_time=Count("pk", filter=answered & Q(is_late=False)),
            late=Count("pk", filter=Q(is_late=True)),
        )

    def by_branch(self):
        """Counts per administrative branch, each row with its ministry (None: no branch)."""
        Status = NominationRequest.Status
        rows = list(
            self.values("organisation__ministry")
            .annotate(
                total=Count("pk"),
                **{status: Count("pk", filter=Q(status=status)) for status in Status.values},
                late=Count("pk", filter=Q(is_late=True)),
            )
            .order_by("organisation__ministry__name_fi")
        )
        ministries = Organisation.objects.in_bulk(
            [row["organisation__ministry"] for row in rows if row["organisation__ministry"]]
        )
        for row in rows:
            row["ministry"] = ministries.get(row["organisation__ministry"])
        return rows

    def with_reminders(self):
        return self.select_related("organisation").annotate(
            last_reminder=Max("reminders__sent_at"), reminder_count=Count("reminders")
        )


class NominationRequest(models.Model):
    """One organisation's part in a round: its answer, and every version of it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        NEW_NAMED = "new_named", _("New representative named")
        DECLINED = "declined", _("Declined")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("Avoin")
        EMAIL = "email", _("Email")
        PHONE = "phone", _("Phone")
        OTHER = "other", _("Other")

    round = models.ForeignKey(NominationRound, on_delete=models.PROTECT, related_name="requests")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="nomination_requests"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, blank=True)
    representative = models.ForeignKey(
        ContactPerson,
        verbose_name=_("representative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    deputy = models.ForeignKey(
        ContactPerson,
        verbose_name=_("deputy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    appointed_by_name = models.CharField(_("appointed by"), max_length=200, blank=True)
    appointed_by_title = models.CharField(_("appointer's title"), max_length=200, blank=True)
    appointment_date = models.DateField(_("appointment date"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)

    history = HistoricalRecords()
    objects = NominationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name_fi"]
        verbose_name = _("nomination request")
        verbose_name_plural = _("nomination requests")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="nomination_request_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "confirmed", "new_named", "declined"]),
                name="nomination_request_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(answered_at__isnull=False),
                name="nomination_request_answered_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.organisation}"

    def save(self, *args, **kwargs):
        self.is_late = bool(self.answered_at and self.answered_at >= self.round.deadline_ends_at)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organisations:nomination_request_detail", args=[self.pk])

    @property
    def is_answered(self):
        return self.status != self.Status.PENDING


class NominationReminder(models.Model):
    """A reminder sent for a pending request; at most one a day."""

    request = models.ForeignKey(
        NominationRequest, on_delete=models.CASCADE, related_name="reminders"
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.TextField(_("recipients"))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["request", "sent_on"], name="reminder_once_a_day")
        ]

    def __str__(self):
        return f"{self.request} {self.sent_on}"

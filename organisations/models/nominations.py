"""The network-representative rounds: a round, each organisation's request and reminders."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.forms import DateBetween
from avoin.models import MessageStatus, OutgoingMessage
from avoin.translation import TranslatedField, translated_fields

from ..access import OrganisationScopedQuerySet
from .choices import NominationChannel, NominationStatus
from .members import ContactPerson
from .registry import Organisation


class NominationRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(sent_at__isnull=False, closed_at__isnull=True)

    def with_answer_counts(self):
        """Each round with `request_count` and `answered_count`."""
        return self.annotate(
            request_count=Count("requests"),
            answered_count=Count("requests", filter=~Q(requests__status=NominationStatus.PENDING)),
        )

    def with_email_counts(self):
        """Each round with `emails_<status>`: how many emails about its requests (requests,
        reminders, receipts) are in each status. Read with the round, so the dashboard needs
        no query of its own for them."""
        counts = {}
        for status in MessageStatus.values:
            emails = (
                OutgoingMessage.objects.filter(nomination_request__round=OuterRef("pk"))
                .filter(status=status)
                .order_by()
                .values("status")
                .annotate(count=Count("pk"))
                .values("count")
            )
            counts[f"emails_{status}"] = Coalesce(Subquery(emails), 0)
        return self.annotate(**counts)


# A round's deadline lies within the programme's years (the 5th plan runs 10/2023–9/2027).
ROUND_DEADLINES = DateBetween(datetime.date(2023, 1, 1), datetime.date(2027, 12, 31))


class NominationRound(models.Model):
    """A request to organisations to confirm or name their network representative."""

    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=200)
    message_fi, message_sv, message_en = translated_fields(
        models.TextField, _("message"), max_length=5000
    )
    deadline = models.DateField(
        _("deadline"),
        help_text=_("Answers are on time until the end of this day, Helsinki time."),
        validators=[ROUND_DEADLINES],
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

    # Each organisation reads the round in its own language; Finnish where none is given.
    title = TranslatedField("title")
    message = TranslatedField("message")

    class Meta:
        ordering = ["-deadline", "-pk"]
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")

    def __str__(self):
        return self.title_fi

    def get_absolute_url(self):
        return reverse("organisations:nomination_round_detail", args=[self.pk])

    @property
    def deadline_ends_at(self):
        """The first moment that is late: midnight after the deadline day in Helsinki."""
        next_day = self.deadline + datetime.timedelta(days=1)
        return timezone.make_aware(
            datetime.datetime.combine(next_day, datetime.time.min),
            timezone.get_default_timezone(),
        )

    @property
    def targets_on(self):
        """The day whose organisations the round asks: the day it was sent, or today."""
        return timezone.localdate(self.sent_at) if self.sent_at else timezone.localdate()

    @property
    def is_sent(self):
        return self.sent_at is not None

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def is_open(self):
        return self.is_sent and not self.is_closed


# The branch's ministry as `by_branch` reads it, names included, so no second query is needed.
BRANCH_FIELDS = [
    "organisation__ministry",
    "organisation__ministry__abbreviation",
    "organisation__ministry__name_fi",
    "organisation__ministry__name_sv",
    "organisation__ministry__name_en",
]


def _organisation_unreachable():
    """Whether the request's organisation is one `Organisation.objects.unreachable()` lists."""
    return Exists(Organisation.objects.unreachable().filter(pk=OuterRef("organisation_id")))


class NominationRequestQuerySet(OrganisationScopedQuerySet):
    def for_organisations(self, organisations):
        return self.filter(organisation__in=organisations)

    def pending(self):
        return self.filter(status=NominationStatus.PENDING)

    def answered(self):
        return self.exclude(status=NominationStatus.PENDING)

    def late(self):
        return self.filter(is_late=True)

    def by_branch(self):
        """Per administrative branch (the agency's ministry, with its names): requests in each
        status, late answers, and pending requests whose organisation has no address."""
        per_status = {
            status: Count("pk", filter=Q(status=status)) for status in NominationStatus.values
        }
        unreachable = Q(status=NominationStatus.PENDING) & _organisation_unreachable()
        return (
            self.values(*BRANCH_FIELDS)
            .annotate(
                total=Count("pk"),
                late=Count("pk", filter=Q(is_late=True)),
                unreachable=Count("pk", filter=unreachable),
                **per_status,
            )
            .order_by("organisation__ministry__name_fi")
        )

    def with_reach(self):
        """Each request with `unreachable`: its organisation has neither a registry address
        nor a current representative (`Organisation.objects.unreachable()`)."""
        return self.annotate(unreachable=_organisation_unreachable())

    def answers_per_day(self):
        """(day, answers) pairs, by the Helsinki day of each first answer, oldest first."""
        day = TruncDate("first_answered_at", tzinfo=timezone.get_current_timezone())
        return (
            self.answered()
            .annotate(day=day)
            .values_list("day")
            .annotate(count=Count("pk"))
            .order_by("day")
        )

    def with_reminders(self):
        """Each request with `reminder_count` and the time of its `last_reminder`."""
        return self.annotate(
            last_reminder=Max("reminders__sent_at"), reminder_count=Count("reminders")
        )


class NominationRequest(models.Model):
    """One organisation's part in a round: its answer, and every version of it."""

    Status = NominationStatus
    Channel = NominationChannel

    round = models.ForeignKey(NominationRound, on_delete=models.PROTECT, related_name="requests")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="nomination_requests"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    first_answered_at = models.DateTimeField(
        _("first answered"),
        null=True,
        blank=True,
        help_text=_("The first answer decides whether the organisation answered on time."),
    )
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
    # What was emailed about the request (requests, reminders, receipts) and what became of it.
    messages = GenericRelation(OutgoingMessage, related_query_name="nomination_request")

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
                condition=Q(status__in=NominationStatus.values),
                name="nomination_request_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=NominationStatus.PENDING)
                | Q(answered_at__isnull=False, first_answered_at__isnull=False),
                name="nomination_request_answered_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.organisation}"

    def save(self, *args, **kwargs):
        first = self.first_answered_at
        self.is_late = bool(first and first >= self.round.deadline_ends_at)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organisations:nomination_request_detail", args=[self.pk])

    @property
    def is_answered(self):
        return self.status != NominationStatus.PENDING

    @property
    def changed_later(self):
        """Whether the answer on record was changed after the first one."""
        return bool(self.first_answered_at) and self.answered_at != self.first_answered_at

    @property
    def is_on_behalf(self):
        """Recorded by the ministry team from an email, a call or a letter."""
        return bool(self.channel) and self.channel != NominationChannel.PORTAL


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

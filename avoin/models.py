"""The mail outbox: every message Avoin sends, what became of it, and what it was about.

Knows no domain app: a message points at the record it is about (a nomination request, a
practice) through a generic reference, which the domain side reads with `about(queryset)` or a
`GenericRelation`. See docs/adr/0022.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered")


# Statuses in which a message may still go out.
WAITING = [MessageStatus.QUEUED, MessageStatus.SENDING]


class OutgoingMessageQuerySet(models.QuerySet):
    def due(self, now=None):
        """Queued messages whose (next) attempt may start now."""
        return self.filter(status=MessageStatus.QUEUED, send_after__lte=now or timezone.now())

    def waiting(self):
        return self.filter(status__in=WAITING)

    def failed(self):
        return self.filter(status=MessageStatus.FAILED)

    def interrupted(self, *, before):
        """Messages a worker took before `before` and never finished: it stopped mid-send."""
        return self.filter(status=MessageStatus.SENDING, claimed_at__lt=before)

    def about(self, objects):
        """Messages about any of `objects` (a queryset of one model)."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(objects.model),
            object_id__in=objects.values("pk"),
        )

    def status_counts(self) -> dict:
        """How many messages are in each status, every status present."""
        return self.aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in MessageStatus.values}
        )


class OutgoingMessage(models.Model):
    """One email to one address: queued with the change that causes it, sent by the worker.

    A body that carries a sign-in link holds a placeholder, never a token: the link is made when
    the message is sent (so it has not expired on arrival), and the body is emptied once sent.
    """

    Status = MessageStatus

    recipient = models.EmailField(_("recipient"), db_index=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    template = models.CharField(_("template"), max_length=100, db_index=True)
    language = models.CharField(_("language"), max_length=10)
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("Sent at once: someone is waiting for it.")
    )
    carries_sign_in_link = models.BooleanField(_("carries a sign-in link"), default=False)
    link_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sign-in link for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    link_next_path = models.CharField(_("link opens"), max_length=300, blank=True)
    link_account_rule = models.CharField(
        _("account rule of the link"),
        max_length=50,
        blank=True,
        help_text=_("Finds or creates the recipient's account when the message is sent."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    send_after = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("reason"), max_length=200, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")

    objects = OutgoingMessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        indexes = [
            models.Index(fields=["status", "send_after"], name="outgoing_due_idx"),
            models.Index(fields=["content_type", "object_id"], name="outgoing_about_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MessageStatus.values), name="outgoing_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=MessageStatus.SENT) | Q(sent_at__isnull=False),
                name="outgoing_sent_has_time",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="outgoing_about_complete",
            ),
        ]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"

    @property
    def is_sent(self):
        return self.status == MessageStatus.SENT

    @property
    def is_failed(self):
        return self.status == MessageStatus.FAILED

    @property
    def is_waiting(self):
        return self.status in WAITING

    @property
    def last_event_at(self):
        """When something last happened to it: sent, last tried, or queued."""
        return self.sent_at or self.claimed_at or self.created_at


class RetentionRun(models.Model):
    """One run of `purge_personal_data`: when, and how many records each step removed or
    anonymised (docs/adr/0032). Dry runs are not recorded."""

    ran_at = models.DateTimeField(_("ran at"), default=timezone.now, db_index=True)
    counts = models.JSONField(_("records removed or anonymised, per step"), default=dict)

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = _("personal data purge")
        verbose_name_plural = _("personal data purges")

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M}: {sum(self.counts.values())}"

    @property
    def total(self):
        return sum(self.counts.values())

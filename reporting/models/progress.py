"""Organisations' progress reports: per period, a status for each recommendation that asks
something of their kind of organisation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import Recommendation
from organisations.access import OrganisationScopedQuerySet
from organisations.models import Channel, Organisation

from .periods import ReportingPeriod

EVIDENCE_MAX_LENGTH = 2000


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    ACCEPTED = "accepted", _("Accepted")


class ProgressStatus(models.TextChoices):
    """What an organisation has done on one recommendation. Reporting is voluntary and the
    letter itself says "as resources allow": not applicable and no resources are answers."""

    NOT_STARTED = "not_started", _("Not started")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")
    NO_RESOURCES = "no_resources", _("No resources")


class PeriodReportQuerySet(OrganisationScopedQuerySet):
    def accepted(self):
        return self.filter(status=ReportStatus.ACCEPTED)

    def submitted(self):
        return self.filter(status=ReportStatus.SUBMITTED)

    def for_period(self, period):
        return self.filter(period=period)


class PeriodReport(models.Model):
    """One organisation's report for one period: a draft until an editor submits it; the
    ministry team accepts it (its figures become public) or returns it with a note."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="period_reports",
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus, default=ReportStatus.DRAFT, db_index=True
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, default=Channel.PORTAL)
    return_note = models.TextField(_("note from the team"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_late = models.BooleanField(_("submitted late"), default=False)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    history = HistoricalRecords()
    objects = PeriodReportQuerySet.as_manager()

    class Meta:
        ordering = ["period", "organisation__name_fi"]
        verbose_name = _("period report")
        verbose_name_plural = _("period reports")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period"], name="period_report_unique"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="period_report_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="period_report_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} {self.period}"

    def get_absolute_url(self):
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)

    @property
    def is_submitted(self):
        return self.status == ReportStatus.SUBMITTED

    @property
    def is_accepted(self):
        return self.status == ReportStatus.ACCEPTED

    @property
    def is_on_behalf(self):
        """Entered by the team from a report that came by email, phone or letter."""
        return self.channel != Channel.PORTAL


class ProgressEntryQuerySet(OrganisationScopedQuerySet):
    organisation_path = "report__organisation"

    def accepted(self):
        return self.filter(report__status=ReportStatus.ACCEPTED)


class ProgressEntry(models.Model):
    """What the organisation reports on one recommendation in one period."""

    report = models.ForeignKey(
        PeriodReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="entries"
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="progress_entries",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProgressStatus, default=ProgressStatus.NOT_STARTED
    )
    evidence = models.TextField(
        _("what was done"),
        max_length=EVIDENCE_MAX_LENGTH,
        blank=True,
        help_text=_("Briefly, what was done or planned; public once the team accepts the report."),
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = ProgressEntryQuerySet.as_manager()

    class Meta:
        ordering = ["report", "recommendation__measure__number", "recommendation__position"]
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress entries")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "recommendation"], name="progress_entry_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProgressStatus.values), name="progress_entry_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.report} {self.recommendation.code}: {self.status}"

"""Reporting periods: the quarters from Q4/2023 to Q3/2027, each feeding one working-group
meeting."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.formats import finnish_date

# The 5th programme's quarters (its term is 10/2023–9/2027).
FIRST_QUARTER = (2023, 4)
LAST_QUARTER = (2027, 3)
# By default a period closes three weeks after its quarter, before the meeting it feeds.
CLOSES_AFTER_QUARTER = datetime.timedelta(days=21)


class PeriodState(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed: entries are late")
    LOCKED = "locked", _("Locked: corrections by the team only")


def quarters():
    """(year, quarter) from the first to the last quarter of the programme."""
    year, quarter = FIRST_QUARTER
    while (year, quarter) <= LAST_QUARTER:
        yield year, quarter
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def quarter_dates(year, quarter):
    """The first and last day of a quarter."""
    starts = datetime.date(year, 3 * quarter - 2, 1)
    following = (
        datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1)
    )
    return starts, following - datetime.timedelta(days=1)


class ReportingPeriodQuerySet(models.QuerySet):
    def containing(self, day):
        """The period whose quarter includes `day`."""
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def closed_by(self, day):
        """Periods whose reporting had closed by `day` (locked ones included)."""
        return self.filter(Q(closes_on__lt=day) | Q(locked_at__isnull=False))

    def latest_closed(self, day=None):
        """The most recent period whose reporting has closed: what public figures show."""
        return self.closed_by(day or timezone.localdate()).order_by("-starts_on").first()

    def open_on(self, day):
        """Periods that take reports on `day` without calling them late."""
        return self.filter(opens_on__lte=day, closes_on__gte=day, locked_at__isnull=True)


class ReportingPeriod(models.Model):
    """A quarter that organisations report on. It opens when its quarter begins and closes a
    few days before the working-group meeting it feeds; after the meeting the team locks it."""

    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    starts_on = models.DateField(_("quarter begins"))
    ends_on = models.DateField(_("quarter ends"))
    opens_on = models.DateField(_("reporting opens"))
    closes_on = models.DateField(
        _("reporting closes"),
        help_text=_("The last day for reports that are not late; before the meeting it feeds."),
    )
    meeting_on = models.DateField(_("working-group meeting"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)

    history = HistoricalRecords()
    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="period_unique_quarter"),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="period_quarter_valid"
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="period_closes_after_opening"
            ),
        ]

    def __str__(self):
        return f"Q{self.quarter}/{self.year}"

    def get_absolute_url(self):
        return reverse("reporting:progress_overview") + f"?period={self.pk}"

    @property
    def label(self):
        """ "Q3/2024" with the quarter's dates, in the page's language."""
        return gettext("Q%(quarter)s/%(year)s (%(start)s–%(end)s)") % {
            "quarter": self.quarter,
            "year": self.year,
            "start": finnish_date(self.starts_on),
            "end": finnish_date(self.ends_on),
        }

    def state(self, today=None):
        today = today or timezone.localdate()
        if self.locked_at:
            return PeriodState.LOCKED
        if today < self.opens_on:
            return PeriodState.UPCOMING
        if today <= self.closes_on:
            return PeriodState.OPEN
        return PeriodState.CLOSED

    @property
    def is_locked(self):
        return self.locked_at is not None

    @property
    def can_be_locked(self):
        return self.state() == PeriodState.CLOSED

    def is_late(self, moment) -> bool:
        """Whether something entered at `moment` came after the period closed."""
        return timezone.localdate(moment) > self.closes_on

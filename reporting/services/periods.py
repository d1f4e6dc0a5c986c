"""Reporting periods: created from the programme's quarters, adjusted and locked by the team."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reporting.models import ReportingPeriod, quarter_dates, quarters
from reporting.models.periods import CLOSES_AFTER_QUARTER


@transaction.atomic
def periods_load() -> int:
    """Create the quarters Q4/2023–Q3/2027 that do not exist yet; dates the team has adjusted
    stay as they are. Returns how many were created."""
    created = 0
    for year, quarter in quarters():
        starts, ends = quarter_dates(year, quarter)
        _period, new = ReportingPeriod.objects.get_or_create(
            year=year,
            quarter=quarter,
            defaults={
                "starts_on": starts,
                "ends_on": ends,
                "opens_on": starts,
                "closes_on": ends + CLOSES_AFTER_QUARTER,
            },
        )
        created += new
    return created


def period_lock(*, period: ReportingPeriod, by) -> ReportingPeriod:
    """Lock a period after its meeting: from now on only the team corrects its reports."""
    if period.locked_at:
        raise ValidationError(_("The period is already locked."))
    if period.closes_on >= timezone.localdate():
        raise ValidationError(_("A period is locked only after its reporting has closed."))
    period.locked_at = timezone.now()
    period._history_user = by
    period.save(update_fields=["locked_at"])
    return period

"""What the progress-report pages show: each organisation's current period, the team's queue,
and a report's readable history."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from avoin.permissions import is_ministry_team
from organisations.models import Organisation
from reporting.models import PeriodReport, ProgressEntry, ProgressStatus, ReportingPeriod
from reporting.services.progress import applicable_recommendations


@dataclass
class OrganisationPeriod:
    organisation: Organisation
    report: PeriodReport | None
    unanswered: int
    can_edit: bool


class MyReports:
    """The user's organisations with the period open now (or the latest), and their reports;
    for the team, the reports waiting for review."""

    WAITING_SHOWN = 50

    def __init__(self, user):
        today = timezone.localdate()
        self.period = (
            ReportingPeriod.objects.open_on(today).first()
            or ReportingPeriod.objects.filter(starts_on__lte=today).order_by("-starts_on").first()
        )
        memberships = user.memberships.select_related("organisation")
        self._asked = {}  # the recommendations asked of each kind of organisation, by id
        reports = {
            report.organisation_id: report
            for report in PeriodReport.objects.filter(
                period=self.period, organisation__in=[m.organisation for m in memberships]
            ).prefetch_related("entries")
        }
        self.organisations = [
            OrganisationPeriod(
                organisation=membership.organisation,
                report=reports.get(membership.organisation_id),
                unanswered=self._unanswered(membership.organisation, reports),
                can_edit=membership.can_edit,
            )
            for membership in memberships
        ]
        # A user of no organisation (the team, often) has no earlier reports of their own.
        self.earlier = (
            PeriodReport.objects.visible_to(user)
            .filter(organisation__memberships__user=user)
            .exclude(period=self.period)
            .select_related("organisation", "period")
            .order_by("-period__starts_on")[:20]
            if self.organisations
            else PeriodReport.objects.none()
        )
        # The oldest WAITING_SHOWN (and whether there are more): the team reviews from the top.
        self._waiting = (
            PeriodReport.objects.visible_to(user).submitted()
            if is_ministry_team(user)
            else PeriodReport.objects.none()
        )
        oldest = self._waiting.select_related("organisation", "period")
        waiting = list(oldest.order_by("submitted_at", "pk")[: self.WAITING_SHOWN + 1])
        self.waiting = waiting[: self.WAITING_SHOWN]
        self.more_waiting = len(waiting) > self.WAITING_SHOWN

    @cached_property
    def waiting_count(self):
        """How many reports wait for review; counted in the database only when more wait
        than are shown."""
        return self._waiting.count() if self.more_waiting else len(self.waiting)

    def _unanswered(self, organisation, reports):
        """How many recommendations asked of the organisation its report has not answered;
        what is asked depends on the kind alone, so it is read once a kind."""
        if organisation.kind not in self._asked:
            asked = applicable_recommendations(organisation).values_list("pk", flat=True)
            self._asked[organisation.kind] = list(asked)
        asked = self._asked[organisation.kind]
        report = reports.get(organisation.pk)
        if report is None:
            return len(asked)
        answered = {
            e.recommendation_id
            for e in report.entries.all()
            if e.status != ProgressStatus.NOT_STARTED
        }
        return len([pk for pk in asked if pk not in answered])


def report_history(report, limit=60):
    """The report's and its entries' changes, newest first: when, who, what."""
    entries = []
    for record in report.history.select_related("history_user").order_by("history_date"):
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "what": _("report: %(status)s") % {"status": record.get_status_display()},
            }
        )
    entry_records = (
        ProgressEntry.history.filter(report_id=report.pk)
        .select_related("history_user", "recommendation__measure")
        .order_by("history_date")
    )
    for record in entry_records:
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "what": f"{record.recommendation.label}: {record.get_status_display()}",
            }
        )
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]

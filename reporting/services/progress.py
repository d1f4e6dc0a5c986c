"""Organisations' progress reports: the checklist of what is asked of them, per period, and its
review by the Open Government Team."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.concurrency import lock_version
from avoin.mail import absolute_url, reverse_in, send_templated_mail
from avoin.permissions import is_ministry_team, ministry_team_addresses
from avoin.workflow import transition
from commitments.models import Audience, Recommendation
from organisations.models import Channel, Membership, Organisation
from reporting.models import PeriodReport, ProgressEntry, ProgressStatus, ReportStatus


def applicable_recommendations(organisation):
    """The recommendation paragraphs that ask something of this kind of organisation."""
    audience = Audience.of_kind(organisation.kind)
    if audience is None:
        return Recommendation.objects.none()
    return (
        Recommendation.objects.filter(kind=Recommendation.Kind.PARAGRAPH)
        .for_audiences(Audience.including(audience))
        .order_by("measure__number", "position")
    )


def starting_statuses(organisation, period) -> dict:
    """{recommendation id: (status, evidence, links)} a new report starts from: the
    organisation's latest earlier report, so that an editor changes only what changed."""
    previous = (
        PeriodReport.objects.filter(
            organisation=organisation, period__starts_on__lt=period.starts_on
        )
        .order_by("-period__starts_on")
        .first()
    )
    if previous is None:
        return {}
    return {
        entry.recommendation_id: (entry.status, entry.evidence, entry.links)
        for entry in previous.entries.all()
    }


def may_change(report, user) -> bool:
    """Editors change their report while it is a draft or returned and its period is not
    locked; the team may always correct it (and its history records the correction)."""
    if is_ministry_team(user):
        return True
    return report.is_editable and not report.period.is_locked


def progress_save(
    *, organisation, period, by, entries: dict, expected_version=None, channel=Channel.PORTAL
) -> PeriodReport:
    """Save the checklist: `entries` is {recommendation: (status, evidence, links)}.

    The report is created on the first save. A change someone made since the form was opened
    raises StaleEdit; an accepted or submitted report, or a locked period, refuses editors.
    """
    with transaction.atomic():
        # One organisation's report changes one save at a time, its first save included.
        Organisation.objects.select_for_update().only("pk").get(pk=organisation.pk)
        report, created = PeriodReport.objects.get_or_create(
            organisation=organisation,
            period=period,
            defaults={"channel": channel},
        )
        if not created:
            lock_version(PeriodReport, report.pk, expected_version)
            report.refresh_from_db()
        if not may_change(report, by):
            raise PermissionDenied
        existing = {entry.recommendation_id: entry for entry in report.entries.all()}
        for recommendation, (status, evidence, links) in entries.items():
            entry = existing.get(recommendation.pk) or ProgressEntry(
                report=report, recommendation=recommendation
            )
            if entry.pk and (entry.status, entry.evidence, entry.links) == (
                status,
                evidence,
                links,
            ):
                continue
            entry.status, entry.evidence, entry.links = status, evidence, links
            entry.full_clean()
            entry._history_user = by
            entry.save()
        report.version += 1
        report.channel = channel if is_ministry_team(by) else Channel.PORTAL
        report._history_user = by
        report.save(update_fields=["version", "channel"])
    return report


def unanswered(report_or_none, organisation):
    """The applicable recommendations that have no status other than "not started" yet."""
    answered = set()
    if report_or_none is not None:
        answered = set(
            report_or_none.entries.exclude(status=ProgressStatus.NOT_STARTED).values_list(
                "recommendation_id", flat=True
            )
        )
    return [r for r in applicable_recommendations(organisation) if r.pk not in answered]


def period_report_submit(*, report: PeriodReport, by) -> PeriodReport:
    """Send the report to the team; late if after its period closed. The team is told."""
    now = timezone.now()
    with transaction.atomic():
        report = transition(
            report,
            by=by,
            allowed_from=[ReportStatus.DRAFT, ReportStatus.RETURNED],
            to=ReportStatus.SUBMITTED,
            submitted_at=now,
            submitted_by=by,
            is_late=report.period.is_late(now),
        )
        _tell_the_team(report)
    return report


def period_report_accept(*, report: PeriodReport, by) -> PeriodReport:
    """Accept a submitted report: its figures and evidence become public."""
    with transaction.atomic():
        report = transition(
            report,
            by=by,
            allowed_from=[ReportStatus.SUBMITTED],
            to=ReportStatus.ACCEPTED,
            reviewed_at=timezone.now(),
            reviewed_by=by,
            return_note="",
        )
        _tell_the_organisation(report, "report_accepted")
    return report


def period_report_return(*, report: PeriodReport, by, note: str) -> PeriodReport:
    """Return a submitted report with a note; its editors are emailed it."""
    if not note.strip():
        raise ValidationError({"note": _("Say what should be changed.")})
    with transaction.atomic():
        report = transition(
            report,
            by=by,
            allowed_from=[ReportStatus.SUBMITTED],
            to=ReportStatus.RETURNED,
            reviewed_at=timezone.now(),
            reviewed_by=by,
            return_note=note,
        )
        _tell_the_organisation(report, "report_returned")
    return report


def _tell_the_team(report):
    send_templated_mail(
        to=ministry_team_addresses(),
        template="report_submitted",
        context={
            "report": report,
            "url": absolute_url(reverse_in("fi", "reporting:report_detail", [report.pk])),
        },
        language="fi",
        about=report,
    )


def _tell_the_organisation(report, template):
    """The organisation's editors and whoever submitted, in the organisation's language."""
    language = report.organisation.mail_language
    editors = Membership.objects.filter(
        organisation=report.organisation, role=Membership.Role.EDITOR, user__is_active=True
    ).values_list("user__email", flat=True)
    recipients = {*editors, *([report.submitted_by.email] if report.submitted_by else [])}
    send_templated_mail(
        to=sorted(recipients),
        template=template,
        context={
            "report": report,
            "url": absolute_url(reverse_in(language, "reporting:report_detail", [report.pk])),
        },
        language=language,
        about=report,
    )

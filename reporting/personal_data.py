"""What reporting holds about a person for "My data": reports, practices and activities they
entered (avoin.personal_data)."""

from django.utils.translation import gettext_lazy as _

from avoin.personal_data import Section

from .models import Activity, GoodPractice, PeriodReport


def _when(moment):
    return moment.isoformat() if moment else None


def report_rows(user):
    reports = PeriodReport.objects.filter(submitted_by=user).select_related(
        "organisation", "period"
    )
    return [
        {
            "organisation": str(report.organisation),
            "period": str(report.period),
            "status": report.get_status_display(),
            "submitted_at": _when(report.submitted_at),
        }
        for report in reports.order_by("submitted_at", "pk")
    ]


def practice_rows(user):
    practices = GoodPractice.objects.filter(created_by=user).order_by("pk")
    return [
        {"title": practice.title, "status": practice.get_status_display(), "id": practice.pk}
        for practice in practices
    ]


def activity_rows(user):
    activities = Activity.objects.filter(entered_by=user).select_related("organisation")
    return [
        {
            "organisation": str(activity.organisation),
            "kind": activity.get_kind_display(),
            "entered_at": _when(activity.entered_at),
        }
        for activity in activities.order_by("entered_at", "pk")
    ]


SECTIONS = [
    Section(
        "progress_reports",
        _("Progress reports you submitted"),
        (
            ("organisation", _("Organisation")),
            ("period", _("Period")),
            ("status", _("Status")),
            ("submitted_at", _("Submitted")),
        ),
        report_rows,
    ),
    Section(
        "good_practices",
        _("Good practices you logged"),
        (("title", _("Title")), ("status", _("Status"))),
        practice_rows,
    ),
    Section(
        "activities",
        _("Activities you entered"),
        (("organisation", _("Organisation")), ("kind", _("Kind")), ("entered_at", _("When"))),
        activity_rows,
    ),
]

"""Progress reports: an organisation's checklist per period, its submission and the team's
review, and the periods themselves."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from avoin.concurrency import StaleEdit, entries_over
from avoin.permissions import is_ministry_team, ministry_team_required, working_group_required
from avoin.workflow import carry_out
from commitments.versioning import wordings_on
from organisations.access import may_edit, object_for
from organisations.models import Organisation
from reporting.forms.progress import ChecklistForm, PeriodForm, ReviewForm
from reporting.models import PeriodReport, ReportingPeriod, ReportStatus
from reporting.presenters.progress import MyReports, report_history
from reporting.services import periods as period_services
from reporting.services import progress as services

STALE_REPORT = gettext_lazy(
    "Someone else saved this report while you were filling it in; nothing of yours was saved. "
    "Your entries are still in the form: compare them with the report and send again."
)


def report_list(request):
    """The reports of the user's organisations, and for the team those waiting for review."""
    return render(request, "reporting/report_list.html", {"mine": MyReports(request.user)})


def report_form(request, organisation_pk, period_pk):
    """The checklist of one organisation for one period; the first save creates the report."""
    organisation = object_for(request, Organisation.objects, pk=organisation_pk, edit=True)
    period = get_object_or_404(ReportingPeriod, pk=period_pk)
    report = organisation.period_reports.filter(period=period).first()
    if report is not None and not services.may_change(report, request.user):
        raise PermissionDenied
    form = _checklist(request, organisation, period, report, request.POST or None)
    if form.is_valid():
        try:
            report = services.progress_save(
                organisation=organisation,
                period=period,
                by=request.user,
                entries=form.entries(),
                expected_version=form.cleaned_data["version"],
                channel=form.cleaned_data.get("channel") or "portal",
            )
        except StaleEdit:
            messages.error(request, STALE_REPORT)
            report = organisation.period_reports.get(period=period)
            form = _checklist(
                request, organisation, period, report, entries_over(form, report.version)
            )
        else:
            messages.success(request, _("The report was saved. Submit it when it is ready."))
            return redirect(report)
    context = {"organisation": organisation, "period": period, "report": report, "form": form}
    return render(request, "reporting/report_form.html", context)


def _checklist(request, organisation, period, report, data):
    starting = (
        {e.recommendation_id: (e.status, e.evidence, e.links) for e in report.entries.all()}
        if report is not None
        else services.starting_statuses(organisation, period)
    )
    return ChecklistForm(
        data,
        initial={"version": report.version if report else None},
        recommendations=services.applicable_recommendations(organisation),
        starting=starting,
        on_behalf=is_ministry_team(request.user),
    )


def report_detail(request, pk):
    """A period report: its statuses, where it is in review, and its history."""
    report = object_for(
        request, PeriodReport.objects.select_related("organisation", "period"), pk=pk
    )
    return _report_page(request, report)


def _report_page(request, report, review_form=None, status=200):
    """The report's page; `review_form` bound when the team's decision was refused."""
    entries = list(
        report.entries.select_related("recommendation__measure").order_by(
            "recommendation__measure__number", "recommendation__position"
        )
    )
    # What each recommendation said when the report was made (docs/adr/0044).
    earlier = wordings_on([entry.recommendation for entry in entries], report.period.ends_on)
    for entry in entries:
        entry.wording_then = earlier.get(entry.recommendation_id)
    if review_form is None and is_ministry_team(request.user) and report.is_submitted:
        review_form = ReviewForm()
    context = {
        "report": report,
        "entries": entries,
        "can_change": may_edit(request.user, report) and services.may_change(report, request.user),
        "can_submit": may_edit(request.user, report) and report.is_editable,
        "review_form": review_form,
        "history": report_history(report),
    }
    return render(request, "reporting/report_detail.html", context, status=status)


@require_POST
def report_submit(request, pk):
    """Send the report to the Open Government Team."""
    report = object_for(request, PeriodReport.objects, pk=pk, edit=True)
    carry_out(
        request,
        lambda: services.period_report_submit(report=report, by=request.user),
        done=_(
            "Thank you! The report was sent to the Open Government Team. It accepts it, or "
            "returns it with a note; you get an email either way."
        ),
    )
    return redirect(report)


@ministry_team_required
@require_POST
def report_review(request, pk):
    """Accept a submitted report, or return it with a note."""
    report = object_for(
        request, PeriodReport.objects.select_related("organisation", "period"), pk=pk
    )
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _report_page(request, report, review_form=form)
    if form.cleaned_data["decision"] == ReviewForm.ACCEPT:
        carry_out(
            request,
            lambda: services.period_report_accept(report=report, by=request.user),
            done=_(
                "The report was accepted. It counts in the open data now, and on the "
                "progress pages once its period has closed."
            ),
        )
    else:
        note = form.cleaned_data["note"]
        carry_out(
            request,
            lambda: services.period_report_return(report=report, by=request.user, note=note),
            done=_("The report was returned to the organisation."),
        )
    return redirect(report)


@working_group_required
def period_list(request):
    """The reporting periods: dates, state and how many reports came."""
    periods = ReportingPeriod.objects.annotate(
        submitted=Count("reports", filter=~Q(reports__status=ReportStatus.DRAFT)),
        accepted=Count("reports", filter=Q(reports__status=ReportStatus.ACCEPTED)),
    )
    return render(
        request,
        "reporting/period_list.html",
        {"periods": periods, "can_manage": is_ministry_team(request.user)},
    )


@ministry_team_required
def period_update(request, pk):
    """Adjust when a period's reporting opens and closes, and when its meeting is."""
    period = get_object_or_404(ReportingPeriod, pk=pk)
    form = PeriodForm(request.POST or None, instance=period)
    if form.is_valid():
        period._history_user = request.user
        form.save()
        messages.success(request, _("The period's dates were saved."))
        return redirect("reporting:period_list")
    return render(request, "reporting/period_form.html", {"period": period, "form": form})


@ministry_team_required
@require_POST
def period_lock(request, pk):
    """Lock a period after its meeting: only the team corrects its reports from now on."""
    period = get_object_or_404(ReportingPeriod, pk=pk)
    carry_out(
        request,
        lambda: period_services.period_lock(period=period, by=request.user),
        done=_("The period was locked."),
    )
    return redirect("reporting:period_list")

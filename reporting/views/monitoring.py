"""The ministry team's and the working group's progress dashboard: the programme for a chosen
period and set of organisations, its map and trends, and every table as a download. The working
group reads everything here; nobody changes anything."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from avoin.exports import table_response, workbook_response
from avoin.permissions import working_group_required
from reporting.dashboard_exports import TABLES, dashboard_table, dashboard_tables
from reporting.forms.dashboard import DashboardFilterForm
from reporting.models import ReportingPeriod
from reporting.presenters.dashboard import DASHBOARD_NOTE, Dashboard
from reporting.presenters.dashboard_cache import rendered_figures


def _chosen(request):
    """The filter form, bound to the query string, and whether it asks for a dashboard (not
    when a filter is invalid or no period has begun)."""
    default = ReportingPeriod.objects.latest_closed() or (
        ReportingPeriod.objects.filter(starts_on__lte=timezone.localdate()).last()
    )
    form = DashboardFilterForm(request.GET, default_period=default)
    if not form.is_valid() or form.chosen_period() is None:
        return form, False
    return form, True


def _dashboard(form):
    return Dashboard(form.chosen_period(), organisations=form.organisations())


@working_group_required
def dashboard(request):
    """The programme's progress for a period: coverage beside every figure."""
    form, valid = _chosen(request)
    figures = rendered_figures(form) if valid else None
    context = {"form": form, "figures": figures, "dashboard_note": DASHBOARD_NOTE}
    return render(request, "reporting/monitoring/dashboard.html", context)


@working_group_required
def dashboard_download(request, table, file_format):
    """One table of the dashboard as CSV or XLSX, with the period and filters on top."""
    if table not in TABLES:
        raise Http404
    form, valid = _chosen(request)
    if not valid:  # the page says what is wrong with the filters
        return redirect(_page_with_query(request))
    shown = _dashboard(form)
    made = dashboard_table(table, shown, form.description())
    return table_response(
        made.header,
        made.rows,
        file_format=file_format,
        filename=f"avoin-{table}-{_period_slug(shown.period)}",
        sheet=made.title,
        preamble=made.preamble,
    )


@working_group_required
def dashboard_workbook(request):
    """Every table of the dashboard as one XLSX workbook, a sheet each."""
    form, valid = _chosen(request)
    if not valid:
        return redirect(_page_with_query(request))
    shown = _dashboard(form)
    tables = dashboard_tables(shown, form.description())
    return workbook_response(tables, filename=f"avoin-dashboard-{_period_slug(shown.period)}")


def _period_slug(period):
    return f"{period.year}-q{period.quarter}"


def _page_with_query(request):
    query = request.GET.urlencode()
    return reverse("reporting:dashboard") + (f"?{query}" if query else "")

"""The ministry team's and the working group's progress dashboard: the programme for a chosen
period and set of organisations, its map and trends, and every table as a download. The working
group reads everything here; nobody changes anything."""

from django.shortcuts import render
from django.utils import timezone

from avoin.permissions import working_group_required
from reporting.forms.dashboard import DashboardFilterForm
from reporting.models import ReportingPeriod
from reporting.presenters.dashboard import DASHBOARD_NOTE, Dashboard


def _chosen(request):
    """The filter form, bound to the query string, and the dashboard it asks for (None when
    a filter is invalid or no period has begun)."""
    default = ReportingPeriod.objects.latest_closed() or (
        ReportingPeriod.objects.filter(starts_on__lte=timezone.localdate()).last()
    )
    form = DashboardFilterForm(request.GET, default_period=default)
    if not form.is_valid() or form.chosen_period() is None:
        return form, None
    return form, Dashboard(form.chosen_period(), organisations=form.organisations())


@working_group_required
def dashboard(request):
    """The programme's progress for a period: coverage beside every figure."""
    form, shown = _chosen(request)
    context = {"form": form, "dashboard": shown, "dashboard_note": DASHBOARD_NOTE}
    return render(request, "reporting/monitoring/dashboard.html", context)

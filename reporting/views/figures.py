"""The public progress figures: the programme at a glance for a closed period, and its open
data. Only accepted reports count, and coverage stands beside every figure (docs/adr/0026)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from avoin.page_cache import public_content_condition
from reporting.forms.figures import PeriodChoiceForm
from reporting.presenters.figures import ProgrammeProgress, published_periods
from reporting.progress_open_data import progress_open_data_response


@login_not_required
def progress_overview(request):
    """The programme's progress in the latest closed period, or an earlier one chosen."""
    periods = published_periods()
    chooser = PeriodChoiceForm(
        request.GET or None, periods=periods, default=periods[0] if periods else None
    )
    period = chooser.chosen()
    context = {
        "chooser": chooser,
        "period": period,
        "progress": ProgrammeProgress(period) if period else None,
    }
    return render(request, "reporting/progress_overview.html", context)


@login_not_required
@public_content_condition
def progress_open_data(request, file_format):
    """The figures per period, recommendation and kind (JSON also has each status reported)."""
    return progress_open_data_response(file_format)


@login_not_required
@public_content_condition
def progress_open_data_statuses(request):
    """Each organisation's accepted statuses, as CSV."""
    return progress_open_data_response("csv", table="statuses")

"""The programme's calendar for calendar applications to subscribe to."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils.translation import get_language

from reporting.calendar import calendar_ics


@login_not_required
def calendar_feed(request):
    """The programme's dates as iCalendar, in the page's language (/fi/calendar.ics)."""
    response = HttpResponse(calendar_ics(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="avoin-{get_language()}.ics"'
    return response

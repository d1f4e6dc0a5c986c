from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import requires_csrf_token

from commitments.models import Event, Programme


@login_not_required
def home(request):
    """What the programme is, its key dates, and where each kind of user starts."""
    programme = Programme.objects.first()
    today = timezone.localdate()
    events = list(Event.objects.filter(programme=programme)) if programme else []
    return render(
        request,
        "home.html",
        {
            "programme": programme,
            "past_events": [event for event in events if event.date < today],
            "coming_events": [event for event in events if event.date >= today],
            "today": today,
        },
    )


@login_not_required
def accessibility_statement(request):
    """The accessibility statement required by Act 306/2019."""
    return render(request, "accessibility.html")


@login_not_required
def privacy_notice(request):
    """The privacy notice (tietosuojaseloste)."""
    return render(request, "privacy.html")


@login_not_required
def page_not_found(request, exception=None):
    """404 in the language of the page."""
    return render(request, "404.html", status=404)


@requires_csrf_token
@login_not_required
def server_error(request):
    """500 in the language of the page, rendered without touching the database."""
    return render(request, "500.html", status=500)

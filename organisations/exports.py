"""The civil servants' network of a round as a table, for CSV and XLSX downloads."""

from django.utils.translation import gettext as _

from avoin.formats import finnish_date


def network_rows(nomination_round):
    """A header and one row per organisation asked: its answer and its people."""
    header = [
        _("Organisation"),
        _("Administrative branch"),
        _("Status"),
        _("Representative"),
        _("Representative's email"),
        _("Representative's language"),
        _("Deputy"),
        _("Deputy's email"),
        _("First answered"),
        _("On time or late"),
        _("Changed later"),
        _("Channel"),
    ]
    requests = nomination_round.requests.select_related(
        "organisation__ministry", "representative", "deputy"
    ).order_by("organisation__name_fi")
    return header, [_row(request) for request in requests]


def _row(request):
    representative, deputy = request.representative, request.deputy
    timing = ""
    if request.is_answered:
        timing = _("late") if request.is_late else _("on time")
    return [
        request.organisation.name_fi,
        request.organisation.ministry.abbreviation if request.organisation.ministry else "",
        request.get_status_display(),
        representative.name if representative else "",
        representative.email if representative else "",
        representative.language if representative else "",
        deputy.name if deputy else "",
        deputy.email if deputy else "",
        finnish_date(request.first_answered_at, "minute"),
        timing,
        finnish_date(request.answered_at, "minute") if request.changed_later else "",
        request.get_channel_display() if request.channel else "",
    ]

"""The civil servants' network as CSV and XLSX, safe to open in a spreadsheet."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .models import HELSINKI, NominationRequest

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def network_rows(nomination_round):
    header = [
        _("Organisation"),
        _("Administrative branch"),
        _("Status"),
        _("Representative"),
        _("Representative's email"),
        _("Representative's language"),
        _("Deputy"),
        _("Deputy's email"),
        _("Answered"),
        _("On time or late"),
        _("Channel"),
    ]
    requests = nomination_round.requests.select_related(
        "organisation__ministry", "representative", "deputy"
    ).order_by("organisation__name_fi")
    rows = []
    for request in requests:
        representative, deputy = request.representative, request.deputy
        answered = (
            request.answered_at.astimezone(HELSINKI).strftime("%d.%m.%Y %H:%M")
            if request.answered_at
            else ""
        )
        timing = ""
        if request.status != NominationRequest.Status.PENDING:
            timing = _("late") if request.is_late else _("on time")
        rows.append(
            [
                request.organisation.name_fi,
                request.organisation.ministry.abbreviation if request.organisation.ministry else "",
                request.get_status_display(),
                representative.name if representative else "",
                representative.email if representative else "",
                representative.language if representative else "",
                deputy.name if deputy else "",
                deputy.email if deputy else "",
                answered,
                timing,
                request.get_channel_display() if request.channel else "",
            ]
        )
    return header, [[neutralise(value) for value in row] for row in rows]


def network_response(nomination_round, file_format):
    header, rows = network_rows(nomination_round)
    stamp = timezone.localdate().isoformat()
    filename = f"network-round-{nomination_round.pk}-{stamp}.{file_format}"
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    elif file_format == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Network"
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

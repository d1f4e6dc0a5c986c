"""Tables as CSV and XLSX files that are safe to open in a spreadsheet. Knows no domain app.

Every text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
return at the start) gets a leading apostrophe, in both formats (ADR 0007).
"""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _cell(value):
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    return neutralise(value)


def csv_text(header, rows) -> str:
    """UTF-8 CSV with a byte-order mark, so that Excel reads å, ä and ö right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def table_response(header, rows, *, file_format, filename, sheet="Data", disposition="attachment"):
    """A CSV or XLSX download of one table; any other format is a 404 for the caller."""
    if file_format == "csv":
        response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    elif file_format == "xlsx":
        workbook = Workbook()
        worksheet = workbook.active
        worksheet.title = sheet
        worksheet.append(header)
        for row in rows:
            worksheet.append([_cell(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    else:
        raise ValueError(file_format)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{file_format}"'
    return response

"""Tables as CSV and XLSX files that are safe to open in a spreadsheet. Knows no domain app.

Every text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
return at the start) gets a leading apostrophe, in both formats (ADR 0007).
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


@dataclass
class Table:
    """One table of a download: its sheet's `title`, and a `preamble` of (label, value) lines
    written above the header, such as the filters the figures were drawn with."""

    header: Sequence
    rows: Iterable[Sequence]
    title: str = "Data"
    preamble: Sequence[tuple] = ()

    def lines(self):
        """The table's lines as written: the preamble, an empty line, the header, the rows."""
        if self.preamble:
            yield from ([label, value] for label, value in self.preamble)
            yield []
        yield list(self.header)
        yield from ([_cell(value) for value in row] for row in self.rows)


def sheet_title(title, taken=()):
    """A worksheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    name = re.sub(r"[\[\]:*?/\\]", " ", str(title)).strip()[:31] or "Data"
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    return candidate


def csv_text(header, rows, *, preamble=()) -> str:
    """UTF-8 CSV with a byte-order mark, so that Excel reads å, ä and ö right."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(Table(header, rows, preamble=preamble).lines())
    return "\ufeff" + buffer.getvalue()


def xlsx_bytes(tables) -> bytes:
    """A workbook with one sheet per table, written row by row (openpyxl's write-only mode)."""
    workbook = Workbook(write_only=True)
    taken = set()
    for table in tables:
        title = sheet_title(table.title, taken)
        taken.add(title)
        worksheet = workbook.create_sheet(title)
        for line in table.lines():
            worksheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _download(response, filename, file_format, disposition="attachment"):
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{file_format}"'
    return response


def table_response(
    header, rows, *, file_format, filename, sheet="Data", disposition="attachment", preamble=()
):
    """A CSV or XLSX download of one table; any other format is a 404 for the caller."""
    if file_format == "csv":
        content = csv_text(header, rows, preamble=preamble)
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    elif file_format == "xlsx":
        table = Table(header, rows, title=sheet, preamble=preamble)
        response = HttpResponse(xlsx_bytes([table]), content_type=XLSX_CONTENT_TYPE)
    else:
        raise ValueError(file_format)
    return _download(response, filename, file_format, disposition)


def workbook_response(tables, *, filename):
    """An XLSX download with one sheet per `Table`."""
    response = HttpResponse(xlsx_bytes(tables), content_type=XLSX_CONTENT_TYPE)
    return _download(response, filename, "xlsx")

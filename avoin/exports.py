"""Tables as CSV and XLSX files that are safe to open in a spreadsheet. Knows no domain app.

Every text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
return at the start) gets a leading apostrophe, in both formats (ADR 0007).

Downloads stream (docs/adr/0040): CSV line by line, XLSX from openpyxl's write-only mode through
a temporary file, so a worker never holds a whole file in memory. Give them rows from
`QuerySet.iterator()` and they stay small whatever the size of the table.
"""

import csv
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import FileResponse, StreamingHttpResponse
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


class _Echo:
    """A file that hands back what is written to it, for csv.writer."""

    def write(self, value):
        return value


def csv_lines(header, rows, *, preamble=()):
    """UTF-8 CSV, line by line, after a byte-order mark so that Excel reads å, ä and ö right."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for line in Table(header, rows, preamble=preamble).lines():
        yield writer.writerow(line)


def csv_text(header, rows, *, preamble=()) -> str:
    """The whole CSV as one string (small tables)."""
    return "".join(csv_lines(header, rows, preamble=preamble))


def xlsx_file(tables):
    """A workbook with one sheet per table, written row by row (openpyxl's write-only mode) to
    a temporary file, rewound for reading; it disappears when closed."""
    workbook = Workbook(write_only=True)
    taken = set()
    for table in tables:
        title = sheet_title(table.title, taken)
        taken.add(title)
        worksheet = workbook.create_sheet(title)
        for line in table.lines():
            worksheet.append(line)
    file = tempfile.TemporaryFile()
    workbook.save(file)
    file.seek(0)
    return file


def _download(response, filename, file_format, disposition="attachment"):
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{file_format}"'
    return response


def in_blocks(lines, size=64 * 1024):
    """The lines joined into blocks of about `size` characters: a few large writes to the
    client instead of one per line."""
    block, length = [], 0
    for line in lines:
        block.append(line)
        length += len(line)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


def streaming_text_response(lines, *, content_type, filename, file_format, disposition):
    """Text written as it is produced (`lines`: an iterator of str), in blocks."""
    response = StreamingHttpResponse(in_blocks(lines), content_type=content_type)
    return _download(response, filename, file_format, disposition)


def table_response(
    header, rows, *, file_format, filename, sheet="Data", disposition="attachment", preamble=()
):
    """A CSV or XLSX download of one table, streamed; any other format is a 404 for the
    caller."""
    if file_format == "csv":
        return streaming_text_response(
            csv_lines(header, rows, preamble=preamble),
            content_type="text/csv; charset=utf-8",
            filename=filename,
            file_format="csv",
            disposition=disposition,
        )
    if file_format == "xlsx":
        table = Table(header, rows, title=sheet, preamble=preamble)
        response = FileResponse(xlsx_file([table]), content_type=XLSX_CONTENT_TYPE)
        return _download(response, filename, file_format, disposition)
    raise ValueError(file_format)


def workbook_response(tables, *, filename):
    """An XLSX download with one sheet per `Table`, streamed."""
    response = FileResponse(xlsx_file(tables), content_type=XLSX_CONTENT_TYPE)
    return _download(response, filename, "xlsx")

"""Downloads: formula-neutralised cells, a preamble of filters above the header, one sheet per
table, read back as a spreadsheet program would."""

import csv
import io

import pytest
from openpyxl import load_workbook

from avoin.exports import Table, sheet_title, table_response, workbook_response

HEADER = ["Kunta", "Raportoi"]
ROWS = [["Espoo", 3], ['=HYPERLINK("x")', 1], ["-1", None]]
PREAMBLE = [("Organisaatiotyyppi", "Kunta"), ("Maakunta", "Uusimaa")]


def read_csv(response):
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_writes_the_filters_first_then_the_table():
    response = table_response(
        HEADER, ROWS, file_format="csv", filename="kattavuus", preamble=PREAMBLE
    )
    assert response["Content-Disposition"] == 'attachment; filename="kattavuus.csv"'
    lines = read_csv(response)
    assert lines[:3] == [["Organisaatiotyyppi", "Kunta"], ["Maakunta", "Uusimaa"], []]
    assert lines[3] == HEADER
    assert lines[4:] == [["Espoo", "3"], ['\'=HYPERLINK("x")', "1"], ["'-1", ""]]


def test_without_a_preamble_the_header_comes_first():
    assert read_csv(table_response(HEADER, ROWS, file_format="csv", filename="f"))[0] == HEADER


def test_xlsx_reads_back_with_the_same_lines():
    response = table_response(
        HEADER, ROWS, file_format="xlsx", filename="f", sheet="Kattavuus", preamble=PREAMBLE
    )
    sheet = load_workbook(io.BytesIO(response.getvalue()))["Kattavuus"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["Organisaatiotyyppi", "Kunta"]
    assert values[3] == HEADER and values[4] == ["Espoo", 3]
    assert values[5][0] == '\'=HYPERLINK("x")'  # text, never a formula


def test_a_workbook_has_one_sheet_per_table_with_names_excel_accepts():
    tables = [
        Table(HEADER, ROWS, title="Uudet raportit"),
        Table(["Toimi"], [["1.1.a1"]], title="Myöhässä / erääntyneet: [välitavoitteet]"),
        Table(["x"], [], title="Uudet raportit"),
    ]
    workbook = load_workbook(io.BytesIO(workbook_response(tables, filename="paketti").getvalue()))
    assert workbook.sheetnames == [
        "Uudet raportit",
        "Myöhässä   erääntyneet   välita",
        "Uudet raportit (2)",
    ]
    assert all(len(name) <= 31 for name in workbook.sheetnames)


@pytest.mark.parametrize("title", ["", "a" * 40, "?*:"])
def test_sheet_titles_are_never_empty_or_too_long(title):
    name = sheet_title(title)
    assert 0 < len(name) <= 31


def test_downloads_are_streamed():
    """A worker never holds a whole file: CSV goes out line by line, XLSX from a file."""
    rows = (["Kunta", n] for n in range(5000))
    response = table_response(HEADER, rows, file_format="csv", filename="f")
    assert response.streaming
    assert len(read_csv(response)) == 5001
    xlsx = table_response(HEADER, [["Espoo", 1]], file_format="xlsx", filename="f")
    assert xlsx.streaming
    assert load_workbook(io.BytesIO(xlsx.getvalue())).active["A2"].value == "Espoo"

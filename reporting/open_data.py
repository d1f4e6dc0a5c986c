"""Published good practices as open data; the schema is in docs/open-data.md."""

import json

from avoin.exports import streaming_text_response, table_response

FIELDS = [
    "id",
    "url",
    "language",
    "title",
    "summary",
    "description",
    "title_fi",
    "summary_fi",
    "title_sv",
    "summary_sv",
    "title_en",
    "summary_en",
    "organisations",
    "organisation_kinds",
    "measures",
    "recommendations",
    "themes",
    "work_areas",
    "target_groups",
    "emphases",
    "links",
    "contact_email",
    "started_year",
    "published_at",
]


def practice_record(practice, *, url):
    """One practice as an open-data record (its relations prefetched)."""
    organisations = list(practice.organisations.all())
    return {
        "id": practice.pk,
        "url": url,
        "language": practice.language,
        "title": practice.title,
        "summary": practice.summary,
        "description": practice.description,
        "title_fi": practice.title_fi,
        "summary_fi": practice.summary_fi,
        "title_sv": practice.title_sv,
        "summary_sv": practice.summary_sv,
        "title_en": practice.title_en,
        "summary_en": practice.summary_en,
        "organisations": [organisation.name_fi for organisation in organisations],
        "organisation_kinds": sorted({organisation.kind for organisation in organisations}),
        "measures": [measure.number for measure in practice.measures.all()],
        "recommendations": [item.code for item in practice.recommendations.all()],
        "themes": [theme.name_fi for theme in practice.themes.all()],
        "work_areas": [area.number for area in practice.work_areas.all()],
        "target_groups": [group.value for group in practice.target_groups],
        "emphases": [emphasis.value for emphasis in practice.emphases],
        "links": practice.links,
        "contact_email": practice.contact_email,
        "started_year": practice.started_year,
        "published_at": practice.published_at.isoformat() if practice.published_at else None,
    }


def json_document_lines(head, name, records):
    """A JSON object written as it is produced: the `head` fields, then `name` as a list of
    `records` (an iterator), one record a line."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + (", " if head else "")
    yield json.dumps(name) + ": [\n"
    for number, record in enumerate(records):
        yield ("" if number == 0 else ",\n") + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def open_data_response(records, file_format):
    """The records (an iterator) as JSON (`{"practices": [...]}`) or as CSV, one column per
    field; both streamed."""
    if file_format == "json":
        return streaming_text_response(
            json_document_lines({}, "practices", records),
            content_type="application/json; charset=utf-8",
            filename="good-practices",
            file_format="json",
            disposition="inline",
        )
    rows = ([record[field] for field in FIELDS] for record in records)
    return table_response(
        FIELDS, rows, file_format="csv", filename="good-practices", disposition="inline"
    )

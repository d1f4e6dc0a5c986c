"""Published good practices as open data; the schema is in docs/open-data.md."""

import json

from django.http import HttpResponse

from avoin.exports import table_response

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


def open_data_response(records, file_format):
    """The records as JSON (`{"practices": [...]}`) or as CSV, one column per field."""
    if file_format == "json":
        response = HttpResponse(
            json.dumps({"practices": records}, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'inline; filename="good-practices.json"'
        return response
    rows = [[record[field] for field in FIELDS] for record in records]
    return table_response(
        FIELDS, rows, file_format="csv", filename="good-practices", disposition="inline"
    )

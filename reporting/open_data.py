"""Published good practices as open data; the schema is in docs/open-data.md."""

import collections
import itertools
import json

from avoin.exports import streaming_text_response, table_response

from .models import Emphasis, GoodPractice, TargetGroup, target_group_field

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


# The practice's own columns in a record, read as plain values.
COLUMNS = [
    "pk",
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
    "links",
    "contact_email",
    "started_year",
    "published_at",
    *(target_group_field(group) for group in TargetGroup.values),
    *Emphasis.values,
]
# Its relations: (many-to-many field, the related values read, in this order).
RELATIONS = {
    "organisations": ("organisations", ["organisation__name_fi", "organisation__kind"]),
    "measures": ("measures", ["measure__number"]),
    "recommendations": ("recommendations", ["recommendation__code"]),
    "themes": ("themes", ["theme__name_fi"]),
    "work_areas": ("work_areas", ["workarea__number"]),
}
CHUNK = 1000
TARGET_GROUPS = [(group, target_group_field(group)) for group in TargetGroup.values]
EMPHASES = list(Emphasis.values)


def practice_records(practices, *, url_of):
    """Each practice as an open-data record, read a chunk at a time as plain rows: the
    practices' columns, then each relation for the whole chunk (six queries a chunk, and no
    model instances). `url_of(pk)` gives a practice's address."""
    rows = practices.order_by("pk").values(*COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(rows, CHUNK)):
        related = _relations([row["pk"] for row in chunk])
        for row in chunk:
            yield _record(
                row, {name: values.get(row["pk"], []) for name, values in related.items()}, url_of
            )


def _relations(pks):
    """{relation: {practice pk: [values, ...]}} for the practices `pks`."""
    related = {}
    for name, (field, paths) in RELATIONS.items():
        through = getattr(GoodPractice, field).through
        values = collections.defaultdict(list)
        rows = (
            through.objects.filter(goodpractice_id__in=pks)
            .order_by("goodpractice_id", *paths)
            .values_list("goodpractice_id", *paths)
        )
        for pk, *value in rows:
            values[pk].append(value[0] if len(value) == 1 else tuple(value))
        related[name] = values
    return related


def _record(row, related, url_of):
    organisations = related["organisations"]
    published_at = row["published_at"]
    return {
        "id": row["pk"],
        "url": url_of(row["pk"]),
        **{field: row[field] for field in FIELDS[2:12]},
        "organisations": [name for name, _kind in organisations],
        "organisation_kinds": sorted({kind for _name, kind in organisations}),
        "measures": related["measures"],
        "recommendations": related["recommendations"],
        "themes": related["themes"],
        "work_areas": related["work_areas"],
        "target_groups": [group for group in TargetGroup.values if row[target_group_field(group)]],
        "emphases": [emphasis for emphasis in Emphasis.values if row[emphasis]],
        "links": row["links"],
        "contact_email": row["contact_email"],
        "started_year": row["started_year"],
        "published_at": published_at.isoformat() if published_at else None,
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

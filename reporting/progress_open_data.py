"""Progress as open data: the figures per period × recommendation × kind of organisation, and
each organisation's accepted statuses. Only accepted reports are in it at all. The schema is in
docs/open-data.md and docs/progress-open-data.schema.json."""

from django.utils import timezone

from avoin.exports import streaming_text_response, table_response
from commitments.models import PlanVersion

from . import figures
from .models import ProgressStatus, ReportingPeriod
from .open_data import json_document_lines

LICENCE = "CC BY 4.0"
FIGURE_FIELDS = [
    "period",
    "period_starts_on",
    "period_ends_on",
    "period_closed",
    "plan_version",
    "measure",
    "recommendation",
    "organisation_kind",
    "organisations",
    "reported",
    *ProgressStatus.values,
]
STATUS_FIELDS = [
    "period",
    "plan_version",
    "organisation_id",
    "organisation",
    "organisation_code",
    "business_id",
    "organisation_kind",
    "measure",
    "recommendation",
    "status",
    "evidence",
    "links",
    "accepted_at",
]


def period_key(period):
    """A period as open data names it: "2024-Q1"."""
    return f"{period.year}-Q{period.quarter}"


def opened_periods(today=None):
    """The periods whose reporting has opened: those the open data covers."""
    today = today or timezone.localdate()
    return list(ReportingPeriod.objects.filter(opens_on__lte=today).order_by("starts_on"))


def plan_versions(periods) -> dict:
    """The plan version in effect at the end of each period ("2024-Q1" → 1; docs/adr/0044)."""
    versions = list(PlanVersion.objects.order_by("effective_from"))
    numbers = {}
    for period in periods:
        in_effect = [v.number for v in versions if v.effective_from <= period.ends_on]
        numbers[period_key(period)] = in_effect[-1] if in_effect else 1
    return numbers


def figure_records(periods, today=None):
    """One record per period × report paragraph × kind it asks something of."""
    today = today or timezone.localdate()
    by_pk = {period.pk: period for period in periods}
    versions = plan_versions(periods)
    records = []
    for (period_id, _recommendation_id), item in figures.recommendation_figures(periods).items():
        period = by_pk[period_id]
        for tally in item.kinds:
            records.append(
                {
                    "period": period_key(period),
                    "period_starts_on": period.starts_on.isoformat(),
                    "period_ends_on": period.ends_on.isoformat(),
                    "period_closed": period.is_locked or period.closes_on < today,
                    "plan_version": versions[period_key(period)],
                    "measure": item.recommendation.measure.number,
                    "recommendation": item.recommendation.code,
                    "organisation_kind": str(tally.kind),
                    "organisations": tally.organisations,
                    "reported": tally.reported,
                    **{status.value: count for status, count in tally.counts()},
                }
            )
    return records


STATUS_COLUMNS = {  # field: where it comes from
    "period_year": "report__period__year",
    "period_quarter": "report__period__quarter",
    "organisation_id": "report__organisation_id",
    "organisation": "report__organisation__name_fi",
    "organisation_code": "report__organisation__code",
    "business_id": "report__organisation__business_id",
    "organisation_kind": "report__organisation__kind",
    "measure": "recommendation__measure__number",
    "recommendation": "recommendation__code",
    "status": "status",
    "evidence": "evidence",
    "links": "links",
    "accepted_at": "report__reviewed_at",
}


def status_records(periods):
    """One record per accepted entry counted in the figures, organisation by organisation, as
    they are read: the whole programme is hundreds of thousands of plain rows."""
    rows = (
        figures.counted_entries(periods)
        .order_by(
            "report__period__starts_on",
            "report__organisation__name_fi",
            "report__organisation_id",
            "recommendation__measure__number",
            "recommendation__position",
        )
        .values(*STATUS_COLUMNS.values())
        .iterator(chunk_size=2000)
    )
    versions = plan_versions(periods)
    for row in rows:
        record = {name: row[column] for name, column in STATUS_COLUMNS.items()}
        year, quarter = record.pop("period_year"), record.pop("period_quarter")
        accepted_at = record["accepted_at"]
        yield {
            "period": f"{year}-Q{quarter}",
            "plan_version": versions.get(f"{year}-Q{quarter}", 1),
            **record,
            "accepted_at": accepted_at.isoformat() if accepted_at else None,
        }


def _cell(value):
    """CSV cells: booleans as JSON writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def progress_open_data_response(file_format, *, table="figures"):
    """The JSON document (figures and statuses), or one of them as CSV."""
    periods = opened_periods()
    if file_format == "json":
        # The figures are a few thousand records at most; the statuses are streamed.
        head = {"licence": LICENCE, "figures": figure_records(periods)}
        return streaming_text_response(
            json_document_lines(head, "statuses", status_records(periods)),
            content_type="application/json; charset=utf-8",
            filename="progress",
            file_format="json",
            disposition="inline",
        )
    if table == "statuses":
        fields, records, filename = STATUS_FIELDS, status_records(periods), "progress-statuses"
    else:
        fields, records, filename = FIGURE_FIELDS, figure_records(periods), "progress-figures"
    rows = ([_cell(record[name]) for name in fields] for record in records)
    return table_response(fields, rows, file_format="csv", filename=filename, disposition="inline")

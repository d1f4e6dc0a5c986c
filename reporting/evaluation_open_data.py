"""A published evaluation as open data (JSON) and as a workbook (XLSX): each assessment with its
rating, and each piece of evidence with its figures as of the cut-off date, one figure a row.
Described in docs/open-data.md."""

import json

from django.db.models import Prefetch
from django.http import HttpResponse

from avoin.exports import Table, workbook_response

from .models import Assessment, Evidence, FeedbackAnswer
from .presenters.feedback import feedback_tables
from .services.evaluations import cut_off_moment

LICENCE = "CC BY 4.0"
ASSESSMENT_FIELDS = [
    "target",
    "criterion",
    "rating_scale",
    "rating",
    "rating_label_en",
    "grounds",
    "finding_fi",
    "finding_sv",
    "finding_en",
]
EVIDENCE_FIELDS = ["target", "criterion", "kind", "record", "title", "figure", "value"]
FEEDBACK_FIELDS = ["group", "answers", "in_time_percent", "influence_percent", "accessible_percent"]


def _assessments(evaluation):
    return (
        Assessment.objects.of(evaluation)
        .exclude(finding_fi="")
        .select_related("criterion", "rating__scale", "commitment", "measure")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("position")))
    )


def _target(assessment):
    if assessment.measure_id:
        return f"measure {assessment.measure.number}"
    return f"commitment {assessment.commitment.number}"


def assessment_records(evaluation):
    records = []
    for assessment in _assessments(evaluation):
        rating = assessment.rating
        records.append(
            {
                "target": _target(assessment),
                "criterion": assessment.criterion.code,
                "rating_scale": rating.scale.code if rating else "",
                "rating": rating.code if rating else "",
                "rating_label_en": rating.label_en if rating else "",
                "grounds": list(assessment.grounds),
                "finding_fi": assessment.finding_fi,
                "finding_sv": assessment.finding_sv,
                "finding_en": assessment.finding_en,
                "evidence": [
                    {"kind": e.kind, "record": e.key, "title": e.title, "figures": e.figures}
                    for e in assessment.evidence.all()
                ],
            }
        )
    return records


def feedback_records(evaluation):
    """Participation quality by measure as of the cut-off; suppressed under 5 answers."""
    answers = FeedbackAnswer.objects.given_before(cut_off_moment(evaluation.cut_off))
    return [
        {
            "group": f"measure {row.key}",
            "answers": row.answers,
            "in_time_percent": row.in_time_percent,
            "influence_percent": row.influence_percent,
            "accessible_percent": row.accessible_percent,
        }
        for row in feedback_tables(answers)["by_measure"]
    ]


def _about(evaluation):
    return {
        "evaluation": evaluation.kind,
        "year": evaluation.year,
        "cut_off": evaluation.cut_off.isoformat(),
        "published_at": evaluation.published_at.isoformat(),
        "licence": LICENCE,
        "original_language": "fi",
    }


def evaluation_json_response(evaluation):
    data = {
        **_about(evaluation),
        "assessments": assessment_records(evaluation),
        "participation_quality": feedback_records(evaluation),
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
    )


def _evidence_rows(records):
    for record in records:
        for evidence in record["evidence"]:
            for figure, value in evidence["figures"].items():
                if isinstance(value, list):
                    value = "; ".join(str(v) for v in value)
                yield [
                    record["target"],
                    record["criterion"],
                    evidence["kind"],
                    evidence["record"],
                    evidence["title"],
                    figure,
                    value,
                ]


def evaluation_workbook_response(evaluation):
    records = assessment_records(evaluation)
    preamble = [(key, str(value)) for key, value in _about(evaluation).items()]
    tables = [
        Table(
            ASSESSMENT_FIELDS,
            [
                [
                    *(r[name] for name in ASSESSMENT_FIELDS[:5]),
                    "; ".join(r["grounds"]),
                    *(r[name] for name in ASSESSMENT_FIELDS[6:]),
                ]
                for r in records
            ],
            title="Assessments",
            preamble=preamble,
        ),
        Table(EVIDENCE_FIELDS, list(_evidence_rows(records)), title="Evidence", preamble=preamble),
        Table(
            FEEDBACK_FIELDS,
            [[r[name] for name in FEEDBACK_FIELDS] for r in feedback_records(evaluation)],
            title="Participation quality",
            preamble=preamble,
        ),
    ]
    return workbook_response(tables, filename=f"avoin-{evaluation.kind}-{evaluation.year}")

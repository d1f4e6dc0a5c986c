"""What the evaluation pages show: the evidence in words (one presenter for the records on
offer and the ones picked), and the workspace's grid of targets and criteria."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from commitments.models import Evaluation
from reporting.models import (
    ActionStatus,
    ActivityKind,
    Assessment,
    Completion,
    Emphasis,
    EqualityGround,
    EvidenceKind,
    ProgressStatus,
    TargetGroup,
)


def _number(value):
    return number_format(value or 0, force_grouping=True)


def _statuses(figures):
    parts = [
        f"{label.lower()} {_number(figures[value])}"
        for value, label in ProgressStatus.choices
        if figures.get(value)
    ]
    return ", ".join(parts)


def evidence_label(item) -> str:
    """The record's name: `item` is a Candidate or an Evidence row (kind, key, title)."""
    if item.kind == EvidenceKind.PROGRESS:
        return _("Recommendation %(code)s") % {"code": item.key}
    if item.kind == EvidenceKind.ACTIVITIES:
        return ActivityKind(item.key).label if item.key in ActivityKind.values else item.key
    if item.kind == EvidenceKind.ACTION:
        return _("Action %(code)s") % {"code": item.key}
    return item.title


def evidence_figures(item) -> str:
    """The record's figures as of the cut-off, in words."""
    figures = item.figures
    if item.kind == EvidenceKind.PROGRESS:
        reported = sum(v for k, v in figures.items() if k in ProgressStatus.values)
        return _("%(year)s Q%(quarter)s: %(reported)s organisations reported (%(statuses)s)") % {
            "year": figures.get("year"),
            "quarter": figures.get("quarter"),
            "reported": _number(reported),
            "statuses": _statuses(figures),
        }
    if item.kind == EvidenceKind.ACTIVITIES:
        text = _("%(activities)s activities by %(organisations)s organisations") % {
            "activities": _number(figures.get("activities")),
            "organisations": _number(figures.get("organisations")),
        }
        if figures.get("participants"):
            text += ", " + _("%(n)s participants") % {"n": _number(figures["participants"])}
        if figures.get("completions"):
            text += ", " + _("%(n)s completions") % {"n": _number(figures["completions"])}
        return text
    if item.kind == EvidenceKind.ACTION:
        status = figures.get("status")
        completion = figures.get("completion")
        return _(
            "%(status)s, completion %(completion)s; milestones %(done)s of %(due)s due done"
        ) % {
            "status": ActionStatus(status).label if status else _("no update"),
            "completion": Completion(completion).label.lower() if completion else "–",
            "done": _number(figures.get("milestones_done")),
            "due": _number(figures.get("milestones_due")),
        }
    if item.kind == EvidenceKind.PRACTICE:
        groups = [TargetGroup(group).label for group in figures.get("groups", [])]
        return ", ".join(str(group) for group in groups) or _("No target group named")
    if item.kind == EvidenceKind.FEEDBACK:
        if figures.get("suppressed"):
            return _("%(n)s answers: fewer than 5, so no figures are shown") % {
                "n": _number(figures.get("answers"))
            }
        return _(
            "%(n)s answers; materials in time %(in_time)s %%, could influence %(influence)s %%"
        ) % {
            "n": _number(figures.get("answers")),
            "in_time": _number(figures.get("in_time_percent")),
            "influence": _number(figures.get("influence_percent")),
        }
    return ""


def evidence_url(item) -> str:
    """Where the public can read the record, or "" when it has no public page."""
    if item.kind == EvidenceKind.PROGRESS:
        return reverse("commitments:recommendation_detail", args=[item.key])
    if item.kind == EvidenceKind.ACTION:
        return reverse("commitments:action_detail", args=[item.key])
    if item.kind == EvidenceKind.PRACTICE:
        return reverse("reporting:practice_detail", args=[item.key])
    return ""


@dataclass
class EvidenceLine:
    kind_label: str
    label: str
    figures: str
    url: str


def evidence_lines(items) -> list[EvidenceLine]:
    return [
        EvidenceLine(
            EvidenceKind(item.kind).label,
            evidence_label(item),
            evidence_figures(item),
            evidence_url(item),
        )
        for item in items
    ]


@dataclass
class Cell:
    criterion: object
    assessment: object  # None until the team writes one

    @property
    def is_written(self):
        return self.assessment is not None and bool(self.assessment.finding_fi)


@dataclass
class Target:
    kind: str  # "commitment" or "measure"
    code: str
    object: object
    cells: list


def workspace_targets(evaluation, commitments, criteria, assessments) -> list[Target]:
    """Each commitment, then its measures, with one cell per criterion."""
    by_key = {
        (a.criterion_id, a.commitment_id and f"c{a.commitment_id}" or f"m{a.measure_id}"): a
        for a in assessments
    }
    targets = []
    for commitment in commitments:
        targets.append(
            Target(
                "commitment",
                str(commitment.number),
                commitment,
                [Cell(c, by_key.get((c.pk, f"c{commitment.pk}"))) for c in criteria],
            )
        )
        for measure in commitment.measures.all():
            targets.append(
                Target(
                    "measure",
                    measure.number,
                    measure,
                    [Cell(c, by_key.get((c.pk, f"m{measure.pk}"))) for c in criteria],
                )
            )
    return targets


def group_rows(candidates) -> list[tuple[str, int]]:
    """What the records on offer say about groups: published practices per target group and
    with the children-and-young-people emphasis."""
    counts = dict.fromkeys(TargetGroup.values, 0)
    emphasis = 0
    for candidate in candidates:
        if candidate.kind == EvidenceKind.PRACTICE:
            for group in candidate.figures.get("groups", []):
                counts[group] += 1
            emphasis += bool(candidate.figures.get("children_and_youth"))
    rows = [(TargetGroup(group).label, count) for group, count in counts.items()]
    rows.append((_("Emphasis: %(name)s") % {"name": Emphasis.CHILDREN_AND_YOUTH.label}, emphasis))
    return rows


def grounds_text(grounds) -> str:
    return ", ".join(str(EqualityGround(g).label) for g in grounds if g in EqualityGround.values)


@dataclass
class EvaluationResult:
    """A published evaluation in one line: how the measures were rated, scale by scale."""

    evaluation: object
    ratings: list  # (scale name, [(level label, count), …])


def published_results() -> dict:
    """Published evaluations by kind, with the count of measures at each rating: two queries."""
    evaluations = {e.pk: e for e in Evaluation.objects.published()}
    rows = (
        Assessment.objects.filter(
            evaluation__in=evaluations, measure__isnull=False, rating__isnull=False
        )
        .select_related("rating__scale")
        .order_by("evaluation", "rating__scale__code", "rating__position")
    )
    results = {e.kind: EvaluationResult(e, []) for e in evaluations.values()}
    counts = {}
    for assessment in rows:
        key = (assessment.evaluation_id, assessment.rating.scale)
        counts.setdefault(key, {}).setdefault(assessment.rating, 0)
        counts[key][assessment.rating] += 1
    for (evaluation_id, scale), levels in counts.items():
        results[evaluations[evaluation_id].kind].ratings.append(
            (scale.name, [(level.label, count) for level, count in levels.items()])
        )
    return results

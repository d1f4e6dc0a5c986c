"""The evaluation workspace: evidence assembled from the records as they stood at the end of
the cut-off day (docs/adr/0042), assessments saved with the evidence the team picked, and the
evaluation's status from planned to published."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.workflow import transition
from commitments.models import Action, Evaluation, EvaluationCriterion, EvaluationStatus
from reporting.models import (
    ActionUpdate,
    Activity,
    Assessment,
    Evidence,
    EvidenceKind,
    FeedbackAnswer,
    GoodPractice,
    PeriodReport,
    PracticeStatus,
    ProgressEntry,
    ReportStatus,
    TargetGroup,
    target_group_field,
)
from reporting.services.feedback import feedback_figures


@dataclass(frozen=True)
class Candidate:
    """A record the evaluator may pick, with its figures as of the cut-off."""

    kind: str
    key: str
    title: str = ""
    figures: dict = field(default_factory=dict)

    @property
    def value(self):
        return f"{self.kind}:{self.key}"


def cut_off_moment(day: datetime.date) -> datetime.datetime:
    """The first moment after the cut-off day in Helsinki: the evidence is what was recorded
    before it."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def evidence_period(day):
    """The latest quarter ended by the cut-off day with reports accepted by then: progress is
    counted in it (reports are accepted weeks after their quarter ends)."""
    accepted = _accepted_by(cut_off_moment(day)).filter(period__ends_on__lte=day)
    report = accepted.select_related("period").order_by("-period__starts_on").first()
    return report.period if report else None


def _accepted_by(moment):
    return PeriodReport.objects.filter(status=ReportStatus.ACCEPTED, reviewed_at__lt=moment)


def evidence_candidates(*, cut_off: datetime.date, measures) -> list[Candidate]:
    """What the records said about `measures` at the end of `cut_off`: progress reports
    accepted by then, the activities they cover, the team's actions, published practices and
    participation feedback. A fixed number of queries whatever the data size."""
    moment = cut_off_moment(cut_off)
    period = evidence_period(cut_off)
    return [
        *_progress(moment, period, measures),
        *_activities(moment, cut_off, measures),
        *_actions(cut_off, period, measures),
        *_practices(moment, measures),
        *_feedback(moment, measures),
    ]


def _progress(moment, period, measures):
    if period is None:
        return []
    rows = (
        ProgressEntry.objects.filter(
            report__in=_accepted_by(moment).filter(period=period),
            recommendation__measure__in=measures,
        )
        .values("recommendation__code", "recommendation__measure__number", "status")
        .annotate(organisations=Count("report__organisation", distinct=True))
        .order_by("recommendation__measure__number", "recommendation__code", "status")
    )
    tallies = {}
    for row in rows:
        figures = tallies.setdefault(
            row["recommendation__code"], {"year": period.year, "quarter": period.quarter}
        )
        figures[row["status"]] = row["organisations"]
    return [Candidate(EvidenceKind.PROGRESS, code, figures=f) for code, f in tallies.items()]


def _activities(moment, cut_off, measures):
    accepted = _accepted_by(moment).filter(
        organisation=OuterRef("organisation"), period=OuterRef("period")
    )
    rows = (
        Activity.objects.filter(measure__in=measures, happened_on__lte=cut_off)
        .filter(Exists(accepted))
        .values("kind")
        .annotate(
            activities=Count("pk"),
            organisations=Count("organisation", distinct=True),
            participants=Sum("participants"),
            completions=Sum("completions"),
        )
        .order_by("kind")
    )
    return [
        Candidate(
            EvidenceKind.ACTIVITIES,
            row["kind"],
            figures={name: row[name] or 0 for name in row if name != "kind"},
        )
        for row in rows
    ]


def _actions(cut_off, period, measures):
    update = ActionUpdate.objects.filter(action=OuterRef("pk"), period=period)
    rows = (
        Action.objects.filter(measure__in=measures)
        .annotate(
            status=Subquery(update.values("status")[:1]),
            completion=Subquery(update.values("completion")[:1]),
            milestones_due=Count("milestones", filter=Q(milestones__due_on__lte=cut_off)),
            milestones_done=Count("milestones", filter=Q(milestones__done_on__lte=cut_off)),
        )
        .values("code", "status", "completion", "milestones_due", "milestones_done")
        .order_by("measure__number", "position")
    )
    return [
        Candidate(
            EvidenceKind.ACTION,
            row["code"],
            figures={name: row[name] or "" for name in row if name != "code"},
        )
        for row in rows
    ]


GROUP_FLAGS = [target_group_field(group) for group in TargetGroup.values]


def _practices(moment, measures):
    rows = (
        GoodPractice.objects.filter(
            status=PracticeStatus.PUBLISHED, published_at__lt=moment, measures__in=measures
        )
        .values("pk", "title", "children_and_youth", "early_participation", *GROUP_FLAGS)
        .distinct()
        .order_by("pk")
    )
    return [
        Candidate(
            EvidenceKind.PRACTICE,
            str(row["pk"]),
            title=row["title"],
            figures={
                "groups": [g for g in TargetGroup.values if row[target_group_field(g)]],
                "children_and_youth": row["children_and_youth"],
                "early_participation": row["early_participation"],
            },
        )
        for row in rows
    ]


def _feedback(moment, measures):
    """One candidate per activity with feedback; its figures suppressed under 5 answers."""
    answers = FeedbackAnswer.objects.given_before(moment).filter(
        link__activity__measure__in=measures
    )
    titles = dict(
        Activity.objects.filter(feedback__answers__in=answers).distinct().values_list("pk", "title")
    )
    return [
        Candidate(EvidenceKind.FEEDBACK, str(f.key), titles.get(f.key, ""), f.as_evidence())
        for f in feedback_figures(answers, "link__activity")
    ]


def target_measures(*, commitment=None, measure=None):
    """The measures an assessment's evidence comes from: the measure, or the commitment's."""
    if measure is not None:
        return [measure]
    return list(commitment.measures.all())


def assessment_save(
    *,
    evaluation: Evaluation,
    criterion: EvaluationCriterion,
    commitment=None,
    measure=None,
    values: dict,
    evidence: list[str],
    by,
) -> Assessment:
    """Save the team's finding on a commitment or measure against a criterion, with the
    evidence picked from what the records said at the cut-off (never from what was posted)."""
    if evaluation.is_published:
        raise ValidationError(_("A published evaluation is no longer changed."), code="published")
    if evaluation.cut_off is None:
        raise ValidationError(_("Set the data cut-off date first."), code="no_cut_off")
    offered = {
        candidate.value: candidate
        for candidate in evidence_candidates(
            cut_off=evaluation.cut_off,
            measures=target_measures(commitment=commitment, measure=measure),
        )
    }
    unknown = [value for value in evidence if value not in offered]
    if unknown:
        raise ValidationError(
            _("Some of the evidence is no longer among the records; choose again."),
            code="evidence",
        )
    with transaction.atomic():
        assessment, _created = Assessment.objects.select_for_update().get_or_create(
            evaluation=evaluation, criterion=criterion, commitment=commitment, measure=measure
        )
        for name, value in values.items():
            setattr(assessment, name, value)
        assessment.updated_by = by
        assessment.version += 1
        assessment.full_clean()
        assessment._history_user = by
        assessment.save()
        assessment.evidence.all().delete()
        Evidence.objects.bulk_create(
            Evidence(
                assessment=assessment,
                kind=offered[value].kind,
                key=offered[value].key,
                title=offered[value].title[:300],
                figures=offered[value].figures,
                position=position,
            )
            for position, value in enumerate(evidence)
        )
        if evaluation.status == EvaluationStatus.PLANNED:
            transition(
                evaluation,
                by=by,
                allowed_from=[EvaluationStatus.PLANNED],
                to=EvaluationStatus.IN_PROGRESS,
            )
    return assessment


def evaluation_publish(*, evaluation: Evaluation, by) -> Evaluation:
    """Publish an evaluation: it needs its cut-off date, a summary in Finnish and a finding."""
    problems = []
    if evaluation.cut_off is None:
        problems.append(_("Set the data cut-off date."))
    if not evaluation.summary_fi.strip():
        problems.append(_("Write the summary in Finnish."))
    if not evaluation.assessments.exclude(finding_fi="").exists():
        problems.append(_("Write at least one finding."))
    if problems:
        raise ValidationError(problems, code="incomplete")
    return transition(
        evaluation,
        by=by,
        allowed_from=[EvaluationStatus.PLANNED, EvaluationStatus.IN_PROGRESS],
        to=EvaluationStatus.PUBLISHED,
        published_at=timezone.now(),
    )

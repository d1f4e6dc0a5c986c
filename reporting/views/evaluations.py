"""The evaluation workspace (the ministry team writes, the working group reads) and the
published evaluation report (public)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avoin.permissions import (
    is_ministry_team,
    is_working_group,
    ministry_team_required,
    working_group_required,
)
from avoin.workflow import REFUSED, carry_out
from commitments.models import Commitment, Evaluation, Measure
from commitments.views import current_programme
from reporting.evaluation_open_data import (
    evaluation_json_response,
    evaluation_workbook_response,
)
from reporting.forms.evaluations import AssessmentForm, EvaluationForm, ProposalForm
from reporting.models import Assessment, CommitmentProposal, Evidence, FeedbackAnswer
from reporting.presenters.evaluations import (
    evidence_lines,
    grounds_text,
    group_rows,
    workspace_targets,
)
from reporting.presenters.feedback import feedback_tables
from reporting.services import evaluations as services


def _evaluation(kind):
    return get_object_or_404(
        Evaluation.objects.prefetch_related("criteria__scale"),
        programme=current_programme(),
        kind=kind,
    )


def _report_context(evaluation):
    """The evaluation's targets and criteria with their assessments and evidence."""
    assessments = (
        Assessment.objects.of(evaluation)
        .select_related("criterion", "rating")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("position")))
    )
    commitments = Commitment.objects.filter(programme=evaluation.programme).prefetch_related(
        Prefetch("measures", queryset=Measure.objects.order_by("number"))
    )
    criteria = list(evaluation.criteria.all())
    targets = workspace_targets(evaluation, commitments, criteria, assessments)
    for target in targets:
        for cell in target.cells:
            cell.evidence = (
                evidence_lines(cell.assessment.evidence.all()) if cell.assessment else []
            )
            cell.grounds_text = grounds_text(cell.assessment.grounds) if cell.assessment else ""
    return {
        "evaluation": evaluation,
        "criteria": criteria,
        "targets": targets,
        "proposals": evaluation.proposals.select_related("measure"),
    }


@working_group_required
def evaluation_workspace_list(request):
    """The evaluations with their status and cut-off date."""
    evaluations = Evaluation.objects.filter(programme=current_programme())
    return render(
        request, "reporting/evaluations/workspace_list.html", {"evaluations": evaluations}
    )


@working_group_required
def evaluation_workspace(request, kind):
    """An evaluation's grid: each commitment and measure against each criterion."""
    context = _report_context(_evaluation(kind))
    context["can_edit"] = is_ministry_team(request.user)
    return render(request, "reporting/evaluations/workspace.html", context)


@ministry_team_required
def evaluation_update(request, kind):
    """The evaluation's cut-off date and summary."""
    evaluation = _evaluation(kind)
    form = EvaluationForm(request.POST or None, instance=evaluation)
    if form.is_valid():
        form.instance._history_user = request.user
        form.save()
        messages.success(request, _("The evaluation was saved."))
        return redirect("reporting:evaluation_workspace", kind)
    return render(
        request,
        "reporting/evaluations/evaluation_form.html",
        {"evaluation": evaluation, "form": form},
    )


@ministry_team_required
@require_POST
def evaluation_publish(request, kind):
    """Publish the evaluation report."""
    evaluation = _evaluation(kind)
    done = _("The evaluation was published.")
    result = carry_out(
        request,
        lambda: services.evaluation_publish(evaluation=evaluation, by=request.user),
        done=done,
    )
    if result is REFUSED:
        return redirect("reporting:evaluation_workspace", kind)
    return redirect("reporting:evaluation_report", kind)


def _target(evaluation, target, number):
    programme = evaluation.programme
    if target == "commitment":
        commitment = get_object_or_404(Commitment, programme=programme, number=number)
        return {"commitment": commitment, "measure": None}, commitment
    if target == "measure":
        measure = get_object_or_404(Measure, commitment__programme=programme, number=number)
        return {"commitment": None, "measure": measure}, measure
    raise Http404("Unknown kind of target.")


@ministry_team_required
def assessment_update(request, kind, target, number, criterion):
    """A finding on a commitment or measure against a criterion, with the evidence."""
    evaluation = _evaluation(kind)
    criterion = get_object_or_404(evaluation.criteria.select_related("scale"), code=criterion)
    lookup, subject = _target(evaluation, target, number)
    if evaluation.cut_off is None:
        messages.error(request, _("Set the data cut-off date first."))
        return redirect("reporting:evaluation_update", kind)
    candidates = services.evidence_candidates(
        cut_off=evaluation.cut_off, measures=services.target_measures(**lookup)
    )
    assessment = Assessment.objects.filter(
        evaluation=evaluation, criterion=criterion, **lookup
    ).first()
    form = AssessmentForm(
        request.POST or None,
        initial=AssessmentForm.initial_for(assessment),
        criterion=criterion,
        candidates=candidates,
    )
    if form.is_valid() and _save_assessment(request, evaluation, criterion, lookup, form):
        return redirect("reporting:evaluation_workspace", kind)
    context = {
        "evaluation": evaluation,
        "criterion": criterion,
        "subject": subject,
        "form": form,
        "groups": group_rows(candidates),
    }
    return render(request, "reporting/evaluations/assessment_form.html", context)


def _save_assessment(request, evaluation, criterion, lookup, form) -> bool:
    saved = carry_out(
        request,
        lambda: services.assessment_save(
            evaluation=evaluation,
            criterion=criterion,
            values=form.values(),
            evidence=form.cleaned_data["evidence"],
            by=request.user,
            **lookup,
        ),
        done=_("The assessment was saved."),
    )
    return saved is not REFUSED


@ministry_team_required
def proposal_create(request, kind):
    """A proposal for a new commitment (mid-term)."""
    evaluation = _evaluation(kind)
    form = ProposalForm(request.POST or None, instance=CommitmentProposal(evaluation=evaluation))
    if form.is_valid():
        form.instance._history_user = request.user
        form.save()
        messages.success(request, _("The proposal was saved."))
        return redirect("reporting:evaluation_workspace", kind)
    context = {"evaluation": evaluation, "form": form}
    return render(request, "reporting/evaluations/proposal_form.html", context)


def _readable(request, kind):
    """The evaluation if published, or for the team and the working group; else 404."""
    evaluation = _evaluation(kind)
    if not evaluation.is_published and not is_working_group(request.user):
        raise Http404("The evaluation has not been published.")
    return evaluation


@login_not_required
def evaluation_report(request, kind):
    """The evaluation report: public once published; the team and working group see drafts."""
    evaluation = _readable(request, kind)
    context = _report_context(evaluation)
    if evaluation.cut_off:
        answers = FeedbackAnswer.objects.given_before(services.cut_off_moment(evaluation.cut_off))
        context["participation"] = feedback_tables(answers)
    return render(request, "reporting/evaluations/report.html", context)


@login_not_required
def evaluation_download(request, kind, file_format):
    """A published evaluation as XLSX or as open data (JSON)."""
    evaluation = _evaluation(kind)
    if not evaluation.is_published:
        raise Http404("The evaluation has not been published.")
    if file_format == "json":
        return evaluation_json_response(evaluation)
    return evaluation_workbook_response(evaluation)

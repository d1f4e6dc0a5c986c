from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from avoin.permissions import is_ministry_team, ministry_team_required
from avoin.workflow import REFUSED, carry_out

from .forms import AmendmentForm, AskedOfUsForm, PlanVersionForm
from .models import (
    Action,
    Amendment,
    Commitment,
    Evaluation,
    Measure,
    PlanVersion,
    Programme,
    Recommendation,
    RecommendationAsk,
    TextSection,
)
from .versioning import amendment_record


def in_current_programme():
    """The current programme (the one published last) as a subquery, for filtering a page's
    object by it in the same query; a page asked for with no programme loaded is not found."""
    return Subquery(Programme.objects.values("pk")[:1])


def current_programme():
    programme = Programme.objects.first()
    if programme is None:
        raise Http404("No programme has been loaded.")
    return programme


@login_not_required
def programme_overview(request):
    """The programme: its commitments and measures, work areas, themes and trainings."""
    programme = current_programme()
    commitments = programme.commitments.prefetch_related("measures")
    return render(
        request,
        "commitments/programme_overview.html",
        {
            "programme": programme,
            "commitments": commitments,
            "context_sections": programme.sections.filter(topic=TextSection.Topic.CONTEXT),
            "work_areas": programme.work_areas.all(),
            "themes": programme.themes.all(),
            "trainings": programme.trainings.select_related("measure"),
        },
    )


@login_not_required
def commitment_detail(request, number):
    """A commitment with its measures, their actions and recommendations."""
    commitment = get_object_or_404(
        Commitment.objects.prefetch_related(
            Prefetch(
                "measures",
                queryset=Measure.objects.prefetch_related("actions", "recommendations"),
            )
        ),
        programme=in_current_programme(),
        number=number,
    )
    return render(request, "commitments/commitment_detail.html", {"commitment": commitment})


@login_not_required
def measure_detail(request, number):
    """A measure: what the government will do and what it recommends to others."""
    measure = get_object_or_404(
        Measure.objects.select_related("commitment"),
        commitment__programme=in_current_programme(),
        number=number,
    )
    recommendations = measure.recommendations.prefetch_related(
        Prefetch("asks", queryset=RecommendationAsk.objects.order_by("position", "audience")),
        "deliverables",
    )
    return render(
        request,
        "commitments/measure_detail.html",
        {
            "measure": measure,
            "actions": measure.actions.all(),
            "recommendations": recommendations,
            "trainings": measure.trainings.all(),
            "events": measure.events.all(),
            "amendments": _amendments(measure),
        },
    )


@login_not_required
def action_detail(request, code):
    """One action of a measure."""
    action = get_object_or_404(
        Action.objects.select_related("measure__commitment"),
        measure__commitment__programme=in_current_programme(),
        code=code,
    )
    context = {"action": action, "amendments": _amendments(action)}
    return render(request, "commitments/action_detail.html", context)


@login_not_required
def recommendation_detail(request, code):
    """One recommendation paragraph: whom it asks, how strongly, and what it expects."""
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("measure__commitment").prefetch_related(
            "deliverables"
        ),
        measure__commitment__programme=in_current_programme(),
        code=code,
    )
    asks = [
        (position, list(rows))
        for position, rows in groupby(recommendation.asks.all(), key=lambda ask: ask.position)
    ]
    return render(
        request,
        "commitments/recommendation_detail.html",
        {"recommendation": recommendation, "asks": asks, "amendments": _amendments(recommendation)},
    )


@login_not_required
def asked_of_us(request):
    """The recommendations that concern one kind of organisation, with their ask strength."""
    form = AskedOfUsForm(request.GET or None)
    recommendations = None
    if form.is_valid():
        recommendations = Recommendation.objects.filter(
            measure__commitment__programme=in_current_programme()
        ).for_audiences(form.audiences())
    return render(
        request,
        "commitments/asked_of_us.html",
        {"form": form, "recommendations": recommendations},
    )


@login_not_required
def evaluation_list(request):
    """How implementation is monitored, and what the 2025 and 2027 evaluations assess."""
    programme = current_programme()
    return render(
        request,
        "commitments/evaluation_list.html",
        {
            "programme": programme,
            "sections": programme.sections.filter(topic=TextSection.Topic.MONITORING),
            "evaluations": Evaluation.objects.filter(programme=programme).prefetch_related(
                "criteria"
            ),
        },
    )


def _amendments(target):
    """The changes made to a measure, recommendation or action after the first version."""
    return list(Amendment.objects.of(target).select_related("version__evaluation"))


@login_not_required
def plan_versions(request):
    """The plan's versions and every amendment, with its effective date and reason."""
    versions = PlanVersion.objects.filter(programme=current_programme()).prefetch_related(
        Prefetch(
            "amendments",
            queryset=Amendment.objects.select_related("measure", "recommendation", "action"),
        )
    )
    context = {"versions": versions, "can_edit": is_ministry_team(request.user)}
    return render(request, "commitments/plan_versions.html", context)


@ministry_team_required
def plan_version_create(request):
    """Start a new version of the plan (the first one is the letter's)."""
    programme = current_programme()
    latest = PlanVersion.objects.filter(programme=programme).last()
    version = PlanVersion(programme=programme, number=(latest.number if latest else 0) + 1)
    form = PlanVersionForm(request.POST or None, instance=version)
    if form.is_valid():
        form.instance._history_user = request.user
        form.save()
        messages.success(request, _("The version was created. Record its amendments next."))
        return redirect("commitments:amendment_create")
    return render(request, "commitments/plan_version_form.html", {"form": form, "version": version})


@ministry_team_required
def amendment_create(request):
    """Record one amendment: added, reworded or retired, from when and why."""
    form = AmendmentForm(request.POST or None, programme=current_programme())
    if form.is_valid():
        saved = carry_out(
            request,
            lambda: amendment_record(
                version=form.cleaned_data["version"],
                kind=form.cleaned_data["kind"],
                target=form.target,
                reason=form.texts("reason"),
                wording=form.texts("wording"),
                effective_on=form.cleaned_data["effective_on"],
                by=request.user,
            ),
            done=_("The amendment was recorded."),
        )
        if saved is not REFUSED:
            return redirect("commitments:plan_versions")
    return render(request, "commitments/amendment_form.html", {"form": form})

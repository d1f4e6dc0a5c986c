from itertools import groupby

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .forms import AskedOfUsForm
from .models import (
    Action,
    Commitment,
    Evaluation,
    Measure,
    Programme,
    Recommendation,
    RecommendationAsk,
    TextSection,
)


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
        programme=current_programme(),
        number=number,
    )
    return render(request, "commitments/commitment_detail.html", {"commitment": commitment})


@login_not_required
def measure_detail(request, number):
    """A measure: what the government will do and what it recommends to others."""
    measure = get_object_or_404(
        Measure.objects.select_related("commitment"),
        commitment__programme=current_programme(),
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
        },
    )


@login_not_required
def action_detail(request, code):
    """One action of a measure."""
    action = get_object_or_404(
        Action.objects.select_related("measure__commitment"),
        measure__commitment__programme=current_programme(),
        code=code,
    )
    return render(request, "commitments/action_detail.html", {"action": action})


@login_not_required
def recommendation_detail(request, code):
    """One recommendation paragraph: whom it asks, how strongly, and what it expects."""
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("measure__commitment").prefetch_related(
            "deliverables"
        ),
        measure__commitment__programme=current_programme(),
        code=code,
    )
    asks = [
        (position, list(rows))
        for position, rows in groupby(recommendation.asks.all(), key=lambda ask: ask.position)
    ]
    return render(
        request,
        "commitments/recommendation_detail.html",
        {"recommendation": recommendation, "asks": asks},
    )


@login_not_required
def asked_of_us(request):
    """The recommendations that concern one kind of organisation, with their ask strength."""
    form = AskedOfUsForm(request.GET or None)
    recommendations = None
    if form.is_valid():
        recommendations = Recommendation.objects.filter(
            measure__commitment__programme=current_programme()
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

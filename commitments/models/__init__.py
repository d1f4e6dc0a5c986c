"""The programme's content, loaded from the letter (commitments/services.py)."""

from .calendar import Event, Training
from .evaluations import (
    Evaluation,
    EvaluationCriterion,
    EvaluationQuerySet,
    EvaluationStatus,
    RatingLevel,
    RatingScale,
)
from .programme import Action, Commitment, Measure, Programme, TextSection, Theme, WorkArea
from .recommendations import (
    AUDIENCE_OF_KIND,
    AskStrength,
    Audience,
    Deliverable,
    Recommendation,
    RecommendationAsk,
    RecommendationQuerySet,
)
from .versions import Amendment, AmendmentKind, PlanVersion

__all__ = [
    "Amendment",
    "AmendmentKind",
    "PlanVersion",
    "AUDIENCE_OF_KIND",
    "Action",
    "AskStrength",
    "Audience",
    "Commitment",
    "Deliverable",
    "Evaluation",
    "EvaluationCriterion",
    "EvaluationQuerySet",
    "EvaluationStatus",
    "Event",
    "Measure",
    "Programme",
    "RatingLevel",
    "RatingScale",
    "Recommendation",
    "RecommendationAsk",
    "RecommendationQuerySet",
    "TextSection",
    "Theme",
    "Training",
    "WorkArea",
]

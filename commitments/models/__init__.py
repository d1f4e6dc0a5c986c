"""The programme's content, loaded from the letter (commitments/services.py)."""

from .calendar import Evaluation, EvaluationCriterion, Event, Training
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

__all__ = [
    "AUDIENCE_OF_KIND",
    "Action",
    "AskStrength",
    "Audience",
    "Commitment",
    "Deliverable",
    "Evaluation",
    "EvaluationCriterion",
    "Event",
    "Measure",
    "Programme",
    "Recommendation",
    "RecommendationAsk",
    "RecommendationQuerySet",
    "TextSection",
    "Theme",
    "Training",
    "WorkArea",
]

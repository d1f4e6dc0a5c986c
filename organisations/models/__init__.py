"""Organisation models, one module per concern; import them from here."""

from .members import ContactPerson, ContactPersonQuerySet, Language, Membership
from .nominations import (
    HELSINKI,
    NominationAction,
    NominationReminder,
    NominationRequest,
    NominationRequestQuerySet,
    NominationRound,
    NominationRoundQuerySet,
)
from .registry import (
    Organisation,
    OrganisationKind,
    OrganisationQuerySet,
    Region,
    Succession,
    validate_business_id,
)

__all__ = [
    "HELSINKI",
    "ContactPerson",
    "ContactPersonQuerySet",
    "Language",
    "Membership",
    "NominationAction",
    "NominationReminder",
    "NominationRequest",
    "NominationRequestQuerySet",
    "NominationRound",
    "NominationRoundQuerySet",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "Region",
    "Succession",
    "validate_business_id",
]

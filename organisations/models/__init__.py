"""Organisation models, one module per concern; import them from here."""

from ..access import MembershipRole
from .choices import (
    SEATS,
    Channel,
    ContactRole,
    CountyStatus,
    Language,
    LanguageStatus,
    NominationAction,
    NominationChannel,
    NominationStatus,
    OrganisationKind,
)
from .members import (
    ContactPerson,
    ContactPersonQuerySet,
    Membership,
    MembershipQuerySet,
    contacts_token,
)
from .nominations import (
    ROUND_DEADLINES,
    NominationReminder,
    NominationRequest,
    NominationRequestQuerySet,
    NominationRound,
    NominationRoundQuerySet,
)
from .registry import (
    Organisation,
    OrganisationQuerySet,
    Region,
    Succession,
    validate_business_id,
)

__all__ = [
    "ROUND_DEADLINES",
    "SEATS",
    "Channel",
    "ContactPerson",
    "ContactPersonQuerySet",
    "ContactRole",
    "CountyStatus",
    "Language",
    "LanguageStatus",
    "Membership",
    "MembershipQuerySet",
    "MembershipRole",
    "NominationAction",
    "NominationChannel",
    "NominationReminder",
    "NominationRequest",
    "NominationRequestQuerySet",
    "NominationRound",
    "NominationRoundQuerySet",
    "NominationStatus",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "Region",
    "Succession",
    "contacts_token",
    "validate_business_id",
]

"""The registry's and the rounds' enumerations, in one place: models, constraints, forms,
templates and aggregates use these (never literals)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    STATE_AGENCY = "state_agency", _("State agency")
    MINISTRY = "ministry", _("Ministry")
    OTHER = "other", _("Other organisation")


class LanguageStatus(models.TextChoices):
    FINNISH = "finnish", _("Finnish-speaking")
    SWEDISH = "swedish", _("Swedish-speaking")
    BILINGUAL_FINNISH_MAJORITY = "bilingual_fi", _("Bilingual, Finnish majority")
    BILINGUAL_SWEDISH_MAJORITY = "bilingual_sv", _("Bilingual, Swedish majority")


class CountyStatus(models.TextChoices):
    IN_COUNTY = "in_county", _("Belongs to a wellbeing services county")
    HELSINKI_OWN = "helsinki_own", _("Organises its own services")
    ALAND_OUTSIDE_REFORM = "aland", _("Outside the wellbeing services county reform")


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class ContactRole(models.TextChoices):
    NETWORK_REPRESENTATIVE = "network_representative", _("Network representative")
    DEPUTY = "deputy", _("Deputy")
    OTHER = "other", _("Other contact")


# The seats held by one person at a time; naming a new holder ends the previous one.
SEATS = [ContactRole.NETWORK_REPRESENTATIVE, ContactRole.DEPUTY]


class NominationAction(models.TextChoices):
    """What an organisation answers to a request."""

    CONFIRM = "confirm", _("Confirm the representative on record")
    NAME_NEW = "name_new", _("Name a new representative")
    DECLINE = "decline", _("Decline")


class NominationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    NEW_NAMED = "new_named", _("New representative named")
    DECLINED = "declined", _("Declined")


class Channel(models.TextChoices):
    """How something reached Avoin: in Avoin itself, or by the team from a message."""

    PORTAL = "portal", _("Avoin")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    OTHER = "other", _("Other")


NominationChannel = Channel  # the rounds' name for it

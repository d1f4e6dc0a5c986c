"""The registry: regions and the organisations the action plan addresses."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avoin.translation import TranslatedField


class Region(models.Model):
    """A region (maakunta) of Statistics Finland's classification."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    name = TranslatedField("name")

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name_fi


class OrganisationQuerySet(models.QuerySet):
    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def active(self, on=None):
        """Organisations that exist on the given date (today when not given)."""
        on = on or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )

    def search(self, text):
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(name_fi__icontains=text)
            | Q(name_sv__icontains=text)
            | Q(name_en__icontains=text)
            | Q(abbreviation__iexact=text)
            | Q(code=text)
        )

    def with_public_relations(self):
        return self.select_related("region", "wellbeing_county", "ministry", "merged_into")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    STATE_AGENCY = "state_agency", _("State agency")
    MINISTRY = "ministry", _("Ministry")
    OTHER = "other", _("Other organisation")


class Organisation(models.Model):
    """A public-sector organisation that the action plan addresses. Never deleted."""

    Kind = OrganisationKind

    class LanguageStatus(models.TextChoices):
        FINNISH = "finnish", _("Finnish-speaking")
        SWEDISH = "swedish", _("Swedish-speaking")
        BILINGUAL_FINNISH_MAJORITY = "bilingual_fi", _("Bilingual, Finnish majority")
        BILINGUAL_SWEDISH_MAJORITY = "bilingual_sv", _("Bilingual, Swedish majority")

    class CountyStatus(models.TextChoices):
        IN_COUNTY = "in_county", _("Belongs to a wellbeing services county")
        HELSINKI_OWN = "helsinki_own", _("Organises its own services")
        ALAND_OUTSIDE_REFORM = "aland", _("Outside the wellbeing services county reform")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("Statistics Finland municipality or county code, or business ID."),
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200, db_index=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True, db_index=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    language_status = models.CharField(
        _("language status"), max_length=20, choices=LanguageStatus, blank=True, db_index=True
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    county_status = models.CharField(
        _("wellbeing services county status"),
        max_length=20,
        choices=CountyStatus,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        "self",
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="county_municipalities",
        limit_choices_to={"kind": Kind.WELLBEING_COUNTY},
    )
    ministry = models.ForeignKey(
        "self",
        verbose_name=_("ministry (administrative branch)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branch_agencies",
        limit_choices_to={"kind": Kind.MINISTRY},
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the organisation's facts come from."),
    )
    email = models.EmailField(
        _("registry email address"),
        blank=True,
        help_text=_("The organisation's official address (kirjaamo) for requests."),
    )

    objects = OrganisationQuerySet.as_manager()

    name = TranslatedField("name")

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values),
                name="organisation_kind_valid",
            ),
            models.UniqueConstraint(
                fields=["kind", "code"],
                condition=~Q(code=""),
                name="organisation_unique_code_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="organisation_valid_range",
            ),
        ]

    def __str__(self):
        return self.name_fi

    def get_absolute_url(self):
        return reverse("organisations:organisation_detail", args=[self.pk])

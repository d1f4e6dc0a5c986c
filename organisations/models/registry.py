"""The registry: regions, the organisations the action plan addresses, and their successions."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.collation import name_order
from avoin.translation import TranslatedField

from ..access import OrganisationScopedQuerySet
from .choices import ContactRole, CountyStatus, Language, LanguageStatus, OrganisationKind

BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def validate_business_id(value):
    """A Finnish business ID (Y-tunnus): seven digits, a hyphen and a valid check digit."""
    if not re.fullmatch(r"\d{7}-\d", value or ""):
        raise ValidationError(_("Give the business ID as seven digits, a hyphen and a digit."))
    remainder = sum(int(d) * w for d, w in zip(value[:7], BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1 or (0 if remainder == 0 else 11 - remainder) != int(value[-1]):
        raise ValidationError(_("The check digit of the business ID does not match."))


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


class OrganisationQuerySet(OrganisationScopedQuerySet):
    organisation_path = ""  # an organisation's own data belongs to itself

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def active(self, on=None):
        """Organisations that exist on the given date (today when not given)."""
        on = on or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )

    def counted_as(self, on):
        """What these organisations count as on `on`.

        Each counts as itself while it exists; after its end, as its successors that exist on
        that day (and as theirs, if they have ended too).
        """
        found = set(self.values_list("pk", flat=True))
        frontier = set(found)
        while frontier:
            frontier = (
                set(
                    Succession.objects.filter(
                        predecessor__in=frontier, predecessor__valid_to__lt=on
                    ).values_list("successor_id", flat=True)
                )
                - found
            )
            found |= frontier
        return Organisation.objects.filter(pk__in=found).active(on=on)

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
            | Q(business_id=text)
        )

    def facets(self, *, kind="", region=None, county=None, language=""):
        """The directory's and the library's organisation filters; each one given narrows."""
        organisations = self
        if kind:
            organisations = organisations.filter(kind=kind)
        if region:
            organisations = organisations.filter(region=region)
        if county:  # the county itself and the municipalities in it
            organisations = organisations.filter(Q(wellbeing_county=county) | Q(pk=county.pk))
        if language:
            organisations = organisations.filter(language_status=language)
        return organisations

    def in_name_order(self):
        """Sorted by name in the page's language, …, Z, Å, Ä, Ö (avoin.collation)."""
        return self.order_by(name_order(), "pk")

    def with_public_relations(self):
        """What the directory and an organisation's page show, in a fixed number of queries."""
        return self.select_related("region", "wellbeing_county", "ministry").prefetch_related(
            Prefetch("succeeded_by", queryset=Succession.objects.select_related("successor"))
        )

    def asked_in(self, nomination_round):
        """The organisations a round asks: its kinds, as they exist on its send date."""
        return self.of_kind(*nomination_round.target_kinds).active(on=nomination_round.targets_on)

    def unreachable(self):
        """Organisations with neither a registry address nor a current representative.

        Both conditions name the same contact (one filter() call): exclude() with the two would
        let an ended representative and any current contact together count as reachable.
        """
        represented = self.model.objects.filter(
            contact_persons__role=ContactRole.NETWORK_REPRESENTATIVE,
            contact_persons__active_to__isnull=True,
        )
        return self.filter(email="").exclude(pk__in=represented.values("pk"))


class Organisation(models.Model):
    """A public-sector organisation that the action plan addresses. Never deleted."""

    Kind = OrganisationKind
    LanguageStatus = LanguageStatus
    CountyStatus = CountyStatus

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("Statistics Finland municipality or county code (business IDs: below)."),
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=50, blank=True)
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
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("successors"),
        through="Succession",
        through_fields=("predecessor", "successor"),
        symmetrical=False,
        related_name="predecessors",
        blank=True,
    )
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        db_index=True,
        validators=[validate_business_id],
        help_text=_("Y-tunnus, e.g. 0245437-2. Agencies may share one: the ELY centres did."),
    )
    note = models.TextField(
        _("note"),
        max_length=2000,
        blank=True,
        help_text=_("E.g. that the row stands for several offices, or a doubt in the source."),
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

    history = HistoricalRecords()
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

    @property
    def mail_language(self):
        """The language of mail to the organisation's registry address."""
        swedish = (LanguageStatus.SWEDISH, LanguageStatus.BILINGUAL_SWEDISH_MAJORITY)
        return Language.SWEDISH if self.language_status in swedish else Language.FINNISH

    @property
    def is_municipality(self):
        return self.kind == OrganisationKind.MUNICIPALITY

    @property
    def is_wellbeing_county(self):
        return self.kind == OrganisationKind.WELLBEING_COUNTY

    @property
    def is_ministry(self):
        return self.kind == OrganisationKind.MINISTRY

    @property
    def organises_own_services(self):
        """Helsinki: no wellbeing services county, the city organises the services."""
        return self.county_status == CountyStatus.HELSINKI_OWN

    @property
    def is_outside_county_reform(self):
        """The Åland municipalities."""
        return self.county_status == CountyStatus.ALAND_OUTSIDE_REFORM

    @property
    def has_ended(self):
        return self.valid_to is not None and self.valid_to < timezone.localdate()

    def counts_as(self, on):
        """This organisation on `on` while it exists; after its end, its successors."""
        return Organisation.objects.filter(pk=self.pk).counted_as(on)


class Succession(models.Model):
    """An organisation that ended, and one that carries on its tasks (or a part of them).

    The successor takes over on the day after the predecessor's `valid_to`. A split has a row
    for each successor; a merger has a row for each predecessor.
    """

    predecessor = models.ForeignKey(
        Organisation,
        verbose_name=_("predecessor"),
        on_delete=models.PROTECT,
        related_name="succeeded_by",
    )
    successor = models.ForeignKey(
        Organisation, verbose_name=_("successor"), on_delete=models.PROTECT, related_name="succeeds"
    )
    note = models.CharField(
        _("what passes"),
        max_length=200,
        blank=True,
        help_text=_("Where only part of the tasks passes, e.g. environmental permits."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="succession_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=F("successor")), name="succession_not_itself"
            ),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"

    def clean(self):
        if self.predecessor_id and self.predecessor.valid_to is None:
            raise ValidationError(
                _("Only an organisation that has ended (valid until) has successors.")
            )

"""What the letter recommends to organisations: audiences, asks and their strength."""

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from avoin.translation import TranslatedField, translated_fields
from organisations.models import OrganisationKind

from .programme import Measure


class Audience(models.TextChoices):
    """Whom a recommendation addresses, in the letter's own words."""

    STATE_ADMINISTRATION = "state_administration", _("State administration")
    MUNICIPALITIES = "municipalities", _("Municipalities")
    WELLBEING_COUNTIES = "wellbeing_counties", _("Wellbeing services counties")
    ALL_PUBLIC_ADMINISTRATION = "all_public_administration", _("The whole public administration")
    ALL_ACTORS = "all_actors", _("Everyone")

    @classmethod
    def of_kind(cls, kind):
        """The audience that names organisations of this kind, or None (other organisations)."""
        return AUDIENCE_OF_KIND.get(kind)

    @classmethod
    def specific(cls):
        """The audiences that name one kind of organisation, as (value, label) choices."""
        return [
            (audience.value, audience.label)
            for audience in dict.fromkeys(AUDIENCE_OF_KIND.values())
        ]

    @classmethod
    def including(cls, audience):
        """Every audience that an organisation of a specific audience belongs to."""
        return [audience, cls.ALL_PUBLIC_ADMINISTRATION, cls.ALL_ACTORS]


# The one mapping from kinds of organisation to the letter's audiences.
AUDIENCE_OF_KIND = {
    OrganisationKind.MUNICIPALITY: Audience.MUNICIPALITIES,
    OrganisationKind.WELLBEING_COUNTY: Audience.WELLBEING_COUNTIES,
    OrganisationKind.STATE_AGENCY: Audience.STATE_ADMINISTRATION,
    OrganisationKind.MINISTRY: Audience.STATE_ADMINISTRATION,
}


class AskStrength(models.TextChoices):
    """How strongly the letter asks; the letter binds no one, so these are nuances."""

    URGED = "urged", _("Urged")
    SHOULD = "should", _("Should")
    HOPED = "hoped", _("Hoped")
    WARMLY_ENCOURAGED = "warmly_encouraged", _("Warmly encouraged")
    ENCOURAGED = "encouraged", _("Encouraged")
    INVITATION = "invitation", _("Invitation")


class RecommendationQuerySet(models.QuerySet):
    def for_audiences(self, audiences):
        """Recommendations that ask something of any of the audiences, each with those asks."""
        return (
            self.filter(asks__audience__in=audiences)
            .distinct()
            .select_related("measure__commitment")
            .prefetch_related(
                Prefetch(
                    "asks",
                    queryset=RecommendationAsk.objects.filter(audience__in=audiences),
                    to_attr="matching_asks",
                ),
                "deliverables",
            )
        )


class Recommendation(models.Model):
    """A recommendation paragraph under a measure (or the measure's call to action)."""

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("Recommendation")
        CALL_TO_ACTION = "call_to_action", _("Call to action")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="recommendations")
    code = models.CharField(_("identifier"), max_length=20, unique=True)
    label_as_printed = models.CharField(
        _("label as printed"),
        max_length=30,
        help_text=_("Kept as the letter prints it, typos included."),
    )
    label_is_correct = models.BooleanField(_("printed label is correct"), default=True)
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PARAGRAPH)
    text_fi, text_sv, text_en = translated_fields(models.TextField, _("text"))

    text = TranslatedField("text")

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["measure__number", "position"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("commitments:recommendation_detail", args=[self.code])

    @property
    def label(self):
        """How Avoin names the paragraph in the page's language, with the number of the measure
        it belongs to ("Recommendation 2.2, paragraph 1"); `label_as_printed` keeps the
        letter's own label, which is wrong for R2.2."""
        return gettext("Recommendation %(measure)s, paragraph %(position)s") % {
            "measure": self.measure.number,
            "position": self.position,
        }

    @property
    def is_call_to_action(self):
        return self.kind == self.Kind.CALL_TO_ACTION


class RecommendationAsk(models.Model):
    """What one recommendation asks of one audience, and how strongly."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="asks"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    audience = models.CharField(_("audience"), max_length=30, choices=Audience, db_index=True)
    strength = models.CharField(_("strength"), max_length=20, choices=AskStrength)
    verb_fi = models.CharField(_("verb in the letter"), max_length=50)
    text_fi, text_sv, text_en = translated_fields(models.TextField, _("ask"))

    text = TranslatedField("text")

    class Meta:
        ordering = ["recommendation", "position", "audience"]
        verbose_name = _("ask")
        verbose_name_plural = _("asks")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "position", "audience"], name="ask_unique_audience"
            ),
            models.CheckConstraint(
                condition=Q(strength__in=AskStrength.values),
                name="ask_strength_valid",
            ),
        ]

    def __str__(self):
        return f"{self.recommendation.code} → {self.audience} ({self.strength})"


class Deliverable(models.Model):
    """Something a recommendation expects to exist: an activity, a training, content."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="deliverables"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=30)
    text_fi, text_sv, text_en = translated_fields(models.TextField, _("text"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_year = models.PositiveSmallIntegerField(
        _("deadline year"), null=True, blank=True, help_text=_("When only the year is given.")
    )
    deadline_as_written_fi = models.CharField(_("deadline as written"), max_length=100, blank=True)

    text = TranslatedField("text")

    class Meta:
        ordering = ["recommendation", "position"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "position"], name="deliverable_unique_position"
            )
        ]

    def __str__(self):
        return f"{self.recommendation.code} #{self.position}"

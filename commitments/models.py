from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avoin.formats import finnish_date
from avoin.translation import TranslatedField
from organisations.models import OrganisationKind


class Programme(models.Model):
    """An open government action plan; the 5th runs from 10/2023 to 30.9.2027."""

    slug = models.SlugField(_("identifier"), unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    long_term_goal_fi = models.TextField(_("long-term goal in Finnish"), blank=True)
    long_term_goal_sv = models.TextField(_("long-term goal in Swedish"), blank=True)
    long_term_goal_en = models.TextField(_("long-term goal in English"), blank=True)
    published_on = models.DateField(
        _("published"), help_text=_("The letter gives the month only (10/2023).")
    )
    ends_on = models.DateField(_("ends"))
    letter_date = models.DateField(_("implementation letter dated"))
    letter_reference = models.CharField(_("letter reference"), max_length=50, blank=True)

    name = TranslatedField("name")
    long_term_goal = TranslatedField("long_term_goal")

    class Meta:
        ordering = ["-published_on"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name_fi


class TextSection(models.Model):
    """A paragraph of the letter's own text, for pages that explain the programme."""

    class Topic(models.TextChoices):
        CONTEXT = "context", _("Context")
        MONITORING = "monitoring", _("Monitoring and evaluation")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sections")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic)
    position = models.PositiveSmallIntegerField(_("position"))
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)

    text = TranslatedField("text")

    class Meta:
        ordering = ["programme", "topic", "position"]
        verbose_name = _("text section")
        verbose_name_plural = _("text sections")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "topic", "position"], name="text_section_unique_position"
            )
        ]

    def __str__(self):
        return f"{self.get_topic_display()} {self.position}"


class WorkArea(models.Model):
    """One of the eight permanent work areas. The letter counts them but does not name them."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="work_areas")
    number = models.PositiveSmallIntegerField(_("number"))
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    from_letter = models.BooleanField(
        _("named in the letter"),
        default=False,
        help_text=_("False when the name comes from general knowledge and needs verifying."),
    )

    name = TranslatedField("name")

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("work area")
        verbose_name_plural = _("work areas")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="work_area_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.name_fi}"


class Theme(models.Model):
    """A theme of the Open Democracy network; one theme can be a year's main theme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="themes")
    position = models.PositiveSmallIntegerField(_("position"))
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(
        _("theme of the year"), null=True, blank=True, help_text=_("Empty for other themes.")
    )

    name = TranslatedField("name")

    class Meta:
        ordering = ["programme", "position"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name_fi"], name="theme_unique_name")
        ]

    def __str__(self):
        return self.name_fi


class Commitment(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="commitments")
    number = models.PositiveSmallIntegerField(_("number"))
    title_fi = models.CharField(_("title in Finnish"), max_length=300)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)

    title = TranslatedField("title")

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="commitment_unique_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.title_fi}"

    def get_absolute_url(self):
        return reverse("commitments:commitment_detail", args=[self.number])


class Measure(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="measures")
    number = models.CharField(_("number"), max_length=10, help_text=_("For example 1.1."))
    title_fi = models.TextField(_("title in Finnish"))
    title_sv = models.TextField(_("title in Swedish"), blank=True)
    title_en = models.TextField(_("title in English"), blank=True)

    title = TranslatedField("title")

    class Meta:
        ordering = ["commitment__programme", "number"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "number"], name="measure_unique_number")
        ]

    def __str__(self):
        return f"{self.number} {self.title_fi}"

    def get_absolute_url(self):
        return reverse("commitments:measure_detail", args=[self.number])


class Action(models.Model):
    """One bullet of a measure: what the government will do."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="actions")
    code = models.CharField(_("identifier"), max_length=20, help_text=_("For example 1.1.a1."))
    position = models.PositiveSmallIntegerField(_("position"))
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)

    text = TranslatedField("text")

    class Meta:
        ordering = ["measure__number", "position"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["measure", "code"], name="action_unique_code")
        ]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("commitments:action_detail", args=[self.code])


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
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)

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


class RecommendationAsk(models.Model):
    """What one recommendation asks of one audience, and how strongly."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="asks"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    audience = models.CharField(_("audience"), max_length=30, choices=Audience, db_index=True)
    strength = models.CharField(_("strength"), max_length=20, choices=AskStrength)
    verb_fi = models.CharField(_("verb in the letter"), max_length=50)
    text_fi = models.TextField(_("ask in Finnish"))
    text_sv = models.TextField(_("ask in Swedish"), blank=True)
    text_en = models.TextField(_("ask in English"), blank=True)

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
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)
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


class Event(models.Model):
    """A dated milestone of the programme (deadlines, meetings, evaluations)."""

    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="events")
    code = models.SlugField(_("identifier"), max_length=60)
    date = models.DateField(_("date"))
    precision = models.CharField(
        _("date precision"), max_length=10, choices=Precision, default=Precision.DAY
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=300)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    venue_fi = models.CharField(_("venue in Finnish"), max_length=200, blank=True)
    venue_sv = models.CharField(_("venue in Swedish"), max_length=200, blank=True)
    venue_en = models.CharField(_("venue in English"), max_length=200, blank=True)
    measure = models.ForeignKey(
        Measure, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )

    title = TranslatedField("title")
    venue = TranslatedField("venue")

    class Meta:
        ordering = ["date", "code"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="event_unique_code")
        ]

    def __str__(self):
        return f"{finnish_date(self.date, self.precision)} {self.title_fi}"


class Evaluation(models.Model):
    """The mid-term (2025) or final (2027) evaluation and what the letter says it assesses."""

    class Kind(models.TextChoices):
        MID_TERM = "mid_term", _("Mid-term evaluation")
        FINAL = "final", _("Final evaluation")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        ordering = ["programme", "year"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="evaluation_unique_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"


class EvaluationCriterion(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("identifier"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"))
    name_fi = models.CharField(_("name in Finnish"), max_length=300)
    name_sv = models.CharField(_("name in Swedish"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)

    name = TranslatedField("name")

    class Meta:
        ordering = ["evaluation", "position"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "code"], name="criterion_unique_code")
        ]

    def __str__(self):
        return self.name_fi


class Training(models.Model):
    """An eOppiva course the letter recommends, published or announced."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UPCOMING = "upcoming", _("Announced")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="trainings")
    position = models.PositiveSmallIntegerField(_("position"))
    title_fi = models.CharField(_("title in Finnish"), max_length=300)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    language = models.CharField(_("language of the course"), max_length=2, default="fi")
    status = models.CharField(_("status"), max_length=10, choices=Status)
    measure = models.ForeignKey(
        Measure, on_delete=models.SET_NULL, null=True, blank=True, related_name="trainings"
    )

    title = TranslatedField("title")

    class Meta:
        ordering = ["programme", "status", "position"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "status", "position"], name="training_unique_position"
            )
        ]

    def __str__(self):
        return self.title_fi

"""The evaluation workspace: the ministry team's assessment of each commitment and measure
against each criterion of an evaluation, with the evidence picked from the records as of the
evaluation's cut-off date (docs/adr/0042), and proposals for new commitments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.markup import HELP_TEXT as RICH_TEXT_HELP
from avoin.markup import no_raw_html
from avoin.translation import TranslatedField, translated_fields
from commitments.models import Commitment, Evaluation, EvaluationCriterion, Measure, RatingLevel

FINDING_MAX_LENGTH = 10_000


class EqualityGround(models.TextChoices):
    """The grounds an equality assessment addresses: the Non-Discrimination Act (1325/2014)
    section 8 and, for gender, the Act on Equality between Women and Men (609/1986)."""

    AGE = "age", _("age")
    ORIGIN = "origin", _("origin")
    NATIONALITY = "nationality", _("nationality")
    LANGUAGE = "language", _("language")
    RELIGION = "religion", _("religion")
    BELIEF = "belief", _("belief")
    OPINION = "opinion", _("opinion")
    POLITICAL_ACTIVITY = "political_activity", _("political activity")
    TRADE_UNION_ACTIVITY = "trade_union_activity", _("trade union activity")
    FAMILY_RELATIONSHIPS = "family_relationships", _("family relationships")
    STATE_OF_HEALTH = "state_of_health", _("state of health")
    DISABILITY = "disability", _("disability")
    SEXUAL_ORIENTATION = "sexual_orientation", _("sexual orientation")
    OTHER_PERSONAL = "other_personal", _("other personal characteristics")
    GENDER = "gender", _("gender, gender identity or gender expression")


# The grounds of the Non-Discrimination Act; gender comes from the Equality Act.
NON_DISCRIMINATION_GROUNDS = [g for g in EqualityGround if g != EqualityGround.GENDER]


class EvidenceKind(models.TextChoices):
    PROGRESS = "progress", _("Progress reports")
    ACTIVITIES = "activities", _("Activities")
    ACTION = "action", _("The team's action")
    PRACTICE = "practice", _("Published good practice")
    FEEDBACK = "feedback", _("Participation feedback")


class AssessmentQuerySet(models.QuerySet):
    def of(self, evaluation):
        return self.filter(evaluation=evaluation)


class Assessment(models.Model):
    """The team's finding on one commitment or one measure against one criterion."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluation"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    criterion = models.ForeignKey(
        EvaluationCriterion,
        verbose_name=_("criterion"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
    )
    finding_fi, finding_sv, finding_en = translated_fields(
        models.TextField,
        _("finding"),
        finnish_required=False,
        max_length=FINDING_MAX_LENGTH,
        validators=[no_raw_html],
        help_text=RICH_TEXT_HELP,
    )
    rating = models.ForeignKey(
        RatingLevel,
        verbose_name=_("rating"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    grounds = models.JSONField(_("grounds of discrimination addressed"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    finding = TranslatedField("finding")
    history = HistoricalRecords()
    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["evaluation", "commitment__number", "measure__number", "criterion__position"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(commitment__isnull=True, measure__isnull=False)
                | Q(commitment__isnull=False, measure__isnull=True),
                name="assessment_of_commitment_or_measure",
            ),
            models.UniqueConstraint(
                fields=["evaluation", "criterion", "commitment"],
                condition=Q(commitment__isnull=False),
                name="assessment_unique_commitment",
            ),
            models.UniqueConstraint(
                fields=["evaluation", "criterion", "measure"],
                condition=Q(measure__isnull=False),
                name="assessment_unique_measure",
            ),
        ]

    def __str__(self):
        return f"{self.evaluation} {self.target_code} {self.criterion.code}"

    @property
    def target(self):
        return self.measure or self.commitment

    @property
    def target_code(self):
        return self.measure.number if self.measure_id else str(self.commitment.number)

    def clean(self):
        if self.criterion_id and self.criterion.evaluation_id != self.evaluation_id:
            raise ValidationError({"criterion": _("The criterion is not this evaluation's.")})
        if self.rating_id and (
            not self.criterion_id or self.rating.scale_id != self.criterion.scale_id
        ):
            raise ValidationError({"rating": _("Choose a rating from the criterion's scale.")})
        if not isinstance(self.grounds, list) or set(self.grounds) - set(EqualityGround.values):
            raise ValidationError({"grounds": _("Choose grounds from the list.")})


class Evidence(models.Model):
    """A record the team picked in support of a finding, with its figures as of the cut-off.
    `key` names the record (a recommendation's or action's code, an activity kind, a practice's
    or an activity's id); `title` keeps a practice's or activity's own title."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EvidenceKind)
    key = models.CharField(_("record"), max_length=100)
    title = models.CharField(_("title"), max_length=300, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["assessment", "position", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kind", "key"], name="evidence_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=EvidenceKind.values), name="evidence_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.kind}:{self.key}"


class CommitmentProposal(models.Model):
    """The mid-term evaluation's proposal for a new commitment, with its rationale: what the
    plan's next version starts from."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.PROTECT, related_name="proposals"
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("related measure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=300)
    rationale_fi, rationale_sv, rationale_en = translated_fields(
        models.TextField,
        _("rationale"),
        max_length=FINDING_MAX_LENGTH,
        validators=[no_raw_html],
        help_text=RICH_TEXT_HELP,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    title = TranslatedField("title")
    rationale = TranslatedField("rationale")
    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation", "created_at", "pk"]
        verbose_name = _("proposal for a new commitment")
        verbose_name_plural = _("proposals for new commitments")

    def __str__(self):
        return self.title_fi

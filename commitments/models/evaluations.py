"""The mid-term (2025) and final (2027) evaluations: what the letter says each assesses, the
rating scales of the OGP Independent Reporting Mechanism, and where each evaluation stands.
The assessments themselves need the progress records, so they live in reporting."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.markup import HELP_TEXT as RICH_TEXT_HELP
from avoin.markup import no_raw_html
from avoin.translation import TranslatedField, translated_fields

from .programme import Programme


class RatingScale(models.Model):
    """A reference list of ratings (the IRM's completion or "did it open government?"). The
    team may add scales and levels in the admin; a criterion names the scale it is rated on."""

    code = models.SlugField(_("identifier"), max_length=60, unique=True)
    name_fi, name_sv, name_en = translated_fields(models.CharField, _("name"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)

    name = TranslatedField("name")

    class Meta:
        ordering = ["code"]
        verbose_name = _("rating scale")
        verbose_name_plural = _("rating scales")

    def __str__(self):
        return self.name_fi


class RatingLevel(models.Model):
    """One step of a scale, lowest first."""

    scale = models.ForeignKey(
        RatingScale, verbose_name=_("scale"), on_delete=models.CASCADE, related_name="levels"
    )
    code = models.SlugField(_("identifier"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"))
    label_fi, label_sv, label_en = translated_fields(models.CharField, _("label"), max_length=200)

    label = TranslatedField("label")

    class Meta:
        ordering = ["scale", "position"]
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="rating_level_unique_code")
        ]

    def __str__(self):
        return self.label_fi


class EvaluationStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    PUBLISHED = "published", _("Published")


class EvaluationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EvaluationStatus.PUBLISHED)


class Evaluation(models.Model):
    """The mid-term (2025) or final (2027) evaluation: what the letter says it assesses, the
    date its data is taken as of, and where it stands."""

    class Kind(models.TextChoices):
        MID_TERM = "mid_term", _("Mid-term evaluation")
        FINAL = "final", _("Final evaluation")

    Status = EvaluationStatus

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=EvaluationStatus, default=EvaluationStatus.PLANNED
    )
    cut_off = models.DateField(
        _("data cut-off date"),
        null=True,
        blank=True,
        help_text=_("The evidence is what the records said at the end of this day."),
    )
    summary_fi, summary_sv, summary_en = translated_fields(
        models.TextField,
        _("summary"),
        finnish_required=False,
        max_length=10_000,
        validators=[no_raw_html],
        help_text=RICH_TEXT_HELP,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    summary = TranslatedField("summary")
    history = HistoricalRecords()
    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "year"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="evaluation_unique_kind"),
            models.CheckConstraint(
                condition=Q(status__in=EvaluationStatus.values), name="evaluation_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=EvaluationStatus.PUBLISHED)
                | Q(published_at__isnull=False, cut_off__isnull=False),
                name="evaluation_published_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"

    def get_absolute_url(self):
        return reverse("reporting:evaluation_report", args=[self.kind])

    @property
    def is_published(self):
        return self.status == EvaluationStatus.PUBLISHED

    @property
    def is_mid_term(self):
        return self.kind == self.Kind.MID_TERM


class EvaluationCriterion(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("identifier"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"))
    name_fi, name_sv, name_en = translated_fields(models.CharField, _("name"), max_length=300)
    scale = models.ForeignKey(
        RatingScale,
        verbose_name=_("rating scale"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria",
        help_text=_("Empty when the criterion is assessed in words only."),
    )

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

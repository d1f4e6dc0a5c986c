"""The plan's versions (docs/adr/0044): v1 is the October 2023 plan; each later version is a set
of amendments — a measure, recommendation or action added, reworded or retired — with its
effective date and reason. Rows are never overwritten without the earlier wording kept here,
so that progress reported earlier still reads as what it was reported against."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.translation import TranslatedField, translated_fields

from .evaluations import Evaluation
from .programme import Action, Measure, Programme
from .recommendations import Recommendation


class PlanVersionQuerySet(models.QuerySet):
    def in_effect(self, day):
        """The version in effect on `day` (None before the first)."""
        return self.filter(effective_from__lte=day).order_by("-number").first()


class PlanVersion(models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    effective_from = models.DateField(_("in effect from"))
    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=300)
    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("follows the evaluation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_versions",
    )

    title = TranslatedField("title")
    history = HistoricalRecords()
    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="plan_version_unique"),
        ]

    def __str__(self):
        return f"v{self.number} {self.title_fi}"

    @property
    def label(self):
        return f"v{self.number}"


class AmendmentKind(models.TextChoices):
    ADDED = "added", _("Added")
    REWORDED = "reworded", _("Reworded")
    RETIRED = "retired", _("Retired")


class AmendmentQuerySet(models.QuerySet):
    def of(self, target):
        return self.filter(**{Amendment.field_for(target): target})


class Amendment(models.Model):
    """One change a version makes to a measure, a recommendation or an action."""

    version = models.ForeignKey(
        PlanVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="amendments"
    )
    kind = models.CharField(_("change"), max_length=10, choices=AmendmentKind)
    measure = models.ForeignKey(
        Measure, on_delete=models.PROTECT, null=True, blank=True, related_name="amendments"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, null=True, blank=True, related_name="amendments"
    )
    action = models.ForeignKey(
        Action, on_delete=models.PROTECT, null=True, blank=True, related_name="amendments"
    )
    effective_on = models.DateField(_("in effect from"))
    wording_before_fi, wording_before_sv, wording_before_en = translated_fields(
        models.TextField, _("wording before"), finnish_required=False
    )
    wording_after_fi, wording_after_sv, wording_after_en = translated_fields(
        models.TextField, _("wording after"), finnish_required=False
    )
    reason_fi, reason_sv, reason_en = translated_fields(
        models.TextField, _("reason"), max_length=4000
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    wording_before = TranslatedField("wording_before")
    wording_after = TranslatedField("wording_after")
    reason = TranslatedField("reason")
    history = HistoricalRecords()
    objects = AmendmentQuerySet.as_manager()

    TARGETS = {Measure: "measure", Recommendation: "recommendation", Action: "action"}

    class Meta:
        ordering = ["effective_on", "pk"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AmendmentKind.values), name="amendment_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(measure__isnull=False, recommendation__isnull=True, action__isnull=True)
                | Q(measure__isnull=True, recommendation__isnull=False, action__isnull=True)
                | Q(measure__isnull=True, recommendation__isnull=True, action__isnull=False),
                name="amendment_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.version.label} {self.get_kind_display()} {self.target}"

    @classmethod
    def field_for(cls, target):
        return cls.TARGETS[type(target)]

    @staticmethod
    def wording_field(target):
        """The target's text: a measure's title, a recommendation's or action's text."""
        return "title" if isinstance(target, Measure) else "text"

    @property
    def is_added(self):
        return self.kind == AmendmentKind.ADDED

    @property
    def is_retired(self):
        return self.kind == AmendmentKind.RETIRED

    @property
    def is_reworded(self):
        return self.kind == AmendmentKind.REWORDED

    @property
    def after_mid_term(self):
        evaluation = self.version.evaluation
        return evaluation is not None and evaluation.is_mid_term

    @property
    def target(self):
        return self.measure or self.recommendation or self.action

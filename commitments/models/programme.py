"""The action plan itself: programme, commitments, measures, actions, work areas, themes."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from avoin.translation import TranslatedField, translated_fields


class Programme(models.Model):
    """An open government action plan; the 5th runs from 10/2023 to 30.9.2027."""

    slug = models.SlugField(_("identifier"), unique=True)
    name_fi, name_sv, name_en = translated_fields(models.CharField, _("name"), max_length=200)
    long_term_goal_fi, long_term_goal_sv, long_term_goal_en = translated_fields(
        models.TextField, _("long-term goal"), finnish_required=False
    )
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
    text_fi, text_sv, text_en = translated_fields(models.TextField, _("text"))

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
    name_fi, name_sv, name_en = translated_fields(models.CharField, _("name"), max_length=100)
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
    name_fi, name_sv, name_en = translated_fields(models.CharField, _("name"), max_length=100)
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
    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=300)

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
    title_fi, title_sv, title_en = translated_fields(models.TextField, _("title"))

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
    text_fi, text_sv, text_en = translated_fields(models.TextField, _("text"))

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

"""Dated parts of the programme: milestones and trainings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from avoin.formats import finnish_date
from avoin.translation import TranslatedField, translated_fields

from .programme import Measure, Programme


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
    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=300)
    venue_fi, venue_sv, venue_en = translated_fields(
        models.CharField, _("venue"), finnish_required=False, max_length=200
    )
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


class Training(models.Model):
    """An eOppiva course the letter recommends, published or announced."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UPCOMING = "upcoming", _("Announced")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="trainings")
    position = models.PositiveSmallIntegerField(_("position"))
    title_fi, title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=300)
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

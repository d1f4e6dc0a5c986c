"""Participation-quality feedback (docs/adr/0043): the organiser of an activity shares a link,
participants answer anonymously, and figures are shown only from 5 answers up."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.access import OrganisationScopedQuerySet

from .activities import Activity

# Below this many answers no figure is shown, so that no one's answer can be picked out.
MIN_ANSWERS = 5
COMMENT_MAX_LENGTH = 1000
MAX_DAYS_BEFORE = 365


def new_token():
    return secrets.token_urlsafe(16)


class InTime(models.TextChoices):
    YES = "yes", _("Yes, in time to read them")
    LATE = "late", _("Yes, but too late to read them")
    NO_MATERIALS = "no_materials", _("No materials were sent")
    DONT_KNOW = "dont_know", _("I don't know")


class Influence(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No, it had already been decided")
    DONT_KNOW = "dont_know", _("I don't know")


class Accessible(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class AnswerLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    SAMI = "se", _("Sámi")
    SIGN = "sign", _("Sign language")
    EASY = "easy", _("Easy Language")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Another language")


class RespondentGroup(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    NGO = "ngo", _("Civil society organisation")
    OFFICIAL = "official", _("Public official")
    ELECTED = "elected", _("Elected official")
    CHILDREN_YOUTH = "children_youth", _("Children and young people")
    OLDER_PEOPLE = "older_people", _("Older people")
    DISABLED = "disabled", _("People with disabilities")
    IMMIGRANTS = "immigrants", _("Immigrants")
    SWEDISH_SPEAKERS = "swedish_speakers", _("Swedish speakers")
    SAMI = "sami", _("Sámi")
    OTHER = "other", _("Other")


class FeedbackLinkQuerySet(OrganisationScopedQuerySet):
    organisation_path = "activity__organisation"


class FeedbackLink(models.Model):
    """The address an organiser shares with the participants of one activity."""

    activity = models.OneToOneField(
        Activity, verbose_name=_("activity"), on_delete=models.PROTECT, related_name="feedback"
    )
    token = models.CharField(_("token"), max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = FeedbackLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback link")
        verbose_name_plural = _("feedback links")

    def __str__(self):
        return str(self.activity)

    def get_absolute_url(self):
        return reverse("reporting:feedback_answer", args=[self.token])


class FeedbackAnswerQuerySet(models.QuerySet):
    def given_before(self, moment):
        return self.filter(created_at__lt=moment)

    def figures_by(self, *fields):
        """Answer counts and the counts of each favourable answer, grouped by `fields`."""
        return (
            self.values(*fields)
            .annotate(
                answers=Count("pk"),
                in_time=Count("pk", filter=Q(materials_in_time=InTime.YES)),
                influence=Count(
                    "pk", filter=Q(could_influence__in=[Influence.YES, Influence.PARTLY])
                ),
                accessible=Count("pk", filter=Q(accessible=Accessible.YES)),
                days_before=Avg("days_before"),
            )
            .order_by(*fields)
        )


class FeedbackAnswer(models.Model):
    """One participant's anonymous answer: no name, no address, no account, no IP address."""

    link = models.ForeignKey(
        FeedbackLink,
        verbose_name=_("feedback link"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    materials_in_time = models.CharField(
        _("Did the materials arrive in time?"), max_length=20, choices=InTime
    )
    days_before = models.PositiveSmallIntegerField(
        _("How many days before?"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_DAYS_BEFORE)],
    )
    could_influence = models.CharField(
        _("Could participants still influence the decision?"), max_length=20, choices=Influence
    )
    accessible = models.CharField(_("Was it accessible?"), max_length=20, choices=Accessible)
    language = models.CharField(
        _("In which language did you take part?"), max_length=10, choices=AnswerLanguage
    )
    group = models.CharField(
        _("Which group do you represent?"), max_length=20, choices=RespondentGroup, blank=True
    )
    comment = models.TextField(_("Comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True, db_index=True)

    objects = FeedbackAnswerQuerySet.as_manager()

    class Meta:
        ordering = ["link", "created_at"]
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(materials_in_time__in=InTime.values), name="feedback_in_time_valid"
            ),
            models.CheckConstraint(
                condition=Q(could_influence__in=Influence.values), name="feedback_influence_valid"
            ),
            models.CheckConstraint(
                condition=Q(accessible__in=Accessible.values), name="feedback_accessible_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=AnswerLanguage.values), name="feedback_language_valid"
            ),
            models.CheckConstraint(
                condition=Q(group="") | Q(group__in=RespondentGroup.values),
                name="feedback_group_valid",
            ),
            models.CheckConstraint(
                condition=Q(days_before__isnull=True) | Q(days_before__lte=MAX_DAYS_BEFORE),
                name="feedback_days_plausible",
            ),
        ]

    def __str__(self):
        return f"{self.link} {self.created_at:%Y-%m-%d}"

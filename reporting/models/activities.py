"""Activities organisations log: typed records that can be counted (dialogues held, Easy
Language items, academies, course completions …). One table; each kind uses its own columns
(`reporting/activity_kinds.py` says which) and is tied to its measure and recommendation."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import Event, Measure, Recommendation, Training
from organisations.access import OrganisationScopedQuerySet
from organisations.models import Channel, Language, Organisation, Region

from .periods import ReportingPeriod
from .progress import PeriodReport, ReportStatus

# Plausible bounds for the numbers people type.
MAX_PEOPLE = 1_000_000


class ActivityKind(models.TextChoices):
    NATIONAL_DIALOGUE = "national_dialogue", _("National dialogue organised")
    EASY_LANGUAGE_ITEM = "easy_language_item", _("Easy Language inventory item")
    MINIMUM_WEB_CONTENT = "minimum_web_content", _("Easy Language web content (minimum)")
    REGIONAL_ACADEMY = "regional_academy", _("Regional NGO academy organised")
    COURSE_COMPLETIONS = "course_completions", _("Course completions")
    EVENT_PARTICIPATION = "event_participation", _("Participation in an event")
    OPEN_DATASET = "open_dataset", _("Dataset opened")
    PURCHASE_INVOICE_DATA = "purchase_invoice_data", _("Purchase-invoice data")
    NETWORK_TOPIC = "network_topic", _("Topic proposed to the Open Democracy network")
    HANDBOOK_EXPERIENCE = "handbook_experience", _("Experience of the handbook")


# The activities an organisation runs with participants: participation feedback is asked
# about these (docs/adr/0043).
FEEDBACK_KINDS = [ActivityKind.NATIONAL_DIALOGUE, ActivityKind.REGIONAL_ACADEMY]


class ResultsUse(models.TextChoices):
    POLICY_PREPARATION = "policy_preparation", _("Policy preparation")
    SERVICE_DEVELOPMENT = "service_development", _("Service development")
    OTHER = "other", _("Other use")
    NOT_YET = "not_yet", _("Not used yet")


class EasyLanguage(models.TextChoices):
    SELKOKIELI = "selkokieli", _("Finnish Easy Language (selkokieli)")
    LATTLAST = "lattlast", _("Swedish Easy Language (lättläst svenska)")


class ItemStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    PRIORITISED = "prioritised", _("Prioritised")
    IN_PRODUCTION = "in_production", _("In production")
    PUBLISHED = "published", _("Published")


class Coverage(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class DataStatus(models.TextChoices):
    NOT_OPENED = "not_opened", _("Not opened")
    IN_PREPARATION = "in_preparation", _("In preparation")
    OPEN = "open", _("Open")


class ActivityQuerySet(OrganisationScopedQuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)

    def in_period(self, period):
        return self.filter(period=period)

    def public(self):
        """Activities whose organisation's report for their period has been accepted: only
        those count in public figures."""
        accepted = PeriodReport.objects.filter(
            organisation=models.OuterRef("organisation"),
            period=models.OuterRef("period"),
            status=ReportStatus.ACCEPTED,
        )
        return self.filter(models.Exists(accepted))


def people(label):
    return models.PositiveIntegerField(
        label, null=True, blank=True, validators=[MaxValueValidator(MAX_PEOPLE)]
    )


class Activity(models.Model):
    """Something an organisation did (or has) toward a measure, logged to be counted."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind, db_index=True)
    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.PROTECT, related_name="activities"
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=200)
    happened_on = models.DateField(_("date"))
    language = models.CharField(
        _("language of the entry"), max_length=2, choices=Language, default=Language.FINNISH
    )
    description = models.TextField(_("description"), max_length=4000, blank=True)
    # The numbers, each used by the kinds that count it.
    participants = people(_("participants"))
    officials = people(_("officials taking part"))
    completions = people(_("completions"))
    # Kind-specific facts.
    partners = models.TextField(_("partner organisations"), max_length=1000, blank=True)
    results_used_for = models.CharField(
        _("results used for"), max_length=30, choices=ResultsUse, blank=True
    )
    url = models.URLField(_("web address"), max_length=500, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), null=True, blank=True, validators=[MaxValueValidator(999)]
    )
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    easy_language = models.CharField(
        _("Easy Language"), max_length=20, choices=EasyLanguage, blank=True
    )
    item_status = models.CharField(_("stage"), max_length=20, choices=ItemStatus, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    organisation_info = models.CharField(
        _("information about the organisation"), max_length=10, choices=Coverage, blank=True
    )
    key_services = models.CharField(
        _("key services or instructions"), max_length=10, choices=Coverage, blank=True
    )
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    data_status = models.CharField(_("status"), max_length=20, choices=DataStatus, blank=True)
    training = models.ForeignKey(
        Training, verbose_name=_("course"), on_delete=models.PROTECT, null=True, blank=True
    )
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, null=True, blank=True
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True
    )
    consent_to_share = models.BooleanField(_("may be shared"), default=False)
    # Who entered it, when and how.
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, default=Channel.PORTAL)
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    history = HistoricalRecords()
    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_on", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["kind", "period"], name="activity_kind_period")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ActivityKind.values), name="activity_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(participants__isnull=True) | Q(participants__lte=MAX_PEOPLE),
                name="activity_participants_plausible",
            ),
            models.CheckConstraint(
                condition=Q(officials__isnull=True) | Q(officials__lte=MAX_PEOPLE),
                name="activity_officials_plausible",
            ),
            models.CheckConstraint(
                condition=Q(completions__isnull=True) | Q(completions__lte=MAX_PEOPLE),
                name="activity_completions_plausible",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self):
        return reverse("reporting:activity_detail", args=[self.pk])

    @property
    def is_quarterly(self):
        """Counted per quarter (course completions): shown by its period, not a day."""
        return self.kind == ActivityKind.COURSE_COMPLETIONS

    @property
    def asks_feedback(self):
        """Participants may give feedback on the quality of participation."""
        return self.kind in FEEDBACK_KINDS

    @property
    def is_on_behalf(self):
        """Entered by the team from a message that came by email, phone or letter."""
        return self.channel != Channel.PORTAL

    @property
    def is_late(self):
        """Entered after its period closed: kept, and shown as entered late."""
        return self.entered_at is not None and self.period.is_late(self.entered_at)

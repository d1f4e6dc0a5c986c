from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.permissions import is_ministry_team
from avoin.translation import TranslatedField, translated_fields
from commitments.models import Measure, Recommendation, Theme, WorkArea
from organisations.access import OrganisationScopedQuerySet
from organisations.models import Language, Organisation
from reporting import search

SEARCH_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
TRANSLATIONS = [f"{field}_{code}" for code in SEARCH_CONFIGS for field in ("title", "summary")]


class TargetGroup(models.TextChoices):
    CHILDREN_YOUTH = "children_youth", _("Children and young people")
    OLDER_PEOPLE = "older_people", _("Older people")
    DISABLED = "disabled", _("People with disabilities")
    IMMIGRANTS = "immigrants", _("Immigrants")
    SWEDISH_SPEAKERS = "swedish_speakers", _("Swedish speakers")
    SAMI = "sami", _("Sámi")
    OTHER = "other", _("Other groups")


class Emphasis(models.TextChoices):
    """The emphases the letter gives good practices (measure 3.1)."""

    EARLY_PARTICIPATION = "early_participation", _("Participation early in policy preparation")
    CROSS_LEVEL = "cross_level_cooperation", _("Cooperation between levels of government")
    CHILDREN_AND_YOUTH = "children_and_youth", _("Children and young people")


def target_group_field(code):
    return f"for_{code}"


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class GoodPracticeQuerySet(OrganisationScopedQuerySet):
    organisation_path = "organisations"  # a joint practice belongs to each of its organisations

    def published(self):
        return self.filter(status=PracticeStatus.PUBLISHED)

    def submitted(self):
        return self.filter(status=PracticeStatus.SUBMITTED)

    def visible_to(self, user, *, published=True):
        """Published practices, plus every practice of the user's organisations; with
        `published=False` only the latter, which is far cheaper where the user's own are wanted
        (the OR with nearly every row of the table makes PostgreSQL read all of it)."""
        if is_ministry_team(user):
            return self
        own = super().visible_to(user)
        if not published:
            return own
        return self.filter(Q(status=PracticeStatus.PUBLISHED) | Q(pk__in=own))

    def of_organisations(self, organisations):
        """Practices that any of the organisations stands behind."""
        through = GoodPractice.organisations.through
        return self.filter(
            Exists(
                through.objects.filter(
                    goodpractice_id=OuterRef("pk"), organisation__in=organisations
                )
            )
        )

    def filtered(
        self,
        *,
        commitment=None,
        measure=None,
        theme=None,
        work_area=None,
        language="",
        target_group="",
        emphasis="",
        year=None,
        kind="",
        region=None,
        county=None,
        organisation=None,
        recommendation=None,
    ):
        """The library's filters; each one given narrows the list, and they combine."""
        practices = self
        if commitment:
            practices = practices.filter(
                Exists(
                    GoodPractice.measures.through.objects.filter(
                        goodpractice_id=OuterRef("pk"), measure__commitment=commitment
                    )
                )
            )
        if measure:
            practices = practices.filter(measures=measure)
        if theme:
            practices = practices.filter(themes=theme)
        if work_area:
            practices = practices.filter(work_areas=work_area)
        if language:
            practices = practices.filter(language=language)
        if target_group:
            practices = practices.filter(**{target_group_field(target_group): True})
        if emphasis:
            practices = practices.filter(**{emphasis: True})
        if year:
            practices = practices.filter(started_year=year)
        if kind or region or county:
            organisations = Organisation.objects.facets(kind=kind, region=region, county=county)
            practices = practices.of_organisations(organisations)
        if organisation:
            practices = practices.of_organisations([organisation])
        if recommendation:
            practices = practices.filter(
                Exists(
                    GoodPractice.recommendations.through.objects.filter(
                        goodpractice_id=OuterRef("pk"), recommendation=recommendation
                    )
                )
            )
        return practices

    def search(self, text):
        """Full-text search on PostgreSQL over the stored vector of each language (the original
        and its translations), ranked: "dialogeja" finds "dialogi" (finnish), "delaktighet"
        Swedish text. Elsewhere a plain case-insensitive contains-search.
        """
        text = text.strip()
        if not text:
            return self
        if connection.vendor == "postgresql":
            return search.matching(self, text)
        matches = Q()
        for field in ("title", "summary", "description", *TRANSLATIONS):
            matches |= Q(**{f"{field}__icontains": text})
        return self.filter(matches)

    def with_english(self):
        """Practices an international reader can read: English original or translation."""
        return self.filter(Q(language=Language.ENGLISH) | ~Q(title_en=""))

    def with_list_relations(self):
        return self.prefetch_related("organisations", "measures")


class GoodPractice(models.Model):
    """A good practice of open government, logged by organisations and moderated."""

    Status = PracticeStatus
    EDITABLE = [PracticeStatus.DRAFT, PracticeStatus.RETURNED]

    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), related_name="good_practices"
    )
    language = models.CharField(
        _("language of the original"), max_length=2, choices=Language, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), max_length=10_000)
    # Translations of the title and summary; the original's own language stays empty.
    title_fi, title_sv, title_en = translated_fields(
        models.CharField, _("title"), finnish_required=False, max_length=200
    )
    summary_fi, summary_sv, summary_en = translated_fields(
        models.TextField, _("summary"), finnish_required=False, max_length=600
    )
    measures = models.ManyToManyField(
        Measure, verbose_name=_("measures"), blank=True, related_name="good_practices"
    )
    recommendations = models.ManyToManyField(
        Recommendation,
        verbose_name=_("recommendations"),
        blank=True,
        related_name="good_practices",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="good_practices"
    )
    work_areas = models.ManyToManyField(
        WorkArea, verbose_name=_("work areas"), blank=True, related_name="good_practices"
    )
    for_children_youth = models.BooleanField(TargetGroup.CHILDREN_YOUTH.label, default=False)
    for_older_people = models.BooleanField(TargetGroup.OLDER_PEOPLE.label, default=False)
    for_disabled = models.BooleanField(TargetGroup.DISABLED.label, default=False)
    for_immigrants = models.BooleanField(TargetGroup.IMMIGRANTS.label, default=False)
    for_swedish_speakers = models.BooleanField(TargetGroup.SWEDISH_SPEAKERS.label, default=False)
    for_sami = models.BooleanField(TargetGroup.SAMI.label, default=False)
    for_other = models.BooleanField(TargetGroup.OTHER.label, default=False)
    early_participation = models.BooleanField(Emphasis.EARLY_PARTICIPATION.label, default=False)
    cross_level_cooperation = models.BooleanField(Emphasis.CROSS_LEVEL.label, default=False)
    children_and_youth = models.BooleanField(Emphasis.CHILDREN_AND_YOUTH.label, default=False)
    links = models.JSONField(_("links"), default=list, blank=True)
    contact_email = models.EmailField(
        _("contact"), help_text=_("A shared role mailbox, such as osallisuus@kunta.fi.")
    )
    started_year = models.PositiveSmallIntegerField(
        _("year it began"),
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        db_index=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    moderation_note = models.TextField(_("note from the moderator"), max_length=2000, blank=True)
    search_config = models.CharField(max_length=10, editable=False, default="finnish")
    # Filled by a database trigger on PostgreSQL (reporting/search.py); empty on SQLite.
    search_fi = SearchVectorField(null=True, editable=False)
    search_sv = SearchVectorField(null=True, editable=False)
    search_en = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    history = HistoricalRecords(
        m2m_fields=[organisations, measures, recommendations, themes, work_areas],
        excluded_fields=["search_fi", "search_sv", "search_en"],
    )
    objects = GoodPracticeQuerySet.as_manager()

    # What a reader sees: the translation into the page's language, else the original.
    shown_title = TranslatedField("title", original="title", language="language")
    shown_summary = TranslatedField("summary", original="summary", language="language")

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        indexes = [
            models.Index(fields=["for_children_youth"], name="practice_children_youth"),
            models.Index(fields=["for_older_people"], name="practice_older_people"),
            models.Index(fields=["for_disabled"], name="practice_disabled"),
            models.Index(fields=["for_immigrants"], name="practice_immigrants"),
            models.Index(fields=["for_swedish_speakers"], name="practice_swedish_speakers"),
            models.Index(fields=["for_sami"], name="practice_sami"),
            models.Index(fields=["for_other"], name="practice_other"),
            models.Index(fields=["early_participation"], name="practice_early"),
            models.Index(fields=["cross_level_cooperation"], name="practice_cross_level"),
            models.Index(fields=["children_and_youth"], name="practice_children_flag"),
            models.Index(fields=["status", "-published_at"], name="practice_status_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PracticeStatus.values),
                name="practice_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="practice_language_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_config = SEARCH_CONFIGS.get(self.language, "simple")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reporting:practice_detail", args=[self.pk])

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    @property
    def target_groups(self):
        return [group for group in TargetGroup if getattr(self, target_group_field(group.value))]

    @property
    def emphases(self):
        return [emphasis for emphasis in Emphasis if getattr(self, emphasis.value)]

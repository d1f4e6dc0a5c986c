import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from avoin.models import OutgoingMessage
from avoin.translation import TranslatedField

from .access import MembershipRole, OrganisationScopedQuerySet


class Region(models.Model):
    """A region (maakunta) of Statistics Finland's classification."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    name = TranslatedField("name")

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name_fi


class OrganisationQuerySet(OrganisationScopedQuerySet):
    organisation_path = ""  # an organisation's own data belongs to itself

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def active(self, on=None):
        """Organisations that exist on the given date (today when not given)."""
        on = on or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )

    def search(self, text):
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(name_fi__icontains=text)
            | Q(name_sv__icontains=text)
            | Q(name_en__icontains=text)
            | Q(abbreviation__iexact=text)
            | Q(code=text)
        )

    def facets(self, *, kind="", region=None, county=None, language=""):
        """The directory's and the library's organisation filters; each one given narrows."""
        organisations = self
        if kind:
            organisations = organisations.filter(kind=kind)
        if region:
            organisations = organisations.filter(region=region)
        if county:  # the county itself and the municipalities in it
            organisations = organisations.filter(Q(wellbeing_county=county) | Q(pk=county.pk))
        if language:
            organisations = organisations.filter(language_status=language)
        return organisations

    def with_public_relations(self):
        return self.select_related("region", "wellbeing_county", "ministry", "merged_into")

    def asked_in(self, nomination_round):
        """The organisations a representative round asks."""
        return self.of_kind(*nomination_round.target_kinds).active()

    def unreachable(self):
        """Organisations with neither a registry address nor a current representative."""
        return self.filter(email="").exclude(
            contact_persons__role=ContactRole.NETWORK_REPRESENTATIVE,
            contact_persons__active_to__isnull=True,
        )


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    STATE_AGENCY = "state_agency", _("State agency")
    MINISTRY = "ministry", _("Ministry")
    OTHER = "other", _("Other organisation")


class LanguageStatus(models.TextChoices):
    FINNISH = "finnish", _("Finnish-speaking")
    SWEDISH = "swedish", _("Swedish-speaking")
    BILINGUAL_FINNISH_MAJORITY = "bilingual_fi", _("Bilingual, Finnish majority")
    BILINGUAL_SWEDISH_MAJORITY = "bilingual_sv", _("Bilingual, Swedish majority")


class CountyStatus(models.TextChoices):
    IN_COUNTY = "in_county", _("Belongs to a wellbeing services county")
    HELSINKI_OWN = "helsinki_own", _("Organises its own services")
    ALAND_OUTSIDE_REFORM = "aland", _("Outside the wellbeing services county reform")


class Organisation(models.Model):
    """A public-sector organisation that the action plan addresses. Never deleted."""

    Kind = OrganisationKind
    LanguageStatus = LanguageStatus
    CountyStatus = CountyStatus

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("Statistics Finland municipality or county code, or business ID."),
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200, db_index=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True, db_index=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    language_status = models.CharField(
        _("language status"), max_length=20, choices=LanguageStatus, blank=True, db_index=True
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    county_status = models.CharField(
        _("wellbeing services county status"),
        max_length=20,
        choices=CountyStatus,
        blank=True,
    )
    wellbeing_county = models.ForeignKey(
        "self",
        verbose_name=_("wellbeing services county"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="county_municipalities",
        limit_choices_to={"kind": Kind.WELLBEING_COUNTY},
    )
    ministry = models.ForeignKey(
        "self",
        verbose_name=_("ministry (administrative branch)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branch_agencies",
        limit_choices_to={"kind": Kind.MINISTRY},
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the organisation's facts come from."),
    )
    email = models.EmailField(
        _("registry email address"),
        blank=True,
        help_text=_("The organisation's official address (kirjaamo) for requests."),
    )

    objects = OrganisationQuerySet.as_manager()

    name = TranslatedField("name")

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values),
                name="organisation_kind_valid",
            ),
            models.UniqueConstraint(
                fields=["kind", "code"],
                condition=~Q(code=""),
                name="organisation_unique_code_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="organisation_valid_range",
            ),
        ]

    def __str__(self):
        return self.name_fi

    def get_absolute_url(self):
        return reverse("organisations:organisation_detail", args=[self.pk])

    @property
    def is_municipality(self):
        return self.kind == OrganisationKind.MUNICIPALITY

    @property
    def is_wellbeing_county(self):
        return self.kind == OrganisationKind.WELLBEING_COUNTY

    @property
    def is_ministry(self):
        return self.kind == OrganisationKind.MINISTRY

    @property
    def organises_own_services(self):
        """Helsinki: no wellbeing services county, the city organises the services."""
        return self.county_status == CountyStatus.HELSINKI_OWN

    @property
    def is_outside_county_reform(self):
        """The Åland municipalities."""
        return self.county_status == CountyStatus.ALAND_OUTSIDE_REFORM


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class MembershipQuerySet(OrganisationScopedQuerySet):
    pass


class Membership(models.Model):
    """A user's place in an organisation: editors change its data, viewers read it."""

    Role = MembershipRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name_fi", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values), name="membership_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.role})"

    @property
    def can_edit(self):
        return self.role == self.Role.EDITOR


class ContactRole(models.TextChoices):
    NETWORK_REPRESENTATIVE = "network_representative", _("Network representative")
    DEPUTY = "deputy", _("Deputy")
    OTHER = "other", _("Other contact")


# The seats held by one person at a time; naming a new holder ends the previous one.
SEATS = [ContactRole.NETWORK_REPRESENTATIVE, ContactRole.DEPUTY]


class ContactPersonQuerySet(OrganisationScopedQuerySet):
    def current(self):
        return self.filter(active_to__isnull=True)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def representatives(self):
        return self.filter(role=ContactRole.NETWORK_REPRESENTATIVE)


class ContactPerson(models.Model):
    """A person an organisation names as its contact. A change of person ends the old row."""

    Role = ContactRole

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contact_persons"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role, default=Role.OTHER)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("work email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language, default=Language.FINNISH
    )
    active_from = models.DateField(_("active from"), default=timezone.localdate)
    active_to = models.DateField(_("active until"), null=True, blank=True)

    history = HistoricalRecords()
    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "role", "-active_from", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            # One current representative and one current deputy per organisation.
            models.UniqueConstraint(
                fields=["organisation", "role"],
                condition=Q(active_to__isnull=True) & Q(role__in=SEATS),
                name="contact_one_current_per_seat",
            ),
            models.CheckConstraint(
                condition=Q(active_to__isnull=True) | Q(active_to__gte=models.F("active_from")),
                name="contact_active_range",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()}, {self.organisation})"

    @property
    def is_current(self):
        return self.active_to is None

    @property
    def is_representative(self):
        return self.role == ContactRole.NETWORK_REPRESENTATIVE


class NominationRoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(sent_at__isnull=False, closed_at__isnull=True)

    def with_answer_counts(self):
        """Each round with `request_count` and `answered_count`."""
        return self.annotate(
            request_count=Count("requests"),
            answered_count=Count("requests", filter=~Q(requests__status=NominationStatus.PENDING)),
        )


class NominationRound(models.Model):
    """A request to organisations to confirm or name their network representative."""

    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    deadline = models.DateField(
        _("deadline"), help_text=_("Answers are on time until the end of this day, Helsinki time.")
    )
    target_kinds = models.JSONField(_("target organisation kinds"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    history = HistoricalRecords()
    objects = NominationRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-deadline", "-pk"]
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("organisations:nomination_round_detail", args=[self.pk])

    @property
    def deadline_ends_at(self):
        """The first moment that is late: midnight after the deadline day in Helsinki."""
        next_day = self.deadline + datetime.timedelta(days=1)
        return timezone.make_aware(
            datetime.datetime.combine(next_day, datetime.time.min),
            timezone.get_default_timezone(),
        )

    @property
    def is_sent(self):
        return self.sent_at is not None

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def is_open(self):
        return self.is_sent and not self.is_closed


class NominationAction(models.TextChoices):
    """What an organisation answers to a request."""

    CONFIRM = "confirm", _("Confirm the representative on record")
    NAME_NEW = "name_new", _("Name a new representative")
    DECLINE = "decline", _("Decline")


class NominationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    NEW_NAMED = "new_named", _("New representative named")
    DECLINED = "declined", _("Declined")


class NominationChannel(models.TextChoices):
    PORTAL = "portal", _("Avoin")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    OTHER = "other", _("Other")


class NominationRequestQuerySet(OrganisationScopedQuerySet):
    def for_organisations(self, organisations):
        return self.filter(organisation__in=organisations)

    def pending(self):
        return self.filter(status=NominationStatus.PENDING)

    def answered(self):
        return self.exclude(status=NominationStatus.PENDING)

    def late(self):
        return self.filter(is_late=True)

    def status_counts(self) -> dict:
        """How many requests are in each status, every status present."""
        counts = dict(self.values_list("status").annotate(count=Count("pk")).order_by())
        return {status: counts.get(status, 0) for status in NominationStatus.values}

    def totals(self) -> dict:
        """Requests asked, answered, answered on time and answered late."""
        answered = ~Q(status=NominationStatus.PENDING)
        return self.aggregate(
            total=Count("pk"),
            answered=Count("pk", filter=answered),
            on_time=Count("pk", filter=answered & Q(is_late=False)),
            late=Count("pk", filter=Q(is_late=True)),
        )

    def by_branch(self):
        """Status counts per administrative branch (the agency's ministry)."""
        per_status = {
            status: Count("pk", filter=Q(status=status)) for status in NominationStatus.values
        }
        return (
            self.values("organisation__ministry")
            .annotate(total=Count("pk"), late=Count("pk", filter=Q(is_late=True)), **per_status)
            .order_by("organisation__ministry__name_fi")
        )

    def with_reminders(self):
        """Each request with `reminder_count` and the time of its `last_reminder`."""
        return self.annotate(
            last_reminder=Max("reminders__sent_at"), reminder_count=Count("reminders")
        )


class NominationRequest(models.Model):
    """One organisation's part in a round: its answer, and every version of it."""

    Status = NominationStatus
    Channel = NominationChannel

    round = models.ForeignKey(NominationRound, on_delete=models.PROTECT, related_name="requests")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="nomination_requests"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, blank=True)
    representative = models.ForeignKey(
        ContactPerson,
        verbose_name=_("representative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    deputy = models.ForeignKey(
        ContactPerson,
        verbose_name=_("deputy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    appointed_by_name = models.CharField(_("appointed by"), max_length=200, blank=True)
    appointed_by_title = models.CharField(_("appointer's title"), max_length=200, blank=True)
    appointment_date = models.DateField(_("appointment date"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    # What was emailed about the request (requests, reminders, receipts) and what became of it.
    messages = GenericRelation(OutgoingMessage, related_query_name="nomination_request")

    history = HistoricalRecords()
    objects = NominationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name_fi"]
        verbose_name = _("nomination request")
        verbose_name_plural = _("nomination requests")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="nomination_request_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=NominationStatus.values),
                name="nomination_request_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=NominationStatus.PENDING) | Q(answered_at__isnull=False),
                name="nomination_request_answered_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.organisation}"

    def save(self, *args, **kwargs):
        self.is_late = bool(self.answered_at and self.answered_at >= self.round.deadline_ends_at)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organisations:nomination_request_detail", args=[self.pk])

    @property
    def is_answered(self):
        return self.status != NominationStatus.PENDING

    @property
    def is_on_behalf(self):
        """Recorded by the ministry team from an email, a call or a letter."""
        return bool(self.channel) and self.channel != NominationChannel.PORTAL


class NominationReminder(models.Model):
    """A reminder sent for a pending request; at most one a day."""

    request = models.ForeignKey(
        NominationRequest, on_delete=models.CASCADE, related_name="reminders"
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.TextField(_("recipients"))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["request", "sent_on"], name="reminder_once_a_day")
        ]

    def __str__(self):
        return f"{self.request} {self.sent_on}"

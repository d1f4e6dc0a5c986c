"""People: users' memberships in organisations and the organisations' contact persons."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .registry import Organisation


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class Membership(models.Model):
    """A user's place in an organisation: editors change its data, viewers read it."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        VIEWER = "viewer", _("Viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name_fi", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["editor", "viewer"]), name="membership_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.role})"

    @property
    def can_edit(self):
        return self.role == self.Role.EDITOR


class ContactPersonQuerySet(models.QuerySet):
    def current(self):
        return self.filter(active_to__isnull=True)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)


class ContactPerson(models.Model):
    """A person an organisation names as its contact. A change of person ends the old row."""

    class Role(models.TextChoices):
        NETWORK_REPRESENTATIVE = "network_representative", _("Network representative")
        DEPUTY = "deputy", _("Deputy")
        OTHER = "other", _("Other contact")

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
                condition=Q(active_to__isnull=True) & ~Q(role="other"),
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

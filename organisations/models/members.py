"""Who belongs to an organisation (members) and whom it names as its contacts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ..access import MembershipRole, OrganisationScopedQuerySet
from .choices import SEATS, ContactRole, Language
from .registry import Organisation


class MembershipQuerySet(OrganisationScopedQuerySet):
    def editors(self):
        return self.filter(role=MembershipRole.EDITOR)

    def never_used(self, *, invited_before):
        """Invitations nobody took up: the person has never signed in since."""
        return self.filter(created_at__lt=invited_before, user__last_login__isnull=True)


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
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

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


class ContactPersonQuerySet(OrganisationScopedQuerySet):
    def current(self):
        return self.filter(active_to__isnull=True)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def representatives(self):
        return self.filter(role=ContactRole.NETWORK_REPRESENTATIVE)


def contacts_token(organisation) -> str:
    """The organisation's current contact persons, as a form remembers them."""
    current = organisation.contact_persons.current().order_by("pk").values_list("pk", flat=True)
    return "-".join(map(str, current))


class ContactPerson(models.Model):
    """A person an organisation names as its contact. A change of person ends the old row."""

    Role = ContactRole

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contact_persons"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role, default=Role.OTHER)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(pgettext_lazy("a person's job", "title"), max_length=200, blank=True)
    email = models.EmailField(_("work email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language, default=Language.FINNISH
    )
    active_from = models.DateField(_("active from"), default=timezone.localdate)
    active_to = models.DateField(_("active until"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

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

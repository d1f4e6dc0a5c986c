"""Who may see and change an organisation's own data: the membership rules, in one place.

- The ministry team sees and changes everything (`avoin.permissions.is_ministry_team`).
- A member of an organisation sees its data; an editor also changes it.
- Anyone else sees none of it: another organisation's object is a 404, and a member without
  the editor role who tries to change something gets a 403.

Every model that belongs to organisations gets its queryset from `OrganisationScopedQuerySet`
(`visible_to(user)`, `editable_by(user)`), and views fetch a single object with
`object_for(request, queryset, pk=...)`. `tests/test_scoping.py` fails when a view reaches such a
model without one of them.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from avoin.permissions import is_ministry_team


class MembershipRole(models.TextChoices):
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class OrganisationScopedQuerySet(models.QuerySet):
    """Rows owned by organisations; `organisation_path` leads from a row to its owners.

    The path is "" for organisations themselves, "organisation" for a foreign key and
    "organisations" for a many-to-many (a joint good practice has several owners).
    """

    organisation_path = "organisation"

    def visible_to(self, user):
        """What the user may read of these rows."""
        if is_ministry_team(user):
            return self
        return self._of_members(user, MembershipRole.values)

    def editable_by(self, user):
        """What the user may change of these rows."""
        if is_ministry_team(user):
            return self
        return self._of_members(user, [MembershipRole.EDITOR])

    def _of_members(self, user, roles):
        if not user.is_authenticated:
            return self.none()
        prefix = f"{self.organisation_path}__" if self.organisation_path else ""
        owned = self.model._default_manager.filter(
            **{f"{prefix}memberships__user": user, f"{prefix}memberships__role__in": roles}
        )
        # A subquery, so that a row with two of the user's organisations appears once.
        return self.filter(pk__in=owned.values("pk"))


def object_for(request, queryset, *, edit=False, **lookup):
    """The one object of `queryset` the user may see (else 404) and, with `edit`, change (else
    403): `object_for(request, GoodPractice.objects, pk=pk, edit=True)`."""
    found = get_object_or_404(queryset.visible_to(request.user), **lookup)
    if edit and not may_edit(request.user, found):
        raise PermissionDenied
    return found


def may_view(user, instance) -> bool:
    """Whether the user may read this organisation-owned object."""
    return type(instance)._default_manager.visible_to(user).filter(pk=instance.pk).exists()


def may_edit(user, instance) -> bool:
    """Whether the user may change this organisation-owned object."""
    return type(instance)._default_manager.editable_by(user).filter(pk=instance.pk).exists()

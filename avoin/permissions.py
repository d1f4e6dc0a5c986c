"""Who may do what. Named predicates and decorators live here; views apply them visibly.

Organisation-owned data is always reached through `organisation_for(request, pk)`, which looks
the organisation up inside the user's scope: another organisation's data is a 404, and a
member without the editor role who tries to change something gets a 403.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

MINISTRY_TEAM_GROUP = "Ministry team"
WORKING_GROUP_GROUP = "Working group"


def _in_group(user, name):
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_avoin_groups", None)
    if cache is None:
        cache = user._avoin_groups = set(user.groups.values_list("name", flat=True))
    return name in cache


def is_ministry_team(user) -> bool:
    """The Ministry of Finance's open government team: sees and edits everything."""
    return user.is_authenticated and (user.is_superuser or _in_group(user, MINISTRY_TEAM_GROUP))


def is_working_group(user) -> bool:
    """Working-group members read the dashboards."""
    return is_ministry_team(user) or _in_group(user, WORKING_GROUP_GROUP)


def visible_organisations(user):
    """The organisations whose own data the user may read."""
    from organisations.models import Organisation

    if is_ministry_team(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def editable_organisations(user):
    """The organisations whose own data the user may change."""
    from organisations.models import Organisation

    if is_ministry_team(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__role="editor")


def can_view_organisation(user, organisation) -> bool:
    return is_ministry_team(user) or (
        user.is_authenticated and organisation.memberships.filter(user=user).exists()
    )


def can_edit_organisation(user, organisation) -> bool:
    return is_ministry_team(user) or (
        user.is_authenticated and organisation.memberships.filter(user=user, role="editor").exists()
    )


def can_edit_practice(user, practice) -> bool:
    """The ministry team, or an editor of one of the practice's organisations."""
    return (
        is_ministry_team(user)
        or practice.organisations.filter(pk__in=editable_organisations(user)).exists()
    )


def organisation_for(request, pk, *, edit=False):
    """The organisation `pk` if the user may see its data (else 404), and edit it if asked."""
    organisation = get_object_or_404(visible_organisations(request.user), pk=pk)
    if edit and not can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    return organisation


def ministry_team_required(view):
    """Only the ministry team; anyone else signed in gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_ministry_team(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def working_group_required(view):
    """The working group and the ministry team; anyone else signed in gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_working_group(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped

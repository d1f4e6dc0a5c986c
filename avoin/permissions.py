"""The two staff groups and the decorators that admit them. Knows no domain app.

Membership-based access (who may see and change an organisation's own data) lives in
`organisations/access.py`.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

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
    """Working-group members read the dashboards; the ministry team reads them too."""
    return is_ministry_team(user) or _in_group(user, WORKING_GROUP_GROUP)


def ministry_team_addresses() -> list[str]:
    """The email addresses of the team's active members: who is told of things to review."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=MINISTRY_TEAM_GROUP)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def signs_in_with_password(user) -> bool:
    """Staff, superusers and the ministry team sign in with their password (and never with an
    emailed link, which anyone who can read the mailbox could use)."""
    return user.is_staff or user.is_superuser or is_ministry_team(user)


def _admit(predicate, view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not predicate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def ministry_team_required(view):
    """Only the ministry team; anyone else signed in gets 403."""
    return _admit(is_ministry_team, view)


def working_group_required(view):
    """The working group and the ministry team; anyone else signed in gets 403."""
    return _admit(is_working_group, view)

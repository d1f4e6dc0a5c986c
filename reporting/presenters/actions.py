"""What the team's pages on its own actions show: the 25 actions at a glance, and one action's
history."""

from dataclasses import dataclass
from itertools import groupby

from django.db.models import Prefetch

from commitments.models import Action
from reporting.models import ActionProgress, ActionUpdate


@dataclass
class TeamAction:
    action: Action
    progress: ActionProgress | None
    milestones: list
    update: ActionUpdate | None  # the latest, whatever its period

    @property
    def done_milestones(self):
        return sum(1 for milestone in self.milestones if milestone.done_on)

    @property
    def overdue(self):
        return [milestone for milestone in self.milestones if milestone.is_overdue]


def team_actions():
    """[(measure, [TeamAction])] for every action, in the letter's order. Four queries."""
    actions = (
        Action.objects.select_related("measure", "progress")
        .prefetch_related(
            "milestones",
            Prefetch(
                "updates",
                queryset=ActionUpdate.objects.select_related("period").order_by(
                    "-period__starts_on"
                ),
            ),
        )
        .order_by("measure__number", "position")
    )
    rows = [
        TeamAction(
            action=action,
            progress=getattr(action, "progress", None),
            milestones=list(action.milestones.all()),
            update=next(iter(action.updates.all()), None),
        )
        for action in actions
    ]
    return [
        (measure, list(items))
        for measure, items in groupby(rows, key=lambda row: row.action.measure)
    ]


def progress_history(progress, limit=30):
    """The changes to an action's progress, newest first: when, who, status and completion."""
    if progress is None:
        return []
    return list(
        progress.history.select_related("history_user").order_by("-history_date", "-history_id")[
            :limit
        ]
    )

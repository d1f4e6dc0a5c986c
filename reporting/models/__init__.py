"""How it goes: good practices, reporting periods, progress reports, the team's actions,
activities and the working group's meetings. One module per concern; import the models from
here."""

from .actions import ActionProgress, ActionStatus, ActionUpdate, Completion, Milestone
from .activities import (
    MAX_PEOPLE,
    Activity,
    ActivityKind,
    ActivityQuerySet,
    Coverage,
    DataStatus,
    EasyLanguage,
    ItemStatus,
    ResultsUse,
)
from .meetings import (
    OPEN_ITEM_STATUSES,
    ActionItem,
    ActionItemStatus,
    Decision,
    Meeting,
)
from .periods import PeriodState, ReportingPeriod, quarter_dates, quarters
from .practices import (
    SEARCH_CONFIGS,
    Emphasis,
    GoodPractice,
    GoodPracticeQuerySet,
    PracticeStatus,
    TargetGroup,
    target_group_field,
)
from .progress import (
    EVIDENCE_MAX_LENGTH,
    PeriodReport,
    ProgressEntry,
    ProgressStatus,
    ReportStatus,
)

__all__ = [
    "EVIDENCE_MAX_LENGTH",
    "MAX_PEOPLE",
    "OPEN_ITEM_STATUSES",
    "SEARCH_CONFIGS",
    "ActionItem",
    "ActionItemStatus",
    "ActionProgress",
    "ActionStatus",
    "ActionUpdate",
    "Activity",
    "ActivityKind",
    "ActivityQuerySet",
    "Completion",
    "Coverage",
    "Decision",
    "DataStatus",
    "EasyLanguage",
    "Emphasis",
    "GoodPractice",
    "GoodPracticeQuerySet",
    "ItemStatus",
    "Meeting",
    "Milestone",
    "PeriodReport",
    "PeriodState",
    "PracticeStatus",
    "ProgressEntry",
    "ProgressStatus",
    "ReportStatus",
    "ReportingPeriod",
    "ResultsUse",
    "TargetGroup",
    "quarter_dates",
    "quarters",
    "target_group_field",
]

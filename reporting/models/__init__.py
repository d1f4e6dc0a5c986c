"""How it goes: good practices, reporting periods, progress reports, the team's actions and
activities. One module per concern; import the models from here."""

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
from .evaluations import (
    FINDING_MAX_LENGTH,
    NON_DISCRIMINATION_GROUNDS,
    Assessment,
    CommitmentProposal,
    EqualityGround,
    Evidence,
    EvidenceKind,
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
    "FINDING_MAX_LENGTH",
    "NON_DISCRIMINATION_GROUNDS",
    "Assessment",
    "CommitmentProposal",
    "EqualityGround",
    "Evidence",
    "EvidenceKind",
    "EVIDENCE_MAX_LENGTH",
    "MAX_PEOPLE",
    "SEARCH_CONFIGS",
    "ActionProgress",
    "ActionStatus",
    "ActionUpdate",
    "Activity",
    "ActivityKind",
    "ActivityQuerySet",
    "Completion",
    "Coverage",
    "DataStatus",
    "EasyLanguage",
    "Emphasis",
    "GoodPractice",
    "GoodPracticeQuerySet",
    "ItemStatus",
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

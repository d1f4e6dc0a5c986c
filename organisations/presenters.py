"""Display logic too heavy for templates: the answers chart and readable history."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import HELSINKI, ContactPerson, NominationRequest, Organisation
from .services.imports import IMPORT_REASON
from .services.nominations import unreachable_organisations
from .services.registry import LOAD_REASON


@dataclass
class Bar:
    day: datetime.date
    count: int
    x: float
    y: float
    height: float
    late: bool


class AnswersPerDayChart:
    """A server-rendered SVG bar chart of answers per day, with the same figures as a table."""

    WIDTH, HEIGHT, MARGIN = 640, 220, 30

    def __init__(self, answered_at, *, deadline):
        self.deadline = deadline
        counts = Counter(moment.astimezone(HELSINKI).date() for moment in answered_at)
        self.rows = sorted(counts.items())
        self.maximum = max(counts.values(), default=0)
        self.bars = self._bars(counts)

    def _bars(self, counts):
        if not counts:
            return []
        first, last = min(counts), max(counts)
        first, last = min(first, self.deadline), max(last, self.deadline)
        days = (last - first).days + 1
        slot = (self.WIDTH - 2 * self.MARGIN) / days
        plot = self.HEIGHT - 2 * self.MARGIN
        bars = []
        for index in range(days):
            day = first + datetime.timedelta(days=index)
            count = counts.get(day, 0)
            height = plot * count / self.maximum if self.maximum else 0
            bars.append(
                Bar(
                    day=day,
                    count=count,
                    x=round(self.MARGIN + index * slot + slot * 0.1, 1),
                    y=round(self.HEIGHT - self.MARGIN - height, 1),
                    height=round(height, 1),
                    late=day > self.deadline,
                )
            )
        self.bar_width = round(slot * 0.8, 1)
        self.deadline_x = round(self.MARGIN + ((self.deadline - first).days + 1) * slot, 1)
        return bars

    @property
    def baseline_y(self):
        return self.HEIGHT - self.MARGIN


def round_dashboard(nomination_round):
    """A sent round's figures: by status, in time, by branch, the pending, answers per day."""
    requests = nomination_round.requests.all()
    status_counts = requests.status_counts()
    unreachable = set(
        unreachable_organisations(
            Organisation.objects.filter(nomination_requests__in=requests.pending())
        ).values_list("pk", flat=True)
    )
    answers = requests.answered().values_list("answered_at", flat=True)
    return {
        "statuses": [
            (status, label, status_counts.get(status, 0))
            for status, label in NominationRequest.Status.choices
        ],
        "totals": requests.totals(),
        "branches": requests.by_branch(),
        "pending": [
            (item, item.organisation_id in unreachable)
            for item in requests.pending().with_reminders()
        ],
        "chart": AnswersPerDayChart(list(answers), deadline=nomination_round.deadline),
    }


def _shown(value):
    if isinstance(value, datetime.date):
        return f"{value.day}.{value.month}.{value.year}"
    return value or "–"


def contact_history(organisation, limit=50):
    """Changes to the organisation's contact persons, newest first: who, what, when."""
    records = list(
        ContactPerson.history.filter(organisation_id=organisation.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    previous, entries = {}, []
    fields = ["role", "name", "title", "email", "phone", "language", "active_from", "active_to"]
    labels = {field: ContactPerson._meta.get_field(field).verbose_name for field in fields}
    for record in records:
        before = previous.get(record.id)
        if before is None:
            changes = [_("added: %(name)s") % {"name": record.name}]
        else:
            changes = [
                f"{labels[field]}: {_shown(getattr(before, field))} → "
                f"{_shown(getattr(record, field))}"
                for field in fields
                if getattr(before, field) != getattr(record, field)
            ]
        previous[record.id] = record
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "contact": record.name,
                "changes": changes,
            }
        )
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]


# The organisation's own facts whose changes its page shows; relations are shown by name.
ORGANISATION_HISTORY_FIELDS = [
    "name_fi",
    "name_sv",
    "name_en",
    "abbreviation",
    "code",
    "business_id",
    "email",
    "ministry_id",
    "valid_from",
    "valid_to",
    "note",
]


def organisation_history(organisation, limit=50):
    """Changes to the organisation's own facts, newest first: when, who, why, what."""
    records = list(
        organisation.history.select_related("history_user").order_by("history_date", "history_id")
    )
    ministry_ids = {record.ministry_id for record in records if record.ministry_id}
    ministries = dict(Organisation.objects.filter(pk__in=ministry_ids).values_list("pk", "name_fi"))
    labels = {
        name: Organisation._meta.get_field(
            "ministry" if name == "ministry_id" else name
        ).verbose_name
        for name in ORGANISATION_HISTORY_FIELDS
    }

    def why(reason):
        if reason.startswith(LOAD_REASON):
            return _("reference data loaded from the project's files")
        if reason.startswith(IMPORT_REASON):
            source = reason.removeprefix(IMPORT_REASON).lstrip(": ")
            return _("imported from %(source)s") % {"source": source} if source else _("imported")
        return reason

    def shown(record, name):
        value = getattr(record, name)
        return ministries.get(value, value) if name == "ministry_id" else _shown(value)

    entries, before = [], None
    for record in records:
        if before is None:
            changes = [_("added to the registry")]
        else:
            changes = [
                f"{labels[name]}: {shown(before, name) or '–'} → {shown(record, name) or '–'}"
                for name in ORGANISATION_HISTORY_FIELDS
                if getattr(before, name) != getattr(record, name)
            ]
        before = record
        if changes:
            entries.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "why": why(record.history_change_reason or ""),
                    "changes": changes,
                }
            )
    entries.reverse()
    return entries[:limit]

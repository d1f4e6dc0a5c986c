"""Display logic too heavy for templates: the round dashboard, its chart, readable history."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avoin.formats import finnish_date
from avoin.models import MessageStatus, OutgoingMessage

from .models import ContactPerson, Membership, NominationRequest, NominationStatus, Organisation
from .services.imports import IMPORT_REASON
from .services.members import DEACTIVATED
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
    """A server-rendered SVG bar chart of answers per day, with the same figures as a table.

    The bars cover at most MAX_DAYS around the deadline, however early or late an answer was
    recorded; the table lists every day that had answers. Coordinates are plain numbers, and
    the template renders them unlocalised (a decimal comma breaks SVG).
    """

    WIDTH, HEIGHT, MARGIN = 640, 220, 30
    MAX_DAYS = 92
    DAYS_BEFORE_DEADLINE = 61

    def __init__(self, answered_at, *, deadline):
        self.deadline = deadline
        counts = Counter(timezone.localdate(moment) for moment in answered_at)
        self.rows = sorted(counts.items())
        self.maximum = max(counts.values(), default=0)
        self.first_day = self.last_day = None
        self.bars = self._bars(counts) if counts else []

    def _window(self, counts):
        first = max(
            min(min(counts), self.deadline),
            self.deadline - datetime.timedelta(days=self.DAYS_BEFORE_DEADLINE),
        )
        last = max(max(counts), self.deadline)
        last = min(last, first + datetime.timedelta(days=self.MAX_DAYS - 1))
        return first, last

    def _bars(self, counts):
        self.first_day, self.last_day = first, last = self._window(counts)
        days = (last - first).days + 1
        slot = (self.WIDTH - 2 * self.MARGIN) / days
        plot = self.HEIGHT - 2 * self.MARGIN
        shown = {day: count for day, count in counts.items() if first <= day <= last}
        highest = max(shown.values(), default=0)
        bars = []
        for index in range(days):
            day = first + datetime.timedelta(days=index)
            height = plot * shown.get(day, 0) / highest if highest else 0
            bars.append(
                Bar(
                    day=day,
                    count=shown.get(day, 0),
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
    def is_cut(self):
        """Whether some answered days fall outside the bars (they are in the table)."""
        return bool(self.rows) and (
            self.rows[0][0] < self.first_day or self.rows[-1][0] > self.last_day
        )

    @property
    def baseline_y(self):
        return self.HEIGHT - self.MARGIN

    @property
    def axis_end_x(self):
        return self.WIDTH - self.MARGIN

    @property
    def label_anchor(self):
        """The deadline label reads leftwards from its line in the right half, so it fits."""
        return "end" if self.deadline_x > self.WIDTH / 2 else "start"


def _shown(value):
    if isinstance(value, datetime.date):
        return finnish_date(value)
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


@dataclass
class Branch:
    """One administrative branch's row: requests in each status, in `NominationStatus` order."""

    ministry: Organisation | None
    total: int
    late: int
    by_status: list[int]


# What each of the round's emails is, by its template.
MESSAGE_KINDS = {
    "nomination_request": gettext_lazy("request"),
    "nomination_reminder": gettext_lazy("reminder"),
    "nomination_receipt": gettext_lazy("receipt"),
}


@dataclass
class Delivery:
    """One email about a request: to whom, what, and what became of it."""

    message: OutgoingMessage
    request: NominationRequest

    @property
    def kind(self):
        return MESSAGE_KINDS.get(self.message.template, self.message.template)


@dataclass
class PendingRow:
    """A request still waiting for an answer, with the emails sent about it."""

    request: NominationRequest
    unreachable: bool
    deliveries: list[Delivery]


class RoundDashboard:
    """The figures of one round: status counts, branches, pending organisations and what was
    emailed to them, undelivered messages, the chart. A fixed number of queries."""

    def __init__(self, nomination_round):
        self.round = nomination_round
        requests = nomination_round.requests.all()
        counts = requests.status_counts()
        self.statuses = [(status, status.label, counts[status]) for status in NominationStatus]
        self.totals = requests.totals()
        self.branches = self._branches(requests)
        self.pending = self._pending(requests)
        self.needs_address = [row.request.organisation for row in self.pending if row.unreachable]
        emails = OutgoingMessage.objects.about(requests)
        delivery = emails.status_counts()
        self.delivery = [(status, status.label, delivery[status]) for status in MessageStatus]
        self.undelivered = self._undelivered(requests, emails)
        self.chart = AnswersPerDayChart(
            requests.answered().values_list("first_answered_at", flat=True),
            deadline=nomination_round.deadline,
        )
        targets = Organisation.objects.asked_in(nomination_round)
        self.target_count = targets.count()
        # Before sending: whom the round cannot reach, so that addresses can be added first.
        unreachable = targets.unreachable().select_related("ministry")
        self.unreachable_targets = [] if nomination_round.is_sent else list(unreachable)
        self.reached_count = self.target_count - len(self.unreachable_targets)

    @staticmethod
    def _pending(requests):
        pending = (
            requests.pending()
            .select_related("organisation")
            .with_reminders()
            .prefetch_related(Prefetch("messages", OutgoingMessage.objects.order_by("pk")))
        )
        unreachable = set(
            Organisation.objects.filter(nomination_requests__in=pending)
            .unreachable()
            .values_list("pk", flat=True)
        )
        return [
            PendingRow(
                request=item,
                unreachable=item.organisation_id in unreachable,
                deliveries=[Delivery(message, item) for message in item.messages.all()],
            )
            for item in pending
        ]

    @staticmethod
    def _undelivered(requests, emails):
        """Every message of the round that failed, answered organisations' receipts included."""
        failed = list(emails.failed().order_by("pk"))
        about = requests.select_related("organisation").in_bulk(
            {message.object_id for message in failed}
        )
        return [Delivery(message, about[message.object_id]) for message in failed]

    @staticmethod
    def _branches(requests):
        rows = list(requests.by_branch())
        ministries = Organisation.objects.in_bulk([row["organisation__ministry"] for row in rows])
        return [
            Branch(
                ministry=ministries.get(row["organisation__ministry"]),
                total=row["total"],
                late=row["late"],
                by_status=[row[status] for status in NominationStatus.values],
            )
            for row in rows
        ]


def membership_history(organisation, limit=50):
    """Who made whom an editor or a viewer of the organisation, or removed them; newest first."""
    records = (
        Membership.history.filter(organisation_id=organisation.pk)
        .select_related("history_user", "user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    changes = {
        "+": _("became %(role)s"),
        "~": _("role changed to %(role)s"),
        "-": _("removed (was %(role)s)"),
        DEACTIVATED: _("account deactivated (was %(role)s)"),
    }
    return [
        {
            "when": record.history_date,
            "who": record.history_user,
            "member": record.user.email or record.user.username,
            "change": changes[record.history_change_reason or record.history_type]
            % {"role": record.get_role_display()},
        }
        for record in records
    ]


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

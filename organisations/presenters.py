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

from .models import ContactPerson, NominationRequest, NominationStatus, Organisation


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
        counts = Counter(timezone.localdate(moment) for moment in answered_at)
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
            requests.answered().values_list("answered_at", flat=True),
            deadline=nomination_round.deadline,
        )
        self.target_count = Organisation.objects.asked_in(nomination_round).count()

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

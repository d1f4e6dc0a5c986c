"""Display logic too heavy for templates: the round dashboard, its chart, readable history."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F, Prefetch
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

    def __init__(self, per_day, *, deadline):
        """`per_day`: (day, answers) pairs, as `NominationRequest.objects.answers_per_day()`."""
        self.deadline = deadline
        counts = dict(per_day)
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
    organisation: Organisation

    @property
    def kind(self):
        return MESSAGE_KINDS.get(self.message.template, self.message.template)


@dataclass
class PendingRow:
    """A request still waiting for an answer, with the emails sent about it."""

    request: NominationRequest
    unreachable: bool
    deliveries: list[Delivery]


def _named(pk, prefix, row, **facts):
    """An organisation read as names beside another row (`<prefix>name_fi`, …): enough to
    show it, without a query of its own."""
    if pk is None:
        return None
    names = {f"name_{code}": row[f"{prefix}name_{code}"] for code in ("fi", "sv", "en")}
    return Organisation(pk=pk, **names, **facts)


class RoundDashboard:
    """The figures of one round: status counts, branches, the chart, what became of the emails,
    and the pending organisations a page at a time. A fixed number of queries (six for a sent
    round), however many organisations the round asks: the lists that grow with them are
    paged or capped, and the whole network is in the CSV and XLSX exports.

    `nomination_round` comes from `NominationRound.objects.with_email_counts()`.
    """

    PENDING_PER_PAGE = 25
    UNDELIVERED_SHOWN = 20
    # `?pending=unreachable` narrows the pending list to the organisations with no address.
    UNREACHABLE = "unreachable"

    def __init__(self, nomination_round, *, query):
        """`query`: the page's query string: `page` of the pending list, `pending` its filter."""
        self.round = nomination_round
        if not nomination_round.is_sent:
            # Before sending: whom the round cannot reach, so that addresses can be added first.
            targets = Organisation.objects.asked_in(nomination_round)
            self.target_count = targets.count()
            self.unreachable_targets = list(targets.unreachable().select_related("ministry"))
            self.reached_count = self.target_count - len(self.unreachable_targets)
            return
        requests = nomination_round.requests.all()
        self._figures(requests)
        self.chart = AnswersPerDayChart(
            requests.answers_per_day(), deadline=nomination_round.deadline
        )
        self.delivery = [
            (status, status.label, getattr(nomination_round, f"emails_{status}"))
            for status in MessageStatus
        ]
        self.undelivered = self._undelivered(requests)
        failed_count = getattr(nomination_round, f"emails_{MessageStatus.FAILED}")
        self.undelivered_more = failed_count - len(self.undelivered)
        self.unreachable_only = query.get("pending") == self.UNREACHABLE
        # The pagination links keep the filter.
        self.pending_query = f"pending={self.UNREACHABLE}" if self.unreachable_only else ""
        self.pending_page = self._pending(requests, query.get("page"), self.unreachable_only)
        self.pending = self.pending_page.object_list

    def _figures(self, requests):
        """Status counts, totals, branches and the unreachable count, from one grouped query."""
        rows = list(requests.by_branch())
        statuses = {status: sum(row[status] for row in rows) for status in NominationStatus}
        self.statuses = [(status, status.label, statuses[status]) for status in NominationStatus]
        total = sum(row["total"] for row in rows)
        late = sum(row["late"] for row in rows)
        answered = total - statuses[NominationStatus.PENDING]
        self.totals = dict(total=total, answered=answered, on_time=answered - late, late=late)
        # Once sent, the organisations asked are those the round sent a request to.
        self.target_count = total
        self.pending_count = statuses[NominationStatus.PENDING]
        self.needs_address_count = sum(row["unreachable"] for row in rows)
        prefix = "organisation__ministry__"
        self.branches = [
            Branch(
                ministry=_named(
                    row["organisation__ministry"],
                    prefix,
                    row,
                    abbreviation=row[f"{prefix}abbreviation"],
                ),
                total=row["total"],
                late=row["late"],
                by_status=[row[status] for status in NominationStatus.values],
            )
            for row in rows
        ]

    def _pending(self, requests, page, unreachable_only):
        pending = (
            requests.pending()
            .select_related("organisation")
            .with_reminders()
            .with_reach()
            .order_by("organisation__name_fi", "pk")
            .prefetch_related(
                Prefetch("messages", OutgoingMessage.objects.order_by("pk"), "emails")
            )
        )
        if unreachable_only:
            pending = pending.filter(unreachable=True)
        paginator = Paginator(pending, self.PENDING_PER_PAGE)
        # Known from the figures: spares the paginator's COUNT query.
        paginator.count = self.needs_address_count if unreachable_only else self.pending_count
        page = paginator.get_page(page)
        page.object_list = [
            PendingRow(
                item, item.unreachable, [Delivery(m, item.organisation) for m in item.emails]
            )
            for item in page.object_list
        ]
        return page

    def _undelivered(self, requests):
        """The round's messages that failed, answered organisations' receipts included; the
        first UNDELIVERED_SHOWN of them, each with its organisation's names."""
        organisation = "nomination_request__organisation"
        failed = (
            OutgoingMessage.objects.about(requests)
            .failed()
            .annotate(
                organisation_pk=F(organisation),
                organisation_name_fi=F(f"{organisation}__name_fi"),
                organisation_name_sv=F(f"{organisation}__name_sv"),
                organisation_name_en=F(f"{organisation}__name_en"),
            )
            .order_by("pk")[: self.UNDELIVERED_SHOWN]
        )
        return [
            Delivery(message, _named(message.organisation_pk, "organisation_", vars(message)))
            for message in failed
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

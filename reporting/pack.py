"""A working-group meeting's pack: what changed since the previous meeting, built from the
records. The pack is plain data (JSON): codes, numbers, ISO dates and the names of things in
every language, never text of one page language. So the same pack is stored when the team
finalises it (`Meeting.pack`, docs/adr/0035), shown in fi, sv or en, and compared with the
live records section by section (reporting/presenters/pack.py).

Every section is {"rows": [{"key": …, …}]}, where `key` identifies a row across the frozen
and the live pack. Building a pack runs a fixed number of queries whatever the data size.
"""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from organisations.models import ContactPerson, Organisation, OrganisationKind

from .figures import organisations_per_kind, recommendation_figures, reporting_coverage
from .models import (
    ActionItem,
    Activity,
    GoodPractice,
    Meeting,
    Milestone,
    PeriodReport,
    ProgressEntry,
    ReportingPeriod,
)

PACK_VERSION = 1
SECTIONS = (
    "coverage",
    "statuses",
    "reports",
    "activities",
    "practices",
    "network",
    "milestones",
    "action_items",
)


def _names(instance, field="name"):
    return {code: getattr(instance, f"{field}_{code}") for code in ("fi", "sv", "en")}


def _day(value):
    return value.isoformat() if value else None


def _period(period):
    if period is None:
        return None
    return {"id": period.pk, "year": period.year, "quarter": period.quarter}


def previous_meeting(meeting):
    return Meeting.objects.before(meeting).first()


def since_when(previous):
    """When "since the last meeting" starts: when the previous meeting's pack was finalised
    (what the group last saw), else the start of its day in Helsinki; None for the first."""
    if previous is None:
        return None
    if previous.pack_frozen_at:
        return previous.pack_frozen_at
    return timezone.make_aware(datetime.datetime.combine(previous.held_on, datetime.time()))


def compared_period(meeting, previous):
    """The period the meeting's figures are compared with: the one the previous meeting
    reviewed, or else the quarter before."""
    if previous is not None and previous.period_id != meeting.period_id:
        return previous.period
    return (
        ReportingPeriod.objects.filter(starts_on__lt=meeting.period.starts_on)
        .order_by("-starts_on")
        .first()
    )


def pack_build(meeting, *, now=None) -> dict:
    """The pack for `meeting` from the records as they are `now`."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    previous = previous_meeting(meeting)
    since = since_when(previous)
    period, before = meeting.period, compared_period(meeting, previous)
    # N per kind for both periods, counted once for the coverage and the statuses.
    totals = organisations_per_kind([period, *([before] if before else [])])
    return {
        "version": PACK_VERSION,
        "built_at": now.isoformat(),
        "since": since.isoformat() if since else None,
        "period": _period(period),
        "previous_period": _period(before),
        "previous_meeting": (
            {"id": previous.pk, "held_on": _day(previous.held_on)} if previous else None
        ),
        "sections": {
            "coverage": _coverage(period, before, totals),
            "statuses": _statuses(period, before, totals),
            "reports": _reports(since, now),
            "activities": _activities(since, now),
            "practices": _practices(since, now),
            "network": _network(since, today),
            "milestones": _milestones(today),
            "action_items": _action_items(meeting),
        },
    }


def _coverage(period, before, totals):
    """Organisations with an accepted report for the period, of those asked, kind by kind,
    beside the compared period's."""
    now = reporting_coverage(period, totals=totals)
    then = {row.kind: row for row in reporting_coverage(before, totals=totals)} if before else {}
    rows = []
    for row in now:
        earlier = then.get(row.kind)
        rows.append(
            {
                "key": row.kind or "all",
                "kind": row.kind,
                "organisations": row.organisations,
                "reported": row.reported,
                "previous_organisations": earlier.organisations if earlier else None,
                "previous_reported": earlier.reported if earlier else None,
            }
        )
    return {"rows": rows}


def _statuses(period, before, totals):
    """Per measure, how many accepted answers gave each status, in the period and before."""
    periods = [period, *([before] if before else [])]
    figures = recommendation_figures(periods, totals=totals)
    counts = {}  # (measure, status) → {period pk: n}
    for (period_id, _recommendation_id), figure in figures.items():
        measure = figure.recommendation.measure.number
        for status, count in figure.total.statuses.items():
            cell = counts.setdefault((measure, status), {})
            cell[period_id] = cell.get(period_id, 0) + count
    rows = [
        {
            "key": f"{measure}:{status}",
            "measure": measure,
            "status": status,
            "previous": cell.get(before.pk, 0) if before else None,
            "now": cell.get(period.pk, 0),
        }
        for (measure, status), cell in counts.items()
    ]
    return {"rows": sorted(rows, key=_measure_order)}


def _measure_order(row):
    return (tuple(int(part) for part in row["measure"].split(".")), row["status"])


def _window(field, since, until):
    condition = Q(**{f"{field}__lte": until})
    if since is not None:
        condition &= Q(**{f"{field}__gt": since})
    return condition


def _reports(since, now):
    """Reports submitted, reviewed or corrected since the last meeting."""
    corrected = ProgressEntry.objects.filter(report=OuterRef("pk")).filter(
        _window("updated_at", since, now)
    )
    reports = (
        PeriodReport.objects.filter(
            _window("submitted_at", since, now)
            | _window("reviewed_at", since, now)
            | Q(Exists(corrected))
        )
        .exclude(submitted_at__isnull=True)
        .order_by("period__starts_on", "organisation__name_fi", "pk")
        # Plain values, not three model instances per report: the pack keeps only these.
        .values(
            "pk",
            "status",
            "created_at",
            "submitted_at",
            "organisation__kind",
            "period_id",
            "period__year",
            "period__quarter",
            *(f"organisation__name_{code}" for code in ("fi", "sv", "en")),
        )
    )
    return {
        "rows": [
            {
                "key": str(report["pk"]),
                "organisation": {
                    code: report[f"organisation__name_{code}"] for code in ("fi", "sv", "en")
                },
                "kind": report["organisation__kind"],
                "period": {
                    "id": report["period_id"],
                    "year": report["period__year"],
                    "quarter": report["period__quarter"],
                },
                "status": report["status"],
                "new": since is None or report["created_at"] > since,
                "submitted_on": _day(timezone.localdate(report["submitted_at"])),
            }
            for report in reports
        ]
    }


def _activities(since, now):
    """Activities logged since the last meeting, and all logged so far, kind by kind."""
    new = _window("entered_at", since, now)
    rows = (
        Activity.objects.filter(entered_at__lte=now)
        .order_by()
        .values("kind")
        .annotate(
            new=Count("pk", filter=new),
            new_participants=Coalesce(Sum("participants", filter=new), 0),
            new_completions=Coalesce(Sum("completions", filter=new), 0),
            total=Count("pk"),
            participants=Coalesce(Sum("participants"), 0),
            completions=Coalesce(Sum("completions"), 0),
            organisations=Count("organisation", distinct=True),
        )
        .order_by("kind")
    )
    return {"rows": [{"key": row["kind"], **row} for row in rows]}


def _practices(since, now):
    """Good practices published since the last meeting."""
    practices = (
        GoodPractice.objects.published()
        .filter(_window("published_at", since, now))
        .prefetch_related("organisations", "measures")
        .order_by("published_at", "pk")
    )
    return {
        "rows": [
            {
                "key": str(practice.pk),
                "title": {
                    code: getattr(practice, f"title_{code}") or practice.title
                    for code in ("fi", "sv", "en")
                },
                "language": practice.language,
                "organisations": [_names(o) for o in practice.organisations.all()],
                "measures": sorted(m.number for m in practice.measures.all()),
                "published_on": _day(timezone.localdate(practice.published_at)),
            }
            for practice in practices
        ]
    }


def _network(since, today):
    """Representatives named and seats left since the last meeting, by organisation (no
    names of people: the working group reads the pack), and the state agencies' coverage."""
    since_day = timezone.localdate(since) if since else None
    changes = ContactPerson.objects.representatives().select_related("organisation")
    if since_day:
        changes = changes.filter(Q(active_from__gte=since_day) | Q(active_to__gte=since_day))
    rows = []
    for contact in changes.order_by("organisation__name_fi", "active_from", "pk"):
        for change, day in (("named", contact.active_from), ("ended", contact.active_to)):
            if day and (since_day is None or day >= since_day) and day <= today:
                rows.append(
                    {
                        "key": f"{contact.pk}:{change}",
                        "organisation": _names(contact.organisation),
                        "change": change,
                        "on": _day(day),
                    }
                )
    agencies = Organisation.objects.active(on=today).of_kind(OrganisationKind.STATE_AGENCY)
    represented = agencies.filter(
        Exists(
            ContactPerson.objects.representatives()
            .current()
            .filter(organisation=OuterRef("pk"), active_from__lte=today)
        )
    )
    summary = agencies.aggregate(
        agencies=Count("pk"), represented=Count("pk", filter=Q(pk__in=represented.values("pk")))
    )
    return {"rows": rows, "summary": summary}


def _milestones(today):
    """The team's milestones past their due date and not done."""
    milestones = (
        Milestone.objects.overdue(today)
        .select_related("action")
        .order_by("due_on", "action__code", "pk")
    )
    return {
        "rows": [
            {
                "key": str(milestone.pk),
                "action": milestone.action.code,
                "title": _names(milestone, "title"),
                "due_on": _day(milestone.due_on),
            }
            for milestone in milestones
        ]
    }


def _action_items(meeting):
    """Action items of earlier meetings still open: they carry over to this one."""
    items = (
        ActionItem.objects.carried_to(meeting)
        .select_related("meeting", "measure", "action")
        .order_by("meeting__held_on", "pk")
    )
    return {
        "rows": [
            {
                "key": str(item.pk),
                "text": item.text,
                "owner": item.owner,
                "due_on": _day(item.due_on),
                "status": item.status,
                "concerns": item.concerns,
                "meeting_held_on": _day(item.meeting.held_on),
            }
            for item in items
        ]
    }

"""A working-group meeting's pack: what changed since the previous meeting, built from the
records. The pack is plain data (JSON): codes, numbers, ISO dates and the names of things in
every language, never text of one page language. So the same pack is stored when the team
finalises it (`Meeting.pack`, docs/adr/0035), shown in fi, sv or en, and compared with the
live records section by section (reporting/presenters/pack.py).

Every section is {"rows": [{"key": …, …}]}, where `key` identifies a row across the frozen
and the live pack. Building a pack runs a fixed number of queries whatever the data size.

Sections whose rows grow with the data (reports, practices, the network's changes) keep the
latest `LATEST` rows, their number in all (`total`) and a summary table (`counts`), so that a
pack stays a readable, bounded page at national scale (version 2). The workbook asks for every
row (`limit=None`). Packs of version 1 kept every row and no summary; the presenter derives the
summary from their rows.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from avoin.page_cache import content_key

from .figures import organisations_per_kind, recommendation_figures, reporting_coverage
from .models import ActionItem, Activity, Meeting, Milestone, ReportingPeriod
from .pack_changes import (
    iso_day,
    names_of,
    network_changed,
    number_order,
    practices_published,
    reports_changed,
    window,
)

PACK_VERSION = 2
# Rows kept of each section that grows with the data: the latest ones.
LATEST = 20
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


def _period(period):
    if period is None:
        return None
    return {"id": period.pk, "year": period.year, "quarter": period.quarter}


def previous_meeting(meeting):
    # Not its frozen pack: only when it was finalised matters here.
    return Meeting.objects.before(meeting).defer("pack").first()


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


def pack_build(meeting, *, now=None, limit=LATEST) -> dict:
    """The pack for `meeting` from the records as they are `now`, with at most `limit` rows
    of each growing section (None: every row, for the workbook)."""
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
            {"id": previous.pk, "held_on": iso_day(previous.held_on)} if previous else None
        ),
        "sections": {
            "coverage": _coverage(period, before, totals),
            "statuses": _statuses(period, before, totals),
            "reports": reports_changed(since, now, limit),
            "activities": _activities(since, now),
            "practices": practices_published(since, now, limit),
            "network": network_changed(since, today, limit),
            "milestones": _milestones(today),
            "action_items": _action_items(meeting),
        },
    }


def pack_live(meeting) -> dict:
    """The pack the page shows live (the latest rows), kept in the cache until a record of
    the public-content apps changes or the day does, as the dashboard's figures are (docs/adr/
    0046): it depends on nothing else, and the same data serves every language and reader.
    `PAGE_CACHE_SECONDS` 0 turns the cache off; the workbook builds every row afresh."""
    seconds = settings.PAGE_CACHE_SECONDS
    if not seconds:
        return pack_build(meeting)
    key = content_key("pack", meeting.pk)
    pack = cache.get(key)
    if pack is None:
        pack = pack_build(meeting)
        cache.set(key, pack, timeout=seconds)
    return pack


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
    return (number_order(row["measure"]), row["status"])


def _activities(since, now):
    """Activities logged since the last meeting, and all logged so far, kind by kind."""
    new = window("entered_at", since, now)
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
                "title": names_of(milestone, "title"),
                "due_on": iso_day(milestone.due_on),
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
                "due_on": iso_day(item.due_on),
                "status": item.status,
                "concerns": item.concerns,
                "meeting_held_on": iso_day(item.meeting.held_on),
            }
            for item in items
        ]
    }

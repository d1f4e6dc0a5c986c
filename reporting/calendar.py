"""The programme's calendar as iCalendar (RFC 5545) for Outlook and Google Calendar to
subscribe to (docs/adr/0036): the programme's events and deadlines, the team's milestones,
the reporting periods' closing days, working-group meetings (date and title only) and the
evaluations. Every entry is an all-day event (DATE values): the programme dates days, months
or years, never hours. A fixed number of queries whatever the data size."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from commitments.models import Evaluation, EvaluationCriterion
from commitments.models import Event as ProgrammeEvent

from .models import Meeting, Milestone, ReportingPeriod


def _host():
    return urlsplit(settings.SITE_URL).hostname or "avoin"


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _span(day, precision):
    """(first day, the day after the last) of a date given to the day, month or year."""
    if precision == ProgrammeEvent.Precision.YEAR:
        return datetime.date(day.year, 1, 1), datetime.date(day.year + 1, 1, 1)
    if precision == ProgrammeEvent.Precision.MONTH:
        following = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return datetime.date(day.year, day.month, 1), following
    return day, day + datetime.timedelta(days=1)


def _entry(uid, summary, first, after, *, stamp, description="", location="", url=""):
    event = Event()
    event.add("uid", f"{uid}@{_host()}")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)  # a date: written as DTSTART;VALUE=DATE:20240209
    event.add("dtend", after)
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")  # a date to know, not time taken
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    return event


def _evaluation_event_codes(evaluations):
    """The programme events that stand for the evaluations, which have entries of their own."""
    return {f"{evaluation.kind}_evaluation" for evaluation in evaluations}


def calendar_entries(stamp):
    """The calendar's events, in date order."""
    evaluations = list(
        Evaluation.objects.prefetch_related(
            Prefetch("criteria", queryset=EvaluationCriterion.objects.order_by("position"))
        )
    )
    entries = []
    skipped = _evaluation_event_codes(evaluations)
    for event in ProgrammeEvent.objects.select_related("measure").exclude(code__in=skipped):
        first, after = _span(event.date, event.precision)
        url = event.measure.get_absolute_url() if event.measure else reverse("home")
        entries.append(
            _entry(
                f"programme-event-{event.code}",
                str(event.title),
                first,
                after,
                stamp=stamp,
                location=str(event.venue),
                url=_absolute(url),
            )
        )
    for evaluation in evaluations:
        first, after = _span(datetime.date(evaluation.year, 1, 1), ProgrammeEvent.Precision.YEAR)
        criteria = "\n".join(f"- {criterion.name}" for criterion in evaluation.criteria.all())
        entries.append(
            _entry(
                f"evaluation-{evaluation.kind}",
                f"{evaluation.get_kind_display()} {evaluation.year}",
                first,
                after,
                stamp=stamp,
                description=_("Done during %(year)s; no exact dates are set. It assesses:")
                % {"year": evaluation.year}
                + "\n"
                + criteria,
                url=_absolute(reverse("commitments:evaluation_list")),
            )
        )
    for milestone in Milestone.objects.select_related("action"):
        first, after = _span(milestone.due_on, ProgrammeEvent.Precision.DAY)
        entries.append(
            _entry(
                f"milestone-{milestone.pk}",
                _("Due: %(action)s %(title)s")
                % {"action": milestone.action.code, "title": milestone.title},
                first,
                after,
                stamp=stamp,
                url=_absolute(milestone.action.get_absolute_url()),
            )
        )
    periods = ReportingPeriod.objects.annotate(
        has_meeting=Exists(Meeting.objects.filter(period=OuterRef("pk")))
    )
    for period in periods:
        first, after = _span(period.closes_on, ProgrammeEvent.Precision.DAY)
        entries.append(
            _entry(
                f"period-{period.year}-q{period.quarter}-closes",
                _("Progress reporting for %(period)s closes") % {"period": period},
                first,
                after,
                stamp=stamp,
            )
        )
        if period.meeting_on and not period.has_meeting:
            entries.append(
                _meeting(
                    f"period-{period.year}-q{period.quarter}-meeting", period.meeting_on, stamp
                )
            )
    for meeting in Meeting.objects.only("pk", "held_on"):
        entries.append(_meeting(f"meeting-{meeting.pk}", meeting.held_on, stamp))
    return sorted(entries, key=lambda event: (event.decoded("dtstart"), str(event["uid"])))


def _meeting(uid, day, stamp):
    """A working-group meeting as the public sees it: its date and title, nothing else."""
    first, after = _span(day, ProgrammeEvent.Precision.DAY)
    return _entry(uid, _("Open government working group meeting"), first, after, stamp=stamp)


def calendar_ics(*, now=None) -> bytes:
    """The calendar in the active language, as an iCalendar file."""
    stamp = (now or timezone.now()).astimezone(datetime.UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//Avoin//Open Government Action Plan 2023-2027//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = _("Open Government Action Plan 2023–2027")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    for entry in calendar_entries(stamp):
        calendar.add_component(entry)
    return calendar.to_ical()

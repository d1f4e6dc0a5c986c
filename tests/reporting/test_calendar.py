"""The programme's calendar, /<lang>/calendar.ics: valid iCalendar (RFC 5545) parsed back and
checked field by field."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from commitments.models import Evaluation, Event
from reporting.models import ReportingPeriod
from tests.access import access_params, assert_access
from tests.factories import MeetingFactory, MilestoneFactory, period

pytestmark = pytest.mark.django_db

ACCESS_CASES = [
    ("reporting:calendar_feed", "get", 200, 200, 200, 200, 200, 200),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(scene, name, method, role, expected):
    assert_access(scene, reverse(name), method, role, expected)


def fetch(client, language):
    with translation.override(language):
        url = reverse("reporting:calendar_feed")
    assert url == f"/{language}/calendar.ics"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def events_of(raw):
    calendar = Calendar.from_ical(raw)
    return calendar, {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_file_is_valid_icalendar(anonymous_client):
    MeetingFactory(place="Snellmaninkatu 1 A, Helsinki", link="https://teams.example.invalid/x")
    MilestoneFactory()
    raw = fetch(anonymous_client, "fi")
    text = raw.decode("utf-8")
    # Lines end in CRLF and none is longer than 75 octets (long ones are folded).
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    assert lines[0] == b"BEGIN:VCALENDAR"
    calendar, events = events_of(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Avoin//")
    assert str(calendar["METHOD"]) == "PUBLISH"
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    for event in calendar.walk("VEVENT"):
        assert event["dtstamp"].dt.tzinfo is not None and event["dtstamp"].to_ical().endswith(b"Z")
        start, end = event["dtstart"].dt, event["dtend"].dt
        # All-day events: DATE values, not date-times.
        assert type(start) is datetime.date and type(end) is datetime.date
        assert end > start
        assert str(event["summary"]).strip()
    assert re.search(rb"DTSTART;VALUE=DATE:20240209\r\n", raw)


def test_programme_dates_periods_milestones_and_evaluations(anonymous_client):
    milestone = MilestoneFactory(title_fi="Digikatsaus johdolle", due_on=datetime.date(2025, 6, 30))
    _, events = events_of(fetch(anonymous_client, "fi"))
    deadline = next(e for uid, e in events.items() if uid.startswith("programme-event-contact"))
    assert deadline["dtstart"].dt == datetime.date(2024, 2, 9)
    assert deadline["dtend"].dt == datetime.date(2024, 2, 10)
    event = Event.objects.get(code="contact_person_deadline")
    assert str(deadline["summary"]) == event.title_fi
    network = next(e for uid, e in events.items() if "open_democracy_network_spring_2024" in uid)
    venue = Event.objects.get(code="open_democracy_network_spring_2024").venue_fi
    assert str(network["location"]) == venue
    # A month-precise date spans its month, a year-precise one its year.
    published = next(e for uid, e in events.items() if "plan_published" in uid)
    assert (published["dtstart"].dt, published["dtend"].dt) == (
        datetime.date(2023, 10, 1),
        datetime.date(2023, 11, 1),
    )
    for evaluation in Evaluation.objects.all():
        entry = next(
            e for uid, e in events.items() if uid.startswith(f"evaluation-{evaluation.kind}@")
        )
        assert (entry["dtstart"].dt, entry["dtend"].dt) == (
            datetime.date(evaluation.year, 1, 1),
            datetime.date(evaluation.year + 1, 1, 1),
        )
        assert str(evaluation.year) in str(entry["summary"])
        assert evaluation.criteria.first().name_fi in str(entry["description"])
        # The programme event for the same evaluation is not listed twice.
        assert f"programme-event-{evaluation.kind}_evaluation" not in {
            uid.split("@")[0] for uid in events
        }
    first = ReportingPeriod.objects.order_by("starts_on").first()
    closes = next(
        e
        for uid, e in events.items()
        if uid.startswith(f"period-{first.year}-q{first.quarter}-closes@")
    )
    assert closes["dtstart"].dt == first.closes_on
    assert "Q4/2023" in str(closes["summary"])
    due = next(e for uid, e in events.items() if uid.startswith(f"milestone-{milestone.pk}@"))
    assert due["dtstart"].dt == datetime.date(2025, 6, 30)
    assert "1.1.a1" in str(due["summary"]) and "Digikatsaus johdolle" in str(due["summary"])


def test_meetings_show_only_their_date_and_title(anonymous_client):
    meeting = MeetingFactory(
        held_on=datetime.date(2025, 3, 12),
        starts_at=datetime.time(13, 0),
        place="Snellmaninkatu 1 A, Helsinki",
        link="https://teams.example.invalid/salainen",
        agenda="Sisäinen esityslista",
    )
    raw = fetch(anonymous_client, "fi")
    _, events = events_of(raw)
    entry = next(e for uid, e in events.items() if uid.startswith(f"meeting-{meeting.pk}@"))
    assert entry["dtstart"].dt == datetime.date(2025, 3, 12)
    assert str(entry["summary"]) == "Avoimen hallinnon työryhmän kokous"
    assert set(entry.keys()) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "TRANSP"}
    for secret in (b"Snellmaninkatu", b"salainen", b"Sis\xc3\xa4inen"):
        assert secret not in raw


def test_a_period_meeting_date_counts_until_a_meeting_is_scheduled(anonymous_client):
    reviewed = period(2024, 2)
    ReportingPeriod.objects.filter(pk=reviewed.pk).update(meeting_on=datetime.date(2024, 8, 20))
    _, events = events_of(fetch(anonymous_client, "fi"))
    assert "period-2024-q2-meeting" in {uid.split("@")[0] for uid in events}
    MeetingFactory(period=reviewed, held_on=datetime.date(2024, 8, 22))
    _, events = events_of(fetch(anonymous_client, "fi"))
    assert "period-2024-q2-meeting" not in {uid.split("@")[0] for uid in events}


@pytest.mark.parametrize(
    "language, name, meeting",
    [
        ("fi", "Avoimen hallinnon toimintaohjelma 2023–2027", "Avoimen hallinnon työryhmän kokous"),
        (
            "sv",
            "Handlingsprogrammet för öppen förvaltning 2023–2027",
            "Möte i arbetsgruppen för öppen förvaltning",
        ),
    ],
)
def test_the_calendar_is_in_the_pages_language(anonymous_client, language, name, meeting):
    made = MeetingFactory()
    calendar, events = events_of(fetch(anonymous_client, language))
    assert str(calendar["X-WR-CALNAME"]) == name
    entry = next(e for uid, e in events.items() if uid.startswith(f"meeting-{made.pk}@"))
    assert str(entry["summary"]) == meeting
    deadline = next(e for uid, e in events.items() if "contact_person_deadline" in uid)
    assert str(deadline["summary"]) == getattr(
        Event.objects.get(code="contact_person_deadline"), f"title_{language}"
    )


def test_the_same_uids_in_every_language(anonymous_client):
    MeetingFactory()
    uids = [set(events_of(fetch(anonymous_client, code))[1]) for code in ("fi", "sv", "en")]
    assert uids[0] == uids[1] == uids[2]


def test_the_home_page_links_the_calendar(anonymous_client):
    for language in ("fi", "sv", "en"):
        html = anonymous_client.get(f"/{language}/").content.decode()
        assert f'href="/{language}/calendar.ics"' in html


def test_the_calendar_runs_the_same_queries_whatever_the_data(
    anonymous_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            fetch(anonymous_client, "fi")
        return len(captured)

    MeetingFactory()
    MilestoneFactory()
    once = count()
    for _n in range(9):
        MeetingFactory()
        MilestoneFactory()
    assert count() == once
    with django_assert_max_num_queries(10):
        fetch(anonymous_client, "fi")

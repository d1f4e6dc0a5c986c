"""Working-group meetings: the team schedules and records them, the working group reads them,
nobody else sees them; open action items carry over to the next meeting."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Action, Measure
from reporting.models import ActionItem, ActionItemStatus, Decision, Meeting
from tests.access import LOGIN, access_params, assert_access
from tests.factories import ActionItemFactory, DecisionFactory, MeetingFactory, period

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_scene(scene):
    scene.meeting = MeetingFactory(minutes="Pöytäkirja:\n\n- kohta yksi\n- kohta kaksi")
    scene.decision = DecisionFactory(meeting=scene.meeting)
    scene.item = ActionItemFactory(meeting=scene.meeting)
    return scene


def url_of(scene, name):
    meeting = scene.meeting.pk
    args = {
        "reporting:meeting_detail": [meeting],
        "reporting:meeting_update": [meeting],
        "reporting:decision_create": [meeting],
        "reporting:decision_update": [meeting, scene.decision.pk],
        "reporting:action_item_create": [meeting],
        "reporting:action_item_update": [meeting, scene.item.pk],
        "reporting:meeting_pack": [meeting],
        "reporting:meeting_pack_freeze": [meeting],
        "reporting:meeting_pack_download": [meeting],
    }
    return reverse(name, args=args.get(name, []))


# name, method, then the expected status for: anonymous, other_member, viewer, editor,
# ministry, working_group
ACCESS_CASES = [
    ("reporting:meeting_list", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:meeting_detail", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:meeting_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:meeting_create", "post", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:meeting_update", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:meeting_update", "post", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:decision_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:decision_update", "post", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:action_item_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:action_item_update", "post", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:meeting_pack", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:meeting_pack_download", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:meeting_pack_freeze", "get", LOGIN, 403, 403, 403, 405, 403),
    ("reporting:meeting_pack_freeze", "post", LOGIN, 403, 403, 403, 302, 403),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(meeting_scene, name, method, role, expected):
    assert_access(meeting_scene, url_of(meeting_scene, name), method, role, expected)


def test_the_team_schedules_a_meeting(scene):
    client = scene.client("ministry")
    response = client.post(
        reverse("reporting:meeting_create"),
        {
            "held_on": "12.3.2025",
            "starts_at": "13.00",
            "place": "",
            "link": "https://teams.example.invalid/tyoryhma",
            "period": period(2024, 4).pk,
            "agenda": "1. Avaus\n2. Seurantapaketti",
            "minutes": "",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.held_on == datetime.date(2025, 3, 12)
    assert meeting.starts_at == datetime.time(13, 0)
    assert meeting.period == period(2024, 4)
    assert meeting.history.get().history_user == scene.ministry


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"place": "", "link": ""}, "place", "Anna paikka"),
        ({"held_on": "31.2.2025"}, "held_on", "Kirjoita päivämäärä"),
        ({"held_on": "1.1.2020"}, "held_on", "1.10.2023"),
        ({"starts_at": "kello yksi"}, "starts_at", "Kirjoita kellonaika"),
        ({"link": "javascript:alert(1)"}, "link", ""),
        ({"minutes": "<script>alert(1)</script>"}, "minutes", "HTML"),
        ({"held_on": "1.2.2024", "period": "Q3"}, "period", ""),
    ],
)
def test_bad_meeting_input_is_refused_next_to_the_field(scene, changes, field, message):
    data = {
        "held_on": "12.3.2025",
        "starts_at": "",
        "place": "Snellmaninkatu 1 A",
        "link": "",
        "period": period(2024, 4).pk,
        "agenda": "",
        "minutes": "",
    }
    if changes.get("period") == "Q3":
        changes = {**changes, "period": period(2024, 3).pk}
    data.update(changes)
    response = scene.client("ministry").post(reverse("reporting:meeting_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    assert Meeting.objects.count() == 0
    # What was typed stays in the form.
    html = response.content.decode()
    assert "error-summary" in html


def test_the_working_group_reads_the_meeting_but_edits_nothing(meeting_scene):
    html = meeting_scene.client("working_group").get(
        url_of(meeting_scene, "reporting:meeting_detail")
    )
    html = html.content.decode()
    assert "<li>kohta yksi</li>" in html  # the minutes as rich text
    assert meeting_scene.decision.text in html
    assert meeting_scene.item.text in html
    assert reverse("reporting:meeting_update", args=[meeting_scene.meeting.pk]) not in html
    assert reverse("reporting:decision_create", args=[meeting_scene.meeting.pk]) not in html


def test_the_team_records_a_decision_and_an_action_item(meeting_scene):
    client = meeting_scene.client("ministry")
    meeting = meeting_scene.meeting
    measure = Measure.objects.get(number="1.1")
    response = client.post(
        url_of(meeting_scene, "reporting:decision_create"),
        {"text": "Dialogien osallistujamääriä seurataan.", "measure": measure.pk, "action": ""},
    )
    assert response.status_code == 302
    decision = Decision.objects.get(text__startswith="Dialogien")
    assert decision.meeting == meeting and decision.concerns == "1.1"
    action = Action.objects.get(code="2.2.a3")
    response = client.post(
        url_of(meeting_scene, "reporting:action_item_create"),
        {
            "text": "Valmistellaan EU-teemainen akatemia.",
            "owner": "VM",
            "due_on": "30.9.2024",
            "status": ActionItemStatus.OPEN,
            "measure": "",
            "action": action.pk,
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(owner="VM")
    assert item.concerns == "2.2.a3" and item.due_on == datetime.date(2024, 9, 30)


def test_a_decision_concerns_a_measure_or_an_action_not_both(meeting_scene):
    response = meeting_scene.client("ministry").post(
        url_of(meeting_scene, "reporting:decision_create"),
        {
            "text": "Kumpi?",
            "measure": Measure.objects.get(number="1.1").pk,
            "action": Action.objects.get(code="1.1.a1").pk,
        },
    )
    assert response.status_code == 200
    assert "action" in response.context["form"].errors
    assert not Decision.objects.filter(text="Kumpi?").exists()


def test_open_action_items_carry_over_to_the_next_meeting(meeting_scene):
    first = meeting_scene.meeting
    done = ActionItemFactory(meeting=first, text="Tehty jo.", status=ActionItemStatus.DONE)
    following = MeetingFactory(held_on=datetime.date(2024, 9, 10), period=period(2024, 2))
    carried = list(ActionItem.objects.carried_to(following))
    assert carried == [meeting_scene.item]
    assert list(ActionItem.objects.carried_to(first)) == []
    html = meeting_scene.client("working_group").get(following.get_absolute_url()).content.decode()
    assert meeting_scene.item.text in html
    assert done.text not in html
    # Closing the item ends the carrying over.
    response = meeting_scene.client("ministry").post(
        url_of(meeting_scene, "reporting:action_item_update"),
        {
            "text": meeting_scene.item.text,
            "owner": meeting_scene.item.owner,
            "due_on": "31.8.2024",
            "status": ActionItemStatus.DONE,
            "measure": "",
            "action": "",
        },
    )
    assert response.status_code == 302
    assert list(ActionItem.objects.carried_to(following)) == []


def test_meeting_list_shows_upcoming_and_past(meeting_scene):
    upcoming = MeetingFactory(held_on=datetime.date.today() + datetime.timedelta(days=30))
    response = meeting_scene.client("working_group").get(reverse("reporting:meeting_list"))
    assert list(response.context["upcoming"]) == [upcoming]
    assert list(response.context["past"]) == [meeting_scene.meeting]
    assert reverse("reporting:meeting_create") not in response.content.decode()


def test_other_meetings_items_are_not_reached_through_this_meeting(meeting_scene):
    other = MeetingFactory(held_on=datetime.date(2024, 9, 10))
    url = reverse("reporting:action_item_update", args=[other.pk, meeting_scene.item.pk])
    assert meeting_scene.client("ministry").get(url).status_code == 404


def test_the_navigation_leads_the_team_and_the_working_group_to_the_meetings(meeting_scene):
    url = reverse("reporting:meeting_list")
    for who in ("ministry", "working_group"):
        html = meeting_scene.client(who).get(reverse("home")).content.decode()
        assert f'href="{url}"' in html, who
        html = meeting_scene.client(who).get(reverse("account_home")).content.decode()
        assert f'href="{url}"' in html, who
    for who in (None, "editor"):
        assert (
            f'href="{url}"' not in meeting_scene.client(who).get(reverse("home")).content.decode()
        )

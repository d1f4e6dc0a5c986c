"""The security log carries every event issue 13 lists, as JSON lines without secrets."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from avoin.mail import sign_in_link
from organisations.models import Membership
from tests.access import sign_in
from tests.factories import MembershipFactory, MinistryTeamUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]
PASSWORD = "correct horse battery staple"


def events(captured, name):
    return [event for event in captured if event["event"] == name]


def test_every_line_is_one_json_object_with_time_level_and_event(security_events):
    user = MinistryTeamUserFactory()
    sign_in(Client(), user.username, PASSWORD)
    for event in security_events:
        line = json.loads(event["_line"])
        assert {"time", "level", "logger", "event", "ip"} <= set(line)
        assert line["logger"] == "avoin.security" and "\n" not in event["_line"]


def test_password_sign_in_failure_and_lockout(security_events):
    user = MinistryTeamUserFactory()
    sign_in(Client(), user.username, PASSWORD, ip="10.0.0.7")
    (success,) = events(security_events, "sign_in.success")
    assert success["user_id"] == user.pk and success["via"] == "password"
    assert success["ip"] == "10.0.0.7"
    for _attempt in range(5):
        sign_in(Client(), user.username, "wrong password", ip="10.0.0.8")
    failures = events(security_events, "sign_in.failure")
    assert len(failures) >= 5 and failures[0]["user_id"] == user.pk
    assert events(security_events, "sign_in.lockout")
    assert not any("wrong password" in event["_line"] for event in security_events)


def test_an_unknown_username_is_masked(security_events):
    sign_in(Client(), "someone.else@example.org", "guess", ip="10.0.0.9")
    (failure,) = events(security_events, "sign_in.failure")
    assert "someone.else" not in failure["_line"]
    assert failure["attempted"].startswith("example.org#")


def test_links_requested_used_and_refused_without_tokens_or_unknown_addresses(security_events):
    member = MembershipFactory().user
    client = Client()
    client.post(reverse("login_link_request"), {"email": member.email})
    client.post(reverse("login_link_request"), {"email": "nobody@unknown.example"})
    sent, unknown = events(security_events, "sign_in_link.requested")
    assert sent["user_id"] == member.pk and sent["sent"] is True
    assert unknown["sent"] is False and "nobody" not in unknown["_line"]
    link = sign_in_link(member, next_path="/fi/accounts/", language="fi")
    token = re.search(r"sesame=([^&]+)", link).group(1)
    path = reverse("login_link")
    Client().post(path, {"sesame": token})
    Client().post(path, {"sesame": token})  # used up
    (used,) = events(security_events, "sign_in.success")
    assert used["via"] == "link" and used["user_id"] == member.pk
    assert events(security_events, "sign_in_link.invalid")
    assert not any(token in event["_line"] for event in security_events)


def test_permission_denied(scene, security_events):
    scene.client("viewer").get(reverse("organisations:member_list", args=[scene.agency.pk]))
    (denied,) = events(security_events, "permission_denied")
    assert denied["user_id"] == scene.viewer.pk and "/members/" in denied["path"]


def test_member_changes_and_deactivation(scene, security_events):
    client = scene.client("editor")
    viewer = Membership.objects.get(user=scene.viewer, organisation=scene.agency)
    client.post(
        reverse("organisations:member_invite", args=[scene.agency.pk]),
        {"email": "uusi@stuk.example.invalid", "role": "viewer", "language": "fi"},
    )
    client.post(
        reverse("organisations:member_update", args=[scene.agency.pk, viewer.pk]),
        {"role": "editor"},
    )
    client.post(reverse("organisations:member_remove", args=[scene.agency.pk, viewer.pk]))
    scene.client("ministry").post(
        reverse("organisations:user_deactivate", args=[scene.other_member.pk])
    )
    (invited,) = events(security_events, "member.invited")
    (changed,) = events(security_events, "member.role_changed")
    (removed,) = events(security_events, "member.removed")
    (deactivated,) = events(security_events, "user.deactivated")
    assert invited["organisation_id"] == scene.agency.pk and invited["by"]["user_id"] == (
        scene.editor.pk
    )
    assert (changed["role_before"], changed["role"]) == ("viewer", "editor")
    assert removed["user_id"] == scene.viewer.pk
    assert deactivated["user_id"] == scene.other_member.pk
    assert deactivated["by"]["user_id"] == scene.ministry.pk


def test_personal_data_exports_say_who_and_what(scene, security_events):
    scene.client("ministry").get(
        reverse("organisations:nomination_round_export", args=[scene.round.pk, "csv"])
    )
    scene.client("viewer").get(reverse("my_data_download"))
    network, own = events(security_events, "personal_data.exported")
    assert network["what"] == "network" and network["round"] == scene.round.pk
    assert network["user_id"] == scene.ministry.pk
    assert own["what"] == "own_data" and own["user_id"] == scene.viewer.pk

"""The team's own actions: progress with its history and version check, the update per period,
milestones (issue 9)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from avoin.concurrency import StaleEdit
from avoin.links import reverse_in
from commitments.models import Action
from reporting.models import ActionProgress, ActionStatus, ActionUpdate, Completion, Milestone
from reporting.services import actions as services
from tests.access import LOGIN, access_params, assert_access
from tests.factories import ActionUpdateFactory, MilestoneFactory, period

pytestmark = pytest.mark.django_db

CODE = "1.1.a1"


@pytest.fixture
def action():
    return Action.objects.get(code=CODE)


@pytest.fixture
def milestone(action):
    return MilestoneFactory(action=action, due_on=datetime.date(2024, 6, 30))


def url_of(name, milestone=None):
    args = {
        "reporting:action_progress_update": [CODE],
        "reporting:milestone_create": [CODE],
        "reporting:milestone_update": [CODE, milestone.pk if milestone else 0],
        "reporting:milestone_done": [CODE, milestone.pk if milestone else 0],
    }
    with translation.override("en"):
        return reverse(name, args=args.get(name, []))


# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:action_progress_list", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:action_progress_update", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:action_progress_update", "post", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:milestone_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:milestone_update", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:milestone_done", "post", LOGIN, 403, 403, 403, 302, 403),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, milestone, name, method, role, expected):
    assert_access(practice_scene, url_of(name, milestone), method, role, expected)


def test_an_unknown_action_or_milestone_is_404(practice_scene, milestone):
    client = practice_scene.client("ministry")
    assert (
        client.get(
            reverse_in("en", "reporting:action_progress_update", args=["9.9.a9"])
        ).status_code
        == 404
    )
    other = MilestoneFactory(action=Action.objects.get(code="1.1.a2"))
    assert client.get(url_of("reporting:milestone_update", other)).status_code == 404


def form_data(**changes):
    data = {
        "version": "",
        "status": ActionStatus.ON_TRACK,
        "completion": Completion.LIMITED,
        "responsible_unit": "Avoimen hallinnon tiimi",
        "evidence": "Koulutus pidetty.",
        "links": "https://www.example.invalid/koulutus",
        "note_fi": "Ensimmäinen koulutus pidettiin.",
        "note_sv": "",
        "note_en": "The first training was held.",
    }
    data.update(changes)
    return data


def test_the_team_records_progress_and_the_periods_update(practice_scene, action):
    q3 = period(2024, 3)
    url = url_of("reporting:action_progress_update") + f"?period={q3.pk}"
    response = practice_scene.client("ministry").post(url, form_data())
    assert response.status_code == 302 and response["Location"].endswith(f"?period={q3.pk}")
    progress = ActionProgress.objects.get(action=action)
    assert (progress.status, progress.completion, progress.version) == ("on_track", "limited", 1)
    assert progress.links == ["https://www.example.invalid/koulutus"]
    assert progress.history.get().history_user == practice_scene.ministry
    update = ActionUpdate.objects.get(action=action, period=q3)
    assert (update.status, update.note_en) == ("on_track", "The first training was held.")
    assert update.history.get().history_user == practice_scene.ministry

    page = practice_scene.client("ministry").get(url).content.decode()
    assert "Ensimmäinen koulutus pidettiin." in page and 'name="version" value="1"' in page


def test_the_update_defaults_to_the_current_period(practice_scene, action):
    practice_scene.client("ministry").post(url_of("reporting:action_progress_update"), form_data())
    assert ActionUpdate.objects.get(action=action).period == services.current_period()


def test_a_change_in_another_tab_is_not_overwritten(practice_scene, action):
    services.action_progress_update(
        action=action, values={"status": ActionStatus.DELAYED}, by=practice_scene.ministry
    )
    with pytest.raises(StaleEdit):  # the second tab opened before there was any progress
        services.action_progress_update(
            action=action,
            values={"status": ActionStatus.ON_TRACK},
            by=practice_scene.ministry,
            expected_version=None,
        )
    response = practice_scene.client("ministry").post(
        url_of("reporting:action_progress_update"), form_data(version="")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this action" in html
    assert "Ensimmäinen koulutus pidettiin." in html  # the entries are kept
    assert 'name="version" value="1"' in html  # over the version saved meanwhile
    assert ActionProgress.objects.get(action=action).status == ActionStatus.DELAYED


def test_a_later_note_on_a_past_period_keeps_that_periods_status(practice_scene, action):
    q1, ministry = period(2024, 1), practice_scene.ministry
    services.action_progress_update(
        action=action, values={"status": ActionStatus.ON_TRACK}, by=ministry, period=q1
    )
    services.action_progress_update(
        action=action,
        values={"status": ActionStatus.COMPLETED, "completion": Completion.COMPLETE},
        by=ministry,
        period=q1,
        note_fi="Tarkennettu jälkikäteen.",
        expected_version=1,
    )
    update = ActionUpdate.objects.get(action=action, period=q1)
    assert (update.status, update.note_fi) == (ActionStatus.ON_TRACK, "Tarkennettu jälkikäteen.")
    assert ActionProgress.objects.get(action=action).status == ActionStatus.COMPLETED
    assert ActionProgress.objects.get(action=action).history.count() == 2


@pytest.mark.parametrize(
    "field, value, error",
    [
        ("status", "finished", "Select a valid choice"),
        ("completion", "no_evidence", "Select a valid choice"),
        ("links", "javascript:alert(1)", "is not a web address"),
        ("note_fi", "x" * 4001, "at most 4000 characters"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_kept(
    practice_scene, action, field, value, error
):
    response = practice_scene.client("ministry").post(
        url_of("reporting:action_progress_update"), form_data(**{field: value})
    )
    html = response.content.decode()
    assert response.status_code == 200 and error in html
    assert f'id="id_{field}_errors"' in html
    assert "Koulutus pidetty." in html
    assert not ActionProgress.objects.filter(action=action).exists()
    assert not ActionUpdate.objects.filter(action=action).exists()


def test_milestones_are_added_changed_and_marked_done(practice_scene, action):
    client = practice_scene.client("ministry")
    response = client.post(
        url_of("reporting:milestone_create"),
        {"title_fi": "Koulutus julkaistu", "title_sv": "", "title_en": "", "due_on": "30.6.2025"},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get(action=action, title_fi="Koulutus julkaistu")
    assert milestone.due_on == datetime.date(2025, 6, 30) and milestone.done_on is None
    response = client.post(
        url_of("reporting:milestone_update", milestone),
        {"title_fi": "Koulutus julkaistu eOppivassa", "due_on": "2025-09-30", "done_on": ""},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.title_fi.endswith("eOppivassa") and milestone.due_on.month == 9
    client.post(url_of("reporting:milestone_done", milestone))
    milestone.refresh_from_db()
    assert milestone.done_on == timezone.localdate()
    assert milestone.history.latest("history_date").history_user == practice_scene.ministry


def test_a_milestone_cannot_be_done_on_a_day_to_come(practice_scene, milestone):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = practice_scene.client("ministry").post(
        url_of("reporting:milestone_update", milestone),
        {"title_fi": milestone.title_fi, "due_on": "2024-06-30", "done_on": tomorrow.isoformat()},
    )
    assert response.status_code == 200
    assert 'id="id_done_on_errors"' in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_overdue_milestones_are_flagged(practice_scene, action, milestone):
    MilestoneFactory(
        action=action, due_on=datetime.date(2024, 1, 31), done_on=datetime.date(2024, 1, 15)
    )
    assert list(Milestone.objects.overdue()) == [milestone]
    listing = practice_scene.client("working_group").get(url_of("reporting:action_progress_list"))
    html = listing.content.decode()
    assert "1 of 2 done" in html and "1 overdue" in html
    assert (
        f'href="{url_of("reporting:action_progress_update")}"' not in html
    )  # the working group only reads
    team = practice_scene.client("ministry").get(url_of("reporting:action_progress_list"))
    assert f'href="{url_of("reporting:action_progress_update")}"' in team.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_list_runs_the_same_queries_with_more_records(practice_scene, action):
    client = practice_scene.client("working_group")
    url = url_of("reporting:action_progress_list")
    ActionUpdateFactory(action=action, period=period(2024, 1))
    MilestoneFactory(action=action)
    once = count_queries(client, url)
    for code in ["1.1.a2", "1.2.a1", "2.1.a1", "3.2.a1"]:
        other = Action.objects.get(code=code)
        services.action_progress_update(action=other, values={}, by=practice_scene.ministry)
        ActionUpdateFactory(action=other, period=period(2024, 2))
        MilestoneFactory.create_batch(3, action=other)
    assert count_queries(client, url) == once

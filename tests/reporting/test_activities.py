"""Activities organisations log to be counted: access, logging, late entry, locked periods, the
team's entries on an organisation's behalf, versions and the list page (issue 9)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from commitments.models import Event, Training
from reporting.models import Activity, ActivityKind, ItemStatus
from tests.access import LOGIN, access_params, assert_access
from tests.factories import ActivityFactory, PeriodReportFactory, period

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(practice_scene):
    return ActivityFactory(
        organisation=practice_scene.espoo, entered_by=practice_scene.editor, title="Kirjastodialogi"
    )


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def url_of(scene, activity, name):
    args = {
        "reporting:activity_list": [scene.espoo.pk],
        "reporting:activity_choose": [scene.espoo.pk],
        "reporting:activity_create": [scene.espoo.pk, ActivityKind.NATIONAL_DIALOGUE],
        "reporting:activity_detail": [activity.pk],
        "reporting:activity_update": [activity.pk],
    }
    return url(name, *args[name])


# name, method, then the expected status for each of tests.access.ROLES; a POST without data
# shows the form again with its errors (200)
ACCESS_CASES = [
    ("reporting:activity_list", "get", LOGIN, 404, 200, 200, 200, 404),
    ("reporting:activity_choose", "get", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:activity_create", "get", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:activity_create", "post", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:activity_detail", "get", LOGIN, 404, 200, 200, 200, 404),
    ("reporting:activity_update", "get", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:activity_update", "post", LOGIN, 404, 403, 200, 200, 404),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, activity, name, method, role, expected):
    assert_access(practice_scene, url_of(practice_scene, activity, name), method, role, expected)


def dialogue(**changes):
    data = {
        "version": "",
        "title": "Nuorten dialogi liikkumisesta",
        "happened_on": "2024-02-20",
        "participants": "24",
        "partners": "Espoon nuorisoseura",
        "results_used_for": "policy_preparation",
        "description": "Tulokset liikenneohjelman valmisteluun.",
        "url": "https://www.kansallisetdialogit.fi/",
        "language": "fi",
    }
    return {**data, **changes}


def create_url(scene, kind=ActivityKind.NATIONAL_DIALOGUE, organisation=None):
    return url("reporting:activity_create", (organisation or scene.espoo).pk, kind)


def test_an_editor_logs_a_dialogue_late_into_a_past_period(practice_scene):
    response = practice_scene.client("editor").post(create_url(practice_scene), dialogue())
    activity = Activity.objects.get(organisation=practice_scene.espoo)
    assert response["Location"] == url("reporting:activity_detail", activity.pk)
    assert activity.period == period(2024, 1) and activity.happened_on == datetime.date(2024, 2, 20)
    assert (activity.measure.number, activity.recommendation.code) == ("1.1", "R1.1-p2")
    assert activity.entered_by == practice_scene.editor and not activity.is_on_behalf
    assert activity.is_late  # Q1/2024 closed long ago: kept, and shown as entered late
    page = practice_scene.client("viewer").get(url("reporting:activity_detail", activity.pk))
    html = page.content.decode()
    assert "entered late" in html and "Nuorten dialogi liikkumisesta" in html
    assert practice_scene.editor.email in html  # the history says who


@pytest.mark.parametrize(
    "field, value, error",
    [
        ("participants", "-1", "greater than or equal to 0"),
        ("participants", "1000001", "less than or equal to 1000000"),
        ("participants", "kymmenen", "Enter a whole number"),
        ("participants", "", "This field is required"),
        ("happened_on", "30.9.2023", "Give a date between 1.10.2023 and 30.9.2027"),
        ("happened_on", "31.2.2024", "Enter a valid date"),
        ("url", "javascript:alert(1)", "Enter a valid URL"),
        ("url", "ftp://x", "Enter a valid URL"),
        ("url", "ftp://example.invalid/data", "Enter a valid URL"),
        ("results_used_for", "everything", "Select a valid choice"),
        ("title", "x" * 201, "at most 200 characters"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_kept(practice_scene, field, value, error):
    response = practice_scene.client("editor").post(
        create_url(practice_scene), dialogue(**{field: value})
    )
    html = response.content.decode()
    assert response.status_code == 200 and error in html
    assert f'id="id_{field}_errors"' in html and html.count(error) == 1
    if value and field != "results_used_for":
        assert f'value="{value}"' in html or f">{value}</textarea>" in html
    assert not Activity.objects.exists()


def test_a_future_date_is_refused(practice_scene):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = practice_scene.client("editor").post(
        create_url(practice_scene), dialogue(happened_on=tomorrow.isoformat())
    )
    assert "cannot be in the future" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_likely_duplicate_is_shown_and_saved_only_when_confirmed(practice_scene):
    first = ActivityFactory(
        organisation=practice_scene.espoo,
        title="Nuorten dialogi liikkumisesta",
        happened_on=datetime.date(2024, 2, 20),
    )
    client = practice_scene.client("editor")
    response = client.post(
        create_url(practice_scene), dialogue(title="Nuorten dialogi liikkumisesta!")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Already logged?" in html
    assert url("reporting:activity_detail", first.pk) in html
    assert 'name="save_anyway"' in html
    assert Activity.objects.count() == 1
    # another date, or another title, is no duplicate
    assert (
        client.post(create_url(practice_scene), dialogue(happened_on="21.2.2024")).status_code
        == 302
    )
    response = client.post(
        create_url(practice_scene),
        dialogue(title="Nuorten dialogi liikkumisesta!", save_anyway="on"),
    )
    assert response.status_code == 302 and Activity.objects.count() == 3
    confirmed = Activity.objects.latest("pk")
    data = dialogue(title=confirmed.title, participants="30", version=confirmed.version)
    edit = url("reporting:activity_update", confirmed.pk)
    assert client.post(edit, data).status_code == 302  # confirmed once: not asked again


def test_the_team_enters_on_an_organisations_behalf_with_the_channel(practice_scene):
    client = practice_scene.client("ministry")
    assert 'name="channel"' in client.get(create_url(practice_scene)).content.decode()
    assert client.post(create_url(practice_scene), dialogue(channel="phone")).status_code == 302
    logged = Activity.objects.get()
    assert logged.channel == "phone" and logged.entered_by == practice_scene.ministry
    html = client.get(url("reporting:activity_detail", logged.pk)).content.decode()
    assert "Received by phone" in html
    # an editor's form has no channel, and a channel sent anyway is ignored
    editor = practice_scene.client("editor")
    assert 'name="channel"' not in editor.get(create_url(practice_scene)).content.decode()
    editor.post(create_url(practice_scene), dialogue(title="Toinen", channel="email"))
    assert Activity.objects.get(title="Toinen").channel == "portal"


def test_a_locked_period_takes_activities_from_the_team_only(practice_scene, activity):
    activity.period.locked_at = timezone.now()
    activity.period.save()
    editor = practice_scene.client("editor")
    response = editor.post(create_url(practice_scene), dialogue(happened_on="2024-03-01"))
    assert "is locked" in response.content.decode() and not Activity.objects.exclude(pk=activity.pk)
    assert editor.get(url("reporting:activity_update", activity.pk)).status_code == 403
    detail = editor.get(url("reporting:activity_detail", activity.pk)).content.decode()
    assert "only the Open Government Team can change it" in detail
    # nor can an editor move an open period's activity into the locked one
    other = ActivityFactory(
        organisation=practice_scene.espoo,
        happened_on=datetime.date(2024, 5, 2),
        period=period(2024, 2),
    )
    data = dialogue(title=other.title, happened_on="2024-03-01", version=other.version)
    assert (
        "is locked"
        in editor.post(url("reporting:activity_update", other.pk), data).content.decode()
    )

    team = practice_scene.client("ministry")
    data = dialogue(title="Korjattu", version=activity.version, channel="email")
    assert team.post(url("reporting:activity_update", activity.pk), data).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Korjattu" and activity.version == 1
    latest = activity.history.latest("history_date")
    assert latest.history_user == practice_scene.ministry


def test_a_change_in_another_tab_is_not_overwritten(practice_scene, activity):
    client = practice_scene.client("editor")
    edit = url("reporting:activity_update", activity.pk)
    opened = activity.version
    assert 'value="15.2.2024"' in client.get(edit).content.decode()  # as Finns write dates
    assert client.post(edit, dialogue(title="Ensimmäinen", version=opened)).status_code == 302
    response = client.post(edit, dialogue(title="Toinen välilehti", version=opened))
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this activity" in html
    assert 'value="Toinen välilehti"' in html  # what was typed is kept
    activity.refresh_from_db()
    assert activity.title == "Ensimmäinen" and activity.version == opened + 1
    history = client.get(url("reporting:activity_detail", activity.pk)).content.decode()
    assert "Changed: Theme, Date, Participants" in history


def test_the_inventory_shows_progress_toward_2027(practice_scene):
    for number in range(9):
        ActivityFactory(
            organisation=practice_scene.espoo,
            kind=ActivityKind.EASY_LANGUAGE_ITEM,
            title=f"Selkosisältö {number}",
            item_status=ItemStatus.PUBLISHED if number < 4 else ItemStatus.PRIORITISED,
            easy_language="selkokieli",
        )
    ActivityFactory(
        organisation=practice_scene.espoo,
        kind=ActivityKind.EASY_LANGUAGE_ITEM,
        item_status=ItemStatus.IDENTIFIED,
    )
    page = practice_scene.client("viewer").get(
        url("reporting:activity_list", practice_scene.espoo.pk)
    )
    html = page.content.decode()
    assert "4 of 9 prioritised items published." in html and "by 2027" in html


def test_the_list_filters_by_kind_and_period(practice_scene, activity):
    ActivityFactory(
        organisation=practice_scene.espoo, kind=ActivityKind.NETWORK_TOPIC, title="Tekoäly"
    )
    ActivityFactory(organisation=practice_scene.vaasa, title="Vaasan dialogi")
    client = practice_scene.client("viewer")
    base = url("reporting:activity_list", practice_scene.espoo.pk)
    html = client.get(base).content.decode()
    assert "Kirjastodialogi" in html and "Tekoäly" in html and "Vaasan dialogi" not in html
    html = client.get(base, {"kind": "network_topic"}).content.decode()
    assert "Tekoäly" in html and "Kirjastodialogi" not in html
    html = client.get(base, {"period": period(2024, 2).pk}).content.decode()
    assert "No activities match." in html
    for nonsense in ({"kind": "x"}, {"period": "abc"}, {"page": "999"}):
        assert client.get(base, nonsense).status_code == 200


def test_the_list_runs_the_same_queries_whatever_the_number_of_activities(
    practice_scene, django_assert_max_num_queries
):
    def make(count):
        for number in range(count):
            ActivityFactory(
                organisation=practice_scene.espoo,
                title=f"Dialogi {number}",
                kind=list(ActivityKind)[number % 10],
                training=Training.objects.first(),
                event=Event.objects.first(),
            )

    client = practice_scene.client("editor")
    page = url("reporting:activity_list", practice_scene.espoo.pk)
    make(3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(page).status_code == 200
    make(30 - 3)
    with django_assert_max_num_queries(len(few)):
        assert "Page 1 of 2" in client.get(page).content.decode()


def test_the_report_and_the_organisation_page_lead_to_the_activities(practice_scene, activity):
    report = PeriodReportFactory(organisation=practice_scene.espoo, period=activity.period)
    html = (
        practice_scene.client("editor")
        .get(url("reporting:report_detail", report.pk))
        .content.decode()
    )
    assert "Activities in this period" in html and "Kirjastodialogi" in html
    assert url("reporting:activity_choose", practice_scene.espoo.pk) in html
    organisation_page = url("organisations:organisation_detail", practice_scene.espoo.pk)
    list_url = url("reporting:activity_list", practice_scene.espoo.pk)
    assert list_url in practice_scene.client("viewer").get(organisation_page).content.decode()
    assert list_url not in practice_scene.client(None).get(organisation_page).content.decode()
    assert (
        list_url
        not in practice_scene.client("other_member").get(organisation_page).content.decode()
    )

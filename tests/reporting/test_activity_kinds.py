"""Each kind of activity: the registry's measures, recommendations and columns, kinds offered
to some organisations only, titles nobody types, and the save service's guards (issue 9)."""

import datetime

import pytest
from django.utils import timezone

from commitments.models import Event, Training
from organisations.models import Organisation
from reporting.activity_kinds import KINDS
from reporting.models import Activity, ActivityKind
from tests.factories import ActivityFactory, period
from tests.reporting.test_activities import create_url, url

pytestmark = pytest.mark.django_db


def test_the_registry_names_real_measures_recommendations_and_columns(practice_scene):
    from commitments.models import Measure, Recommendation
    from reporting.services.activities import measure_and_recommendation

    assert set(KINDS) == set(ActivityKind)
    columns = {field.name for field in Activity._meta.get_fields()}
    for spec in KINDS.values():
        assert set(spec.fields) <= columns and set(spec.summary) <= set(spec.fields)
        assert set(spec.required) <= set(spec.fields)
        assert ("title" in spec.fields) == (spec.derived_title is None), spec.kind
        if spec.measure[0].isdigit():
            assert Measure.objects.filter(number=spec.measure).exists(), spec.kind
        for code in spec.recommendations:
            assert Recommendation.objects.filter(code=code).exists(), code
    # a course without a measure of its own counts toward 1.2, whose R1.2-p2 recommends the list
    general = Training.objects.get(
        measure__isnull=True, title_fi="Avoin hallinto on käytännön tekoja"
    )
    measure, recommendation = measure_and_recommendation(
        organisation=practice_scene.espoo,
        kind=ActivityKind.COURSE_COMPLETIONS,
        values={"training": general},
    )
    assert (measure.number, recommendation.code) == ("1.2", "R1.2-p2")


def test_the_recommendation_follows_the_organisations_kind(practice_scene):
    from reporting.services.activities import measure_and_recommendation

    agency = Organisation.objects.get(name_fi="Verohallinto")
    academy = Event.objects.get(code="national_ngo_academy_spring_2024")
    course = Training.objects.get(title_fi="Selkokieli tutuksi")
    cases = [
        (agency, ActivityKind.NATIONAL_DIALOGUE, {}, "1.1", "R1.1-p1"),
        (practice_scene.espoo, ActivityKind.EVENT_PARTICIPATION, {"event": academy}, "2.2", None),
        (agency, ActivityKind.EVENT_PARTICIPATION, {"event": academy}, "2.2", "R2.2-p1"),
    ]
    cases.append(
        (
            practice_scene.espoo,
            ActivityKind.COURSE_COMPLETIONS,
            {"training": course},
            "1.2",
            "R1.2-p2",
        )
    )
    for organisation, kind, values, number, code in cases:
        measure, recommendation = measure_and_recommendation(
            organisation=organisation, kind=kind, values=values
        )
        assert measure.number == number
        assert (recommendation.code if recommendation else None) == code


def test_course_completions_are_per_course_and_quarter(practice_scene):
    course = Training.objects.get(title_fi="Selkokieli tutuksi")
    data = {
        "version": "", "training": course.pk, "period": period(2024, 2).pk,
        "completions": "14", "language": "fi",
    }  # fmt: skip
    client = practice_scene.client("editor")
    kind = ActivityKind.COURSE_COMPLETIONS
    assert client.post(create_url(practice_scene, kind), data).status_code == 302
    logged = Activity.objects.get(kind=kind)
    assert logged.title == "Selkokieli tutuksi" and logged.happened_on == datetime.date(2024, 4, 1)
    assert logged.period == period(2024, 2) and logged.measure.number == "1.2"
    response = client.post(create_url(practice_scene, kind), {**data, "completions": "3"})
    assert "Already logged?" in response.content.decode()  # same course, same quarter
    assert Activity.objects.filter(kind=kind).count() == 1


def test_minimum_web_content_is_offered_to_state_administration_only(practice_scene):
    kind = ActivityKind.MINIMUM_WEB_CONTENT
    client = practice_scene.client("ministry")
    assert client.get(create_url(practice_scene, kind)).status_code == 404
    assert client.get(create_url(practice_scene, "no_such_kind")).status_code == 404
    agency = Organisation.objects.get(name_fi="Verohallinto")
    assert client.get(create_url(practice_scene, kind, agency)).status_code == 200
    choose = client.get(url("reporting:activity_choose", practice_scene.espoo.pk))
    assert "Easy Language web content (minimum)" not in choose.content.decode()
    data = {
        "version": "", "channel": "email", "happened_on": "2024-05-02",
        "organisation_info": "yes", "key_services": "partly",
        "url": "https://www.vero.fi/selkosuomi/", "description": "", "language": "fi",
    }  # fmt: skip
    assert client.post(create_url(practice_scene, kind, agency), data).status_code == 302
    logged = Activity.objects.get(kind=kind)
    assert (
        logged.recommendation.code == "R1.2-p5" and logged.title == "Selkokielinen verkkosisältö"
    )  # in the entry's language


def test_the_service_guards_periods_versions_and_owners(practice_scene):
    from django.core.exceptions import PermissionDenied, ValidationError

    from avoin.concurrency import StaleEdit
    from reporting.services.activities import activity_save

    activity = ActivityFactory(organisation=practice_scene.espoo, entered_by=practice_scene.editor)
    values = {"title": "Dialogi", "happened_on": datetime.date(2027, 10, 1), "participants": 5}
    save = {"organisation": practice_scene.espoo, "kind": ActivityKind.NATIONAL_DIALOGUE}
    with pytest.raises(ValidationError):  # after the programme's last quarter
        activity_save(**save, values=values, by=practice_scene.editor)
    values["happened_on"] = datetime.date(2024, 3, 1)
    with pytest.raises(StaleEdit):
        activity_save(**save, values=values, by=practice_scene.editor, instance=activity,
                      expected_version=activity.version + 1)  # fmt: skip
    with pytest.raises(PermissionDenied):  # another organisation's activity
        activity_save(**{**save, "organisation": practice_scene.vaasa}, values=values,
                      by=practice_scene.ministry, instance=activity)  # fmt: skip
    activity.period.locked_at = timezone.now()
    activity.period.save()
    with pytest.raises(PermissionDenied):
        activity_save(**save, values=values, by=practice_scene.editor)
    assert activity_save(**save, values=values, by=practice_scene.ministry).period.is_locked

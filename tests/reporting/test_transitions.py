"""Moderation transitions are guarded in the services, so views and the admin cannot skip them."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from reporting.models import GoodPractice, PracticeStatus
from reporting.services import practices as services

pytestmark = pytest.mark.django_db

Status = PracticeStatus

# service, the statuses it starts from, the status it leads to
TRANSITIONS = [
    (services.good_practice_submit, {Status.DRAFT, Status.RETURNED}, Status.SUBMITTED),
    (services.good_practice_publish, {Status.SUBMITTED}, Status.PUBLISHED),
    (services.good_practice_return, {Status.SUBMITTED}, Status.RETURNED),
    (services.good_practice_withdraw, {Status.PUBLISHED}, Status.WITHDRAWN),
]


def run(service, practice, by):
    extra = {"note": "Korjaa."} if service is services.good_practice_return else {}
    return service(practice=practice, by=by, **extra)


def named(value):
    """A test id that reads the same in every process: a service by its name."""
    return getattr(value, "__name__", str(value))


@pytest.mark.parametrize(
    "service, start, status",
    [
        (service, start, status)
        for service, allowed, status in TRANSITIONS
        for start in Status
        if start in allowed
    ],
    ids=named,
)
def test_allowed_transition(practice_scene, service, start, status):
    practice = practice_scene.practices[start]
    run(service, practice, practice_scene.ministry)
    practice.refresh_from_db()
    assert practice.status == status
    assert practice.history.latest("history_date").history_user == practice_scene.ministry


@pytest.mark.parametrize(
    "service, start",
    [
        (service, start)
        for service, allowed, _status in TRANSITIONS
        for start in Status
        if start not in allowed
    ],
    ids=named,
)
def test_refused_transition_changes_nothing(practice_scene, service, start, mailoutbox):
    practice = practice_scene.practices[start]
    versions = practice.history.count()
    with pytest.raises(ValidationError):
        run(service, practice, practice_scene.ministry)
    practice.refresh_from_db()
    assert practice.status == start and practice.history.count() == versions
    assert mailoutbox == []


def test_a_stale_moderation_page_is_told_what_happened(practice_scene):
    """One moderator returns the practice; another, on a page opened before, publishes it."""
    submitted = practice_scene.submitted
    first, second = practice_scene.client("ministry"), practice_scene.client("ministry")
    with translation.override("en"):
        url = reverse("reporting:practice_moderate", args=[submitted.pk])
    first.post(url, {"action": "return", "note": "Lisää tulokset."})
    response = second.post(url, {"action": "publish"}, follow=True)
    submitted.refresh_from_db()
    assert submitted.status == Status.RETURNED and submitted.published_at is None
    assert "can no longer be done" in response.content.decode()


def test_publishing_in_the_admin_goes_through_the_service(practice_scene, rf):
    admin = site._registry[GoodPractice]
    assert "status" in admin.get_readonly_fields(rf.get("/"))
    client = practice_scene.client("ministry")
    practice_scene.ministry.is_superuser = True
    practice_scene.ministry.save()
    client.force_login(practice_scene.ministry)
    changelist = reverse("admin:reporting_goodpractice_changelist")
    chosen = [practice_scene.submitted.pk, practice_scene.draft.pk]
    client.post(changelist, {"action": "publish", "_selected_action": chosen})
    practice_scene.submitted.refresh_from_db()
    practice_scene.draft.refresh_from_db()
    assert practice_scene.submitted.status == Status.PUBLISHED
    assert practice_scene.submitted.published_at is not None
    assert practice_scene.draft.status == Status.DRAFT  # refused: not submitted

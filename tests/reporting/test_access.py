import pytest
from django.urls import reverse

from tests.access import LOGIN, access_params, assert_access

pytestmark = pytest.mark.django_db


def url_of(scene, name):
    args = {
        "reporting:practice_detail": [scene.draft.pk],
        "reporting:practice_update": [scene.draft.pk],
        "reporting:practice_submit": [scene.draft.pk],
        "reporting:practice_moderate": [scene.submitted.pk],
        "reporting:practice_open_data": ["json"],
    }
    return reverse(name, args=args.get(name, []))


# name, method, then the expected status for each of ROLES
ACCESS_CASES = [
    ("reporting:practice_list", "get", 200, 200, 200, 200, 200, 200),
    ("reporting:practice_international", "get", 200, 200, 200, 200, 200, 200),
    ("reporting:practice_feed", "get", 200, 200, 200, 200, 200, 200),
    ("reporting:practice_open_data", "get", 200, 200, 200, 200, 200, 200),
    # a draft: invisible to everyone but its organisation and the ministry team
    ("reporting:practice_detail", "get", 404, 404, 200, 200, 200, 404),
    ("reporting:practice_mine", "get", LOGIN, 200, 200, 200, 200, 200),
    ("reporting:practice_create", "get", LOGIN, 200, 403, 200, 200, 403),
    ("reporting:practice_update", "get", LOGIN, 404, 403, 200, 200, 404),
    ("reporting:practice_submit", "post", LOGIN, 404, 403, 302, 302, 404),
    ("reporting:moderation_queue", "get", LOGIN, 403, 403, 403, 200, 403),
    ("reporting:practice_moderate", "get", LOGIN, 403, 403, 403, 200, 403),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, name, method, role, expected):
    assert_access(practice_scene, url_of(practice_scene, name), method, role, expected)


@pytest.mark.parametrize("status", ["draft", "submitted", "returned", "withdrawn"])
def test_unpublished_practices_are_404_to_the_public(practice_scene, status):
    practice = practice_scene.practices[status]
    for who in (None, "other_member", "working_group"):
        assert practice_scene.client(who).get(practice.get_absolute_url()).status_code == 404
    for who in ("viewer", "editor", "ministry"):
        assert practice_scene.client(who).get(practice.get_absolute_url()).status_code == 200


def test_only_editable_practices_can_be_edited(practice_scene):
    client = practice_scene.client("editor")
    for status in ("submitted", "published", "withdrawn"):
        practice = practice_scene.practices[status]
        response = client.get(reverse("reporting:practice_update", args=[practice.pk]))
        assert response.status_code == 302

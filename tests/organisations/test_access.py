"""Who may open what: every signed-in URL against every kind of user."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from avoin.models import OutgoingMessage
from tests.access import LOGIN, access_params, assert_access

pytestmark = pytest.mark.django_db


def url_of(scene, name):
    pk, contact = scene.agency.pk, scene.other_contact.pk
    round_pk, request_pk = scene.round.pk, scene.request.pk
    args = {
        "organisations:contact_create": [pk],
        "organisations:contact_update": [pk, contact],
        "organisations:contact_end": [pk, contact],
        "organisations:member_invite": [pk],
        "organisations:nomination_round_detail": [round_pk],
        "organisations:nomination_round_send": [round_pk],
        "organisations:nomination_round_close": [round_pk],
        "organisations:nomination_round_export": [round_pk, "csv"],
        "organisations:nomination_request_detail": [request_pk],
        "organisations:nomination_message_resend": [round_pk, failed_email(scene).pk],
    }
    return reverse(name, args=args.get(name, []))


def failed_email(scene):
    """An email about the scene's request that could not be delivered."""
    message, _created = OutgoingMessage.objects.get_or_create(
        recipient="kirjaamo@stuk.example.invalid",
        template="nomination_request",
        content_type=ContentType.objects.get_for_model(scene.request),
        object_id=scene.request.pk,
        defaults={"subject": "Pyyntö", "status": OutgoingMessage.Status.FAILED},
    )
    return message


# name, method, then the expected status for each of ROLES
ACCESS_CASES = [
    ("organisations:contact_create", "get", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:contact_create", "post", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:contact_update", "get", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:contact_end", "post", LOGIN, 404, 403, 302, 302, 404),
    ("organisations:member_invite", "get", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:nomination_round_list", "get", LOGIN, 403, 403, 403, 200, 200),
    ("organisations:nomination_round_create", "get", LOGIN, 403, 403, 403, 200, 403),
    ("organisations:nomination_round_detail", "get", LOGIN, 403, 403, 403, 200, 200),
    ("organisations:nomination_round_send", "post", LOGIN, 403, 403, 403, 302, 403),
    ("organisations:nomination_round_close", "post", LOGIN, 403, 403, 403, 302, 403),
    ("organisations:nomination_round_export", "get", LOGIN, 403, 403, 403, 200, 403),
    ("organisations:nomination_message_resend", "post", LOGIN, 403, 403, 403, 302, 403),
    ("organisations:nomination_request_detail", "get", LOGIN, 404, 200, 200, 200, 404),
    ("organisations:nomination_request_detail", "post", LOGIN, 404, 403, 200, 200, 404),
    ("account_home", "get", LOGIN, 200, 200, 200, 200, 200),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(scene, name, method, role, expected):
    assert_access(scene, url_of(scene, name), method, role, expected)


def test_public_organisation_page_hides_contacts(scene):
    url = scene.agency.get_absolute_url()
    for who in (None, "other_member", "working_group"):
        html = scene.client(who).get(url).content.decode()
        assert "Riitta Edustaja" not in html and "riitta@stuk" not in html
    for who in ("viewer", "editor", "ministry"):
        html = scene.client(who).get(url).content.decode()
        assert "Riitta Edustaja" in html


def test_viewer_sees_the_request_but_no_answer_form(scene):
    html = scene.client("viewer").get(scene.request.get_absolute_url()).content.decode()
    assert "Riitta Edustaja" in html
    assert 'name="action"' not in html
    html = scene.client("editor").get(scene.request.get_absolute_url()).content.decode()
    assert 'name="action"' in html

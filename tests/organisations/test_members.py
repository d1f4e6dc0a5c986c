"""Managing members without the admin (issue 13, part 1)."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from organisations.models import ContactPerson, Membership
from tests.access import LOGIN, access_params, assert_access
from tests.factories import ContactPersonFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def membership_of(user, organisation):
    return Membership.objects.get(user=user, organisation=organisation)


def url_of(scene, name):
    pk = scene.agency.pk
    viewer = membership_of(scene.viewer, scene.agency).pk
    args = {
        "organisations:member_list": [pk],
        "organisations:member_update": [pk, viewer],
        "organisations:member_remove": [pk, viewer],
        "organisations:user_deactivate": [scene.outsider.pk],
    }
    return reverse(name, args=args.get(name, []))


# name, method, then the expected status for each of ROLES
ACCESS_CASES = [
    ("organisations:member_list", "get", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:member_update", "get", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:member_update", "post", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:member_remove", "get", LOGIN, 404, 403, 200, 200, 404),
    ("organisations:member_remove", "post", LOGIN, 404, 403, 302, 302, 404),
    ("organisations:user_deactivate", "post", LOGIN, 403, 403, 403, 302, 403),
    ("my_data", "get", LOGIN, 200, 200, 200, 200, 200),
    ("my_data_download", "get", LOGIN, 200, 200, 200, 200, 200),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(scene, name, method, role, expected):
    assert_access(scene, url_of(scene, name), method, role, expected)


def test_editors_see_email_role_inviter_and_last_sign_in(scene):
    invited = MembershipFactory(organisation=scene.agency, invited_by=scene.editor)
    html = scene.client("editor").get(url_of(scene, "organisations:member_list")).content.decode()
    assert invited.user.email in html and scene.viewer.email in html
    assert f'<td role="cell" data-label="Kutsuja">{scene.editor.email}</td>' in html
    assert "ei koskaan" in html  # the invited person has never signed in


def test_an_editor_changes_a_role_and_the_history_shows_it(scene):
    viewer = membership_of(scene.viewer, scene.agency)
    response = scene.client("editor").post(
        url_of(scene, "organisations:member_update"), {"role": "editor"}
    )
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.role == "editor"
    record = Membership.history.filter(id=viewer.pk).latest("history_date")
    assert record.history_user == scene.editor and record.history_type == "~"
    page = scene.client("viewer").get(scene.agency.get_absolute_url()).content.decode()
    assert "rooliksi muutettiin muokkaaja" in page.lower()


def test_a_bad_role_is_refused_beside_the_field(scene):
    response = scene.client("editor").post(
        url_of(scene, "organisations:member_update"), {"role": "owner"}
    )
    assert response.status_code == 200
    assert 'id="id_role_errors"' in response.content.decode()
    assert membership_of(scene.viewer, scene.agency).role == "viewer"


def test_the_last_editor_cannot_leave_without_naming_another(scene):
    own = membership_of(scene.editor, scene.agency)
    url = reverse("organisations:member_remove", args=[scene.agency.pk, own.pk])
    client = scene.client("editor")
    response = client.post(url, {})
    assert response.status_code == 200
    assert 'id="id_successor_errors"' in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()
    viewer = membership_of(scene.viewer, scene.agency)
    response = client.post(url, {"successor": viewer.pk})
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=own.pk).exists()
    viewer.refresh_from_db()
    assert viewer.role == "editor"


def test_the_last_editor_cannot_demote_themself_without_a_successor(scene):
    own = membership_of(scene.editor, scene.agency)
    url = reverse("organisations:member_update", args=[scene.agency.pk, own.pk])
    response = scene.client("editor").post(url, {"role": "viewer"})
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.role == "editor"


def test_an_editor_with_a_fellow_editor_leaves_freely(scene):
    MembershipFactory(organisation=scene.agency)
    own = membership_of(scene.editor, scene.agency)
    url = reverse("organisations:member_remove", args=[scene.agency.pk, own.pk])
    response = scene.client("editor").post(url, {})
    assert response.status_code == 302 and response["Location"] == reverse("account_home")
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_deactivating_ends_every_session_at_once(scene):
    phone, laptop = Client(), Client()
    phone.force_login(scene.viewer)
    laptop.force_login(scene.viewer)
    assert phone.get(reverse("account_home")).status_code == 200
    response = scene.client("ministry").post(
        reverse("organisations:user_deactivate", args=[scene.viewer.pk])
    )
    assert response.status_code == 302
    scene.viewer.refresh_from_db()
    assert not scene.viewer.is_active
    for client in (phone, laptop):
        response = client.get(reverse("account_home"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(scene.viewer.pk)
    ]
    record = Membership.history.filter(user_id=scene.viewer.pk).latest("history_date")
    assert record.history_change_reason == "deactivated"


def test_my_data_shows_and_downloads_what_is_held(scene):
    ContactPersonFactory(
        organisation=scene.agency,
        role=ContactPerson.Role.OTHER,
        name="Ville Viewer",
        email=scene.viewer.email.upper(),
    )
    client = scene.client("viewer")
    html = client.get(reverse("my_data")).content.decode()
    assert "Ville Viewer" in html and scene.agency.name_fi in html
    response = client.get(reverse("my_data_download"))
    assert response["Content-Disposition"] == 'attachment; filename="avoin-my-data.json"'
    data = json.loads(response.content)
    assert data["account"][0]["email"] == scene.viewer.email
    assert [row["organisation"] for row in data["memberships"]] == [str(scene.agency)]
    assert data["contact_persons"][0]["name"] == "Ville Viewer"
    assert data["contact_person_history"][0]["change"]
    assert "Riitta Edustaja" not in response.content.decode()


def test_member_list_queries_do_not_grow_with_members(scene, django_assert_max_num_queries):
    client = scene.client("editor")
    url = url_of(scene, "organisations:member_list")
    MembershipFactory.create_batch(2, organisation=scene.agency, invited_by=scene.editor)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    MembershipFactory.create_batch(20, organisation=scene.agency, invited_by=scene.ministry)
    with django_assert_max_num_queries(20) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_my_data_queries_do_not_grow_with_the_data(scene, django_assert_max_num_queries):
    client = scene.client("editor")

    def held(count):
        for number in range(count):
            ContactPersonFactory(
                organisation=scene.other_agency,
                role=ContactPerson.Role.OTHER,
                name=f"Henkilö {number}",
                email=scene.editor.email,
            )

    held(1)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("my_data_download"))
    held(10)
    with django_assert_max_num_queries(30) as many:
        client.get(reverse("my_data_download"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_team_cannot_deactivate_its_own_account(scene):
    client = scene.client("ministry")
    response = client.post(
        reverse("organisations:user_deactivate", args=[scene.ministry.pk]), follow=True
    )
    assert "Et voi poistaa omaa käyttäjätiliäsi käytöstä." in response.content.decode()
    scene.ministry.refresh_from_db()
    assert scene.ministry.is_active

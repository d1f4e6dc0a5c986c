import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from avoin.links import reverse_in
from organisations.models import ContactPerson, contacts_token

pytestmark = pytest.mark.django_db


def add_url(scene):
    return reverse_in("en", "organisations:contact_create", args=[scene.agency.pk])


def contact_url(name, scene, contact):
    return reverse_in("en", f"organisations:{name}", args=[scene.agency.pk, contact.pk])


def test_a_new_representative_ends_the_old_one_and_history_keeps_both(scene):
    client = scene.client("editor")
    response = client.post(
        add_url(scene),
        {
            "role": "network_representative",
            "name": "Nina Uusi",
            "title": "Johtava asiantuntija",
            "email": "nina@stuk.example.invalid",
            "phone": "+358 9 123",
            "language": "sv",
            "contacts": contacts_token(scene.agency),
        },
    )
    assert response.status_code == 302
    current = ContactPerson.objects.for_organisation(scene.agency).current()
    assert list(current.filter(role="network_representative").values_list("name", flat=True)) == [
        "Nina Uusi"
    ]
    scene.representative.refresh_from_db()
    assert scene.representative.active_to == timezone.localdate()

    html = scene.client("ministry").get(scene.agency.get_absolute_url()).content.decode()
    assert "added: Nina Uusi" in html
    assert scene.editor.email in html  # who made the change
    ended = ContactPerson.history.filter(id=scene.representative.pk).latest("history_date")
    assert ended.history_user == scene.editor


def test_the_seat_is_never_silently_empty(scene):
    client = scene.client("editor")
    url = contact_url("contact_end", scene, scene.representative)
    response = client.post(url, follow=True)
    assert "name the new one instead" in response.content.decode()
    scene.representative.refresh_from_db()
    assert scene.representative.is_current
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactPerson.objects.create(
            organisation=scene.agency,
            role="network_representative",
            name="Toinen",
            email="toinen@example.invalid",
        )


def test_other_contacts_can_be_ended(scene):
    url = contact_url("contact_end", scene, scene.other_contact)
    assert scene.client("editor").post(url).status_code == 302
    scene.other_contact.refresh_from_db()
    assert scene.other_contact.active_to == timezone.localdate()


def test_corrections_keep_the_person_and_record_the_change(scene):
    url = contact_url("contact_update", scene, scene.representative)
    data = {
        "name": "Riitta Edustaja",
        "title": "Yksikön päällikkö",
        "email": "riitta@stuk.example.invalid",
        "phone": "",
        "language": "fi",
        "version": scene.representative.version,
    }
    assert scene.client("editor").post(url, data).status_code == 302
    html = scene.client("editor").get(scene.agency.get_absolute_url()).content.decode()
    assert "Erityisasiantuntija → Yksikön päällikkö" in html


@pytest.mark.parametrize(
    "field, value, error",
    [
        ("email", "not-an-address", "Enter a valid email address."),
        ("name", "", "This field is required."),
        ("title", "x" * 10_000, "Ensure this value has at most 200 characters"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_kept(scene, field, value, error):
    data = {
        "role": "other",
        "name": "Nimi",
        "title": "",
        "email": "x@example.invalid",
        "phone": "<script>alert(1)</script>",
        "language": "fi",
        field: value,
    }
    before = ContactPerson.objects.count()
    response = scene.client("editor").post(add_url(scene), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in html and error in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    if value and field != "title":
        assert f'value="{value}"' in html  # what was typed is kept
    assert ContactPerson.objects.count() == before


def test_html_in_a_saved_name_shows_as_text(scene):
    scene.representative.name = "<b>Bold</b>"
    scene.representative.save()
    html = scene.client("editor").get(scene.agency.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html and "<b>Bold</b>" not in html


def test_members_can_be_invited(scene, mailoutbox):
    response = scene.client("editor").post(
        reverse_in("en", "organisations:member_invite", args=[scene.agency.pk]),
        {"email": "Uusi.Jasen@STUK.example.invalid", "role": "viewer", "language": "sv"},
    )
    assert response.status_code == 302
    membership = scene.agency.memberships.get(user__email="uusi.jasen@stuk.example.invalid")
    assert membership.role == "viewer"
    assert len(mailoutbox) == 1
    assert reverse_in("sv", "login_link") + "?sesame=" in mailoutbox[0].body

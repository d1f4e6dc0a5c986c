"""Two people editing at once: the first change stands, the second is told and keeps their entries
(issue 7, items 8 and 9)."""

import pytest
from django.urls import reverse
from django.utils import translation

from commitments.models import Measure
from organisations.models import ContactPerson, Membership, Organisation, contacts_token
from reporting.models import GoodPractice
from tests.factories import GoodPracticeFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def contact_data(contact, **changes):
    data = {
        "name": contact.name,
        "title": contact.title,
        "email": contact.email,
        "phone": contact.phone,
        "language": contact.language,
        "version": contact.version,
    }
    return {**data, **changes}


def test_a_phone_change_is_not_lost_to_a_simultaneous_edit(scene):
    url = en("organisations:contact_update", scene.agency.pk, scene.representative.pk)
    first = contact_data(scene.representative, phone="+358 40 111")
    second = contact_data(scene.representative, title="Yksikön päällikkö")  # opened together
    assert scene.client("editor").post(url, first).status_code == 302
    response = scene.client("ministry").post(url, second)
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else changed the contact persons" in html
    assert 'value="Yksikön päällikkö"' in html  # the second person's entries are kept
    scene.representative.refresh_from_db()
    assert scene.representative.phone == "+358 40 111"
    assert scene.representative.title == "Erityisasiantuntija"
    resent = scene.client("ministry").post(
        url, contact_data(scene.representative, title="Yksikön päällikkö")
    )
    assert resent.status_code == 302


def test_two_people_naming_a_representative_at_once(scene):
    url = en("organisations:contact_create", scene.agency.pk)
    token = contacts_token(scene.agency)  # both forms were opened now
    person = {"role": "network_representative", "title": "", "phone": "", "language": "fi"}
    first = {**person, "name": "Ensimmäinen", "email": "eka@example.invalid", "contacts": token}
    second = {**person, "name": "Toinen", "email": "toka@example.invalid", "contacts": token}
    assert scene.client("editor").post(url, first).status_code == 302
    response = scene.client("ministry").post(url, second)
    assert response.status_code == 200
    assert 'value="Toinen"' in response.content.decode()
    current = ContactPerson.objects.for_organisation(scene.agency).current().representatives()
    assert [contact.name for contact in current] == ["Ensimmäinen"]


def practice_data(practice, organisations, **changes):
    data = {
        "organisations": [o.pk for o in organisations],
        "language": practice.language,
        "title": practice.title,
        "summary": practice.summary,
        "description": practice.description,
        "contact_email": practice.contact_email,
        "started_year": practice.started_year,
        "measures": [Measure.objects.get(number="3.1").pk],
        "version": practice.version,
    }
    return {**data, **changes}


@pytest.fixture
def joint(practice_scene):
    """A draft of Espoo and Vaasa, each with an editor."""
    practice = GoodPracticeFactory(
        organisations=[practice_scene.espoo, practice_scene.vaasa], status="draft"
    )
    practice_scene.vaasa_editor = MembershipFactory(
        organisation=practice_scene.vaasa, role=Membership.Role.EDITOR
    ).user
    return practice


def test_a_simultaneous_practice_edit_is_refused_with_the_entries_kept(practice_scene, joint):
    url = en("reporting:practice_update", joint.pk)
    organisations = [practice_scene.espoo, practice_scene.vaasa]
    first = practice_data(joint, organisations, summary="Espoon versio.")
    second = practice_data(joint, organisations, summary="Vaasan versio.")
    assert practice_scene.client("editor").post(url, first).status_code == 302
    response = practice_scene.client("vaasa_editor").post(url, second)
    assert "Someone else saved this practice" in response.content.decode()
    assert "Vaasan versio." in response.content.decode()
    joint.refresh_from_db()
    assert joint.summary == "Espoon versio."


def test_an_editor_cannot_remove_another_organisation_from_a_joint_practice(practice_scene, joint):
    url = en("reporting:practice_update", joint.pk)
    response = practice_scene.client("editor").post(
        url, practice_data(joint, [practice_scene.espoo])
    )
    assert "can remove Vaasa from the practice" in response.content.decode()
    assert set(joint.organisations.all()) == {practice_scene.espoo, practice_scene.vaasa}
    # Vaasa may leave on its own, and the history records who changed what.
    practice_scene.client("vaasa_editor").post(url, practice_data(joint, [practice_scene.espoo]))
    assert set(joint.organisations.all()) == {practice_scene.espoo}
    latest = joint.history.latest("history_date")
    assert latest.history_user == practice_scene.vaasa_editor
    assert [o.organisation_id for o in latest.organisations.all()] == [practice_scene.espoo.pk]
    both = {practice_scene.espoo.pk, practice_scene.vaasa.pk}
    assert any(
        {o.organisation_id for o in record.organisations.all()} == both
        for record in joint.history.all()
    )


def test_a_practices_measures_changing_leave_a_trace(practice_scene):
    practice = practice_scene.draft
    practice.measures.set([Measure.objects.get(number="1.1")])
    url = en("reporting:practice_update", practice.pk)
    practice.refresh_from_db()
    data = practice_data(practice, [practice_scene.espoo])
    assert practice_scene.client("editor").post(url, data).status_code == 302
    numbers = [
        sorted(Measure.objects.get(pk=m.measure_id).number for m in record.measures.all())
        for record in GoodPractice.objects.get(pk=practice.pk).history.order_by("history_date")
    ]
    assert numbers[-1] == ["3.1"] and ["1.1"] in numbers


def test_the_organisation_page_shows_who_made_whom_a_member(scene, mailoutbox):
    client = scene.client("editor")
    client.post(
        en("organisations:member_invite", scene.agency.pk),
        {"email": "uusi@stuk.example.invalid", "role": "viewer", "language": "fi"},
    )
    with translation.override("en"):
        html = scene.client("viewer").get(scene.agency.get_absolute_url()).content.decode()
    assert "Changes to members" in html
    row = next(
        line
        for line in html.splitlines()
        if "uusi@stuk.example.invalid" in line and "Viewer" in line
    )
    assert scene.editor.email in row or scene.editor.email in html
    assert Organisation.objects.filter(pk=scene.agency.pk).exists()

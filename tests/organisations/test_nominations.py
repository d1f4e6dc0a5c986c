import datetime
import re

import pytest

from avoin.concurrency import StaleEdit
from avoin.links import reverse_in
from organisations.models import (
    ContactPerson,
    NominationAction,
    NominationRequest,
    NominationRound,
)
from organisations.services.nominations import (
    nomination_answer,
    nomination_round_send,
)
from tests.factories import NominationRoundFactory
from tests.organisations import agency_file
from tests.organisations.rounds import NEW_PERSON, answer, en, helsinki

pytestmark = pytest.mark.django_db


# --- Creating and sending ------------------------------------------------------------------------


def test_ministry_creates_a_round_for_agencies_by_default(scene):
    client = scene.client("ministry")
    form = client.get(en("nomination_round_create")).content.decode()
    assert re.search(r'value="state_agency"[^>]* checked', form)
    assert not re.search(r'value="ministry"[^>]* checked', form)
    response = client.post(
        en("nomination_round_create"),
        {
            "title_fi": "Verkoston edustajat 2025",
            "message_fi": "Vahvistakaa edustajanne.",
            "title_sv": "Nätverkets representanter 2025",
            "message_sv": "Bekräfta er representant.",
            "deadline": "2025-02-07",
            "target_kinds": ["state_agency", "ministry"],
        },
    )
    created = NominationRound.objects.get(title_fi="Verkoston edustajat 2025")
    assert response["Location"] == created.get_absolute_url()
    assert created.target_kinds == ["state_agency", "ministry"]
    assert created.sent_at is None and created.created_by == scene.ministry


@pytest.mark.parametrize(
    "data, field, error",
    [
        ({"title_fi": ""}, "title_fi", "This field is required."),
        ({"title_sv": "x" * 10_000}, "title_sv", "at most 200 characters"),
        ({"deadline": "31.2.2024"}, "deadline", "Enter the date as dd.mm.yyyy"),
        ({"target_kinds": ["municipality"]}, "target_kinds", "Select a valid choice."),
    ],
)
def test_bad_round_input_is_refused_and_kept(scene, data, field, error):
    post = {
        "title_fi": "<i>Kierros</i>",
        "message_fi": "Viesti",
        "deadline": "2025-02-07",
        "target_kinds": ["state_agency"],
        **data,
    }
    before = NominationRound.objects.count()
    response = scene.client("ministry").post(en("nomination_round_create"), post)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in html and error in html
    assert NominationRound.objects.count() == before
    if field != "title_fi":
        assert "&lt;i&gt;Kierros&lt;/i&gt;" in html


def test_sending_asks_every_agency_and_emails_registry_and_representative(scene, mailoutbox):
    nomination_round = NominationRoundFactory(created_by=scene.ministry, sent_at=None)
    scene.client("ministry").post(en("nomination_round_send", nomination_round.pk))
    nomination_round.refresh_from_db()
    assert nomination_round.sent_at is not None
    agencies = len(agency_file.agencies_on(nomination_round.targets_on))
    assert nomination_round.requests.count() == agencies
    to_stuk = [m for m in mailoutbox if m.to[0].endswith("@stuk.example.invalid")]
    assert sorted(m.to[0] for m in to_stuk) == [
        "kirjaamo@stuk.example.invalid",
        "riitta@stuk.example.invalid",
    ]
    for message in to_stuk:
        assert "9.2.2024" in message.subject
        assert "/accounts/link/?sesame=" in message.body
        assert "Riitta Edustaja" in message.body
    # The registry address becomes a member so that the link signs someone in.
    assert scene.agency.memberships.filter(user__email="kirjaamo@stuk.example.invalid").exists()

    sent = len(mailoutbox)
    nomination_round_send(nomination_round=nomination_round, by=scene.ministry)
    assert nomination_round.requests.count() == agencies  # nothing twice
    assert len(mailoutbox) == sent


# --- Answering -----------------------------------------------------------------------------------


def test_liaison_confirms_the_representative_on_record(scene, mailoutbox):
    client = scene.client("editor")
    url = en("nomination_request_detail", scene.request.pk)
    response = client.post(url, {**NEW_PERSON, "action": "confirm", "version": 0})
    assert response.status_code == 302
    scene.request.refresh_from_db()
    assert scene.request.status == "confirmed"
    assert scene.request.representative == scene.representative
    assert scene.request.answered_by == scene.editor
    assert [m.subject for m in mailoutbox if scene.editor.email in m.to]  # the receipt


def test_liaison_names_a_new_representative_who_is_invited(scene, mailoutbox):
    response = scene.client("editor").post(
        en("nomination_request_detail", scene.request.pk),
        {
            **NEW_PERSON,
            "version": 0,
            "deputy_name": "Dani Varahenkilö",
            "deputy_email": "dani@stuk.example.invalid",
        },
    )
    assert response.status_code == 302
    scene.request.refresh_from_db()
    assert scene.request.status == "new_named"
    assert scene.request.representative.name == "Nina Uusi"
    assert scene.request.deputy.name == "Dani Varahenkilö"
    assert scene.request.appointed_by_title == "Pääjohtaja"
    scene.representative.refresh_from_db()
    assert not scene.representative.is_current
    invitation = [m for m in mailoutbox if m.to == ["nina@stuk.example.invalid"]]
    assert (
        len(invitation) == 1 and reverse_in("sv", "login_link") + "?sesame=" in invitation[0].body
    )
    assert scene.agency.memberships.filter(user__email="nina@stuk.example.invalid").exists()


def test_declining_needs_a_reason(scene):
    client = scene.client("editor")
    url = en("nomination_request_detail", scene.request.pk)
    response = client.post(url, {**NEW_PERSON, "action": "decline", "version": 0})
    assert 'id="id_decline_reason_errors"' in response.content.decode()
    response = client.post(
        url, {**NEW_PERSON, "action": "decline", "version": 0, "decline_reason": "Ei resursseja"}
    )
    assert response.status_code == 302
    scene.request.refresh_from_db()
    assert (scene.request.status, scene.request.decline_reason) == ("declined", "Ei resursseja")


@pytest.mark.parametrize(
    "field, value, error",
    [
        ("representative_email", "not-an-address", "Enter a valid email address."),
        ("representative_name", "", "This field is required."),
        ("representative_title", "x" * 10_000, "at most 200 characters"),
        ("appointment_date", "", "This field is required."),
    ],
)
def test_bad_answers_are_refused_next_to_the_field(scene, field, value, error):
    data = {**NEW_PERSON, "version": 0, "appointed_by_name": "<b>Pomo</b>", field: value}
    before = ContactPerson.objects.count()
    response = scene.client("editor").post(en("nomination_request_detail", scene.request.pk), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in html and error in html
    assert "&lt;b&gt;Pomo&lt;/b&gt;" in html  # what was typed is kept, as text
    scene.request.refresh_from_db()
    assert scene.request.status == "pending" and ContactPerson.objects.count() == before


@pytest.mark.parametrize(
    "when, late",
    [
        (helsinki(2024, 2, 9, 23, 59), False),
        (helsinki(2024, 2, 10, 0, 1), True),
        # 23:30 UTC on 9.2. is already 10.2. in Helsinki.
        (datetime.datetime(2024, 2, 9, 23, 30, tzinfo=datetime.UTC), True),
    ],
)
def test_deadline_covers_the_whole_day_in_helsinki(scene, when, late):
    answered = answer(scene, when=when)
    assert answered.is_late is late
    assert NominationRequest.objects.late().filter(pk=answered.pk).exists() is late


def test_late_answers_are_accepted_and_flagged(scene):
    client = scene.client("editor")
    page = client.get(en("nomination_request_detail", scene.request.pk)).content.decode()
    assert "The deadline has passed" in page  # the 2024 deadline is behind us
    client.post(
        en("nomination_request_detail", scene.request.pk),
        {**NEW_PERSON, "action": "confirm", "version": 0},
    )
    scene.request.refresh_from_db()
    assert scene.request.status == "confirmed" and scene.request.is_late


def test_answers_can_change_until_the_round_closes_and_every_version_is_kept(scene):
    answer(scene, when=helsinki(2024, 2, 1, 12))
    answer(
        scene,
        action=NominationAction.DECLINE,
        when=helsinki(2024, 2, 3, 12),
        decline_reason="Muutos",
    )
    request = NominationRequest.objects.get(pk=scene.request.pk)
    assert request.status == "declined" and request.version == 2
    statuses = list(request.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[-2:] == ["confirmed", "declined"]
    html = scene.client("editor").get(en("nomination_request_detail", request.pk)).content.decode()
    assert "Earlier versions of the answer" in html

    scene.client("ministry").post(en("nomination_round_close", scene.round.pk))
    response = scene.client("editor").post(
        en("nomination_request_detail", request.pk),
        {**NEW_PERSON, "action": "confirm", "version": 2},
        follow=True,
    )
    assert "The round is closed" in response.content.decode()
    request.refresh_from_db()
    assert request.status == "declined"


def test_stale_form_gets_a_clear_message_and_saves_nothing(scene):
    answer(scene, when=helsinki(2024, 2, 1, 12))  # someone else answered first
    response = scene.client("editor").post(
        en("nomination_request_detail", scene.request.pk), {**NEW_PERSON, "version": 0}, follow=True
    )
    html = response.content.decode()
    assert "Someone else answered this request" in html
    assert 'value="Nina Uusi"' in html and 'name="version" value="1"' in html  # kept, fresh
    request = NominationRequest.objects.get(pk=scene.request.pk)
    assert request.status == "confirmed" and request.version == 1
    assert not ContactPerson.objects.filter(name="Nina Uusi").exists()
    with pytest.raises(StaleEdit):
        nomination_answer(
            nomination_request=request,
            by=scene.editor,
            action="confirm",
            expected_version=0,
        )


def test_ministry_records_an_emailed_answer_with_its_channel(scene):
    data = {
        **NEW_PERSON,
        "action": "confirm",
        "version": 0,
        "channel": "email",
        "received_at": "2024-02-09T16:45",
    }
    response = scene.client("ministry").post(
        en("nomination_request_detail", scene.request.pk), data
    )
    assert response.status_code == 302
    scene.request.refresh_from_db()
    assert scene.request.channel == "email"
    assert scene.request.answered_at == helsinki(2024, 2, 9, 16, 45)
    assert scene.request.is_late is False
    assert scene.request.answered_by == scene.ministry

    future = {**data, "version": 1, "received_at": "2099-01-01T10:00"}
    response = scene.client("ministry").post(
        en("nomination_request_detail", scene.request.pk), future
    )
    assert "cannot be in the future" in response.content.decode()


def test_confirming_needs_a_representative_on_record(scene):
    scene.representative.delete()
    page = (
        scene.client("editor")
        .get(en("nomination_request_detail", scene.request.pk))
        .content.decode()
    )
    assert 'value="confirm"' not in page

import threading

import pytest
from django.db import connection, connections

from avoin.concurrency import StaleEdit
from organisations.models import ContactPerson, NominationAction, NominationRequest
from organisations.services.nominations import nomination_answer
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    NominationRequestFactory,
    NominationRoundFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it)"
    ),
]


def test_two_people_answering_at_once_end_in_one_consistent_state():
    agency = AgencyFactory(ministry=None)
    request = NominationRequestFactory(round=NominationRoundFactory(), organisation=agency)
    people = [MembershipFactory(organisation=agency).user for _ in range(2)]
    start = threading.Barrier(2)
    outcomes = []

    def answer(user, name):
        try:
            start.wait()
            nomination_answer(
                nomination_request=NominationRequest.objects.get(pk=request.pk),
                by=user,
                action=NominationAction.NAME_NEW,
                expected_version=0,
                representative={
                    "name": name,
                    "title": "",
                    "email": f"{name.lower()}@example.invalid",
                    "phone": "",
                    "language": "fi",
                },
                appointed_by_name="Johtaja",
                appointed_by_title="Pääjohtaja",
            )
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=answer, args=(user, name))
        for user, name in zip(people, ["Aino", "Bertta"], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["refused", "saved"]
    request.refresh_from_db()
    assert request.version == 1 and request.status == "new_named"
    representatives = ContactPerson.objects.filter(
        organisation=agency, role="network_representative"
    )
    assert representatives.count() == 1  # nothing half-saved from the refused answer
    assert request.representative == representatives.get()
    assert request.history.filter(status="new_named").count() == 1

import pytest
from django.test import Client

from organisations.models import ContactPerson, Membership, Organisation
from tests.factories import (
    ContactPersonFactory,
    MembershipFactory,
    MinistryTeamUserFactory,
    NominationRequestFactory,
    NominationRoundFactory,
    UserFactory,
    WorkingGroupUserFactory,
)


class Scene:
    """Two agencies of the real registry, their people, and an open round."""

    def __init__(self):
        agencies = Organisation.objects.of_kind(Organisation.Kind.STATE_AGENCY)
        self.agency = agencies.get(abbreviation="STUK")
        self.agency.email = "kirjaamo@stuk.example.invalid"
        self.agency.save()
        self.other_agency = agencies.get(name_fi="Verohallinto")
        self.editor = MembershipFactory(organisation=self.agency).user
        self.viewer = MembershipFactory(organisation=self.agency, role=Membership.Role.VIEWER).user
        self.other_member = MembershipFactory(organisation=self.other_agency).user
        self.ministry = MinistryTeamUserFactory()
        self.working_group = WorkingGroupUserFactory()
        self.outsider = UserFactory()
        self.representative = ContactPersonFactory(
            organisation=self.agency, name="Riitta Edustaja", email="riitta@stuk.example.invalid"
        )
        self.other_contact = ContactPersonFactory(
            organisation=self.agency, role=ContactPerson.Role.OTHER, name="Olli Muu"
        )
        self.round = NominationRoundFactory(created_by=self.ministry)
        self.request = NominationRequestFactory(round=self.round, organisation=self.agency)

    def client(self, who):
        client = Client()
        user = getattr(self, who) if isinstance(who, str) else who
        if user is not None:
            client.force_login(user)
        return client


@pytest.fixture
def scene(db):
    return Scene()

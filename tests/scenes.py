"""The people and records that view and access tests start from: one scene per part of the
portal, each with a client for every kind of user."""

from django.test import Client
from django.utils import timezone

from organisations.models import ContactPerson, Membership, Organisation
from reporting.models import GoodPractice
from tests.factories import (
    ContactPersonFactory,
    GoodPracticeFactory,
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


class PracticeScene:
    """Espoo's people and practices in every status, and people from elsewhere."""

    def __init__(self):
        self.espoo = Organisation.objects.get(kind="municipality", code="049")
        self.vaasa = Organisation.objects.get(kind="municipality", code="905")
        self.editor = MembershipFactory(organisation=self.espoo).user
        self.viewer = MembershipFactory(organisation=self.espoo, role=Membership.Role.VIEWER).user
        self.other_member = MembershipFactory(organisation=self.vaasa).user
        self.ministry = MinistryTeamUserFactory()
        self.working_group = WorkingGroupUserFactory()
        self.outsider = UserFactory()
        self.practices = {
            status: GoodPracticeFactory(
                organisations=[self.espoo],
                status=status,
                created_by=self.editor,
                title=f"Espoon {status} käytäntö",
                published_at=timezone.now() if status in ("published", "withdrawn") else None,
            )
            for status in GoodPractice.Status.values
        }
        self.published = self.practices["published"]
        self.draft = self.practices["draft"]
        self.submitted = self.practices["submitted"]

    def client(self, who):
        client = Client()
        if who is not None:
            client.force_login(getattr(self, who))
        return client

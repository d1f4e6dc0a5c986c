import pytest
from django.test import Client
from django.utils import timezone

from organisations.models import Membership, Organisation
from reporting.models import GoodPractice
from tests.factories import (
    GoodPracticeFactory,
    MembershipFactory,
    MinistryTeamUserFactory,
    UserFactory,
    WorkingGroupUserFactory,
)


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


@pytest.fixture
def practice_scene(db):
    return PracticeScene()

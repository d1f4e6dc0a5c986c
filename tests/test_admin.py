import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from avoin.links import reverse_in
from avoin.mail import send_templated_mail
from avoin.models import RetentionRun
from avoin.permissions import MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP
from commitments.models import (
    Amendment,
    AmendmentKind,
    Evaluation,
    PlanVersion,
    Programme,
    Recommendation,
)
from organisations.models import NominationReminder, Organisation
from tests.factories import (
    ActionItemFactory,
    ActionProgressFactory,
    ActionUpdateFactory,
    ActivityFactory,
    CommitmentProposalFactory,
    ContactPersonFactory,
    DecisionFactory,
    EvidenceFactory,
    FeedbackAnswerFactory,
    GoodPracticeFactory,
    MembershipFactory,
    MilestoneFactory,
    NominationRequestFactory,
    ProgressEntryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

OUR_APPS = ["avoin", "organisations", "commitments", "reporting"]


def our_models():
    """Our models; simple_history's Historical* copies are shown through each model's admin."""
    return [
        model
        for name in OUR_APPS
        for model in apps.get_app_config(name).get_models()
        if not model._meta.model_name.startswith("historical")
    ]


@pytest.fixture
def one_of_each(db):
    request = NominationRequestFactory()
    GoodPracticeFactory(organisations=[request.organisation])
    MembershipFactory(organisation=request.organisation)
    ContactPersonFactory(organisation=request.organisation)
    RetentionRun.objects.create(counts={"sign_in_records": 2})
    NominationReminder.objects.create(
        request=request, sent_on=datetime.date(2024, 2, 8), recipients="kirjaamo@example.invalid"
    )
    ProgressEntryFactory(report__organisation=request.organisation)
    ActionProgressFactory()
    EvidenceFactory()
    FeedbackAnswerFactory()
    _amendment()
    CommitmentProposalFactory()
    MilestoneFactory()
    ActionUpdateFactory()
    ActivityFactory(organisation=request.organisation)
    DecisionFactory()
    ActionItemFactory()
    send_templated_mail(
        to=["kirjaamo@example.invalid"],
        template="nomination_receipt",
        context={"request": request, "round": request.round, "organisation": request.organisation},
        language="fi",
        about=request,
    )


def test_groups_exist_from_the_data_migration():
    assert Group.objects.filter(name__in=[MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP]).count() == 2


def test_every_model_is_registered_with_list_columns_filters_and_search():
    for model in our_models():
        assert admin.site.is_registered(model), model
        model_admin = admin.site._registry[model]
        assert len(model_admin.list_display) > 1, model
        assert model_admin.search_fields, model


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", our_models(), ids=lambda model: model.__name__)
def test_admin_pages_work(superuser_client, one_of_each, model, django_assert_max_num_queries):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    # 21: the session's second factor is one query of its own (docs/adr/0031).
    with django_assert_max_num_queries(21):
        response = superuser_client.get(changelist, {"q": "a"})
    assert response.status_code == 200
    instance = model.objects.first()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
    assert superuser_client.get(change).status_code == 200


def test_organisations_cannot_be_deleted_in_the_admin(superuser_client):
    helsinki = Organisation.objects.get(kind="municipality", code="091")
    url = reverse("admin:organisations_organisation_delete", args=[helsinki.pk])
    assert superuser_client.get(url).status_code == 403


def test_admin_requires_staff(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(reverse("admin:index")).status_code == 302


def test_failed_emails_can_be_sent_again_from_the_admin(superuser_client, one_of_each, mailoutbox):
    from avoin.models import OutgoingMessage

    OutgoingMessage.objects.update(status=OutgoingMessage.Status.FAILED, error="550 User unknown")
    message = OutgoingMessage.objects.get()
    response = superuser_client.post(
        reverse_in("en", "admin:avoin_outgoingmessage_changelist"),
        {"action": "resend", "_selected_action": [message.pk]},
        follow=True,
    )
    assert "1 message was queued again." in response.content.decode()
    assert [m.to for m in mailoutbox] == [["kirjaamo@example.invalid"]]
    assert (
        superuser_client.get(
            reverse("admin:avoin_outgoingmessage_delete", args=[message.pk])
        ).status_code
        == 403
    )


def _amendment():

    version = PlanVersion.objects.create(
        programme=Programme.objects.get(),
        number=2,
        effective_from=datetime.date(2025, 10, 1),
        title_fi="v2",
        evaluation=Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM),
    )
    Amendment.objects.create(
        version=version,
        kind=AmendmentKind.RETIRED,
        recommendation=Recommendation.objects.get(code="R1.1-p3"),
        effective_on=version.effective_from,
        reason_fi="Toteutettu.",
    )

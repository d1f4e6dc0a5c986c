import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from avoin.permissions import MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP
from commitments.models import Action, Evaluation, Measure, Recommendation
from organisations.models import (
    ContactPerson,
    Membership,
    NominationRequest,
    NominationRound,
    Organisation,
    Region,
)
from reporting.models import (
    ActionItem,
    ActionProgress,
    ActionStatus,
    ActionUpdate,
    Activity,
    ActivityKind,
    Assessment,
    CommitmentProposal,
    Completion,
    Decision,
    Evidence,
    EvidenceKind,
    FeedbackAnswer,
    FeedbackLink,
    GoodPractice,
    Meeting,
    Milestone,
    PeriodReport,
    ProgressEntry,
    ProgressStatus,
    ReportingPeriod,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{50 + n % 50:02d}")
    name_fi = factory.Sequence(lambda n: f"Testimaakunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testlandskapet {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.MUNICIPALITY
    code = factory.Sequence(lambda n: f"T{n:05d}")
    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testkommun {n}")
    language_status = Organisation.LanguageStatus.FINNISH
    region = factory.SubFactory(RegionFactory)
    county_status = Organisation.CountyStatus.IN_COUNTY
    wellbeing_county = factory.LazyFunction(
        lambda: Organisation.objects.of_kind(Organisation.Kind.WELLBEING_COUNTY).first()
    )


class AgencyFactory(OrganisationFactory):
    kind = Organisation.Kind.STATE_AGENCY
    code = ""
    name_fi = factory.Sequence(lambda n: f"Testivirasto {n}")
    name_sv = factory.Sequence(lambda n: f"Testverket {n}")
    language_status = ""
    region = None
    county_status = ""
    wellbeing_county = None
    ministry = factory.LazyFunction(
        lambda: Organisation.objects.of_kind(Organisation.Kind.MINISTRY).first()
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.django.Password("correct horse battery staple")


class MinistryTeamUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"ministry{n}")
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get_or_create(name=MINISTRY_TEAM_GROUP)[0])


class WorkingGroupUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"workinggroup{n}")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get_or_create(name=WORKING_GROUP_GROUP)[0])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(AgencyFactory)
    role = Membership.Role.EDITOR


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(AgencyFactory)
    role = ContactPerson.Role.NETWORK_REPRESENTATIVE
    name = factory.Sequence(lambda n: f"Edustaja {n}")
    title = "Erityisasiantuntija"
    email = factory.Sequence(lambda n: f"edustaja{n}@example.invalid")
    language = "fi"
    active_from = datetime.date(2021, 1, 1)


class NominationRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominationRound

    title_fi = factory.Sequence(lambda n: f"Verkoston edustajat {n}")
    message_fi = "Vahvistakaa edustaja tai nimetkää uusi."
    deadline = datetime.date(2024, 2, 9)
    target_kinds = [Organisation.Kind.STATE_AGENCY]
    created_by = factory.SubFactory(MinistryTeamUserFactory)
    sent_at = factory.LazyFunction(lambda: datetime.datetime(2024, 1, 17, 10, tzinfo=datetime.UTC))


class NominationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominationRequest

    round = factory.SubFactory(NominationRoundFactory)
    organisation = factory.SubFactory(AgencyFactory)
    answered_at = None
    first_answered_at = factory.LazyAttribute(lambda request: request.answered_at)


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice
        skip_postgeneration_save = True

    language = "fi"
    title = factory.Sequence(lambda n: f"Hyvä käytäntö {n}")
    summary = "Lyhyt kuvaus käytännöstä."
    description = "Pidempi kuvaus siitä, miten käytäntö toimii."
    contact_email = "osallisuus@example.invalid"
    started_year = 2023
    status = GoodPractice.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)


def period(year=2024, quarter=1):
    return ReportingPeriod.objects.get(year=year, quarter=quarter)


class PeriodReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodReport

    organisation = factory.SubFactory(OrganisationFactory)
    period = factory.LazyFunction(period)


class ProgressEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressEntry

    report = factory.SubFactory(PeriodReportFactory)
    recommendation = factory.LazyFunction(lambda: Recommendation.objects.get(code="R1.1-p2"))
    status = ProgressStatus.IN_PROGRESS
    evidence = "Kaksi dialogia järjestetty."


class ActionProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionProgress
        django_get_or_create = ["action"]

    action = factory.LazyFunction(lambda: Action.objects.get(code="1.1.a1"))
    status = ActionStatus.ON_TRACK
    completion = Completion.LIMITED
    responsible_unit = "Avoimen hallinnon tiimi"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.LazyFunction(lambda: Action.objects.get(code="1.1.a1"))
    title_fi = factory.Sequence(lambda n: f"Välitavoite {n}")
    due_on = datetime.date(2025, 6, 30)


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.LazyFunction(lambda: Action.objects.get(code="1.1.a1"))
    period = factory.LazyFunction(period)
    status = ActionStatus.ON_TRACK
    completion = Completion.LIMITED
    note_fi = "Etenee suunnitellusti."


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    organisation = factory.SubFactory(OrganisationFactory)
    kind = ActivityKind.NATIONAL_DIALOGUE
    measure = factory.LazyFunction(lambda: Measure.objects.get(number="1.1"))
    recommendation = factory.LazyFunction(lambda: Recommendation.objects.get(code="R1.1-p2"))
    period = factory.LazyFunction(period)
    title = factory.Sequence(lambda n: f"Dialogi {n}")
    happened_on = datetime.date(2024, 2, 15)
    participants = 20
    entered_by = factory.SubFactory(UserFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    held_on = datetime.date(2024, 5, 14)
    place = "Valtiovarainministeriö, Snellmaninkatu 1 A, Helsinki"
    period = factory.LazyFunction(period)
    agenda = "1. Kokouksen avaus\n2. Seurantapaketti"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = "Työryhmä merkitsi seurantapaketin tiedoksi."


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    text = "Selvitetään kuntien raportoinnin esteet."
    owner = "Avoimen hallinnon tiimi"
    due_on = datetime.date(2024, 8, 31)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    evaluation = factory.LazyFunction(lambda: Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM))
    criterion = factory.LazyAttribute(lambda a: a.evaluation.criteria.get(code="goal_achievement"))
    measure = factory.LazyFunction(lambda: Measure.objects.get(number="1.1"))
    finding_fi = "Tavoitteet ovat toteutuneet osin."


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    assessment = factory.SubFactory(AssessmentFactory)
    kind = EvidenceKind.PROGRESS
    key = "R1.1-p2"
    figures = factory.LazyFunction(lambda: {"year": 2025, "quarter": 1, "done": 3})


class CommitmentProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitmentProposal

    evaluation = factory.LazyFunction(lambda: Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM))
    title_fi = "Uusi sitoumus"
    rationale_fi = "Perustelu."


class FeedbackLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackLink

    activity = factory.SubFactory(ActivityFactory)
    created_by = factory.SubFactory(UserFactory)


class FeedbackAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackAnswer

    link = factory.SubFactory(FeedbackLinkFactory)
    materials_in_time = "yes"
    days_before = 7
    could_influence = "yes"
    accessible = "yes"
    language = "fi"

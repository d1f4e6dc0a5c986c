"""Every form of the portal, where it is posted, by whom, and what must not change when it is
refused: the one list the fuzz tests read (docs/adr/0034).

`tests/fuzz/test_forms.py::test_every_form_is_fuzzed` fails when a form class of the project is
neither here nor in NOT_FUZZED: a new form (from any app) gets a `Target` line here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils import timezone, translation

from avoin import forms as avoin_forms
from commitments import forms as commitments_forms
from commitments.models import Amendment, Evaluation, PlanVersion
from organisations import forms as organisations_forms
from organisations.models import ContactPerson, Membership, NominationRequest, NominationRound
from reporting.forms import (
    actions,
    activities,
    dashboard,
    evaluations,
    feedback,
    figures,
    meetings,
    practices,
    progress,
)
from reporting.models import (
    ActionItem,
    ActionProgress,
    Activity,
    ActivityKind,
    Assessment,
    CommitmentProposal,
    Decision,
    FeedbackAnswer,
    GoodPractice,
    Meeting,
    Milestone,
    PeriodReport,
    ProgressEntry,
    ReportingPeriod,
    ReportStatus,
)
from tests.factories import (
    ActivityFactory,
    FeedbackLinkFactory,
    MeetingFactory,
    MembershipFactory,
    period,
)
from tests.scenes import PracticeScene, Scene

ACTION = "1.1.a1"


class World:
    """The records every target posts to: two organisations' people and their data."""

    def __init__(self):
        self.scene = Scene()
        self.practices = PracticeScene()
        self.period = period()
        self.report = PeriodReport.objects.create(  # waiting for the team's review
            organisation=self.practices.espoo,
            period=period(2024, 2),
            status=ReportStatus.SUBMITTED,
            submitted_at=timezone.now(),
            submitted_by=self.practices.editor,
        )
        self.activity = ActivityFactory(
            organisation=self.practices.espoo, entered_by=self.practices.editor
        )
        self.meeting = MeetingFactory()
        Evaluation.objects.filter(kind=Evaluation.Kind.MID_TERM).update(
            cut_off=datetime.date(2025, 9, 30), status=Evaluation.Status.IN_PROGRESS
        )
        self.feedback_link = FeedbackLinkFactory(
            activity=self.activity, created_by=self.practices.editor
        )

    def user(self, who):
        scene = self.practices if who.startswith("espoo_") else self.scene
        return getattr(scene, who.removeprefix("espoo_"))

    def last_editor_membership(self):
        """The STUK editor's membership while they are its only editor: made again, and any
        successor an earlier example named made a viewer again."""
        agency, editor = self.scene.agency, self.scene.editor
        Membership.objects.filter(organisation=agency, role=Membership.Role.EDITOR).exclude(
            user=editor
        ).update(role=Membership.Role.VIEWER)
        membership, _created = Membership.objects.get_or_create(
            user=editor, organisation=agency, defaults={"role": Membership.Role.EDITOR}
        )
        return membership

    def viewer_membership(self):
        """The STUK viewer's membership, made again if an earlier example removed it."""
        membership = Membership.objects.filter(
            user=self.scene.viewer, organisation=self.scene.agency
        ).first()
        return membership or MembershipFactory(
            user=self.scene.viewer, organisation=self.scene.agency, role=Membership.Role.VIEWER
        )


def url(name, *args):
    with translation.override("fi"):
        return reverse(name, args=args)


@dataclass
class Target:
    form: type
    path: Callable  # path(world) -> the URL, made for each example
    who: str | None  # a user of the world ("editor", "espoo_editor", "ministry"), or anonymous
    models: tuple = ()  # rows that must not change when the form is refused
    method: str = "post"
    page: Callable | None = None  # page(world) -> where the form is shown, if not at `path`

    @property
    def name(self):
        return f"{self.form.__module__.split('.')[0]}.{self.form.__name__}-{self.method}"


TARGETS = [
    Target(AuthenticationForm, lambda w: url("login"), None, ()),
    Target(avoin_forms.SignInLinkForm, lambda w: url("login_link_request"), None, ()),
    Target(avoin_forms.SecondFactorForm, lambda w: url("second_factor_enrol"), "ministry", ()),
    Target(
        organisations_forms.OrganisationFilterForm,
        lambda w: url("organisations:organisation_list"),
        None,
        method="get",
    ),
    Target(
        organisations_forms.ContactPersonForm,
        lambda w: url("organisations:contact_create", w.scene.agency.pk),
        "editor",
        (ContactPerson, ContactPerson.history.model),
    ),
    Target(
        organisations_forms.ContactPersonEditForm,
        lambda w: url("organisations:contact_update", w.scene.agency.pk, w.scene.other_contact.pk),
        "editor",
        (ContactPerson, ContactPerson.history.model),
    ),
    Target(
        organisations_forms.MemberInviteForm,
        lambda w: url("organisations:member_invite", w.scene.agency.pk),
        "editor",
        (Membership, Membership.history.model),
    ),
    Target(
        organisations_forms.MemberChangeForm,
        lambda w: url("organisations:member_update", w.scene.agency.pk, w.viewer_membership().pk),
        "editor",
        (Membership, Membership.history.model),
    ),
    Target(
        organisations_forms.MemberRemoveForm,
        lambda w: url(
            "organisations:member_remove",
            w.scene.agency.pk,
            w.last_editor_membership().pk,
        ),
        "editor",  # the last editor leaving: a successor must be named
        (Membership, Membership.history.model),
    ),
    Target(
        organisations_forms.NominationRoundForm,
        lambda w: url("organisations:nomination_round_create"),
        "ministry",
        (NominationRound,),
    ),
    Target(
        organisations_forms.NominationAnswerForm,
        lambda w: url("organisations:nomination_request_detail", w.scene.request.pk),
        "editor",
        (NominationRequest, ContactPerson),
    ),
    Target(
        organisations_forms.NominationAnswerOnBehalfForm,
        lambda w: url("organisations:nomination_request_detail", w.scene.request.pk),
        "ministry",
        (NominationRequest, ContactPerson),
    ),
    Target(
        commitments_forms.AskedOfUsForm,
        lambda w: url("commitments:asked_of_us"),
        None,
        method="get",
    ),
    Target(
        progress.ChecklistForm,
        lambda w: url("reporting:report_form", w.practices.espoo.pk, w.period.pk),
        "espoo_editor",
        (PeriodReport, ProgressEntry),
    ),
    Target(
        progress.ReviewForm,
        lambda w: url("reporting:report_review", w.report.pk),
        "ministry",
        (PeriodReport,),
        page=lambda w: url("reporting:report_detail", w.report.pk),
    ),
    Target(
        progress.PeriodForm,
        lambda w: url("reporting:period_update", w.period.pk),
        "ministry",
        (ReportingPeriod,),
    ),
    Target(
        actions.ActionProgressForm,
        lambda w: url("reporting:action_progress_update", ACTION),
        "ministry",
        (ActionProgress,),
    ),
    Target(
        actions.MilestoneForm,
        lambda w: url("reporting:milestone_create", ACTION),
        "ministry",
        (Milestone,),
    ),
    Target(
        practices.GoodPracticeForm,
        lambda w: url("reporting:practice_create"),
        "espoo_editor",
        (GoodPractice,),
    ),
    Target(
        practices.ReturnForm,
        lambda w: url("reporting:practice_moderate", w.practices.submitted.pk),
        "ministry",
        (GoodPractice,),
    ),
    Target(
        practices.PracticeFilterForm, lambda w: url("reporting:practice_list"), None, method="get"
    ),
    Target(
        figures.PeriodChoiceForm,
        lambda w: url("reporting:progress_overview"),
        None,
        method="get",
    ),
    Target(
        activities.ActivityForm,
        lambda w: url(
            "reporting:activity_create", w.practices.espoo.pk, ActivityKind.NATIONAL_DIALOGUE
        ),
        "espoo_editor",
        (Activity,),
    ),
    Target(
        activities.ActivityFilterForm,
        lambda w: url("reporting:activity_list", w.practices.espoo.pk),
        "espoo_editor",
        method="get",
    ),
    Target(
        dashboard.DashboardFilterForm,
        lambda w: url("reporting:dashboard"),
        "ministry",
        method="get",
    ),
    Target(
        meetings.MeetingForm,
        lambda w: url("reporting:meeting_create"),
        "ministry",
        (Meeting, Meeting.history.model),
    ),
    Target(
        meetings.DecisionForm,
        lambda w: url("reporting:decision_create", w.meeting.pk),
        "ministry",
        (Decision,),
    ),
    Target(
        meetings.ActionItemForm,
        lambda w: url("reporting:action_item_create", w.meeting.pk),
        "ministry",
        (ActionItem,),
    ),
    Target(
        evaluations.EvaluationForm,
        lambda w: url("reporting:evaluation_update", Evaluation.Kind.MID_TERM),
        "ministry",
        (Evaluation,),
    ),
    Target(
        evaluations.AssessmentForm,
        lambda w: url(
            "reporting:assessment_update",
            Evaluation.Kind.MID_TERM,
            "measure",
            "1.1",
            "goal_achievement",
        ),
        "ministry",
        (Assessment,),
    ),
    Target(
        evaluations.ProposalForm,
        lambda w: url("reporting:proposal_create", Evaluation.Kind.MID_TERM),
        "ministry",
        (CommitmentProposal,),
    ),
    Target(
        feedback.FeedbackForm,
        lambda w: url("reporting:feedback_answer", w.feedback_link.token),
        None,
        (FeedbackAnswer,),
    ),
    Target(
        commitments_forms.PlanVersionForm,
        lambda w: url("commitments:plan_version_create"),
        "ministry",
        (PlanVersion,),
    ),
    Target(
        commitments_forms.AmendmentForm,
        lambda w: url("commitments:amendment_create"),
        "ministry",
        (Amendment,),
    ),
]

# Form classes that no person posts through a page, and why.
NOT_FUZZED = {
    organisations_forms.OrganisationRowForm: "checks rows of an imported registry file",
    organisations_forms.OrganisationFacetsForm: "a base class; its subclasses are fuzzed",
    meetings.ConcernsForm: "a base class; DecisionForm and ActionItemForm are fuzzed",
}

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from avoin.models import OutgoingMessage
from commitments.models import Action, Amendment, Evaluation
from organisations.models import (
    Membership,
    NominationReminder,
    NominationRequest,
    NominationRound,
    Organisation,
)
from reporting.activity_kinds import KINDS
from reporting.models import (
    MIN_ANSWERS,
    ActionProgress,
    Activity,
    Evidence,
    FeedbackLink,
    GoodPractice,
    Milestone,
    PeriodReport,
    ReportingPeriod,
    ReportStatus,
)
from reporting.services.activities import measure_and_recommendation

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_2024_round_once(settings, mailoutbox):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        "ministerio" in output.getvalue()
        and "liaison@traficom.example.invalid" in output.getvalue()
    )
    nomination_round = NominationRound.objects.get()
    assert nomination_round.deadline.isoformat() == "2024-02-09"
    requests = nomination_round.requests
    statuses = {status for status in requests.values_list("status", flat=True)}
    assert statuses == {"pending", "confirmed", "new_named", "declined"}
    assert (
        requests.filter(is_late=True).exists()
        and requests.filter(is_late=False, status__in=["confirmed", "new_named"]).exists()
    )
    traficom = requests.get(organisation__abbreviation="Traficom")
    assert traficom.is_late is False  # 23:59 on the deadline day
    assert NominationRequest.objects.filter(channel="email").exists()
    assert Membership.objects.filter(role="viewer").exists()
    assert mailoutbox == []  # replaying the past sends nothing
    # Its emails are recorded as delivered back then, one as bounced; only organisations with
    # an address were reminded, and the record says to which addresses.
    emails = OutgoingMessage.objects.all()
    assert set(emails.values_list("status", flat=True)) == {"sent", "failed"}
    assert not emails.filter(body__contains="sesame=").exists()
    assert not emails.filter(status="failed", body="").exists()  # can be sent again
    reminders = NominationReminder.objects.filter(request__round=nomination_round)
    assert reminders.exists()
    for reminder in reminders.select_related("request__organisation"):
        assert reminder.request.organisation.email in reminder.recipients
    unreachable = Organisation.objects.filter(nomination_requests__round=nomination_round)
    assert not reminders.filter(request__organisation__in=unreachable.unreachable()).exists()
    practices = GoodPractice.objects.all()
    assert practices.count() == 36
    assert set(practices.values_list("status", flat=True)) == set(GoodPractice.Status.values)
    assert set(practices.values_list("language", flat=True)) == {"fi", "sv", "en"}
    kinds = set(practices.values_list("organisations__kind", flat=True))
    assert {"municipality", "wellbeing_county", "state_agency", "ministry"} <= kinds


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG only"):
        call_command("seed_demo")


def test_demo_rounds_reach_every_agency_that_has_an_address(settings, mailoutbox):
    from django.contrib.auth import get_user_model

    from organisations.models import Organisation
    from organisations.services.nominations import nomination_round_send
    from tests.factories import NominationRoundFactory
    from tests.organisations import agency_file

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    demo_round = NominationRound.objects.get()
    asked = Organisation.objects.filter(nomination_requests__round=demo_round)
    assert set(asked.values_list("name_fi", flat=True)) == agency_file.agencies_on(
        demo_round.targets_on
    )

    team = get_user_model().objects.get(username="ministerio")
    new_round = NominationRoundFactory(created_by=team, sent_at=None)
    nomination_round_send(nomination_round=new_round, by=team)
    mailed = {address for message in mailoutbox for address in message.to}
    targets = list(Organisation.objects.asked_in(new_round))
    with_address = {agency.email for agency in targets if agency.email}
    assert with_address and with_address <= mailed
    assert new_round.requests.count() == len(targets)


def test_seed_demo_spreads_progress_unevenly_as_voluntary_reporting_is(settings, mailoutbox):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    reports = PeriodReport.objects.all()
    municipalities = Organisation.objects.of_kind("municipality").active()
    reporting = municipalities.filter(period_reports__isnull=False).distinct()
    assert 0 < reporting.count() < municipalities.count() / 4  # most never report
    periods = ReportingPeriod.objects.filter(reports__isnull=False).distinct()
    assert periods.first().year == 2024 and periods.first().quarter == 1
    latest = ReportingPeriod.objects.latest_closed()
    assert not periods.filter(starts_on__gt=latest.starts_on).exists()
    every_quarter = Organisation.objects.get(name_fi="Espoo")
    assert every_quarter.period_reports.count() == periods.count()
    assert reports.filter(is_late=True).exists() and reports.filter(is_late=False).exists()
    corrected = PeriodReport.history.filter(status=ReportStatus.RETURNED)
    assert corrected.exists()
    assert PeriodReport.objects.get(pk=corrected.first().id).status == ReportStatus.ACCEPTED
    assert reports.filter(status=ReportStatus.SUBMITTED).exists()  # waiting for the team
    assert ActionProgress.objects.count() == Action.objects.count() == 25
    assert ActionProgress.objects.filter(status="delayed").exists()
    assert Milestone.objects.overdue().exists()
    activities = Activity.objects.all()
    assert 200 <= activities.count() <= 1500
    assert set(activities.values_list("kind", flat=True)) >= {
        "national_dialogue",
        "easy_language_item",
        "regional_academy",
        "course_completions",
    }
    typed = activities.exclude(
        kind__in=["course_completions", "event_participation", "minimum_web_content"]
    ).exclude(kind="purchase_invoice_data")
    assert all(title.startswith("DEMO") for title in typed.values_list("title", flat=True))
    derived = activities.filter(kind__in=["minimum_web_content", "purchase_invoice_data"])
    assert all(text.startswith("DEMO") for text in derived.values_list("description", flat=True))
    # Each one is as the service would have saved it: editing one changes nothing unasked.
    for activity in activities.select_related("organisation", "training", "event")[::25]:
        values = {"training": activity.training, "event": activity.event, "language": "fi"}
        assert (activity.measure, activity.recommendation) == measure_and_recommendation(
            organisation=activity.organisation, kind=activity.kind, values=values
        )
        assert KINDS[activity.kind].allows(activity.organisation)
        if KINDS[activity.kind].derived_title:
            assert activity.title == KINDS[activity.kind].title_for(values)
    assert mailoutbox == []
    _demo_evaluation()


def _demo_evaluation():
    """Issue 11: the published mid-term built from the demo progress as of its cut-off,
    feedback with one activity under 5 answers, and one amendment in version 2."""
    mid_term = Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM)
    assert mid_term.is_published and mid_term.summary_fi.startswith("DEMO")
    assert mid_term.published_at.date() > mid_term.cut_off
    kinds = set(Evidence.objects.values_list("kind", flat=True))
    assert {"progress", "activities", "action", "feedback"} <= kinds
    answers = sorted(FeedbackLink.objects.annotate(n=Count("answers")).values_list("n", flat=True))
    assert answers[0] < MIN_ANSWERS <= answers[-1]
    [amendment] = Amendment.objects.all()
    assert amendment.version.number == 2 and amendment.after_mid_term
    assert "DEMO" in amendment.target.text_fi and "DEMO" not in amendment.wording_before_fi


def test_seed_demo_holds_a_meeting_with_a_frozen_pack_and_schedules_the_next(settings):
    from django.utils import timezone

    from reporting.models import ActionItem, Meeting

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    today = timezone.localdate()
    past, upcoming = Meeting.objects.past(today).get(), Meeting.objects.upcoming(today).get()
    assert past.is_frozen and past.pack_frozen_at.date() < past.held_on
    assert past.pack["sections"]["reports"]["rows"]  # the demo's reports are in it
    assert past.minutes and past.decisions.exists()
    assert not upcoming.is_frozen and upcoming.agenda
    carried = ActionItem.objects.carried_to(upcoming)
    assert carried.count() == 2 and not carried.filter(status="done").exists()


def test_seed_demo_at_a_small_scale_is_repeatable_and_idempotent(settings, mailoutbox, monkeypatch):
    """--scale 2 with the practices per scale turned down: the shape, not the volume."""
    from avoin.demo import scale

    settings.DEBUG = True
    monkeypatch.setattr(scale, "PRACTICES_PER_SCALE", 60)
    call_command("seed_demo", "--scale", "2", stdout=io.StringIO())
    practices = GoodPractice.objects.filter(created_by__username=scale.SCALE_USER)
    first = list(practices.order_by("pk").values_list("title", "language", "status"))
    output = io.StringIO()
    call_command("seed_demo", "--scale", "2", stdout=output)
    assert "nothing added" in output.getvalue()
    assert list(practices.order_by("pk").values_list("title", "language", "status")) == first
    with pytest.raises(CommandError):
        call_command("seed_demo", "--scale", "3", stdout=io.StringIO())
    published = practices.filter(status="published")
    assert published.count() == 120
    assert set(published.values_list("language", flat=True)) == {"fi", "sv", "en"}
    assert published.filter(organisations__isnull=True).count() == 0
    assert published.exclude(title_en="").exists()
    # Every closed period has reports, not every organisation every period.
    periods = ReportingPeriod.objects.filter(reports__isnull=False).distinct()
    counts = [PeriodReport.objects.filter(period=p).count() for p in periods]
    assert len(counts) >= 8 and max(counts) < Organisation.objects.active().count()
    assert Activity.objects.count() > 1000
    assert NominationRound.objects.count() == 3  # 2024's and two earlier ones
    assert NominationRequest.objects.filter(round__title_en__startswith="DEMO").count() == (
        2 * Organisation.objects.active().count()
    )

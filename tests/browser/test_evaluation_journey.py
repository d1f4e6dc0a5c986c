"""Journey C, steps 7–8 (issue 11): the team drafts the mid-term evaluation with evidence from
the records as of its cut-off date and publishes it; a participant gives anonymous feedback on
a dialogue; the public report shows it. In Finnish and Swedish, axe-core on every page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from avoin.formats import finnish_date
from commitments.models import Evaluation, Measure, RatingLevel
from organisations.models import Organisation
from reporting.forms.evaluations import AssessmentForm, EvaluationForm
from reporting.models import Accessible, AnswerLanguage, Influence, InTime, ReportStatus
from tests.browser.steps import sign_in_with_password, t
from tests.factories import (
    ActivityFactory,
    FeedbackAnswerFactory,
    FeedbackLinkFactory,
    MinistryTeamUserFactory,
    PeriodReportFactory,
    ProgressEntryFactory,
    period,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url(site, language, name, *args):
    with translation.override(language):
        return site + reverse(name, args=args)


def label(language, form_class, name):
    with translation.override(language):
        return str(form_class.base_fields[name].label)


def press(page, language, button):
    page.get_by_role("button", name=t(language, button)).click()
    page.wait_for_load_state()


def choose(page, language, legend, choice):
    page.get_by_role("group", name=t(language, legend)).get_by_label(t(language, choice)).check()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_mid_term_is_drafted_published_and_shows_participants_feedback(
    site, new_page, axe_check, language
):
    team = MinistryTeamUserFactory()
    espoo = Organisation.objects.get(kind="municipality", code="049")
    accepted = timezone.make_aware(datetime.datetime(2025, 4, 10, 12))
    report = PeriodReportFactory(
        organisation=espoo,
        period=period(2025, 1),
        status=ReportStatus.ACCEPTED,
        submitted_at=accepted,
        reviewed_at=accepted,
    )
    ProgressEntryFactory(report=report, status="done")
    dialogue = ActivityFactory(
        organisation=espoo, title="Espoon nuorisodialogi", period=period(2025, 1)
    )
    link = FeedbackLinkFactory(activity=dialogue, created_by=team)
    FeedbackAnswerFactory.create_batch(4, link=link)  # four answers so far: not shown yet
    limited = RatingLevel.objects.get(scale__code="irm_completion", code="limited")

    # The team sets the cut-off date and writes a finding with evidence.
    page = new_page()
    sign_in_with_password(page, site, language, team.username)
    page.goto(url(site, language, "reporting:evaluation_workspace_list"))
    axe_check(page)
    with translation.override(language):
        mid_term_name = str(Evaluation.Kind.MID_TERM.label)
    page.get_by_role("link", name=f"{mid_term_name} 2025").click()
    axe_check(page)
    page.get_by_role("link", name=t(language, "Cut-off date and summary")).click()
    page.get_by_label(label(language, EvaluationForm, "cut_off")).fill(
        finnish_date(timezone.localdate())
    )
    page.get_by_label(label(language, EvaluationForm, "summary_fi"), exact=True).fill(
        "Tavoitteet ovat toteutuneet **osin**."
    )
    axe_check(page)
    press(page, language, "Save")
    page.goto(
        url(
            site,
            language,
            "reporting:assessment_update",
            "mid_term",
            "measure",
            "1.1",
            "goal_achievement",
        )
    )
    axe_check(page)
    page.get_by_label(label(language, AssessmentForm, "finding_fi")).fill(
        "Dialogeja on järjestetty, ja raportit kertovat edistymisestä."
    )
    with translation.override(language):
        rating_label = str(limited.label)
    page.get_by_label(t(language, "Rating")).select_option(label=rating_label)
    page.locator("input[name=evidence][value='progress:R1.1-p2']").check()
    page.locator(f"input[name=evidence][value='feedback:{dialogue.pk}']").check()
    press(page, language, "Save")
    axe_check(page)
    press(page, language, "Publish the evaluation")
    axe_check(page)
    assert Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM).is_published

    # A participant answers the dialogue's feedback form, without signing in.
    participant = new_page()
    participant.goto(url(site, language, "reporting:feedback_answer", link.token))
    axe_check(participant)
    choose(participant, language, "Did the materials arrive in time?", InTime.YES.label)
    participant.get_by_label(t(language, "How many days before?")).fill("7")
    choose(
        participant,
        language,
        "Could participants still influence the decision?",
        Influence.PARTLY.label,
    )
    choose(participant, language, "Was it accessible?", Accessible.YES.label)
    choose(
        participant, language, "In which language did you take part?", AnswerLanguage.SWEDISH.label
    )
    participant.wait_for_timeout(3100)  # a person takes longer than a script
    press(participant, language, "Send the answer")
    assert participant.get_by_text(t(language, "Your answer was received.")).is_visible()
    axe_check(participant)

    # The public report shows the finding, its evidence and, now from five answers, the figures.
    public = new_page()
    public.goto(url(site, language, "reporting:evaluation_report", "mid_term"))
    axe_check(public)
    text = public.content()
    assert "Dialogeja on järjestetty" in text
    assert "R1.1-p2" in text
    quality = public.get_by_role("table", name=t(language, "By measure"))
    row = quality.get_by_role("row").filter(has_text=Measure.objects.get(number="1.1").number)
    assert "5" in row.inner_text() and "100 %" in row.inner_text()
    home = new_page()
    home.goto(f"{site}/{language}/")
    assert home.get_by_role("link", name=t(language, "Read the evaluation report")).is_visible()

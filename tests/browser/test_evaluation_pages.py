"""axe-core, and no sideways scrolling at 390 px, on the pages of issue 11 that the journey does
not pass through: the plan's versions and their forms (errors shown), the proposals form, the
organiser's feedback page, the team's feedback results and the feedback form with errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from commitments.models import (
    AmendmentKind,
    Evaluation,
    PlanVersion,
    Programme,
    Recommendation,
)
from commitments.versioning import amendment_record
from organisations.models import Organisation
from tests.browser.steps import sign_in_with_password, t
from tests.factories import (
    ActivityFactory,
    FeedbackAnswerFactory,
    FeedbackLinkFactory,
    MinistryTeamUserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url(site, language, name, *args):
    with translation.override(language):
        return site + reverse(name, args=args)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_versions_and_feedback_pages_are_accessible(site, new_page, axe_check, language):
    team = MinistryTeamUserFactory()
    version = PlanVersion.objects.create(
        programme=Programme.objects.get(),
        number=2,
        effective_from=datetime.date(2025, 12, 1),
        title_fi="Puoliväliarvioinnin jälkeen",
        evaluation=Evaluation.objects.get(kind=Evaluation.Kind.MID_TERM),
    )
    recommendation = Recommendation.objects.get(code="R1.1-p2")
    amendment_record(
        version=version,
        kind=AmendmentKind.REWORDED,
        target=recommendation,
        reason={"fi": "Puoliväliarvioinnin ehdotus."},
        wording={"fi": "Uusi sanamuoto."},
        by=team,
    )
    dialogue = ActivityFactory(
        organisation=Organisation.objects.get(kind="municipality", code="049")
    )
    link = FeedbackLinkFactory(activity=dialogue, created_by=team)
    FeedbackAnswerFactory.create_batch(6, link=link)
    small = FeedbackLinkFactory(created_by=team)
    FeedbackAnswerFactory.create_batch(2, link=small)

    public = new_page()
    for path in (
        url(site, language, "commitments:plan_versions"),
        url(site, language, "commitments:recommendation_detail", recommendation.code),
    ):
        assert public.goto(path).status == 200, path
        axe_check(public)
    public.goto(url(site, language, "reporting:feedback_answer", link.token))
    public.get_by_role("button", name=t(language, "Send the answer")).click()
    public.wait_for_load_state()
    assert public.locator(".error-summary").is_visible()
    axe_check(public)

    page = new_page()
    sign_in_with_password(page, site, language, team.username)
    for name, args in (
        ("commitments:plan_version_create", []),
        ("commitments:amendment_create", []),
        ("reporting:proposal_create", ["mid_term"]),
        ("reporting:evaluation_update", ["mid_term"]),
    ):
        page.goto(url(site, language, name, *args))
        page.get_by_role("button", name=t(language, "Save")).click()
        page.wait_for_load_state()
        axe_check(page)
    for name, args in (
        ("reporting:feedback_link", [dialogue.pk]),
        ("reporting:feedback_results", []),
        ("reporting:evaluation_workspace", ["final"]),
    ):
        assert page.goto(url(site, language, name, *args)).status == 200
        axe_check(page)

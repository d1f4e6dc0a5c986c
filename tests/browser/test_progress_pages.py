"""axe-core on the progress pages with figures in them: the public overview and the sections on
programme pages, and the team's pages on its own actions (issue 9)."""

import pytest

from avoin.links import reverse_in
from tests.browser.steps import PASSWORD, sign_in_with_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


# The right edge of whatever sticks out of the viewport: on the programme pages only the
# progress sections are checked (their other tables are issue 7's), elsewhere everything.
OVERFLOW = """(scope) => {
  const width = document.documentElement.clientWidth;
  const inside = [...document.querySelectorAll(scope)].flatMap(
    (element) => [element, ...element.querySelectorAll('*')]);
  return inside.filter((element) => !element.closest('.table-scroll > *'))
    .map((element) => element.getBoundingClientRect().right - width)
    .reduce((most, over) => Math.max(most, Math.round(over)), 0);
}"""


def fits_a_phone(page, scope="main"):
    """At 390 px nothing in `scope` sticks out sideways: wide tables scroll in their own
    region, charts shrink."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    overflow = page.evaluate(OVERFLOW, scope)
    page.set_viewport_size(size)
    assert overflow <= 0, f"{page.url}: {scope} sticks out by {overflow} px at 390 px"


def with_figures():
    """Accepted reports, activities, and one action with progress and milestones."""
    from commitments.models import Action
    from reporting.models import ReportingPeriod
    from reporting.services import actions as action_services
    from tests.factories import MilestoneFactory, MinistryTeamUserFactory
    from tests.reporting.progress_data import reporting_municipalities

    latest = ReportingPeriod.objects.latest_closed()
    reporting_municipalities(latest, 5)
    ministry_user = MinistryTeamUserFactory(password=PASSWORD)
    action = Action.objects.get(code="1.1.a1")
    action_services.action_progress_update(
        action=action,
        values={"status": "delayed", "completion": "limited"},
        by=ministry_user,
        period=latest,
        note_fi="Koulutus siirtyi.",
    )
    MilestoneFactory(action=action, due_on=latest.starts_on)
    return ministry_user


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_progress_pages_are_accessible(site, page, axe_check, language):
    with_figures()
    for name, args, charts, scope in (
        ("reporting:progress_overview", [], True, "main"),
        ("commitments:recommendation_detail", ["R1.1-p2"], True, ".progress-section"),
        ("commitments:measure_detail", ["1.1"], False, ".progress-section"),
        ("commitments:action_detail", ["1.1.a1"], False, ".progress-section"),
    ):
        path = reverse_in(language, name, args=args)
        response = page.goto(site + path)
        assert response.status == 200, path
        assert bool(page.locator("svg.coverage-chart").count()) == charts, path
        axe_check(page)
        fits_a_phone(page, scope)
    # The period chooser works without JavaScript and keeps the page accessible.
    page.goto(site + reverse_in(language, "reporting:progress_overview"))
    page.locator("#id_period").select_option(index=1)
    page.locator("form.period-chooser button[type=submit]").click()
    page.wait_for_load_state()
    assert "period=" in page.url
    axe_check(page)


def test_the_teams_action_pages_are_accessible(site, browser, axe_check):
    ministry_user = with_figures()
    context = browser.new_context()
    page = context.new_page()
    sign_in_with_password(page, site, "fi", ministry_user.username)
    for path in (
        reverse_in("fi", "reporting:action_progress_list"),
        reverse_in("fi", "reporting:action_progress_update", args=["1.1.a1"]),
    ):
        assert page.goto(site + path).status == 200, path
        axe_check(page)
        fits_a_phone(page)
    page.locator("#id_links").fill("ei osoite")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("#id_links_errors").is_visible()
    axe_check(page)
    page.goto(site + reverse_in("fi", "reporting:milestone_create", args=["1.1.a1"]))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 2
    axe_check(page)
    context.close()

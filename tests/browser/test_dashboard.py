"""The progress dashboard in a browser, in Finnish and Swedish: the team opens it from the
navigation, filters it to a wellbeing services county and downloads a table; a working-group
member reads it. axe-core at 1280 and 390 px on every page (issue 10 §1)."""

import csv
import io

import pytest
from django.test import Client
from django.utils import translation

from organisations.models import Organisation
from reporting.forms.dashboard import DashboardFilterForm
from reporting.models import ReportingPeriod
from reporting.presenters.dashboard import Dashboard
from tests.browser.steps import PASSWORD, label, sign_in_with_password, t
from tests.factories import (
    ActionUpdateFactory,
    MilestoneFactory,
    MinistryTeamUserFactory,
    WorkingGroupUserFactory,
)
from tests.reporting.progress_data import report, reporting_municipalities

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_figures():
    """Reports in the latest two closed periods, one from Mikkeli in South Savo; an action's
    update and an overdue milestone."""
    latest = ReportingPeriod.objects.latest_closed()
    before = ReportingPeriod.objects.filter(starts_on__lt=latest.starts_on).last()
    reporting_municipalities(before, 2)
    reporting_municipalities(latest, 4)
    mikkeli = Organisation.objects.get(kind="municipality", name_fi="Mikkeli")
    report(mikkeli, latest, entries={"R1.1-p2": "done"})
    ActionUpdateFactory(period=latest, status="delayed")
    MilestoneFactory(title_fi="Koulutusaineisto valmis", due_on=latest.starts_on)
    return latest


def signed_in_as(page, site, user):
    """The browser carries the session of `user` (working-group members sign in by link)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": site}])


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_team_filters_the_dashboard_and_a_member_reads_it(site, new_page, axe_check, language):
    latest = with_figures()
    team_member = MinistryTeamUserFactory(password=PASSWORD)
    page = new_page(downloads=True)
    sign_in_with_password(page, site, language, team_member.username)

    page.get_by_role("link", name=t(language, "Progress dashboard"), exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{language}/monitoring/")
    assert page.get_by_role("heading", level=1).inner_text() == t(language, "Progress dashboard")
    assert page.locator("svg.tile-map g.tile").count() == 23
    assert page.locator("svg.trend-chart").count() == 2
    axe_check(page)

    # Filtered to South Savo's municipalities: N is theirs, and Mikkeli's report is counted.
    page.get_by_label(label(language, DashboardFilterForm, "kind"), exact=True).select_option(
        "municipality"
    )
    page.get_by_label(label(language, DashboardFilterForm, "county"), exact=True).select_option(
        "12"
    )
    page.get_by_role("button", name=t(language, "Show"), exact=True).click()
    page.wait_for_load_state()
    assert "county=12" in page.url
    south_savo = Organisation.objects.facets(
        kind="municipality", county=Organisation.objects.get(kind="wellbeing_county", code="12")
    )
    total = Dashboard(latest, organisations=south_savo).total.now
    assert (total.reported, total.organisations) == (1, total.organisations)
    coverage = page.locator("#coverage-caption").locator("xpath=ancestor::table")
    assert f"{total.organisations}" in coverage.locator("tr.total").inner_text()
    axe_check(page)

    with page.expect_download() as download:
        page.locator("#coverage-heading").locator("xpath=..").get_by_role(
            "link", name="CSV"
        ).click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    county = Organisation.objects.get(kind="wellbeing_county", code="12")
    with translation.override(language):
        assert rows[0] == [t(language, "Period"), latest.label]
        assert [label(language, DashboardFilterForm, "county"), county.name] in rows[:6]

    # A working-group member reads the same page, with nothing to change on it.
    member_page = new_page()
    signed_in_as(member_page, site, WorkingGroupUserFactory())
    response = member_page.goto(f"{site}/{language}/monitoring/")
    assert response.status == 200
    assert member_page.locator("main form[method=post]").count() == 0
    axe_check(member_page)

"""Journey B: an editor answers the checklist for a quarter, logs a dialogue and an Easy
Language item, and submits; the team returns the report, the editor corrects it, the team
accepts it; the public measure and recommendation pages then count it, with coverage. In
Finnish and Swedish, with axe-core on every page (issue 9)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from avoin.formats import finnish_date
from commitments.models import Recommendation
from organisations.models import Membership, Organisation
from reporting.figures import reporting_coverage
from reporting.models import PeriodReport, ReportingPeriod, ReportStatus
from tests.browser.steps import PASSWORD, sign_in_with_link, sign_in_with_password, t
from tests.browser.test_activity_journey import field
from tests.factories import MinistryTeamUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url(site, language, name, *args):
    with translation.override(language):
        return site + reverse(name, args=args)


def answer(page, language, legend, status, evidence):
    group = page.get_by_role("group", name=legend)
    group.get_by_label(t(language, "Status")).select_option(status)
    group.get_by_label(t(language, "What was done")).fill(evidence)


def press(page, language, button):
    page.get_by_role("button", name=t(language, button)).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_quarter_is_reported_returned_corrected_accepted_and_counted(
    site, new_page, axe_check, mailoutbox, settings, language
):
    settings.SITE_URL = site
    espoo = Organisation.objects.get(kind="municipality", code="049")
    editor = UserFactory(email="osallisuus@espoo.example.invalid")
    Membership.objects.create(user=editor, organisation=espoo, role=Membership.Role.EDITOR)
    period = ReportingPeriod.objects.latest_closed()
    day = finnish_date(period.starts_on + datetime.timedelta(days=10))
    dialogue, easy = (Recommendation.objects.get(code=c) for c in ("R1.1-p2", "R1.2-p3"))
    with translation.override(language):
        dialogue_label, easy_label = dialogue.label, easy.label

    # The editor answers the checklist and logs two activities of the quarter.
    page = new_page()
    sign_in_with_link(page, site, language, editor.email, mailoutbox)
    page.goto(url(site, language, "reporting:report_form", espoo.pk, period.pk))
    axe_check(page)
    answer(page, language, dialogue_label, "done", "Kaksi dialogia.")
    answer(page, language, easy_label, "in_progress", "Kartoitus.")
    press(page, language, "Save")
    axe_check(page)
    page.get_by_role("link", name=t(language, "Log an activity")).click()
    axe_check(page)
    page.get_by_role("link", name=t(language, "National dialogue organised")).click()
    kind = "national_dialogue"
    field(page, language, kind, "title").fill("Nuorten dialogi liikenteestä")
    field(page, language, kind, "happened_on").fill(day)
    field(page, language, kind, "participants").fill("40")
    field(page, language, kind, "results_used_for").select_option("service_development")
    press(page, language, "Save")
    axe_check(page)
    page.goto(url(site, language, "reporting:activity_create", espoo.pk, "easy_language_item"))
    kind = "easy_language_item"
    field(page, language, kind, "title").fill("Päivähoitohakemuksen ohje")
    field(page, language, kind, "happened_on").fill(day)
    field(page, language, kind, "easy_language").select_option("selkokieli")
    field(page, language, kind, "item_status").select_option("prioritised")
    press(page, language, "Save")
    axe_check(page)
    report = PeriodReport.objects.get(organisation=espoo, period=period)
    page.goto(url(site, language, "reporting:report_detail", report.pk))
    press(page, language, "Submit to the Open Government Team")
    assert page.get_by_role("status").is_visible()
    axe_check(page)

    # The team returns it with a note.
    desk = new_page()
    sign_in_with_password(desk, site, language, MinistryTeamUserFactory(password=PASSWORD).username)
    desk.goto(url(site, language, "reporting:report_list"))
    axe_check(desk)
    desk.get_by_role("link", name=espoo.name_fi if language == "fi" else espoo.name_sv).click()
    axe_check(desk)
    desk.get_by_label(t(language, "Return it for changes")).check()
    press(desk, language, "Save the decision")  # without a note: refused, next to the field
    assert (
        desk.get_by_label(t(language, "What should be changed")).get_attribute("aria-invalid")
        == "true"
    )
    axe_check(desk)
    desk.get_by_label(t(language, "Return it for changes")).check()
    desk.get_by_label(t(language, "What should be changed")).fill("Lisää dialogin linkki.")
    press(desk, language, "Save the decision")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED

    # The editor reads the note, corrects and submits again.
    page.goto(url(site, language, "reporting:report_detail", report.pk))
    assert page.get_by_role("note").get_by_text("Lisää dialogin linkki.").is_visible()
    axe_check(page)
    page.get_by_role("link", name=t(language, "Edit the report")).click()
    group = page.get_by_role("group", name=dialogue_label)
    group.get_by_label(t(language, "Links")).fill("https://www.kansallisetdialogit.fi/")
    press(page, language, "Save")
    press(page, language, "Submit to the Open Government Team")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    # The team accepts it; the public pages count it, with coverage beside.
    desk.goto(url(site, language, "reporting:report_detail", report.pk))
    desk.get_by_label(t(language, "Accept the report")).check()
    press(desk, language, "Save the decision")
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED

    public = new_page()
    public.goto(url(site, language, "commitments:measure_detail", "1.1"))
    activities = public.get_by_role("region", name=t(language, "Activities counted"))
    assert t(language, "National dialogue organised") in activities.inner_text()
    assert "40" in activities.inner_text()
    axe_check(public)
    public.goto(url(site, language, "commitments:recommendation_detail", dialogue.code))
    progress = public.get_by_role("region", name=t(language, "Progress reported")).inner_text()
    municipalities = next(
        kind for kind in reporting_coverage(period) if kind.kind == "municipality"
    )
    with translation.override(language):
        counted = ngettext(
            "%(kind)s: %(reported)s of %(total)s organisation of this kind reported",
            "%(kind)s: %(reported)s of %(total)s organisations of this kind reported",
            municipalities.organisations,
        ) % {
            "kind": municipalities.label,
            "reported": 1,
            "total": municipalities.organisations,
        }
    assert counted in progress
    axe_check(public)

"""Journey C, steps 5 and 6 of the team's work: the team schedules a working-group meeting,
opens its pack, finalises it, records a decision and an action item; a working-group member
reads them, the finalised pack and the live figures. In Finnish and Swedish, with axe-core on
every page (issue 10)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from avoin.formats import finnish_date
from reporting.forms.meetings import ActionItemForm, DecisionForm, MeetingForm
from reporting.models import ActionItem, Decision, Meeting, ReportingPeriod
from tests.browser.steps import PASSWORD, label, sign_in_with_password, t
from tests.factories import MeetingFactory, MinistryTeamUserFactory, WorkingGroupUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url(site, language, name, *args):
    with translation.override(language):
        return site + reverse(name, args=args)


def press(page, language, button):
    page.get_by_role("button", name=t(language, button)).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_team_prepares_holds_and_records_a_meeting_the_group_reads_it(
    site, new_page, axe_check, language
):
    period = ReportingPeriod.objects.get(year=2024, quarter=2)
    earlier = MeetingFactory(held_on=datetime.date(2024, 5, 14), period=period)
    ActionItem.objects.create(
        meeting=earlier, text="Kuntakysely valmiiksi.", owner="Avoimen hallinnon tiimi"
    )
    team = MinistryTeamUserFactory(password=PASSWORD)
    member = WorkingGroupUserFactory(password=PASSWORD)
    held_on = datetime.date(2024, 9, 10)

    # The team schedules the meeting from the navigation; a bad date is refused beside it.
    desk = new_page()
    sign_in_with_password(desk, site, language, team.username)
    desk.get_by_role("navigation", name=t(language, "Main")).get_by_role(
        "link", name=t(language, "Working-group meetings")
    ).click()
    axe_check(desk)
    desk.get_by_role("link", name=t(language, "Schedule a meeting")).click()
    axe_check(desk)
    desk.get_by_label(label(language, MeetingForm, "held_on")).fill("31.2.2024")
    desk.get_by_label(label(language, MeetingForm, "place")).fill("Snellmaninkatu 1 A")
    press(desk, language, "Save")
    date_field = desk.get_by_label(label(language, MeetingForm, "held_on"))
    assert date_field.get_attribute("aria-invalid") == "true"
    assert desk.get_by_label(label(language, MeetingForm, "place")).input_value() == (
        "Snellmaninkatu 1 A"
    )
    axe_check(desk)
    date_field.fill(finnish_date(held_on))
    desk.get_by_label(label(language, MeetingForm, "starts_at")).fill("13:00")
    desk.get_by_label(label(language, MeetingForm, "period")).select_option(str(period.pk))
    desk.get_by_label(label(language, MeetingForm, "agenda")).fill(
        "1. Avaus\n2. Seurantapaketti\n3. Jatkotoimenpiteet"
    )
    press(desk, language, "Save")
    meeting = Meeting.objects.get(held_on=held_on)
    assert desk.url == url(site, language, "reporting:meeting_detail", meeting.pk)
    axe_check(desk)

    # The pack: a draft built from the records, with the open item carried over; finalised.
    desk.get_by_role(
        "link", name=t(language, "The pack (draft, built from the records now)")
    ).click()
    assert desk.get_by_role("rowheader", name="Kuntakysely valmiiksi.").is_visible()
    axe_check(desk)
    press(desk, language, "Finalise the pack")
    meeting.refresh_from_db()
    assert meeting.is_frozen
    assert desk.get_by_role("status").is_visible()
    axe_check(desk)
    desk.get_by_role("link", name=t(language, "Show the live figures")).click()
    axe_check(desk)

    # After the meeting: a decision and an action item about one of the team's actions.
    desk.goto(url(site, language, "reporting:meeting_detail", meeting.pk))
    desk.get_by_role("link", name=t(language, "Record a decision")).click()
    axe_check(desk)
    desk.get_by_label(label(language, DecisionForm, "text")).fill(
        "Työryhmä merkitsi seurantapaketin tiedoksi."
    )
    press(desk, language, "Save")
    desk.get_by_role("link", name=t(language, "Record an action item")).click()
    axe_check(desk)
    desk.get_by_label(label(language, ActionItemForm, "text")).fill("Akatemioiden kartta.")
    desk.get_by_label(label(language, ActionItemForm, "owner")).fill("VM")
    desk.get_by_label(label(language, ActionItemForm, "due_on")).fill("30.11.2024")
    desk.get_by_label(label(language, ActionItemForm, "action")).select_option(label="2.2.a3")
    press(desk, language, "Save")
    assert Decision.objects.filter(meeting=meeting).count() == 1
    item = ActionItem.objects.get(meeting=meeting)
    assert item.concerns == "2.2.a3" and item.due_on == datetime.date(2024, 11, 30)
    axe_check(desk)

    # A working-group member reads the meeting and the finalised pack, and edits nothing.
    reader = new_page()
    sign_in_with_password(reader, site, language, member.username)
    reader.goto(url(site, language, "reporting:meeting_list"))
    axe_check(reader)
    reader.get_by_role("link", name=finnish_date(held_on), exact=False).first.click()
    assert reader.get_by_text("Työryhmä merkitsi seurantapaketin tiedoksi.").is_visible()
    assert reader.get_by_role("rowheader", name="Akatemioiden kartta.").is_visible()
    assert reader.get_by_role("link", name=t(language, "Record a decision")).count() == 0
    axe_check(reader)
    reader.get_by_role("link", name=t(language, "Pack"), exact=False).first.click()
    assert reader.get_by_role("button", name=t(language, "Finalise the pack")).count() == 0
    axe_check(reader)
    reader.get_by_role("link", name=t(language, "Show the live figures")).click()
    axe_check(reader)

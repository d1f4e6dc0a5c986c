"""What the round's emails became, where the ministry looks: the round dashboard."""

import io
import itertools
import re

import pytest
from django.core.management import call_command

from avoin.models import OutgoingMessage
from organisations.models import NominationReminder, Organisation
from organisations.services.nominations import nomination_round_send
from tests.factories import NominationRoundFactory
from tests.organisations.rounds import en, pending_rows
from tests.outbox import RefusesRecipient, run_mail_worker, use

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_round(scene):
    """A round sent to every agency; STUK is the only one with addresses (registry, Riitta)."""
    Organisation.objects.exclude(pk=scene.agency.pk).update(email="")
    nomination_round = NominationRoundFactory(created_by=scene.ministry, sent_at=None)
    nomination_round_send(nomination_round=nomination_round, by=scene.ministry)
    return nomination_round


def dashboard(scene, nomination_round, who="ministry", query=""):
    url = en("nomination_round_detail", nomination_round.pk)
    response = scene.client(who).get(f"{url}?{query}")
    return response.context["dashboard"], response.content.decode()


def stuk_row(scene, nomination_round):
    """STUK's row of the pending list and the HTML of its page, on whichever page it falls."""
    for number in itertools.count(1):
        board, html = dashboard(scene, nomination_round, query=f"page={number}")
        for row in board.pending:
            if row.request.organisation == scene.agency:
                return row, html
        assert board.pending_page.has_next()


def test_the_dashboard_shows_each_email_queued_then_sent(scene, sent_round):
    stuk, html = stuk_row(scene, sent_round)
    assert [(d.message.recipient, d.kind, d.message.status) for d in stuk.deliveries] == [
        ("kirjaamo@stuk.example.invalid", "request", "queued"),
        ("riitta@stuk.example.invalid", "request", "queued"),
    ]
    assert re.search(r"kirjaamo@stuk.example.invalid: request, <[^>]+>waiting to be sent<", html)
    run_mail_worker()
    _stuk, html = stuk_row(scene, sent_round)
    board, _html = dashboard(scene, sent_round)
    assert dict((status, count) for status, _label, count in board.delivery)["sent"] == 2
    assert re.search(r"kirjaamo@stuk.example.invalid: request, <[^>]+>sent<", html)
    assert "Emails that could not be delivered" not in html


def test_a_bounced_email_is_shown_with_its_reason_and_can_be_sent_again(
    scene, sent_round, settings, mailoutbox
):
    use(settings, RefusesRecipient)
    run_mail_worker()
    board, html = dashboard(scene, sent_round)
    assert len(board.undelivered) == 2
    assert "Emails that could not be delivered" in html
    assert "550 5.1.1 &lt;riitta@stuk.example.invalid&gt;: User unknown" in html
    assert html.count(f'action="{en("nomination_round_list")}') >= 2  # a form for each
    message = board.undelivered[0].message
    resend = en("nomination_message_resend", sent_round.pk, message.pk)
    assert f'action="{resend}"' in html

    # The working group sees what failed, but neither the addresses nor the button.
    _board, wg_html = dashboard(scene, sent_round, "working_group")
    assert "User unknown" in wg_html and resend not in wg_html
    assert "riitta@stuk.example.invalid:" not in wg_html

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = scene.client("ministry").post(resend, follow=True)
    assert "is queued again" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[message.recipient]]
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT

    again = scene.client("ministry").post(resend, follow=True)
    assert "had not failed" in again.content.decode()


def test_a_message_of_another_round_cannot_be_resent_through_this_one(scene, sent_round):
    other = NominationRoundFactory(created_by=scene.ministry)
    message = OutgoingMessage.objects.about(sent_round.requests.all()).first()
    url = en("nomination_message_resend", other.pk, message.pk)
    assert scene.client("ministry").post(url).status_code == 404


def test_unreachable_organisations_get_no_reminder_and_are_listed_as_needing_an_address(
    scene, sent_round, mailoutbox
):
    run_mail_worker()
    call_command(
        "send_nomination_reminders",
        "--today",
        "2024-02-02",
        "--days-before",
        "7",
        stdout=io.StringIO(),
    )
    reminders = NominationReminder.objects.filter(request__round=sent_round)
    assert [r.request.organisation for r in reminders] == [scene.agency]  # only the reachable
    addresses = "kirjaamo@stuk.example.invalid, riitta@stuk.example.invalid"
    assert reminders.get().recipients == addresses
    reminded = [m for m in mailoutbox if m.subject.startswith(f"Muistutus: {sent_round.title},")]
    assert sorted(m.to[0] for m in reminded) == [
        "kirjaamo@stuk.example.invalid",
        "riitta@stuk.example.invalid",
    ]

    board, html = dashboard(scene, sent_round)
    unreachable = Organisation.objects.filter(nomination_requests__round=sent_round).unreachable()
    assert board.needs_address_count == unreachable.count()
    assert "Organisations that need an email address" in html
    assert "?pending=unreachable#pending-heading" in html
    # The link lists exactly them, a page at a time.
    listed = pending_rows(scene.client("ministry"), sent_round, "pending=unreachable")
    assert {row.request.organisation_id for row in listed} == set(
        unreachable.values_list("pk", flat=True)
    )
    assert all(row.unreachable for row in listed)
    for row in pending_rows(scene.client("ministry"), sent_round):
        if row.unreachable:
            assert row.request.reminder_count == 0 and row.deliveries == []
    stuk, _html = stuk_row(scene, sent_round)
    assert [d.kind for d in stuk.deliveries] == ["request", "request", "reminder", "reminder"]

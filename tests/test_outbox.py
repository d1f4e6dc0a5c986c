"""The mail outbox: queued with the change, sent by the worker, retried, never twice, no tokens."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from avoin.concurrency import StaleEdit
from avoin.links import reverse_in
from avoin.mail import send_templated_mail
from avoin.models import OutgoingMessage
from avoin.outbox import deliver_message, failure_reason, message_resend
from avoin.services import sign_in_link_send
from avoin.workflow import StaleTransition
from organisations.models import ContactPerson, Organisation
from organisations.services.nominations import nomination_answer, nomination_round_send
from reporting.services.practices import good_practice_return
from tests.factories import (
    ContactPersonFactory,
    GoodPracticeFactory,
    MembershipFactory,
    MinistryTeamUserFactory,
    NominationRequestFactory,
    NominationRoundFactory,
    OrganisationFactory,
)
from tests.outbox import (
    FlakyBackend,
    NoSmtpWork,
    RefusesRecipient,
    RelayDown,
    run_mail_worker,
    time_passes,
    use,
)

pytestmark = pytest.mark.django_db


def queue_one(to="kirjaamo@example.invalid"):
    send_templated_mail(
        to=[to],
        template="practice_returned",
        context={"practice": {"title": "Nuorisovaltuusto"}, "note": "Lisää tuloksia", "url": "/"},
        language="fi",
    )
    return OutgoingMessage.objects.latest("pk")


# --- Transactions --------------------------------------------------------------------------------


def test_messages_are_queued_with_their_job_and_sent_only_by_the_worker():
    message = queue_one()
    assert message.status == OutgoingMessage.Status.QUEUED and mail.outbox == []
    assert DBTaskResult.objects.filter(args_kwargs__args=[message.pk]).count() == 1
    assert run_mail_worker() == 1
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT and message.sent_at is not None
    assert [m.to for m in mail.outbox] == [["kirjaamo@example.invalid"]]
    assert mail.outbox[0].subject == message.subject


def test_a_rolled_back_round_queues_and_sends_nothing(settings):
    use(settings, NoSmtpWork)
    nomination_round = NominationRoundFactory(sent_at=None)
    Organisation.objects.filter(name_fi="Verohallinto").update(email="kirjaamo@vero.example")
    with pytest.raises(RuntimeError), transaction.atomic():
        nomination_round_send(nomination_round=nomination_round, by=nomination_round.created_by)
        assert OutgoingMessage.objects.exists()  # queued inside the transaction...
        raise RuntimeError("something later in the same transaction fails")
    assert not OutgoingMessage.objects.exists()  # ...and gone with it
    assert not DBTaskResult.objects.exists()
    assert run_mail_worker() == 0 and mail.outbox == []


def test_a_refused_answer_queues_no_receipt():
    request = NominationRequestFactory(organisation__email="kirjaamo@example.invalid")
    editor = MembershipFactory(organisation=request.organisation).user
    with pytest.raises(StaleEdit):  # someone else answered first
        nomination_answer(
            nomination_request=request, by=editor, action="confirm", expected_version=7
        )
    with pytest.raises(ValidationError):  # nobody on record to confirm
        nomination_answer(
            nomination_request=request, by=editor, action="confirm", expected_version=0
        )
    assert not OutgoingMessage.objects.exists()


def test_a_stale_moderation_queues_no_mail():
    practice = GoodPracticeFactory(status="draft")  # only submitted practices can be returned
    with pytest.raises(StaleTransition):
        good_practice_return(practice=practice, by=MinistryTeamUserFactory(), note="Korjaa")
    assert not OutgoingMessage.objects.exists()


# --- Retries and failures ------------------------------------------------------------------------


def test_temporary_failures_are_retried_with_backoff_until_sent(settings):
    use(settings, FlakyBackend)
    FlakyBackend.failures = 2
    message = queue_one()
    before = timezone.now()
    run_mail_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingMessage.Status.QUEUED, 1)
    assert "SMTPServerDisconnected" in message.error
    assert message.send_after >= before + datetime.timedelta(minutes=1)  # MAIL_RETRY_DELAYS[0]
    assert run_mail_worker() == 0  # the retry waits for its time
    time_passes()
    run_mail_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingMessage.Status.QUEUED, 2)
    assert message.send_after >= timezone.now() + datetime.timedelta(minutes=4)  # the 2nd delay
    time_passes()
    run_mail_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts, message.error) == ("sent", 3, "")
    assert len(mail.outbox) == 1


def test_a_round_reaches_everyone_with_an_address_after_the_relay_comes_back(settings):
    use(settings, RelayDown)
    RelayDown.down = True
    nomination_round = NominationRoundFactory(
        sent_at=None, target_kinds=[Organisation.Kind.OTHER], deadline=datetime.date(2030, 1, 1)
    )
    reachable = [
        OrganisationFactory(kind=Organisation.Kind.OTHER, email=f"kirjaamo{n}@example.invalid")
        for n in range(3)
    ]
    OrganisationFactory(kind=Organisation.Kind.OTHER, email="")  # nobody to write to
    nomination_round_send(nomination_round=nomination_round, by=nomination_round.created_by)
    for _hour in range(3):  # the relay is down for three attempts
        run_mail_worker()
        time_passes()
    assert mail.outbox == []
    assert set(OutgoingMessage.objects.values_list("status", flat=True)) == {"queued"}
    RelayDown.down = False
    run_mail_worker()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(o.email for o in reachable)
    assert set(OutgoingMessage.objects.values_list("status", flat=True)) == {"sent"}
    assert set(OutgoingMessage.objects.values_list("attempts", flat=True)) == {4}


def test_a_refused_recipient_fails_at_once_with_the_reason(settings):
    use(settings, RefusesRecipient)
    message = queue_one("gone@example.invalid")
    run_mail_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingMessage.Status.FAILED, 1)
    assert message.error == "550 5.1.1 <gone@example.invalid>: User unknown"
    time_passes()
    assert run_mail_worker() == 0  # no more attempts


def test_after_the_last_retry_the_message_fails(settings):
    use(settings, RelayDown)
    RelayDown.down = True
    settings.MAIL_RETRY_DELAYS = [1, 5]
    message = queue_one()
    for _attempt in range(5):
        run_mail_worker()
        time_passes()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingMessage.Status.FAILED, 3)
    assert message.error == "ConnectionRefusedError: [Errno 111] Connection refused"


def test_a_failed_message_can_be_sent_again(settings):
    use(settings, RefusesRecipient)
    message = queue_one()
    run_mail_worker()
    use(settings, LocmemBackend)
    assert message_resend(message=message, by=MinistryTeamUserFactory()) is True
    assert (message.status, message.attempts, message.error) == ("queued", 0, "")
    assert message_resend(message=message, by=None) is False  # only failed ones
    run_mail_worker()
    message.refresh_from_db()
    assert message.status == OutgoingMessage.Status.SENT and len(mail.outbox) == 1


@pytest.mark.parametrize(
    "error, temporary, reason",
    [
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), True, "Connection"),
        (ConnectionRefusedError(111, "Connection refused"), True, "Connection refused"),
        (TimeoutError("timed out"), True, "timed out"),
        (smtplib.SMTPRecipientsRefused({"a@x": (450, b"4.2.2 Mailbox full")}), True, "450"),
        (smtplib.SMTPRecipientsRefused({"a@x": (550, b"5.1.1 User unknown")}), False, "550"),
        (smtplib.SMTPDataError(554, b"5.7.1 Message rejected"), False, "554 5.7.1"),
        (smtplib.SMTPDataError(451, b"4.3.0 Try again later"), True, "451"),
        (smtplib.SMTPAuthenticationError(535, b"5.7.8 Bad credentials"), True, "535"),
        (smtplib.SMTPSenderRefused(553, b"5.7.1 Sender refused", "avoin@x"), True, "553"),
        (OperationalError("database is locked"), True, "OperationalError"),
        (ValueError("Header values may not contain linefeed"), False, "ValueError"),
    ],
)
def test_failures_are_sorted_into_temporary_and_permanent(error, temporary, reason):
    is_temporary, text = failure_reason(error)
    assert is_temporary is temporary and reason in text and len(text) <= 200


def test_reasons_never_carry_a_token():
    # A server's reply quoting a sign-in link: text to redact, not an address to open.
    error = smtplib.SMTPDataError(554, b"rejected: http://x/fi/accounts/link/?sesame=SECRET&n=1")
    assert "SECRET" not in failure_reason(error)[1]


# --- Never twice ---------------------------------------------------------------------------------


def test_a_job_that_runs_twice_sends_once():
    message = queue_one()
    deliver_message.enqueue(message.pk)  # a duplicate job
    assert run_mail_worker() == 2
    assert len(mail.outbox) == 1


def test_a_worker_restart_after_sending_does_not_send_again():
    """The worker sent the message, then stopped before recording its job as done: the job runs
    again when the worker restarts, and finds the message sent."""
    message = queue_one()
    assert deliver_message.call(message.pk) == "sent"  # what the stopped worker did
    assert run_mail_worker() == 1  # the restarted worker runs the job again
    assert len(mail.outbox) == 1


def test_an_interrupted_send_is_queued_again_once(settings):
    message = queue_one()
    stale = timezone.now() - datetime.timedelta(minutes=settings.MAIL_SENDING_TIMEOUT + 1)
    OutgoingMessage.objects.filter(pk=message.pk).update(status="sending", claimed_at=stale)
    DBTaskResult.objects.update(status="RUNNING")  # the worker died with the job in hand
    output = io.StringIO()
    call_command("requeue_interrupted_mail", stdout=output)
    call_command("requeue_interrupted_mail", stdout=io.StringIO())
    assert "1 interrupted emails queued again" in output.getvalue()
    run_mail_worker()
    message.refresh_from_db()
    assert message.status == "sent" and len(mail.outbox) == 1


def test_a_message_being_sent_now_is_left_alone():
    message = queue_one()
    OutgoingMessage.objects.filter(pk=message.pk).update(
        status="sending", claimed_at=timezone.now()
    )
    call_command("requeue_interrupted_mail", stdout=io.StringIO())
    assert OutgoingMessage.objects.get(pk=message.pk).status == "sending"


# --- Sign-in links -------------------------------------------------------------------------------


def sign_in_member():
    return MembershipFactory().user


def test_sign_in_links_go_out_at_once_and_are_never_stored(django_capture_on_commit_callbacks):
    user = sign_in_member()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert sign_in_link_send(email=user.email, language="fi")
    message = OutgoingMessage.objects.get()
    assert message.urgent and message.carries_sign_in_link and message.link_user == user
    assert "sesame=" not in message.body and "[[avoin:sign-in-link]]" in message.body
    for callback in callbacks:  # the commit: sent from the request, no worker needed
        callback()
    assert (
        len(mail.outbox) == 1 and reverse_in("fi", "login_link") + "?sesame=" in mail.outbox[0].body
    )
    message.refresh_from_db()
    assert message.status == "sent" and message.body == ""
    assert (message.recipient, message.subject, message.template) == (
        user.email,
        mail.outbox[0].subject,
        "sign_in_link",
    )
    assert not OutgoingMessage.objects.filter(body__contains="sesame=").exists()
    assert not [job for job in DBTaskResult.objects.all() if "sesame" in str(job.args_kwargs)]
    run_mail_worker()  # its job finds it sent
    assert len(mail.outbox) == 1


def test_a_link_is_made_when_sent_so_a_late_message_still_has_a_fresh_one(settings):
    use(settings, FlakyBackend)
    FlakyBackend.failures = 1
    user = sign_in_member()
    sign_in_link_send(email=user.email, language="sv")
    run_mail_worker()
    time_passes()
    run_mail_worker()
    assert (
        len(mail.outbox) == 1 and reverse_in("sv", "login_link") + "?sesame=" in mail.outbox[0].body
    )
    assert OutgoingMessage.objects.get().body == ""


def test_a_deactivated_account_gets_no_link(settings):
    user = sign_in_member()
    sign_in_link_send(email=user.email, language="fi")
    user.is_active = False
    user.save()
    run_mail_worker()
    message = OutgoingMessage.objects.get()
    assert message.status == "failed" and "not active" in message.error and mail.outbox == []


def test_no_link_is_made_for_an_account_that_became_staff_meanwhile():
    user = sign_in_member()
    sign_in_link_send(email=user.email, language="fi")
    user.is_staff = True
    user.save()
    run_mail_worker()
    message = OutgoingMessage.objects.get()
    assert message.status == "failed" and "staff account" in message.error and mail.outbox == []


# --- The round's send: no SMTP, a fixed number of queries ----------------------------------------


def organisations_with_addresses(count):
    organisations = []
    for n in range(count):
        organisation = OrganisationFactory(
            kind=Organisation.Kind.OTHER, email=f"kirjaamo{n}@bench.example.invalid"
        )
        ContactPersonFactory(
            organisation=organisation,
            role=ContactPerson.Role.NETWORK_REPRESENTATIVE,
            email=f"edustaja{n}@bench.example.invalid",
        )
        organisations.append(organisation)
    return organisations


def test_sending_a_round_does_no_smtp_work_and_a_fixed_number_of_queries(settings):
    use(settings, NoSmtpWork)
    team = MinistryTeamUserFactory()
    counts = []
    for size in (5, 40):
        Organisation.objects.filter(kind=Organisation.Kind.OTHER).update(valid_to="2000-01-01")
        organisations_with_addresses(size)
        nomination_round = NominationRoundFactory(
            created_by=team, sent_at=None, target_kinds=[Organisation.Kind.OTHER]
        )
        with CaptureQueriesContext(connection) as queries:
            assert nomination_round_send(nomination_round=nomination_round, by=team) == size
        counts.append(len(queries))
        assert nomination_round.requests.count() == size
        assert OutgoingMessage.objects.about(nomination_round.requests.all()).count() == 2 * size
    # Not a query per organisation: SQLite splits the two bulk inserts (emails, jobs) into
    # batches of some fifty rows; PostgreSQL writes each in one statement.
    batches = 0 if connection.vendor == "postgresql" else 4
    assert counts[0] <= counts[1] <= counts[0] + batches
    assert mail.outbox == []


# --- Operations ----------------------------------------------------------------------------------


def test_the_outbox_report_warns_when_mail_waits_too_long():
    message = queue_one()
    output = io.StringIO()
    call_command("report_mail_outbox", stdout=output)
    assert "queued 1" in output.getvalue()
    OutgoingMessage.objects.filter(pk=message.pk).update(
        send_after=timezone.now() - datetime.timedelta(hours=2)
    )
    with pytest.raises(CommandError, match="is the mail worker"):
        call_command("report_mail_outbox", "--max-wait", "60", stdout=io.StringIO())

"""purge_personal_data removes what ADR 0032 says, history rows included, and nothing else."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from avoin.models import RetentionRun
from organisations.models import ContactPerson, Membership
from tests.factories import ContactPersonFactory, MembershipFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def ended_contact(scene, *, years_ago, name):
    contact = ContactPersonFactory(
        organisation=scene.agency,
        role=ContactPerson.Role.OTHER,
        name=name,
        email=f"{name.split()[0].lower()}@stuk.example.invalid",
        phone="+358 40 123 4567",
        active_from=TODAY - datetime.timedelta(days=365 * years_ago + 400),
    )
    contact.active_to = TODAY - datetime.timedelta(days=365 * years_ago)
    contact.save()  # a second history row: the term ended
    return contact


def removed_membership(scene, *, days):
    membership = MembershipFactory(organisation=scene.agency)
    pk = membership.pk
    membership.delete()
    Membership.history.filter(id=pk).update(history_date=days_ago(days))
    return pk


def unused_invitation(scene, *, days, signed_in=False):
    membership = MembershipFactory(organisation=scene.agency, role=Membership.Role.VIEWER)
    Membership.objects.filter(pk=membership.pk).update(created_at=days_ago(days))
    user = membership.user
    user.last_login = days_ago(1) if signed_in else None
    user.save(update_fields=["last_login"])
    return membership


@pytest.fixture
def held(scene):
    """Personal data of every age, with its history rows."""
    return {
        "old_contact": ended_contact(scene, years_ago=3, name="Vanha Yhteyshenkilö"),
        "recent_contact": ended_contact(scene, years_ago=1, name="Tuore Yhteyshenkilö"),
        "old_membership": removed_membership(scene, days=800),
        "recent_membership": removed_membership(scene, days=100),
        "unused": unused_invitation(scene, days=100),
        "used": unused_invitation(scene, days=100, signed_in=True),
        "fresh": unused_invitation(scene, days=10),
        "old_attempt": AccessAttempt.objects.create(
            username="x", ip_address="10.0.0.1", failures_since_start=1, get_data="", post_data=""
        ),
        "new_log": AccessLog.objects.create(username="y", ip_address="10.0.0.2"),
    }


def age_sign_in_records(held):
    AccessAttempt.objects.filter(pk=held["old_attempt"].pk).update(attempt_time=days_ago(200))


def test_dry_run_tells_and_changes_nothing(scene, held, capsys):
    age_sign_in_records(held)
    call_command("purge_personal_data", "--dry-run")
    out = capsys.readouterr().out
    assert "contact_persons: would remove or anonymise 3" in out  # the row and 2 history rows
    assert "sign_in_records: would remove or anonymise 1" in out
    assert "unused_invitations: would remove or anonymise 3" in out  # + history row, account
    assert ContactPerson.objects.get(pk=held["old_contact"].pk).name == "Vanha Yhteyshenkilö"
    assert not RetentionRun.objects.exists()


def test_purge_removes_what_has_passed_its_time_and_keeps_the_rest(
    scene, held, capsys, security_events
):
    age_sign_in_records(held)
    contacts_before = ContactPerson.objects.filter(organisation=scene.agency).count()
    call_command("purge_personal_data")

    old = ContactPerson.objects.get(pk=held["old_contact"].pk)
    assert (old.name, old.email, old.phone, old.title) == ("–", "", "", "")
    assert old.role == ContactPerson.Role.OTHER and old.active_to is not None
    old_history = ContactPerson.history.filter(id=old.pk)
    assert old_history.count() == 2
    assert set(old_history.values_list("name", "email", "phone")) == {("–", "", "")}
    recent = ContactPerson.history.filter(id=held["recent_contact"].pk)
    assert set(recent.values_list("name", flat=True)) == {"Tuore Yhteyshenkilö"}
    assert ContactPerson.objects.filter(organisation=scene.agency).count() == contacts_before

    assert not Membership.history.filter(id=held["old_membership"]).exists()
    assert Membership.history.filter(id=held["recent_membership"]).count() == 2

    unused = held["unused"]
    assert not Membership.objects.filter(pk=unused.pk).exists()
    assert not Membership.history.filter(id=unused.pk).exists()
    assert not get_user_model().objects.filter(pk=unused.user_id).exists()
    assert Membership.objects.filter(pk__in=[held["used"].pk, held["fresh"].pk]).count() == 2
    assert Membership.objects.filter(user=scene.editor).exists()

    assert not AccessAttempt.objects.filter(pk=held["old_attempt"].pk).exists()
    assert AccessLog.objects.filter(pk=held["new_log"].pk).exists()

    run = RetentionRun.objects.get()
    assert run.counts["contact_persons"] == 3 and run.counts["sign_in_records"] == 1
    assert run.counts["ended_memberships"] == 2
    assert run.counts["unused_invitations"] == 3  # as the dry run said
    purged = [e for e in security_events if e["event"] == "personal_data.purged"]
    assert purged and purged[0]["counts"] == run.counts


def test_a_second_run_finds_nothing_more(scene, held, capsys):
    age_sign_in_records(held)
    call_command("purge_personal_data")
    capsys.readouterr()
    call_command("purge_personal_data")
    assert "total: removed or anonymised 0" in capsys.readouterr().out
    assert RetentionRun.objects.count() == 2


def test_purge_clears_old_feedback_comments_and_keeps_the_answers(db, capsys):
    from reporting.models import FeedbackAnswer
    from tests.factories import FeedbackAnswerFactory

    old = FeedbackAnswerFactory(comment="Kiitos, Maija Meikäläinen hoiti hyvin.")
    recent = FeedbackAnswerFactory(link=old.link, comment="Hyvä tilaisuus.")
    FeedbackAnswer.objects.filter(pk=old.pk).update(created_at=days_ago(3 * 365 + 1))
    call_command("purge_personal_data", "--dry-run")
    assert "feedback_comments: would remove or anonymise 1" in capsys.readouterr().out
    call_command("purge_personal_data")
    call_command("purge_personal_data")  # nothing more the second time
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.comment == "" and old.materials_in_time == "yes"  # the figures keep the answer
    assert recent.comment == "Hyvä tilaisuus."
    assert RetentionRun.objects.order_by("pk").last().counts["feedback_comments"] == 0

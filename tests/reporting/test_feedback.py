"""People hear what happened to what they sent (issue 7, item 16)."""

import pytest
from django.urls import reverse
from django.utils import translation

from avoin.links import reverse_in
from organisations.models import NominationRequest
from reporting.models import PracticeStatus

pytestmark = pytest.mark.django_db


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_submitting_tells_the_team_and_the_submitter_what_happens_next(practice_scene, mailoutbox):
    draft = practice_scene.draft
    response = practice_scene.client("editor").post(
        en("reporting:practice_submit", draft.pk), follow=True
    )
    assert "publishes it or returns it to you with a note" in response.content.decode()
    to_team = [message for message in mailoutbox if practice_scene.ministry.email in message.to]
    assert len(to_team) == 1 and draft.title in to_team[0].subject
    assert reverse_in("fi", "reporting:practice_moderate", args=[draft.pk]) in to_team[0].body


def test_the_submitter_hears_when_the_practice_is_published(practice_scene, mailoutbox):
    submitted = practice_scene.submitted
    practice_scene.client("ministry").post(
        en("reporting:practice_moderate", submitted.pk), {"action": "publish"}
    )
    submitted.refresh_from_db()
    assert submitted.status == PracticeStatus.PUBLISHED
    message = next(m for m in mailoutbox if m.to == [practice_scene.editor.email])
    assert "julkaistu" in message.subject or submitted.title in message.subject
    assert (
        reverse_in("fi", "reporting:practice_detail", args=[submitted.pk]) in message.body
    )  # the practice's own language


def test_an_answer_the_team_records_is_worded_as_the_teams(scene, mailoutbox):
    data = {
        "action": "confirm",
        "version": 0,
        "channel": "email",
        "received_at": "2024-02-05T10:00",
        "representative_language": "fi",
        "deputy_language": "fi",
    }
    url = en("organisations:nomination_request_detail", scene.request.pk)
    response = scene.client("ministry").post(url, data, follow=True)
    html = response.content.decode()
    assert "The answer was recorded on the organisation" in html
    assert "recorded by the Open Government Team" in html
    receipt = next(m for m in mailoutbox if m.to == [scene.agency.email])
    assert "Avoimen hallinnon tiimi on kirjannut" in receipt.body or "recorded" in receipt.body
    assert NominationRequest.objects.get(pk=scene.request.pk).is_on_behalf

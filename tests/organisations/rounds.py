"""What the round tests share: a new representative's form data, English addresses and
answering in a test."""

import datetime

from django.utils import timezone

from avoin.links import reverse_in
from organisations.models import NominationAction, NominationRequest
from organisations.services.nominations import nomination_answer

NEW_PERSON = {
    "action": "name_new",
    "representative_name": "Nina Uusi",
    "representative_title": "Johtava asiantuntija",
    "representative_email": "nina@stuk.example.invalid",
    "representative_phone": "",
    "representative_language": "sv",
    "appointed_by_name": "Petteri Pääjohtaja",
    "appointed_by_title": "Pääjohtaja",
    "appointment_date": "2024-02-05",
    "deputy_name": "",
    "deputy_title": "",
    "deputy_email": "",
    "deputy_phone": "",
    "deputy_language": "fi",
    "decline_reason": "",
}


def en(name, *args):
    """The English address of an organisations page (the round tests read the English texts)."""
    return reverse_in("en", f"organisations:{name}", args=args)


def helsinki(*args):
    return timezone.make_aware(datetime.datetime(*args))


def answer(scene, *, action=NominationAction.CONFIRM, when=None, by=None, **details):
    request = NominationRequest.objects.get(pk=scene.request.pk)
    return nomination_answer(
        nomination_request=request,
        by=by or scene.editor,
        action=action,
        expected_version=request.version,
        answered_at=when,
        **details,
    )


def pending_rows(client, nomination_round, query=""):
    """Every row of the round dashboard's pending list, walking its pages."""
    rows, number = [], 1
    while True:
        url = f"{en('nomination_round_detail', nomination_round.pk)}?{query}&page={number}"
        page = client.get(url).context["dashboard"].pending_page
        rows += page.object_list
        if not page.has_next():
            return rows
        number += 1

"""A view carries out a service call and tells the person how it went (avoin.workflow)."""

from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from avoin.workflow import REFUSED, carry_out


def request():
    made = RequestFactory().post("/")
    made.session = {}
    made._messages = FallbackStorage(made)
    return made


def told(made):
    return [(message.level_tag, str(message)) for message in get_messages(made)]


def test_what_the_service_returns_is_returned_and_the_person_told_it_was_done():
    made = request()
    assert carry_out(made, lambda: 7, done="Lähetetty.") == 7
    assert told(made) == [("success", "Lähetetty.")]


def test_a_refusal_is_told_with_the_services_reasons_and_nothing_else():
    made = request()

    def refuse():
        raise ValidationError(["Kierros on jo lähetetty.", "Tarkista määräaika."])

    assert carry_out(made, refuse, done="Lähetetty.") is REFUSED
    assert told(made) == [("error", "Kierros on jo lähetetty. Tarkista määräaika.")]


def test_without_done_a_success_says_nothing():
    made = request()
    assert carry_out(made, lambda: None) is None
    assert told(made) == []

"""Whom a round asks and reaches: the agencies of its send date, named in the page's language."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from organisations.models import ContactPerson, NominationAction, Organisation
from organisations.services.nominations import nomination_answer
from tests.factories import (
    ContactPersonFactory,
    NominationRequestFactory,
    NominationRoundFactory,
    UserFactory,
)
from tests.organisations import agency_file

pytestmark = pytest.mark.django_db

IN_2026 = datetime.date(2026, 6, 1)


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def asked_names(nomination_round):
    return set(nomination_round.requests.values_list("organisation__name_fi", flat=True))


def test_before_sending_the_page_lists_the_agencies_nobody_can_be_reached_at(scene):
    nomination_round = NominationRoundFactory(created_by=scene.ministry, sent_at=None)
    response = scene.client("ministry").get(
        url("organisations:nomination_round_detail", nomination_round.pk)
    )
    html = response.content.decode()
    asked = agency_file.agencies_on(timezone.localdate())
    with_address = {r["name_fi"] for r in agency_file.rows() if r["registry_email"]}
    reachable = asked & (with_address | {scene.agency.name_fi})
    unreachable = response.context["dashboard"].unreachable_targets
    assert {o.name_fi for o in unreachable} == asked - reachable
    assert f"Of the {len(asked)} organisations asked" in html
    assert f"{len(reachable)} will get the request" in html
    assert f"{len(unreachable)} organisations have neither" in html
    tax = Organisation.objects.get(name_fi="Verohallinto")
    assert url("organisations:contact_create", tax.pk) in html
    assert "/admin/" not in html.split('id="reach-heading"')[1]  # no admin rights, no admin link


def test_a_superuser_also_gets_the_admin_link_for_the_registry_address(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    nomination_round = NominationRoundFactory(sent_at=None)
    html = client.get(url("organisations:nomination_round_detail", nomination_round.pk)).content
    tax = Organisation.objects.get(name_fi="Verohallinto")
    assert reverse("admin:organisations_organisation_change", args=[tax.pk]).encode() in html


def test_a_round_sent_in_2026_asks_the_agencies_of_2026(scene, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: IN_2026)
    nomination_round = NominationRoundFactory(created_by=scene.ministry, sent_at=None)
    scene.client("ministry").post(url("organisations:nomination_round_send", nomination_round.pk))
    assert asked_names(nomination_round) == agency_file.agencies_on(IN_2026)
    assert "Uudenmaan elinvoimakeskus" in asked_names(nomination_round)


def test_a_round_sent_in_2024_asks_the_agencies_of_2024_even_when_sent_again(scene):
    nomination_round = NominationRoundFactory(created_by=scene.ministry)  # sent 17.1.2024
    scene.client("ministry").post(url("organisations:nomination_round_send", nomination_round.pk))
    expected = agency_file.agencies_on(datetime.date(2024, 1, 17))
    assert asked_names(nomination_round) == expected
    assert "Uudenmaan elinkeino-, liikenne- ja ympäristökeskus" in expected


def test_the_swedish_dashboard_names_agencies_and_branches_in_swedish(scene):
    for name_fi in ("Verohallinto", "Poliisihallitus"):
        NominationRequestFactory(
            round=scene.round, organisation=Organisation.objects.get(name_fi=name_fi)
        )
    nomination_answer(
        nomination_request=scene.request,
        by=scene.editor,
        action=NominationAction.CONFIRM,
        expected_version=0,
        answered_at=datetime.datetime(2024, 2, 1, 10, tzinfo=datetime.UTC),
    )
    response = scene.client("working_group").get(
        url("organisations:nomination_round_detail", scene.round.pk, language="sv")
    )
    html = response.content.decode()
    assert 'lang="sv">Skatteförvaltningen<' in html
    assert 'lang="sv">Polisstyrelsen<' in html
    finance = Organisation.objects.get(kind="ministry", abbreviation="VM")
    assert f'VM – <span lang="sv">{finance.name_sv}</span>' in html
    # The chart's coordinates are SVG numbers, never written the Swedish way (32,1).
    assert re.search(r'<rect x="\d+\.\d" y="\d+\.\d"', html)


def test_an_ended_representative_beside_a_current_deputy_reaches_no_one(scene):
    """The round emails current representatives: a former one does not make an organisation
    reachable, whatever other contacts it has (the same contact must be both)."""
    tax = Organisation.objects.get(name_fi="Verohallinto")
    tax.email = ""
    tax.save()
    ContactPersonFactory(organisation=tax, active_to=datetime.date(2023, 12, 31))
    ContactPersonFactory(organisation=tax, role=ContactPerson.Role.DEPUTY)
    assert tax in Organisation.objects.unreachable()
    ContactPersonFactory(organisation=tax)
    assert tax not in Organisation.objects.unreachable()
    nomination_round = NominationRoundFactory(created_by=scene.ministry, sent_at=None)
    response = scene.client("ministry").get(
        url("organisations:nomination_round_detail", nomination_round.pk)
    )
    assert tax not in response.context["dashboard"].unreachable_targets

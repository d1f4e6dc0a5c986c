"""What every form shares: the error summary, groups of choices as fieldsets, dates as Finns
write them (ADR 0024)."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from organisations.forms import NominationAnswerOnBehalfForm, NominationRoundForm
from organisations.models import Organisation
from reporting.models import GoodPractice
from tests.factories import ContactPersonFactory, NominationRequestFactory

pytestmark = pytest.mark.django_db


def test_a_group_of_checkboxes_is_a_fieldset_with_its_legend_and_errors():
    form = NominationRoundForm(
        {"title_fi": "Kierros", "message_fi": "Viesti", "deadline": "9.2.2027"}
    )
    html = render_to_string("includes/form_field.html", {"field": form["target_kinds"]})
    assert 'for=""' not in html
    fieldset = re.search(r"<fieldset([^>]*)>\s*<legend>([^<]*)</legend>", html)
    assert fieldset and fieldset.group(2) == form.fields["target_kinds"].label
    assert 'aria-describedby="id_target_kinds_errors"' in fieldset.group(1)
    assert 'id="id_target_kinds_errors"' in html
    assert '<label for="id_target_kinds_0">' in html
    # The options themselves are not each described by the errors: the group is.
    assert not re.search(r"<input[^>]*aria-describedby", html)


def test_a_single_field_keeps_its_label_and_errors_on_the_field():
    form = NominationRoundForm({"title_fi": "", "message_fi": "Viesti", "deadline": "9.2.2027"})
    html = render_to_string("includes/form_field.html", {"field": form["title_fi"]})
    assert '<label for="id_title_fi">' in html and "<fieldset" not in html
    assert re.search(r'<input[^>]*aria-describedby="id_title_fi_errors"', html)


def test_the_error_summary_links_each_error_to_its_field(ministry_client):
    response = ministry_client.post(
        reverse("organisations:nomination_round_create"),
        {"title_fi": "", "message_fi": "Viesti", "deadline": "31.2.2027"},
    )
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary"([^>]*)>(.*?)</div>', html, re.S)
    assert summary, "no error summary"
    assert 'role="alert"' in summary.group(1) and 'tabindex="-1"' in summary.group(1)
    assert "<h2" in summary.group(2)
    links = re.findall(r'<a href="#([\w-]+)">([^<]*)</a>', summary.group(2))
    assert [target for target, _text in links] == [
        "id_title_fi",
        "id_deadline",
        "id_target_kinds_0",
    ]
    assert all(f'id="{target}"' in html for target, _text in links)
    assert links[1][1].startswith("Määräaika: ")
    assert "Korjaa alla merkityt virheet." not in html


def test_the_error_summary_lists_errors_of_the_whole_form(anonymous_client, ministry_user):
    response = anonymous_client.post(
        reverse("login"), {"username": ministry_user.username, "password": "wrong"}
    )
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert "<li>" in summary and 'href="#' not in summary


def test_pages_load_the_error_summary_script_as_a_static_file(anonymous_client):
    html = anonymous_client.get(reverse("home")).content.decode()
    assert re.search(r'<script src="/static/js/error-summary\.js" defer></script>', html)
    assert not re.search(r"<script>|<script [^>]*>[^<]", html)  # no inline script


@pytest.mark.parametrize(
    "language, hint",
    [("fi", "pp.kk.vvvv"), ("sv", "dd.mm.åååå"), ("en", "dd.mm.yyyy")],
)
def test_date_fields_are_text_boxes_with_a_hint_in_the_page_language(language, hint):
    with translation.override(language):
        form = NominationRoundForm(initial={"deadline": datetime.date(2024, 2, 9)})
        field = form["deadline"]
        assert hint in str(field.help_text) and "9.2.2024" in str(field.help_text)
        html = str(field)
    assert 'type="text"' in html and 'value="9.2.2024"' in html
    assert 'aria-describedby="id_deadline_helptext"' in html


@pytest.mark.parametrize("typed", ["8.2.2027", "08.02.2027", "2027-02-08"])
def test_date_fields_accept_the_date_as_finns_write_it(typed):
    form = NominationRoundForm(
        {"title_fi": "K", "message_fi": "V", "deadline": typed, "target_kinds": ["state_agency"]}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["deadline"] == datetime.date(2027, 2, 8)


def test_a_wrong_date_says_how_to_write_it():
    form = NominationRoundForm(
        {
            "title_fi": "K",
            "message_fi": "V",
            "deadline": "2/8/2027",
            "target_kinds": ["state_agency"],
        }
    )
    assert form.errors["deadline"] == [
        "Kirjoita päivämäärä muodossa pp.kk.vvvv, esimerkiksi 9.2.2024."
    ]


@pytest.mark.parametrize("typed", ["9.2.2024 16.45", "9.2.2024 16:45", "2024-02-09T16:45"])
def test_date_and_time_fields_accept_finnish_times(typed):
    form = NominationAnswerOnBehalfForm({"received_at": typed})
    form.is_valid()
    assert "received_at" not in form.errors
    received = form.cleaned_data["received_at"]
    assert (received.day, received.hour, received.minute) == (9, 16, 45)
    assert 'type="text"' in str(form["received_at"])


def test_the_answer_form_shows_what_naming_a_new_representative_means(ministry_client):
    stuk = Organisation.objects.get(abbreviation="STUK")
    ContactPersonFactory(organisation=stuk)
    request = NominationRequestFactory(organisation=stuk)
    html = ministry_client.get(request.get_absolute_url()).content.decode()
    assert "becomes an editor of the organisation" not in html  # Finnish page
    with translation.override("en"):
        url = request.get_absolute_url()
    html = ministry_client.get(url).content.decode()
    assert (
        "The new representative becomes an editor of the organisation in Avoin and gets an "
        "invitation to it by email."
    ) in html
    sections = re.findall(r'<fieldset class="group" data-answer="(\w+)">', html)
    assert sections == ["name_new", "name_new", "name_new", "decline"]
    assert re.search(r'<script src="/static/js/answer-sections\.js" defer></script>', html)


@pytest.mark.parametrize("field", ["recommendations", "measures", "organisations"])
def test_an_id_too_large_for_any_column_is_an_invalid_choice_not_a_server_error(
    practice_scene, field
):
    """Found by `make fuzz`: SQLite raised OverflowError on 2**63 in a multiple choice."""
    client = practice_scene.client("editor")
    response = client.post(reverse("reporting:practice_create"), {field: str(2**63)})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not GoodPractice.objects.filter(title="").exists()

"""A body over the limit is a translated 400 in the site's layout, never a server error."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

TOO_LARGE = {
    "fi": "Lomakkeessa lähetettiin enemmän tietoa",
    "sv": "Formuläret skickade mer data",
    "en": "The form sent more data than Avoin accepts at once.",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_body_over_the_limit_is_a_translated_400_in_the_layout(language):
    with translation.override(language):
        path = reverse("login_link_request")
    body = "email=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = Client().generic(
        "POST", path, body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert TOO_LARGE[language] in html
    assert 'class="skip-link"' in html or "<header" in html  # the site's own layout


def test_too_many_fields_is_a_400_too(ministry_client):
    body = "&".join(f"f{number}=x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 5))
    response = ministry_client.generic(
        "POST",
        reverse("organisations:nomination_round_create"),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert TOO_LARGE["fi"] in response.content.decode()

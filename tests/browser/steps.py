"""Steps the journeys share, written as a person reads the page: by role and by label."""

import re

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from avoin.links import reverse_in
from avoin.second_factor import authenticator_of

PASSWORD = "correct horse battery staple"


def t(language, message):
    """`message` (a msgid or a lazy translation) as the interface shows it in `language`."""
    with translation.override(language):
        return capfirst(str(message) if isinstance(message, Promise) else gettext(message))


def sign_in_with_password(page, site, language, username, password=PASSWORD):
    """The ministry team's sign-in form, then the code from their authenticator app."""
    device = authenticator_for(username)
    page.goto(site + reverse_in(language, "login"))
    page.get_by_label(t(language, "username")).fill(username)
    page.get_by_label(t(language, "Password")).fill(password)
    page.get_by_role("button", name=t(language, "Sign in"), exact=True).click()
    page.wait_for_load_state()
    if "/accounts/two-step/verify/" in page.url:
        page.get_by_label(t(language, "Code"), exact=True).fill(authenticator_code(device))
        page.get_by_role("button", name=t(language, "Continue")).click()
        page.wait_for_load_state()


def authenticator_for(username):
    """The team member's authenticator app, set up before the test signs in."""
    user = get_user_model().objects.get(username=username)
    return authenticator_of(user) or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=True
    )


def authenticator_code(device):
    """The six digits the app shows now."""
    device.refresh_from_db()
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(6)


def link_in(message):
    """The sign-in link in an email."""
    return re.search(r"(http\S+/accounts/link/\?sesame=\S+)", message.body).group(1)


def sign_in_with_link(page, site, language, email, mailoutbox):
    """An organisation member asks for a link and opens it."""
    page.goto(site + reverse_in(language, "login_link_request"))
    page.get_by_label(t(language, "Work email")).fill(email)
    page.get_by_role("button", name=t(language, "Send the link")).click()
    page.wait_for_load_state()
    open_sign_in_link(page, link_in(mailoutbox[-1]))


def open_sign_in_link(page, link):
    """Open an emailed sign-in link; its page is in the language of the email."""
    page.goto(link)
    language = re.search(r"/(\w\w)/accounts/link/", link).group(1)
    page.get_by_role("button", name=t(language, "Sign in to Avoin")).click()
    page.wait_for_load_state()


def label(language, form_class, name):
    """The label of a form's field as the interface shows it in `language`."""
    with translation.override(language):
        return str(form_class.base_fields[name].label)

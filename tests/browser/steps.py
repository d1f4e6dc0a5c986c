"""Steps the journeys share, written as a person reads the page: by role and by label."""

import re

from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext

from avoin.links import reverse_in

PASSWORD = "correct horse battery staple"


def t(language, message):
    """`message` (a msgid or a lazy translation) as the interface shows it in `language`."""
    with translation.override(language):
        return capfirst(str(message) if isinstance(message, Promise) else gettext(message))


def sign_in_with_password(page, site, language, username, password=PASSWORD):
    """The ministry team's sign-in form."""
    page.goto(site + reverse_in(language, "login"))
    page.get_by_label(t(language, "username")).fill(username)
    page.get_by_label(t(language, "Password")).fill(password)
    page.get_by_role("button", name=t(language, "Sign in"), exact=True).click()
    page.wait_for_load_state()


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

import datetime
import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit
from sesame.backends import ModelBackend as SesameBackend

from avoin import security_log
from avoin.client import normalised_email
from avoin.context_processors import NATIVE_LANGUAGE_NAMES, site
from avoin.easy_language import (
    EASY_LANGUAGES,
    FRONT_PAGE,
    easy_language_switcher,
    easy_language_topic,
    other_easy_language,
    topic_links,
)
from avoin.forms import SignInLinkForm
from avoin.permissions import is_ministry_team, is_working_group, signs_in_with_password
from avoin.services import sign_in_link_send
from commitments.models import Event, Programme
from organisations.models import NominationRequest, NominationRound
from reporting.presenters.evaluations import published_results
from reporting.presenters.progress import MyReports


@login_not_required
def home(request):
    """What the programme is, its key dates, and where each kind of user starts."""
    programme = Programme.objects.first()
    today = timezone.localdate()
    events = list(Event.objects.filter(programme=programme)) if programme else []
    results = published_results()
    for event in events:
        # The evaluation's milestone shows its result once published (issue 11).
        event.result = results.get(event.code.removesuffix("_evaluation"))
    return render(
        request,
        "home.html",
        {
            "programme": programme,
            "past_events": [event for event in events if event.date < today],
            "coming_events": [event for event in events if event.date >= today],
        },
    )


@login_not_required
def accessibility_statement(request):
    """The accessibility statement required by Act 306/2019."""
    return render(request, "accessibility.html")


@login_not_required
def privacy_notice(request):
    """The privacy notice (tietosuojaseloste)."""
    return render(request, "privacy.html")


# --- Error pages, in the page's language and the site's layout ---------------------------------

# How long a client is asked to wait when the database cannot be reached.
RETRY_AFTER_SECONDS = 120


def _render_without_database(request, template_name, status, **extra):
    """An error page rendered from the request alone: no session, user or messages (and so no
    context processors), since the database they need may be what has just failed."""
    context = {"request": request, "without_database": True, **site(request), **extra}
    return HttpResponse(render_to_string(template_name, context), status=status)


@login_not_required
def bad_request(request, exception=None):
    """400 in the language of the page (the request itself may be unusable: no database);
    a body over DATA_UPLOAD_MAX_MEMORY_SIZE or with too many fields says so."""
    too_large = isinstance(exception, RequestDataTooBig | TooManyFieldsSent)
    return _render_without_database(request, "400.html", 400, too_large=too_large)


@login_not_required
def permission_denied(request, exception=None):
    """403 in the language of the page; the security log notes who was refused what."""
    security_log.security_event(security_log.Event.PERMISSION_DENIED, request=request)
    return render(request, "403.html", status=403)


@login_not_required
def csrf_failure(request, reason=""):
    """403 when a form is sent without a valid CSRF token: what to do about it."""
    return render(request, "403_csrf.html", status=403)


@login_not_required
def easy_language_page(request, easy_language, slug=""):
    """A page in Finnish selkokieli or Swedish lättläst; another URL language redirects."""
    topic = easy_language_topic(easy_language, slug)
    language = get_language()
    if language != easy_language:
        # /sv/selko/… is the Swedish page, /fi/lattlast/… the Finnish one; there is no Easy
        # English, so /en/… keeps the Easy Language that the address names.
        return redirect(topic.url(language if language in EASY_LANGUAGES else easy_language))
    other = other_easy_language(language)
    return render(
        request,
        "easy_language/page.html",
        {
            "easy": EASY_LANGUAGES[language],
            "title": topic.titles[language],
            "body_template": topic.template_name(language),
            "other_easy_language": other,
            "other_easy_language_url": topic.url(other.code),
            "is_front_page": topic is FRONT_PAGE,
            "front_page_url": FRONT_PAGE.url(language),
            "topics": topic_links(language, current=topic),
            "language_links": easy_language_switcher(topic, NATIVE_LANGUAGE_NAMES),
        },
    )


@login_not_required
def page_not_found(request, exception=None):
    """404 in the language of the page."""
    return render(request, "404.html", status=404)


@requires_csrf_token
@login_not_required
def server_error(request):
    """500 in the language of the page; 503 with Retry-After when the database cannot be
    reached. Neither touches the database."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = _render_without_database(request, "503.html", 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        patch_cache_control(response, no_store=True)
        return response
    return _render_without_database(request, "500.html", 500)


# --- Files for machines, outside the language prefix --------------------------------------------

SECURITY_CONTACT = "mailto:avoinhallinto@gov.fi"
SECURITY_TXT_VALIDITY = datetime.timedelta(days=180)
# The signed-in and administration areas and the sign-in links (under accounts/), in every
# language: (URL name, how many ids its path takes; robots.txt writes each id as *).
NOT_FOR_ROBOTS = [
    ("account_home", 0),
    ("admin:index", 0),
    ("organisations:nomination_round_list", 0),
    ("organisations:contact_create", 1),
    ("organisations:contact_update", 2),
    ("organisations:member_invite", 1),
    ("organisations:member_list", 1),  # and the member pages under it
    ("reporting:practice_mine", 0),
    ("reporting:practice_create", 0),
    ("reporting:moderation_queue", 0),
    ("reporting:practice_update", 1),
    ("reporting:practice_moderate", 1),
    ("reporting:report_list", 0),  # every progress report and period page is under it
    ("reporting:dashboard", 0),  # the team's and the working group's monitoring pages
    ("reporting:evaluation_workspace_list", 0),  # drafts of the evaluations
    ("reporting:feedback_answer", 1),  # a participant's form, reached by its shared link
    ("commitments:plan_version_create", 0),
    ("commitments:amendment_create", 0),
]


def _text(lines):
    return HttpResponse("".join(f"{line}\n" for line in lines), content_type="text/plain")


@login_not_required
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability."""
    expires = (timezone.now() + SECURITY_TXT_VALIDITY).astimezone(datetime.UTC)
    return _text(
        [
            f"Contact: {SECURITY_CONTACT}",
            f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
            "Preferred-Languages: " + ", ".join(code for code, _name in settings.LANGUAGES),
            f"Canonical: {settings.SITE_URL.rstrip('/')}{reverse('security_txt')}",
        ]
    )


@login_not_required
def robots_txt(request):
    """/robots.txt: search engines may read the public pages, not the signed-in ones."""
    disallowed = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallowed += [
                reverse(name, args=[0] * ids).replace("/0/", "/*/") for name, ids in NOT_FOR_ROBOTS
            ]
    return _text(["User-agent: *"] + [f"Disallow: {path}" for path in disallowed])


# --- Signing in with an emailed link ------------------------------------------------------------


SESAME_BACKEND = "sesame.backends.ModelBackend"


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _link_page(response):
    """Pages that carry a token are never cached. The site-wide referrer policy (same-origin)
    keeps the address from other sites; "no-referrer" would make browsers send `Origin: null`
    with the sign-in form, which CSRF protection rightly refuses."""
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@sensitive_post_parameters("sesame")
@ratelimit(key="ip", rate=settings.SIGN_IN_ADDRESS_RATE, method="POST", block=True)
def login_link(request):
    """Open an emailed sign-in link: a GET shows a button, only the POST signs in.

    Mail scanners that follow the link therefore cannot use it up.
    """
    token = request.POST.get("sesame") or request.GET.get("sesame") or ""
    next_path = _safe_next(request, reverse("account_home"))
    # Checking the token does not use it up; signing in does (it changes last_login).
    # The sesame backend is asked directly: a stale link is not a failed password, and
    # must not lock a whole office out through django-axes.
    user = SesameBackend().authenticate(request, sesame=token) if token else None
    if user is not None and signs_in_with_password(user):
        user = None  # a link never signs in an account that can change everything
    if user is not None and request.method == "POST":
        login(request, user, backend=SESAME_BACKEND)
        return redirect(next_path)
    if user is None:
        security_log.security_event(security_log.Event.LINK_INVALID, request=request)
        form = SignInLinkForm()
        response = render(request, "registration/link_invalid.html", {"form": form}, status=400)
        return _link_page(response)
    return _link_page(
        render(
            request,
            "registration/link_confirm.html",
            {"token": token, "next": next_path, "link_user": user},
        )
    )


@login_not_required
@ratelimit(key="ip", rate=settings.SIGN_IN_ADDRESS_RATE, method="POST", block=True)
@ratelimit(key=normalised_email, rate=settings.SIGN_IN_LINK_RATE, method="POST", block=True)
def login_link_request(request):
    """Email me a sign-in link: the same answer whether or not the address is known."""
    form = SignInLinkForm(request.POST or None)
    if form.is_valid():
        sign_in_link_send(
            email=form.cleaned_data["email"], language=get_language(), request=request
        )
        messages.success(
            request,
            _(
                "If the address belongs to a member of an organisation, a sign-in link has been "
                "sent to it. The link works once, for 10 minutes."
            ),
        )
        return redirect("login_link_request")
    return render(request, "registration/link_request.html", {"form": form})


@login_not_required
def rate_limited(request, exception=None):
    """Too many sign-in attempts from one address in a short time."""
    return render(request, "registration/rate_limited.html", status=429)


def account_home(request):
    """Where a signed-in user starts: their organisations and what is asked of them now."""
    user = request.user
    memberships = user.memberships.select_related("organisation")
    open_requests = (
        NominationRequest.objects.none()
        if is_ministry_team(user)  # the team follows every round on its dashboards
        else NominationRequest.objects.visible_to(user)
        .filter(round__in=NominationRound.objects.open())
        .select_related("round", "organisation")
    )
    return render(
        request,
        "registration/account_home.html",
        {
            "memberships": memberships,
            "open_requests": open_requests,
            "is_ministry_team": is_ministry_team(user),
            "is_working_group": is_working_group(user),
            "is_editor": any(membership.can_edit for membership in memberships),
            "reports": MyReports(user),
        },
    )

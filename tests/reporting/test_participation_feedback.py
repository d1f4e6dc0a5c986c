"""Participation-quality feedback (issue 11): the organiser's link, the anonymous form with its
spam defences and limits, and figures suppressed under five answers."""

import datetime

import pytest
from django.conf import settings
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from commitments.models import Evaluation, Measure
from reporting.forms.feedback import SALT
from reporting.models import ActivityKind, EvidenceKind, FeedbackAnswer, FeedbackLink
from reporting.services import evaluations
from reporting.services.feedback import feedback_figures
from tests.access import LOGIN, access_params, assert_access
from tests.factories import ActivityFactory, FeedbackAnswerFactory, FeedbackLinkFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]


@pytest.fixture
def dialogue(practice_scene):
    return ActivityFactory(organisation=practice_scene.espoo, title="Espoon nuorisodialogi")


@pytest.fixture
def link(dialogue, practice_scene):
    return FeedbackLinkFactory(activity=dialogue, created_by=practice_scene.editor)


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def url_of(name, dialogue):
    args = {
        "reporting:feedback_link": [dialogue.pk],
        "reporting:feedback_link_create": [dialogue.pk],
        "reporting:feedback_answer": ["unknown-token"],
    }
    return en(name, *args.get(name, []))


# name, method, then the expected status for each of tests.access.ROLES
ACCESS_CASES = [
    ("reporting:feedback_link", "get", LOGIN, 404, 200, 200, 200, 404),
    ("reporting:feedback_link_create", "post", LOGIN, 404, 403, 302, 302, 404),
    ("reporting:feedback_results", "get", LOGIN, 403, 403, 403, 200, 200),
    ("reporting:feedback_answer", "get", 404, 404, 404, 404, 404, 404),
]


@pytest.mark.parametrize("name, method, role, expected", access_params(ACCESS_CASES))
def test_access(practice_scene, dialogue, name, method, role, expected):
    assert_access(practice_scene, url_of(name, dialogue), method, role, expected)


def test_feedback_is_asked_about_dialogues_and_academies_only(practice_scene):
    course = ActivityFactory(
        organisation=practice_scene.espoo, kind=ActivityKind.OPEN_DATASET, participants=None
    )
    client = practice_scene.client("editor")
    assert client.get(en("reporting:feedback_link", course.pk)).status_code == 404


def test_the_organiser_creates_one_link_to_share(practice_scene, dialogue):
    client = practice_scene.client("editor")
    client.post(url_of("reporting:feedback_link_create", dialogue))
    client.post(url_of("reporting:feedback_link_create", dialogue))
    link = FeedbackLink.objects.get(activity=dialogue)
    page = client.get(url_of("reporting:feedback_link", dialogue)).content.decode()
    assert link.get_absolute_url() in page


def answer(**changes):
    data = {
        "materials_in_time": "yes",
        "days_before": "7",
        "could_influence": "partly",
        "accessible": "yes",
        "language": "sv",
        "group": "ngo",
        "comment": "Hyvä tilaisuus.",
        "website": "",
    }
    data.update(changes)
    return data


def stamp(token, seconds_ago=60):
    """A start stamp as if the form had been opened `seconds_ago`."""
    signer = signing.TimestampSigner(salt=SALT)
    signer.timestamp = lambda: signing.b62_encode(int(timezone.now().timestamp()) - seconds_ago)
    return signer.sign(token)


def post(client, link, data, seconds_ago=60):
    return client.post(link.get_absolute_url(), {**data, "started": stamp(link.token, seconds_ago)})


def test_a_participant_answers_without_signing_in_and_once_per_browser(link):
    client = Client()
    form = client.get(link.get_absolute_url())
    assert form.status_code == 200
    assert "website" in form.content.decode()
    response = post(client, link, answer())
    assert response.status_code == 200
    saved = FeedbackAnswer.objects.get()
    assert (saved.language, saved.group, saved.days_before) == ("sv", "ngo", 7)
    again = post(client, link, answer())
    assert "reporting/feedback/answered.html" in [t.name for t in again.templates]
    assert "Tästä selaimesta on jo lähetetty vastaus" in again.content.decode()
    assert FeedbackAnswer.objects.count() == 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"comment": "x" * 1001}, "comment"),
        ({"days_before": "seitsemän"}, "days_before"),
        ({"days_before": "-3"}, "days_before"),
        ({"days_before": "99999999999999999999"}, "days_before"),
        ({"language": "klingon"}, "language"),
        ({"group": "<script>"}, "group"),
        ({"materials_in_time": ""}, "materials_in_time"),
        ({"website": "http://spam.example"}, "website"),
    ],
)
def test_bad_input_gets_a_clear_error_never_a_500(link, changes, field):
    response = post(Client(), link, answer(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not FeedbackAnswer.objects.exists()


@pytest.mark.parametrize("seconds_ago", [0, 2 * 24 * 60 * 60])
def test_answers_sent_too_fast_or_too_late_are_refused(link, seconds_ago):
    response = post(Client(), link, answer(), seconds_ago=seconds_ago)
    assert response.context["form"].errors["started"]
    assert not FeedbackAnswer.objects.exists()


def test_a_forged_or_borrowed_start_stamp_is_refused(link):
    other = FeedbackLinkFactory()
    for started in ("nonsense", stamp(other.token)):
        response = Client().post(link.get_absolute_url(), {**answer(), "started": started})
        assert response.context["form"].errors["started"]
    assert not FeedbackAnswer.objects.exists()


def test_answers_are_rate_limited_per_address(link):
    rate = int(settings.FEEDBACK_RATE.split("/")[0])
    for _ in range(rate):
        post(Client(), link, answer(website="spam"))
    response = post(Client(), link, answer())
    assert response.status_code == 429
    assert not FeedbackAnswer.objects.exists()


def test_figures_are_suppressed_under_five_answers(practice_scene, link):
    for _ in range(4):
        FeedbackAnswerFactory(link=link)
    [four] = feedback_figures(FeedbackAnswer.objects.all(), "link__activity")
    assert four.answers == 4 and four.suppressed
    assert four.in_time_percent is None and four.average_days_before is None
    page = practice_scene.client("ministry").get(en("reporting:feedback_results")).content.decode()
    assert "Fewer than 5 answers" in page
    FeedbackAnswerFactory(link=link, materials_in_time="late", could_influence="no")
    [five] = feedback_figures(FeedbackAnswer.objects.all(), "link__activity")
    assert (five.answers, five.in_time_percent, five.influence_percent) == (5, 80, 80)
    page = practice_scene.client("ministry").get(en("reporting:feedback_results")).content.decode()
    assert "80 %" in page


def test_feedback_given_by_the_cut_off_is_evaluation_evidence(link):
    measure = Measure.objects.get(number="1.1")
    for _ in range(5):
        FeedbackAnswerFactory(link=link)
    late = FeedbackAnswerFactory(link=link)
    late.created_at = timezone.now() + datetime.timedelta(days=3)
    late.save()
    cut_off = timezone.localdate()
    [candidate] = [
        c
        for c in evaluations.evidence_candidates(cut_off=cut_off, measures=[measure])
        if c.kind == EvidenceKind.FEEDBACK
    ]
    assert candidate.key == str(link.activity.pk)
    assert candidate.figures["answers"] == 5
    assert candidate.figures["suppressed"] is False
    assert Evaluation.objects.exists()


def test_results_run_the_same_queries_at_ten_times_the_data(practice_scene):
    def add(n):
        for _ in range(n):
            FeedbackAnswerFactory.create_batch(2, link=FeedbackLinkFactory())

    client = practice_scene.client("working_group")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(en("reporting:feedback_results")).status_code == 200
        return len(queries)

    add(2)
    once = count()
    add(18)
    assert count() == once

"""The round dashboard at national scale: the pending list a page at a time, undelivered emails
capped, a fixed number of queries whichever page or filter is shown (issue 12)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from avoin.models import OutgoingMessage
from organisations.models import Organisation
from organisations.presenters import RoundDashboard
from tests.factories import NominationRequestFactory
from tests.organisations.rounds import en, pending_rows

pytestmark = pytest.mark.django_db
PER_PAGE = RoundDashboard.PENDING_PER_PAGE


@pytest.fixture
def big_round(scene):
    """The scene's round asking every agency of the registry besides STUK as well."""
    for agency in Organisation.objects.asked_in(scene.round).exclude(pk=scene.agency.pk):
        NominationRequestFactory(round=scene.round, organisation=agency)
    return scene.round


def get(scene, nomination_round, query=""):
    url = en("nomination_round_detail", nomination_round.pk)
    return scene.client("ministry").get(f"{url}?{query}")


def fail(nomination_round, count):
    """`count` undelivered emails about the round's requests."""
    requests = list(nomination_round.requests.all()[:count])
    OutgoingMessage.objects.bulk_create(
        OutgoingMessage(
            recipient=f"r{index}@example.invalid",
            subject="Pyyntö",
            template="nomination_request",
            language="fi",
            status=OutgoingMessage.Status.FAILED,
            error="550 User unknown",
            about=requests[index % len(requests)],
        )
        for index in range(count)
    )


def test_the_pending_list_comes_a_page_at_a_time_in_name_order(scene, big_round):
    pending = big_round.requests.pending().count()
    assert pending > PER_PAGE
    response = get(scene, big_round)
    board = response.context["dashboard"]
    assert len(board.pending) == PER_PAGE and board.pending_count == pending
    assert f"{pending} organisations have not answered yet" in response.content.decode()
    assert 'rel="next"' in response.content.decode()
    rows = pending_rows(scene.client("ministry"), big_round)
    names = [row.request.organisation.name_fi for row in rows]
    assert len(rows) == pending and len(set(names)) == pending
    assert [row.request.organisation.name_fi for row in board.pending] == names[:PER_PAGE]


def test_a_page_past_the_end_or_not_a_number_gives_the_nearest_page(scene, big_round):
    last = get(scene, big_round, "page=999").context["dashboard"].pending_page
    assert last.number == last.paginator.num_pages and not last.has_next()
    assert get(scene, big_round, "page=x").context["dashboard"].pending_page.number == 1


def test_the_filter_keeps_to_its_pages(scene, big_round):
    html = get(scene, big_round, "pending=unreachable").content.decode()
    assert "Shown: the organisations with no address." in html
    assert "pending=unreachable&amp;page=2" in html or "pending=unreachable&page=2" in html


def test_undelivered_emails_are_capped_with_the_rest_counted(scene, big_round):
    fail(big_round, RoundDashboard.UNDELIVERED_SHOWN + 5)
    response = get(scene, big_round)
    board = response.context["dashboard"]
    assert len(board.undelivered) == RoundDashboard.UNDELIVERED_SHOWN
    assert board.undelivered_more == 5
    assert "5 more emails could not be delivered either" in response.content.decode()
    first = board.undelivered[0]
    assert first.organisation.name_fi and first.message.status == "failed"


@pytest.mark.parametrize("query", ["", "page=2", "pending=unreachable"])
def test_queries_are_the_same_at_one_and_ten_times_the_organisations(scene, query):
    """Two requests (one to an agency with no address), then the registry's agencies and 200
    municipalities with 40 undelivered emails: the same queries. 13 = 7 for the session, its
    second factor and the team check, and 6 for the page (the round with its email counts, the
    figures by branch, answers per day, undelivered emails, the pending page and its emails)."""
    client = scene.client("ministry")
    url = f"{en('nomination_round_detail', scene.round.pk)}?{query}"
    unreachable = Organisation.objects.asked_in(scene.round).unreachable().first()
    NominationRequestFactory(round=scene.round, organisation=unreachable)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    others = Organisation.objects.asked_in(scene.round).exclude(nomination_requests__isnull=False)
    for organisation in others:
        NominationRequestFactory(round=scene.round, organisation=organisation)
    for organisation in Organisation.objects.of_kind("municipality")[:200]:
        NominationRequestFactory(round=scene.round, organisation=organisation)
    fail(scene.round, 40)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries) <= 13

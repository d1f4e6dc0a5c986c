"""The dashboard's figures kept in the cache per content version (docs/adr/0046): rendered once
for the same view, rendered again as soon as a report is accepted, never shared between
languages or filters, and nothing of the reader kept with them."""

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from reporting.models import ReportingPeriod, ReportStatus
from reporting.presenters import dashboard_cache
from reporting.services.progress import period_report_accept
from tests.factories import OrganisationFactory, RegionFactory, WorkingGroupUserFactory

from .progress_data import report, reporting_municipalities

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


@pytest.fixture
def latest():
    return ReportingPeriod.objects.latest_closed()


@pytest.fixture
def renderings(monkeypatch):
    """How many times the figures were worked out."""
    made = []
    original = dashboard_cache.Dashboard

    def counted(*args, **kwargs):
        made.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard_cache, "Dashboard", counted)
    return made


def url(language="fi", **query):
    with translation.override(language):
        address = reverse("reporting:dashboard")
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_same_view_is_worked_out_once(ministry_client, client, renderings):
    client.force_login(WorkingGroupUserFactory())

    def figures(response):
        return response.content.decode().split('<p class="downloads">', 1)[1]

    first = figures(ministry_client.get(url()))
    again = figures(ministry_client.get(url()))
    # Another reader of the same view shares the rendering: it holds nothing of the reader.
    other = figures(client.get(url()))
    assert len(renderings) == 1
    assert first == again == other


def test_the_same_filters_asked_differently_share_one_rendering(
    ministry_client, latest, renderings
):
    ministry_client.get(url(kind="municipality"))
    ministry_client.get(url(kind="municipality", period=latest.pk))
    assert len(renderings) == 1


def test_an_accepted_report_is_counted_on_the_next_request(
    ministry_client, ministry_user, latest, renderings, django_capture_on_commit_callbacks
):
    # The content version is written when a change commits (avoin.page_cache.content_changed).
    with django_capture_on_commit_callbacks(execute=True):
        reporting_municipalities(latest, 2)
    assert "Accepted reports from 2 of" in ministry_client.get(url(language="en")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        submitted = report(
            OrganisationFactory(region=RegionFactory()), latest, ReportStatus.SUBMITTED
        )
    assert "Accepted reports from 2 of" in ministry_client.get(url(language="en")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        period_report_accept(report=submitted, by=ministry_user)

    html = ministry_client.get(url(language="en")).content.decode()
    assert "Accepted reports from 3 of" in html
    assert len(renderings) == 3  # the submitted report is a change too


def test_languages_and_filters_are_kept_apart(ministry_client, latest, renderings):
    reporting_municipalities(latest, 1)
    finnish = ministry_client.get(url("fi")).content.decode()
    swedish = ministry_client.get(url("sv")).content.decode()
    filtered = ministry_client.get(url("fi", kind="wellbeing_county")).content.decode()
    assert len(renderings) == 3
    assert "Ladda ner tabellen" in swedish and "Ladda ner tabellen" not in finnish
    municipalities = Organisation.objects.of_kind("municipality").active(on=latest.ends_on)
    assert f"<td>{municipalities.count()}</td>" in finnish
    assert f"<td>{municipalities.count()}</td>" not in filtered


def test_the_downloads_carry_the_view_shown(ministry_client, latest):
    html = ministry_client.get(url(kind="municipality", county="12")).content.decode()
    workbook = reverse("reporting:dashboard_workbook")
    # The county as the filter writes it (its code), so that the link asks for the same view.
    query = f"period={latest.pk}&kind=municipality&county=12"
    assert f'href="{workbook}?{query.replace("&", "&amp;")}"' in html
    download = reverse("reporting:dashboard_download", args=["coverage", "csv"])
    response = ministry_client.get(f"{download}?{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_without_the_page_cache_every_request_works_the_figures_out(
    ministry_client, settings, renderings
):
    settings.PAGE_CACHE_SECONDS = 0
    ministry_client.get(url())
    ministry_client.get(url())
    assert len(renderings) == 2

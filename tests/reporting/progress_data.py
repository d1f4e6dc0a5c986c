"""Accepted reports, activities and the team's action records for the progress figures' tests."""

import datetime

from django.utils import timezone

from commitments.models import Measure, Recommendation
from organisations.models import Organisation
from reporting.models import ActivityKind, ItemStatus, ProgressStatus, ReportStatus
from tests.factories import (
    ActivityFactory,
    OrganisationFactory,
    PeriodReportFactory,
    ProgressEntryFactory,
    RegionFactory,
)


def report(organisation, period, status=ReportStatus.ACCEPTED, entries=None):
    """A period report in `status` with an entry per {recommendation code: progress status}."""
    submitted = status != ReportStatus.DRAFT
    made = PeriodReportFactory(
        organisation=organisation,
        period=period,
        status=status,
        submitted_at=timezone.now() if submitted else None,
        reviewed_at=timezone.now() if status == ReportStatus.ACCEPTED else None,
    )
    for code, progress in (entries or {}).items():
        ProgressEntryFactory(
            report=made,
            recommendation=Recommendation.objects.get(code=code),
            status=progress,
            evidence=f"{organisation.name_fi}: {progress}",
            links=["https://www.example.invalid/raportti"],
        )
    return made


def region_of_municipalities(count):
    """A new region with `count` municipalities, and a queryset of exactly them."""
    region = RegionFactory()
    created = OrganisationFactory.create_batch(count, region=region)
    return created, Organisation.objects.filter(region=region)


def reporting_municipalities(period, count, *, region=None):
    """`count` new municipalities, each with an accepted report, activities and a draft."""
    region = region or RegionFactory()
    for organisation in OrganisationFactory.create_batch(count, region=region):
        report(
            organisation,
            period,
            entries={"R1.1-p2": ProgressStatus.DONE, "R1.2-p3": ProgressStatus.PLANNED},
        )
        ActivityFactory(organisation=organisation, period=period, participants=10)
        ActivityFactory(
            organisation=organisation,
            period=period,
            kind=ActivityKind.EASY_LANGUAGE_ITEM,
            measure=Measure.objects.get(number="1.2"),
            recommendation=Recommendation.objects.get(code="R1.2-p3"),
            item_status=ItemStatus.PUBLISHED,
            participants=None,
        )
    for organisation in OrganisationFactory.create_batch(count, region=region):
        report(organisation, period, ReportStatus.SUBMITTED, {"R1.1-p2": ProgressStatus.DONE})
        ActivityFactory(organisation=organisation, period=period, participants=99)
    return region


def day_after(period):
    return period.ends_on + datetime.timedelta(days=1)

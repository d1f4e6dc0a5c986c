"""Demo progress: reports from Q1/2024 to the latest closed period, the team's 25 actions and a
few hundred activities. Invented, spread unevenly as voluntary reporting is: most municipalities
never report, a few report every quarter, some late; one report is returned and corrected.
Every text says "DEMO"."""

import datetime
import random

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from avoin.models import OutgoingMessage
from commitments.models import Action
from organisations.models import Organisation, OrganisationKind
from reporting.models import (
    ActionProgress,
    ActionStatus,
    ActionUpdate,
    Completion,
    Milestone,
    PeriodReport,
    ProgressEntry,
    ProgressStatus,
    ReportingPeriod,
    ReportStatus,
)
from reporting.services.progress import (
    applicable_recommendations,
    period_report_accept,
    period_report_return,
    period_report_submit,
)

from .activities import activities_replay

SEED = 2024
# Organisations with demo members report every quarter; so do these.
EVERY_QUARTER = ["Tampere", "Oulu", "Jyväskylä", "Kuopio", "Turku", "Lahti"]
STEPS = [ProgressStatus.NOT_STARTED, ProgressStatus.PLANNED, ProgressStatus.IN_PROGRESS]


def progress_replay(team, members):
    """Reports, actions and activities of the demo, as if entered over the programme so far."""
    rng = random.Random(SEED)
    today = timezone.localdate()
    periods = list(
        ReportingPeriod.objects.filter(starts_on__gte=datetime.date(2024, 1, 1))
        .closed_by(today)
        .order_by("starts_on")
    )
    reporters = _reporters(rng, members)
    for organisation, share in reporters:
        organisation_reports(
            rng, organisation, share, periods, members.get(organisation.pk, team), team
        )
    _returned_and_corrected(team, members, periods)
    # A few of the latest period's reports still wait for the team.
    waiting = PeriodReport.objects.filter(period=periods[-1]).exclude(organisation__in=members)
    PeriodReport.objects.filter(pk__in=list(waiting.values_list("pk", flat=True)[:3])).update(
        status=ReportStatus.SUBMITTED, reviewed_at=None, reviewed_by=None
    )
    _actions(rng, team, periods)
    activities_replay(rng, [organisation for organisation, _share in reporters], periods, team)


def _reporters(rng, members):
    """(organisation, share of quarters it reports) for the few that report at all."""
    active = Organisation.objects.active()
    regular = list(active.filter(pk__in=members)) + list(active.filter(name_fi__in=EVERY_QUARTER))
    municipalities = list(
        active.of_kind(OrganisationKind.MUNICIPALITY).exclude(pk__in=[o.pk for o in regular])
    )
    counties = list(
        active.of_kind(OrganisationKind.WELLBEING_COUNTY).exclude(pk__in=[o.pk for o in regular])
    )
    agencies = list(active.of_kind(OrganisationKind.STATE_AGENCY))
    ministries = list(active.of_kind(OrganisationKind.MINISTRY))
    occasional = (
        rng.sample(municipalities, 28)
        + rng.sample(counties, 6)
        + rng.sample(agencies, 14)
        + rng.sample(ministries, 4)
    )
    return [(o, 1.0) for o in regular] + [(o, rng.choice([0.3, 0.5, 0.7])) for o in occasional]


def _next_status(rng, status):
    if status in (ProgressStatus.DONE, ProgressStatus.NOT_APPLICABLE, ProgressStatus.NO_RESOURCES):
        return status
    roll = rng.random()
    if roll < 0.05:
        return rng.choice([ProgressStatus.NOT_APPLICABLE, ProgressStatus.NO_RESOURCES])
    if roll < 0.45:
        following = {*STEPS, ProgressStatus.DONE}
        order = [*STEPS, ProgressStatus.DONE]
        return (
            order[min(order.index(status) + 1, len(order) - 1)] if status in following else status
        )
    return status


def organisation_reports(rng, organisation, share, periods, editor, team):
    """The organisation's accepted reports, written at once (the services write one a time)."""
    recommendations = list(applicable_recommendations(organisation))
    statuses = {r.pk: ProgressStatus.NOT_STARTED for r in recommendations}
    reports, entries = [], []
    for period in periods:
        statuses = {pk: _next_status(rng, status) for pk, status in statuses.items()}
        if not recommendations or rng.random() > share:
            continue
        report = _accepted_report(rng, organisation, period, editor, team)
        reports.append(report)
        entries += [
            ProgressEntry(
                report=report,
                recommendation_id=pk,
                status=status,
                evidence=f"DEMO: {ProgressStatus(status).label}." if status != STEPS[0] else "",
            )
            for pk, status in statuses.items()
        ]
    bulk_create_with_history(reports, PeriodReport, default_user=editor)
    for entry in entries:
        entry.report_id = entry.report.pk
    bulk_create_with_history(entries, ProgressEntry, batch_size=500, default_user=editor)


def _accepted_report(rng, organisation, period, editor, team):
    """Submitted within the period's window (some late), accepted some days later."""
    late = rng.random() < 0.15
    day = (
        period.closes_on + datetime.timedelta(days=rng.randint(1, 20))
        if late
        else period.ends_on + datetime.timedelta(days=rng.randint(1, 18))
    )
    submitted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
    return PeriodReport(
        organisation=organisation,
        period=period,
        status=ReportStatus.ACCEPTED,
        submitted_at=submitted,
        submitted_by=editor,
        is_late=period.is_late(submitted),
        reviewed_at=submitted + datetime.timedelta(days=rng.randint(2, 9)),
        reviewed_by=team,
    )


def _returned_and_corrected(team, members, periods):
    """Espoo's report of the latest closed period: returned with a note, corrected, accepted."""
    espoo = Organisation.objects.filter(name_fi="Espoo", pk__in=members).first()
    report = PeriodReport.objects.filter(organisation=espoo, period=periods[-1]).first()
    if report is None:
        return
    editor = members[espoo.pk]
    PeriodReport.objects.filter(pk=report.pk).update(status=ReportStatus.DRAFT)
    report.refresh_from_db()
    period_report_submit(report=report, by=editor)
    period_report_return(
        report=report, by=team, note="DEMO: Lisää linkki dialogien yhteenvetoon, kiitos."
    )
    entry = report.entries.filter(status=ProgressStatus.DONE).first() or report.entries.first()
    entry.links = ["https://www.example.invalid/demo/dialogit"]
    entry._history_user = editor
    entry.save()
    period_report_submit(report=report, by=editor)
    period_report_accept(report=report, by=team)


def _actions(rng, team, periods):
    """The team's 25 actions: mostly on track, a few delayed, some completed, with milestones."""
    cycle = [ActionStatus.ON_TRACK] * 5 + [ActionStatus.DELAYED, ActionStatus.COMPLETED]
    for index, action in enumerate(Action.objects.order_by("measure__number", "position")):
        status = cycle[index % len(cycle)]
        completion = {
            ActionStatus.COMPLETED: Completion.COMPLETE,
            ActionStatus.DELAYED: Completion.LIMITED,
        }.get(status, rng.choice([Completion.LIMITED, Completion.SUBSTANTIAL]))
        ActionProgress.objects.update_or_create(
            action=action,
            defaults={
                "status": status,
                "completion": completion,
                "responsible_unit": "DEMO: Avoimen hallinnon tiimi",
                "evidence": "DEMO: tilannekatsaus työryhmälle.",
            },
        )
        for step in range(rng.randint(1, 3)):
            due = datetime.date(2024, 6, 30) + datetime.timedelta(days=180 * (step + index % 4))
            done = due - datetime.timedelta(days=rng.randint(0, 40))
            Milestone.objects.create(
                action=action,
                title_fi=f"DEMO: välitavoite {step + 1}",
                title_sv=f"DEMO: delmål {step + 1}",
                title_en=f"DEMO: milestone {step + 1}",
                due_on=due,
                done_on=done
                if done <= timezone.localdate() and status != ActionStatus.DELAYED
                else None,
            )
        for period in periods[index % 3 :: 3]:
            ActionUpdate.objects.create(
                action=action,
                period=period,
                status=status,
                completion=completion,
                note_fi=f"DEMO: {period} eteni suunnitelman mukaan.",
                note_en=f"DEMO: {period} went as planned.",
            )


def delivered_then(messages):
    """Record the replayed reports' emails as sent: they were acknowledged back then."""
    messages.update(status=OutgoingMessage.Status.SENT, sent_at=timezone.now(), body="", attempts=1)

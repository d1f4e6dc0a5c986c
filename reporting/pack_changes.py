"""The sections of a meeting's pack that list what changed row by row: progress reports,
good practices and the representatives' network (reporting/pack.py). Their rows grow with the
data, so each keeps a summary (`counts`), the number of rows in all (`total`) and only the latest
`limit` rows (None: every row, for the workbook); a fixed number of queries each."""

from django.db.models import Case, Count, Exists, F, OuterRef, Q, When, Window
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from organisations.models import ContactPerson, Organisation, OrganisationKind

from .models import GoodPractice, PeriodReport, ProgressEntry, ReportStatus

TITLES = [f"title_{code}" for code in ("fi", "sv", "en")]


def names_of(instance, field="name"):
    return {code: getattr(instance, f"{field}_{code}") for code in ("fi", "sv", "en")}


def iso_day(value):
    return value.isoformat() if value else None


def number_order(number):
    """A measure's number ("1.10") in the programme's order, not the alphabet's."""
    return tuple(int(part) for part in number.split("."))


def window(field, since, until):
    condition = Q(**{f"{field}__lte": until})
    if since is not None:
        condition &= Q(**{f"{field}__gt": since})
    return condition


def reports_changed(since, now, limit):
    """Reports submitted, reviewed or corrected since the last meeting: how many of each kind
    of organisation, new or changed and by status, and the latest submitted."""
    corrected = ProgressEntry.objects.filter(report=OuterRef("pk")).filter(
        window("updated_at", since, now)
    )
    reports = PeriodReport.objects.filter(
        window("submitted_at", since, now)
        | window("reviewed_at", since, now)
        | Q(Exists(corrected))
    ).exclude(submitted_at__isnull=True)
    new = Q(created_at__gt=since) if since is not None else Q(pk__isnull=False)
    counts = (
        reports.order_by()
        .values("organisation__kind")
        .annotate(
            all=Count("pk"),
            new=Count("pk", filter=new),
            **{status: Count("pk", filter=Q(status=status)) for status in ReportStatus.values},
        )
        .order_by("organisation__kind")
    )
    latest = reports.order_by("-submitted_at", "-pk")[:limit].values(
        # Plain values, not three model instances per report: the pack keeps only these.
        "pk",
        "status",
        "created_at",
        "submitted_at",
        "organisation__kind",
        "period_id",
        "period__year",
        "period__quarter",
        *(f"organisation__name_{code}" for code in ("fi", "sv", "en")),
    )
    count_rows = [
        {
            "key": row["organisation__kind"],
            "kind": row["organisation__kind"],
            "new": row["new"],
            "changed": row["all"] - row["new"],
            "statuses": {status: row[status] for status in ReportStatus.values},
        }
        for row in counts
    ]
    return {
        "total": sum(row["new"] + row["changed"] for row in count_rows),
        "counts": {"rows": count_rows},
        "rows": [
            {
                "key": str(report["pk"]),
                "organisation": {
                    code: report[f"organisation__name_{code}"] for code in ("fi", "sv", "en")
                },
                "kind": report["organisation__kind"],
                "period": {
                    "id": report["period_id"],
                    "year": report["period__year"],
                    "quarter": report["period__quarter"],
                },
                "status": report["status"],
                "new": since is None or report["created_at"] > since,
                "submitted_on": iso_day(timezone.localdate(report["submitted_at"])),
            }
            for report in latest
        ],
    }


def practices_published(since, now, limit):
    """Good practices published since the last meeting: how many under each measure, and
    the latest."""
    practices = GoodPractice.objects.published().filter(window("published_at", since, now))
    per_measure = (
        GoodPractice.measures.through.objects.filter(goodpractice__in=practices)
        .order_by()
        .values("measure__number")
        .annotate(practices=Count("goodpractice"))  # a practice × measure pair is unique
    )
    latest = (
        # Only the columns kept: the count of all rows is taken over narrow rows.
        practices.only("pk", "title", "language", "published_at", *TITLES)
        .annotate(total=Window(Count("pk")))
        .prefetch_related("organisations", "measures")
        .order_by("-published_at", "-pk")[:limit]
    )
    rows = [
        {
            "key": str(practice.pk),
            "title": {
                code: getattr(practice, f"title_{code}") or practice.title
                for code in ("fi", "sv", "en")
            },
            "language": practice.language,
            "organisations": [names_of(o) for o in practice.organisations.all()],
            "measures": sorted(m.number for m in practice.measures.all()),
            "published_on": iso_day(timezone.localdate(practice.published_at)),
        }
        for practice in latest
    ]
    counts = [
        {
            "key": row["measure__number"],
            "measure": row["measure__number"],
            "practices": row["practices"],
        }
        for row in per_measure
    ]
    return {
        "total": latest[0].total if rows else 0,
        "counts": {"rows": sorted(counts, key=lambda row: number_order(row["measure"]))},
        "rows": rows,
    }


def network_changed(since, today, limit):
    """Representatives named and seats left since the last meeting, how many and the latest
    by organisation (no names of people: the working group reads the pack), and the state
    agencies' coverage."""
    since_day = timezone.localdate(since) if since else None
    named, ended = _days("active_from", since_day, today), _days("active_to", since_day, today)
    changes = ContactPerson.objects.representatives().filter(named | ended)
    # A representative's latest change in the window orders them: the latest `limit` changes
    # belong to at most `limit` representatives. The counts of all changes come along.
    named_on = Case(When(named, then=F("active_from")))
    ended_on = Case(When(ended, then=F("active_to")))
    latest = (
        changes.annotate(
            latest=Greatest(Coalesce(named_on, ended_on), Coalesce(ended_on, named_on)),
            named_in_all=Window(Count("pk", filter=named)),
            ended_in_all=Window(Count("pk", filter=ended)),
        )
        .select_related("organisation")
        .order_by("-latest", "organisation__name_fi", "pk")[:limit]
    )
    latest = list(latest)
    counts = {
        "named": latest[0].named_in_all if latest else 0,
        "ended": latest[0].ended_in_all if latest else 0,
    }
    rows = []
    for contact in latest:
        for change, day in (("named", contact.active_from), ("ended", contact.active_to)):
            if day and (since_day is None or day >= since_day) and day <= today:
                rows.append(
                    {
                        "key": f"{contact.pk}:{change}",
                        "organisation": names_of(contact.organisation),
                        "change": change,
                        "on": iso_day(day),
                    }
                )
    rows.sort(key=lambda row: (row["organisation"]["fi"], row["change"]))
    rows.sort(key=lambda row: row["on"], reverse=True)
    agencies = Organisation.objects.active(on=today).of_kind(OrganisationKind.STATE_AGENCY)
    represented = agencies.filter(
        Exists(
            ContactPerson.objects.representatives()
            .current()
            .filter(organisation=OuterRef("pk"), active_from__lte=today)
        )
    )
    summary = agencies.aggregate(
        agencies=Count("pk"), represented=Count("pk", filter=Q(pk__in=represented.values("pk")))
    )
    return {
        "total": counts["named"] + counts["ended"],
        "counts": {
            "rows": [
                {"key": change, "change": change, "n": counts[change]}
                for change in ("named", "ended")
            ]
        },
        "rows": rows[:limit],
        "summary": summary,
    }


def _days(field, since_day, today):
    """A date field within the days since the last meeting, up to today."""
    condition = Q(**{f"{field}__lte": today})
    if since_day is not None:
        condition &= Q(**{f"{field}__gte": since_day})
    return condition

"""The figures the ministry team's dashboard adds to the public ones (`reporting.figures`):
coverage over several periods at once, activity totals by kind and by region, coverage per
wellbeing services county, the representative network's seats and the good-practice pipeline.

The same rules as the public figures (docs/adr/0026): only accepted reports count, N is the
organisations of the set that existed on the last day of the period, and n counts only
organisations that N counts. `organisations` is the set the dashboard's filters leave (an
Organisation queryset, or None for the whole registry). Every function runs a fixed number of
queries whatever the data size.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Sum, When
from django.db.models.functions import Coalesce

from organisations.models import (
    ContactPerson,
    ContactRole,
    CountyStatus,
    NominationRound,
    Organisation,
    OrganisationKind,
)

from .figures import (
    ALL_KINDS_LABEL,
    ASKED_KINDS,
    PRIORITISED,
    KindCoverage,
    organisations_per_kind,
)
from .models import (
    Activity,
    ActivityKind,
    GoodPractice,
    ItemStatus,
    PeriodReport,
    PracticeStatus,
)

# The kinds asked for a network representative when no round has said otherwise (the letter
# asks the agencies, §4).
DEFAULT_NETWORK_KINDS = [OrganisationKind.STATE_AGENCY]
# The two areas of the tile map that are not wellbeing services counties.
HELSINKI = "helsinki"
ALAND = "aland"


def _organisations(organisations):
    return Organisation.objects.all() if organisations is None else organisations


def _existed(organisations, day, organisation_ref):
    """Exists: the organisation `organisation_ref` is of the set and existed on `day`."""
    return Exists(_organisations(organisations).active(on=day).filter(pk=organisation_ref))


def coverage_by_period(periods, *, organisations=None, totals=None) -> dict:
    """{period pk: [KindCoverage per asked kind, then all kinds]}. Two queries, one when
    `totals` (organisations_per_kind of the same periods and set) is given."""
    periods = list(periods)
    if not periods:
        return {}
    if totals is None:
        totals = organisations_per_kind(periods, organisations=organisations)
    accepted = (
        PeriodReport.objects.accepted()
        .filter(period__in=[period.pk for period in periods])
        .filter(_existed(organisations, OuterRef("period__ends_on"), OuterRef("organisation_id")))
        .order_by()
        .values_list("period_id", "organisation__kind")
        .annotate(n=Count("pk"))
    )
    reported = {(period_id, kind): n for period_id, kind, n in accepted}
    found = {}
    for period in periods:
        rows = [
            KindCoverage(kind, totals[(period.pk, kind)], reported.get((period.pk, kind), 0))
            for kind in ASKED_KINDS
        ]
        total = KindCoverage("", sum(r.organisations for r in rows), sum(r.reported for r in rows))
        found[period.pk] = [*rows, total]
    return found


@dataclass(frozen=True)
class KindTotals:
    """The public activities of one kind: how many, their people and items, from how many
    organisations."""

    kind: str
    count: int = 0
    organisations: int = 0
    participants: int = 0
    officials: int = 0
    completions: int = 0
    prioritised: int = 0
    published: int = 0
    regions: int = 0

    @property
    def label(self):
        return ActivityKind(self.kind).label


def _counted_activities(organisations):
    activities = Activity.objects.public()
    if organisations is not None:
        activities = activities.filter(organisation__in=organisations.values("pk"))
    return activities.order_by()


def _sums(distinct_organisations=True):
    sums = {
        "count": Count("pk"),
        "participants": Coalesce(Sum("participants"), 0),
        "officials": Coalesce(Sum("officials"), 0),
        "completions": Coalesce(Sum("completions"), 0),
        "prioritised": Count("pk", filter=Q(item_status__in=PRIORITISED)),
        "published": Count("pk", filter=Q(item_status=ItemStatus.PUBLISHED)),
        "regions": Count("region", distinct=True),
    }
    if distinct_organisations:
        sums["organisations"] = Count("organisation", distinct=True)
    return sums


def activity_totals_by_kind(period, *, organisations=None) -> dict:
    """{kind: KindTotals}: the activities counted from the programme's start to the end of
    `period`, whatever their measure. One query."""
    rows = (
        _counted_activities(organisations)
        .filter(period__starts_on__lte=period.starts_on)
        .values("kind")
        .annotate(**_sums())
    )
    return {row["kind"]: KindTotals(**row) for row in rows}


def activity_totals_per_period(periods, *, organisations=None) -> dict:
    """{(period pk, kind): KindTotals} of the activities of each period alone (their
    `organisations` left 0: organisations cannot be summed over periods). One query."""
    rows = (
        _counted_activities(organisations)
        .filter(period__in=[period.pk for period in periods])
        .values("period_id", "kind")
        .annotate(**_sums(distinct_organisations=False))
    )
    return {(row.pop("period_id"), row["kind"]): KindTotals(**row) for row in rows}


@dataclass(frozen=True)
class RegionAcademies:
    region: object  # organisations.Region, or None where the academy gave none
    academies: int
    participants: int
    officials: int


def academies_by_region(period, regions, *, organisations=None) -> list:
    """The regional NGO academies counted up to the end of `period`, per region, in the
    regions' order (those without academies left out). One query; `regions` given."""
    rows = (
        _counted_activities(organisations)
        .filter(kind=ActivityKind.REGIONAL_ACADEMY, period__starts_on__lte=period.starts_on)
        .values("region_id")
        .annotate(
            academies=Count("pk"),
            participants=Coalesce(Sum("participants"), 0),
            officials=Coalesce(Sum("officials"), 0),
        )
    )
    by_region = {row.pop("region_id"): row for row in rows}
    ordered = [(region, by_region.get(region.pk)) for region in regions]
    ordered.append((None, by_region.get(None)))
    return [RegionAcademies(region, **row) for region, row in ordered if row]


@dataclass(frozen=True)
class AreaCoverage:
    """n of N organisations of one area of the map (a wellbeing services county with its
    municipalities, Helsinki or Åland) that had an accepted report for the period."""

    key: object  # a county's pk, HELSINKI or ALAND
    organisations: int
    reported: int

    @property
    def share(self):
        """The share reported, 0–100, or None when the area has no organisations in the set."""
        if not self.organisations:
            return None
        return round(100 * self.reported / self.organisations)


def coverage_by_area(period, *, organisations=None) -> dict:
    """{area key: AreaCoverage} for the organisations of the asked kinds in the set that
    existed at the end of `period`: a county counts itself and its municipalities, Helsinki and
    Åland their municipalities. Organisations in no area (agencies, ministries) are left out.
    One query."""
    accepted = PeriodReport.objects.accepted().filter(period=period, organisation=OuterRef("pk"))
    rows = (
        _organisations(organisations)
        .active(on=period.ends_on)
        .of_kind(*ASKED_KINDS)
        .annotate(
            county_key=Case(
                When(kind=OrganisationKind.WELLBEING_COUNTY, then=F("pk")),
                default=F("wellbeing_county_id"),
            )
        )
        .order_by()
        .values("county_key", "county_status")
        .annotate(total=Count("pk"), reported=Count("pk", filter=Q(Exists(accepted))))
    )
    special = {CountyStatus.HELSINKI_OWN: HELSINKI, CountyStatus.ALAND_OUTSIDE_REFORM: ALAND}
    found = {}
    for row in rows:
        key = row["county_key"] or special.get(row["county_status"])
        if key is None:
            continue
        before = found.get(key, AreaCoverage(key, 0, 0))
        found[key] = AreaCoverage(
            key, before.organisations + row["total"], before.reported + row["reported"]
        )
    return found


def network_kinds(day) -> list:
    """The kinds of organisation asked for a network representative: those of the rounds sent
    by `day`, or the agencies when none was. One query."""
    kinds = set()
    for targets in NominationRound.objects.filter(sent_at__date__lte=day).values_list(
        "target_kinds", flat=True
    ):
        kinds.update(targets or [])
    return [kind for kind in OrganisationKind.values if kind in kinds] or DEFAULT_NETWORK_KINDS


@dataclass(frozen=True)
class NetworkSeats:
    """The representative network on a day, for one kind ("" for all kinds together)."""

    kind: str
    organisations: int  # organisations of the kind asked for a representative
    represented: int  # of them with a representative on the day
    named_since_start: int  # representatives who started after the programme began
    ended_since_start: int  # representatives whose seat ended (a change, or left vacant)

    @property
    def vacant(self):
        return max(self.organisations - self.represented, 0)

    @property
    def label(self):
        return OrganisationKind(self.kind).label if self.kind else ALL_KINDS_LABEL


def network_seats(day, programme_start, kinds, *, organisations=None) -> list:
    """[NetworkSeats per kind, then all together] on `day`, with the changes between
    `programme_start` and `day`. Two queries."""
    seated = ContactPerson.objects.representatives().filter(
        organisation=OuterRef("pk"), active_from__lte=day
    )
    seated = seated.filter(Q(active_to__isnull=True) | Q(active_to__gte=day))
    asked = _organisations(organisations).active(on=day).of_kind(*kinds)
    counts = dict(
        (kind, (total, represented))
        for kind, total, represented in asked.order_by()
        .values("kind")
        .annotate(total=Count("pk"), represented=Count("pk", filter=Q(Exists(seated))))
        .values_list("kind", "total", "represented")
    )
    changes = (
        ContactPerson.objects.filter(
            role=ContactRole.NETWORK_REPRESENTATIVE,
            organisation__in=_organisations(organisations).of_kind(*kinds).values("pk"),
        )
        .order_by()
        .values("organisation__kind")
        .annotate(
            named=Count("pk", filter=Q(active_from__gt=programme_start, active_from__lte=day)),
            ended=Count("pk", filter=Q(active_to__gte=programme_start, active_to__lt=day)),
        )
    )
    changed = {row["organisation__kind"]: (row["named"], row["ended"]) for row in changes}
    rows = [
        NetworkSeats(kind, *counts.get(kind, (0, 0)), *changed.get(kind, (0, 0))) for kind in kinds
    ]
    total = NetworkSeats(
        "",
        sum(r.organisations for r in rows),
        sum(r.represented for r in rows),
        sum(r.named_since_start for r in rows),
        sum(r.ended_since_start for r in rows),
    )
    return [*rows, total]


@dataclass(frozen=True)
class Pipeline:
    """Good practices toward one measure (None: all practices, each once)."""

    measure_id: int | None
    submitted: int
    returned: int
    published: int  # by the end of the period
    published_in_period: int


def practice_pipeline(period, *, organisations=None) -> dict:
    """{measure pk or None: Pipeline}: practices waiting for review and returned (now), and
    published by the end of `period` and during it. Two queries."""
    practices = GoodPractice.objects.all()
    if organisations is not None:
        practices = practices.of_organisations(organisations.values("pk"))

    def counts(prefix):
        status, published_at = f"{prefix}status", f"{prefix}published_at__date"
        published = Q(**{status: PracticeStatus.PUBLISHED})
        return {
            "submitted": Count("pk", filter=Q(**{status: PracticeStatus.SUBMITTED})),
            "returned": Count("pk", filter=Q(**{status: PracticeStatus.RETURNED})),
            "published": Count(
                "pk", filter=published & Q(**{f"{published_at}__lte": period.ends_on})
            ),
            "published_in_period": Count(
                "pk",
                filter=published
                & Q(**{f"{published_at}__gte": period.starts_on})
                & Q(**{f"{published_at}__lte": period.ends_on}),
            ),
        }

    through = GoodPractice.measures.through.objects.filter(goodpractice__in=practices.values("pk"))
    rows = through.order_by().values("measure_id").annotate(**counts("goodpractice__"))
    found = {row["measure_id"]: Pipeline(**row) for row in rows}
    found[None] = Pipeline(None, **practices.order_by().aggregate(**counts("")))
    return found

"""Activities organisations log: saving one (its period, measure, recommendation and title
derived), the duplicate hint, and the Easy Language inventory's progress toward 2027."""

import difflib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.concurrency import lock_version
from avoin.permissions import is_ministry_team
from commitments.models import Audience, Event, Measure, Recommendation
from organisations.models import Channel
from reporting.activity_kinds import FROM_EVENT, FROM_TRAINING, KINDS
from reporting.models import (
    Activity,
    ActivityKind,
    ItemStatus,
    ReportingPeriod,
    quarter_dates,
    quarters,
)

DUPLICATE_SIMILARITY = 0.75


def events_offered():
    """The events one may log participation in: held on a known day within the programme,
    with a measure to count toward."""
    first_day = quarter_dates(*next(quarters()))[0]
    return Event.objects.filter(
        measure__isnull=False,
        precision=Event.Precision.DAY,
        date__range=(first_day, timezone.localdate()),
    )


def period_of(day):
    """The reporting period whose quarter includes `day`, or None outside the programme."""
    return ReportingPeriod.objects.containing(day).first()


def activity_date(kind, values):
    """The activity's own date: typed, or the event's date, or the quarter's first day."""
    spec = KINDS[kind]
    if spec.measure == FROM_EVENT:
        return values["event"].date if values.get("event") else None
    if "period" in spec.fields:
        return values["period"].starts_on if values.get("period") else None
    return values.get("happened_on")


def may_change(*, period, by) -> bool:
    """Editors log and change activities of periods that are not locked; the team always."""
    return not period.is_locked or is_ministry_team(by)


def measure_and_recommendation(*, organisation, kind, values):
    """The measure the activity counts toward and, where one applies, its recommendation."""
    spec = KINDS[kind]
    number = spec.measure
    if spec.measure in (FROM_TRAINING, FROM_EVENT):
        measure = values[spec.measure].measure
        number = None if measure else spec.fallback_measure
    if number is not None:
        measure = Measure.objects.get(number=number)
    audience = Audience.of_kind(organisation.kind)
    audiences = Audience.including(audience) if audience else [Audience.ALL_ACTORS]
    applicable = set(
        Recommendation.objects.filter(
            code__in=spec.recommendations, measure=measure, asks__audience__in=audiences
        ).values_list("code", flat=True)
    )
    code = next((code for code in spec.recommendations if code in applicable), None)
    return measure, (Recommendation.objects.get(code=code) if code else None)


def activity_save(
    *,
    organisation,
    kind,
    values: dict,
    by,
    instance: Activity | None = None,
    expected_version=None,
    channel=Channel.PORTAL,
) -> Activity:
    """Log an activity, or change `instance`: its period follows its date, its measure,
    recommendation and (where nobody types one) title follow its kind.

    Raises ValidationError for a date outside the programme's periods, PermissionDenied for an
    editor and a locked period (before or after the change), StaleEdit when someone saved
    `instance` after `expected_version`.
    """
    spec = KINDS[kind]
    if instance is not None and (instance.organisation_id, instance.kind) != (
        organisation.pk,
        kind,
    ):
        raise PermissionDenied  # an activity stays with its organisation and kind
    if not spec.allows(organisation):
        raise ValidationError(_("This kind of organisation does not log this kind of activity."))
    happened_on = activity_date(kind, values)
    period = period_of(happened_on) if happened_on else None
    if period is None:
        raise ValidationError({"happened_on": _("The date is outside the programme's quarters.")})
    team = is_ministry_team(by)
    with transaction.atomic():
        if instance is None:
            activity = Activity(organisation=organisation, kind=kind, entered_by=by)
            activity.channel = channel if team else Channel.PORTAL
        else:
            version = lock_version(Activity, instance.pk, expected_version)
            activity = Activity.objects.select_related("period").get(pk=instance.pk)
            if not may_change(period=activity.period, by=by):
                raise PermissionDenied
            activity.version = version + 1
            if team:
                activity.channel = channel
        if not may_change(period=period, by=by):
            raise PermissionDenied
        for name in spec.fields:
            if name in values:
                setattr(activity, name, values[name])
        activity.happened_on, activity.period = happened_on, period
        activity.title = spec.title_for(values)[:200]
        activity.measure, activity.recommendation = measure_and_recommendation(
            organisation=organisation, kind=kind, values=values
        )
        activity.full_clean()
        activity._history_user = by
        activity.save()
    return activity


def _normalised(title):
    return " ".join(title.lower().split())


def similar_activities(*, organisation, kind, values, exclude=None) -> list[Activity]:
    """The organisation's activities of this kind on the same date whose title is much alike
    (or, where the title comes from a course or event, of the same course or event)."""
    spec = KINDS[kind]
    happened_on = activity_date(kind, values)
    if happened_on is None:
        return []
    candidates = organisation.activities.filter(kind=kind, happened_on=happened_on)
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    if spec.derived_title in (FROM_TRAINING, FROM_EVENT):
        return list(candidates.filter(**{spec.derived_title: values.get(spec.derived_title)}))
    if spec.derived_title is not None:
        return list(candidates)
    title = _normalised(spec.title_for(values))
    return [
        candidate
        for candidate in candidates.only("pk", "title", "happened_on", "kind", "language")
        if difflib.SequenceMatcher(None, title, _normalised(candidate.title)).ratio()
        >= DUPLICATE_SIMILARITY
    ]


@dataclass(frozen=True)
class Inventory:
    """An organisation's Easy Language inventory: items found, prioritised and published."""

    identified: int
    prioritised: int
    published: int

    @property
    def share_published(self) -> int:
        """Published items as a percentage of the prioritised ones (0 when none is)."""
        return round(100 * self.published / self.prioritised) if self.prioritised else 0


PRIORITISED = [ItemStatus.PRIORITISED, ItemStatus.IN_PRODUCTION, ItemStatus.PUBLISHED]


def easy_language_inventory(*, organisation) -> Inventory:
    """Progress toward the letter's "by 2027": how many prioritised items are published.
    Every item counts, whatever its period: the inventory is the organisation's current list."""
    counts = organisation.activities.filter(kind=ActivityKind.EASY_LANGUAGE_ITEM).aggregate(
        identified=Count("pk"),
        prioritised=Count("pk", filter=Q(item_status__in=PRIORITISED)),
        published=Count("pk", filter=Q(item_status=ItemStatus.PUBLISHED)),
    )
    return Inventory(**counts)

"""What the activity pages show: a kind's facts as label and value, and an activity's history
(who, what, when, and whether it came after its period closed)."""

from dataclasses import dataclass

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from avoin.formats import finnish_date
from organisations.models import Channel
from reporting.activity_kinds import KINDS
from reporting.models import Activity, ReportingPeriod

NOT_SHOWN_AS_FACTS = {"title", "language", "description"}


@dataclass
class Fact:
    label: str
    value: str
    is_link: bool = False


def label_of(kind, name) -> str:
    """A field's label as the kind's form shows it."""
    spec = KINDS[kind]
    return str(spec.labels.get(name) or capfirst(Activity._meta.get_field(name).verbose_name))


def _shown(activity, name) -> str:
    field = Activity._meta.get_field(name)
    value = getattr(activity, name)
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(getattr(activity, f"get_{name}_display")())
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateField):
        return finnish_date(value)
    if name == "period":
        return value.label
    if isinstance(field, models.ForeignKey):
        return str(getattr(value, "title", None) or getattr(value, "name", value))
    return str(value)


def activity_facts(activity) -> list[Fact]:
    """The kind's own fields, in the form's order, with the labels the form uses."""
    fields = KINDS[activity.kind].fields
    shown = [name for name in fields if name not in NOT_SHOWN_AS_FACTS]
    if "happened_on" not in fields:
        shown.insert(0, "happened_on")
    return [
        Fact(
            label=label_of(activity.kind, name),
            value=_shown(activity, name),
            is_link=name == "url" and bool(activity.url),
        )
        for name in shown
    ]


@dataclass
class Change:
    when: object
    who: object
    what: str
    late: bool


HIDDEN_CHANGES = ["version", "updated_at", "entered_at", "entered_by"]


def activity_history(activity, limit=50) -> list[Change]:
    """The activity's changes, newest first; each marked late if made after the period of the
    activity (as it was then) had closed."""
    records = list(activity.history.select_related("history_user").order_by("history_date"))
    periods = ReportingPeriod.objects.in_bulk({record.period_id for record in records})
    changes, previous = [], None
    for record in records:
        if previous is None:
            what = _("Logged")
            if record.channel != Channel.PORTAL:
                what = _("Logged by the Open Government Team (received by %(channel)s)") % {
                    "channel": record.get_channel_display().lower()
                }
        else:
            delta = record.diff_against(previous, excluded_fields=HIDDEN_CHANGES)
            order = {name: index for index, name in enumerate(KINDS[activity.kind].fields)}
            fields = sorted(delta.changed_fields, key=lambda name: order.get(name, len(order)))
            names = [label_of(activity.kind, name) for name in fields]
            what = _("Changed: %(fields)s") % {"fields": ", ".join(names) or "–"}
        period = periods.get(record.period_id)
        changes.append(
            Change(
                when=record.history_date,
                who=record.history_user,
                what=what,
                late=bool(period and period.is_late(record.history_date)),
            )
        )
        previous = record
    return changes[::-1][:limit]


def activity_summary(activity) -> str:
    """A line for lists: the kind's headline facts ("Participants: 45")."""
    names = KINDS[activity.kind].summary
    return "; ".join(
        f"{label_of(activity.kind, name)}: {_shown(activity, name)}"
        for name in names
        if getattr(activity, name) not in (None, "")
    )

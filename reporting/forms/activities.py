"""The form of each kind of activity, built from its row in `reporting/activity_kinds.py`."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avoin.concurrency import VersionedModelForm
from avoin.formats import finnish_date
from avoin.forms import LINK, AccessibleErrorsMixin, DateBetween
from commitments.models import Training
from organisations.models import Channel, Region
from reporting.activity_kinds import KINDS
from reporting.models import (
    MAX_PEOPLE,
    Activity,
    ActivityKind,
    ReportingPeriod,
    quarter_dates,
    quarters,
)
from reporting.services.activities import (
    activity_date,
    events_offered,
    may_change,
    period_of,
    similar_activities,
)

# The programme's quarters: an activity's date must fall in one of them.
FIRST_DAY = quarter_dates(*next(quarters()))[0]
LAST_DAY = quarter_dates(*list(quarters())[-1])[1]
PROGRAMME_DATES = DateBetween(FIRST_DAY, LAST_DAY)
# Easy Language content may have been published before the programme began.
PUBLISHED_DATES = DateBetween(datetime.date(2000, 1, 1), LAST_DAY)
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
NUMBER_FIELDS = {
    "participants": MAX_PEOPLE,
    "officials": MAX_PEOPLE,
    "completions": MAX_PEOPLE,
    "priority": 999,
}
# The field that decides an activity's date, and so its period: typed, or from a quarter or event.
DATE_DECIDING = ("happened_on", "period", "event")
TEXTAREAS = {"description": 4, "partners": 3}


class FinnishDateInput(forms.DateInput):
    """A text field showing the date as Finns write it (9.2.2024), whatever the browser's own
    date picker would show; ISO dates are accepted too."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return finnish_date(value)
        return super().format_value(value)


class ActivityForm(AccessibleErrorsMixin, VersionedModelForm):
    """The common part of every kind's form: dates within the programme and not in the
    future, web addresses http or https only, the team's channel, and the duplicate check."""

    spec = None  # the kind's KindSpec, set by activity_form_class

    save_anyway = forms.BooleanField(label=_("Save anyway"), required=False)

    def __init__(self, *args, organisation, user, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation, self.user = organisation, user
        self.duplicates = []
        for name, field in self.fields.items():
            self._prepare(name, field)
        if on_behalf:
            self.fields["channel"] = forms.ChoiceField(
                label=_("How the information came"),
                choices=Channel.choices,
                initial=self.instance.channel if self.instance.pk else Channel.EMAIL,
                help_text=_("Recorded with the activity: entered by the Open Government Team."),
            )

    def _prepare(self, name, field):
        spec = self.spec
        if name in spec.labels:
            field.label = spec.labels[name]
        if name in spec.help_texts:
            field.help_text = spec.help_texts[name]
        if name in spec.required:
            field.required = True
        if name in ("happened_on", "published_on"):
            dates = PROGRAMME_DATES if name == "happened_on" else PUBLISHED_DATES
            field.widget = FinnishDateInput()
            field.input_formats = DATE_FORMATS
            field.validators.append(dates)
            field.help_text = _("Day.month.year, for example %(example)s.") % {
                "example": finnish_date(datetime.date(2024, 3, 19))
            }
        elif name == "url":
            # http and https only, in place of the field's own check (one error, not two)
            field.validators = [v for v in field.validators if not isinstance(v, URLValidator)]
            field.validators.append(LINK)
            field.widget = forms.TextInput(
                attrs={"inputmode": "url", "autocomplete": "url", "maxlength": field.max_length}
            )
            field.help_text = field.help_text or _("Begins with https:// or http://.")
        elif name in NUMBER_FIELDS:
            field.widget.attrs.update({"min": 0, "max": NUMBER_FIELDS[name], "step": 1})
        elif name in TEXTAREAS:
            field.widget = forms.Textarea(attrs={"rows": TEXTAREAS[name]})
        elif name == "training":
            field.queryset = Training.objects.order_by("status", "position")
            field.label_from_instance = lambda training: training.title
        elif name == "event":
            field.queryset = events_offered()
            field.label_from_instance = lambda event: f"{finnish_date(event.date)} {event.title}"
        elif name == "period":
            field.queryset = ReportingPeriod.objects.filter(starts_on__lte=timezone.localdate())
            field.label_from_instance = lambda period: period.label
        elif name == "region":
            field.queryset = Region.objects.all()
            field.label_from_instance = lambda region: region.name

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day and day > timezone.localdate():
            raise ValidationError(
                _("The date cannot be in the future: log it once it has happened.")
            )
        return day

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day and day > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return day

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        day = activity_date(self.spec.kind, data)
        period = period_of(day) if day else None
        field = next(name for name in DATE_DECIDING if name in self.fields)
        if period is None:
            self.add_error(field, _("The date is outside the programme's quarters."))
        elif not may_change(period=period, by=self.user):
            self.add_error(
                field,
                _(
                    "%(period)s is locked: only the Open Government Team can add or change its "
                    "activities. Send the details to avoinhallinto@gov.fi."
                )
                % {"period": period},
            )
        else:
            self._check_duplicates(data)
        return data

    def _check_duplicates(self, data):
        identifying = {"title", *DATE_DECIDING, "training"}
        if self.instance.pk and not identifying & set(self.changed_data):
            return  # confirmed when it was logged, or no duplicate then
        self.duplicates = similar_activities(
            organisation=self.organisation,
            kind=self.spec.kind,
            values=data,
            exclude=self.instance if self.instance.pk else None,
        )
        if self.duplicates and not data.get("save_anyway"):
            self.add_error(
                "save_anyway",
                _(
                    "This looks like an activity already logged (listed above). Check it; if "
                    "this is another one, tick “Save anyway” and save again."
                ),
            )

    def entry_fields(self):
        """The bound fields of the entry itself: the channel first, no "Save anyway"."""
        names = (["channel"] if "channel" in self.fields else []) + list(self.spec.fields)
        return [self[name] for name in names]

    def values(self) -> dict:
        """The kind's own fields, for `activity_save`."""
        return {name: self.cleaned_data[name] for name in self.spec.fields}


def https_by_default(db_field, **kwargs):
    """Model fields' form fields; a web address typed without a scheme gets https://."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


def activity_form_class(kind: ActivityKind):
    """The ModelForm of one kind of activity: its columns, labels and required fields."""
    spec = KINDS[kind]
    meta = type(
        "Meta",
        (),
        {"model": Activity, "fields": list(spec.fields), "formfield_callback": https_by_default},
    )
    return type(
        f"{kind.title().replace('_', '')}Form", (ActivityForm,), {"Meta": meta, "spec": spec}
    )


class ActivityFilterForm(AccessibleErrorsMixin, forms.Form):
    """Filters of an organisation's activity list: kind and period."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    period = forms.ModelChoiceField(
        label=_("Period"),
        required=False,
        queryset=ReportingPeriod.objects.all(),
        empty_label=_("All periods"),
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (spec.kind.value, spec.kind.label) for spec in kinds
        ]
        self.fields["period"].queryset = ReportingPeriod.objects.filter(
            starts_on__lte=timezone.localdate()
        ).order_by("-starts_on")
        self.fields["period"].label_from_instance = lambda period: str(period)

    def filter(self, activities):
        data = self.cleaned_data
        if data["kind"]:
            activities = activities.of_kind(data["kind"])
        if data["period"]:
            activities = activities.in_period(data["period"])
        return activities

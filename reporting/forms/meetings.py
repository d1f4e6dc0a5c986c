"""The team's forms for working-group meetings: the meeting itself (when, where, the period
reviewed, agenda and minutes), a decision, and an action item."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin, DateField
from commitments.models import Action, Measure
from reporting.models import ActionItem, Decision, Meeting, ReportingPeriod

from .progress import PERIOD_DATES


class LinkField(forms.URLField):
    """A web address; one typed without a scheme is taken as https."""

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class MeetingForm(AccessibleErrorsMixin, forms.ModelForm):
    """When and where the meeting is held, the period it reviews, its agenda and minutes."""

    class Meta:
        model = Meeting
        fields = ["held_on", "starts_at", "place", "link", "period", "agenda", "minutes"]
        field_classes = {"held_on": DateField, "link": LinkField}
        widgets = {
            "starts_at": forms.TimeInput(format="%H:%M", attrs={"class": "input-time"}),
            "agenda": forms.Textarea(attrs={"rows": 8}),
            "minutes": forms.Textarea(attrs={"rows": 12}),
        }
        help_texts = {"starts_at": _("For example 13:00. Leave empty if not decided yet.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].validators.append(PERIOD_DATES)
        self.fields["starts_at"].input_formats = ["%H:%M", "%H.%M"]
        self.fields["starts_at"].error_messages["invalid"] = _(
            "Enter the time as hh:mm, for example 13:00."
        )
        self.fields["period"].queryset = ReportingPeriod.objects.order_by("-starts_on")
        self.fields["period"].empty_label = None
        self.fields["link"].help_text = _("For an online or hybrid meeting (https://…).")

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("link") and not self.has_error("link"):
            self.add_error("place", _("Give the place, the link to the online meeting, or both."))
        held_on, period = data.get("held_on"), data.get("period")
        if held_on and period and held_on < period.starts_on:
            self.add_error(
                "period", _("A meeting reviews a period that has begun by the meeting's day.")
            )
        return data


class ConcernsForm(AccessibleErrorsMixin, forms.ModelForm):
    """A decision or action item may concern a measure or one of the team's actions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.order_by("number")
        self.fields["measure"].label_from_instance = lambda measure: (
            f"{measure.number} {measure.title}"
        )
        self.fields["action"].queryset = Action.objects.order_by("measure__number", "position")
        self.fields["action"].label_from_instance = lambda action: action.code
        self.fields["measure"].empty_label = self.fields["action"].empty_label = _("None")

    def clean(self):
        data = super().clean()
        if data.get("measure") and data.get("action"):
            self.add_error("action", _("Choose a measure or an action, not both."))
        return data


class DecisionForm(ConcernsForm):
    class Meta:
        model = Decision
        fields = ["text", "measure", "action"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ActionItemForm(ConcernsForm):
    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on", "status", "measure", "action"]
        field_classes = {"due_on": DateField}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].validators.append(PERIOD_DATES)

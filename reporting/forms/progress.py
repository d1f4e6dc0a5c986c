"""The checklist of an organisation's period report, its review, and the periods' dates."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin, DateBetween, DateField, LinksField
from organisations.models import Channel
from reporting.models import EVIDENCE_MAX_LENGTH, ProgressStatus, ReportingPeriod

# Period dates stay within the programme's years, with room for a late meeting.
PERIOD_DATES = DateBetween(datetime.date(2023, 10, 1), datetime.date(2028, 3, 31))


class ChecklistForm(AccessibleErrorsMixin, forms.Form):
    """A status, what was done and links for each recommendation that concerns the
    organisation; `rows()` pairs each recommendation with its three fields."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, recommendations, starting, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendations = list(recommendations)
        for recommendation in self.recommendations:
            status, evidence, links = starting.get(
                recommendation.pk, (ProgressStatus.NOT_STARTED, "", [])
            )
            key = recommendation.pk
            self.fields[f"status_{key}"] = forms.ChoiceField(
                label=_("Status"), choices=ProgressStatus.choices, initial=status
            )
            self.fields[f"evidence_{key}"] = forms.CharField(
                label=_("What was done"),
                max_length=EVIDENCE_MAX_LENGTH,
                required=False,
                initial=evidence,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Public once the Open Government Team accepts the report."),
            )
            self.fields[f"links_{key}"] = LinksField(
                label=_("Links"),
                required=False,
                initial=links,
                help_text=_("One web address a line (http or https)."),
            )
        if on_behalf:
            self.fields["channel"] = forms.ChoiceField(
                label=_("How the report came"),
                choices=Channel.choices,
                initial=Channel.EMAIL,
            )

    def rows(self):
        """(recommendation, status field, evidence field, links field) in the letter's order."""
        return [
            (r, self[f"status_{r.pk}"], self[f"evidence_{r.pk}"], self[f"links_{r.pk}"])
            for r in self.recommendations
        ]

    def entries(self) -> dict:
        """{recommendation: (status, evidence, links)} for `progress_save`."""
        data = self.cleaned_data
        return {
            r: (data[f"status_{r.pk}"], data[f"evidence_{r.pk}"], data[f"links_{r.pk}"])
            for r in self.recommendations
        }


class ReviewForm(AccessibleErrorsMixin, forms.Form):
    """The team accepts a submitted report, or returns it with a note."""

    ACCEPT, RETURN = "accept", "return"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ACCEPT, _("Accept the report")), (RETURN, _("Return it for changes"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("What should be changed"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when returning; emailed to the organisation's editors."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.RETURN and not data.get("note", "").strip():
            self.add_error("note", _("Say what should be changed."))
        return data


class PeriodForm(AccessibleErrorsMixin, forms.ModelForm):
    """The team adjusts when a period's reporting opens and closes, and its meeting's date."""

    class Meta:
        model = ReportingPeriod
        fields = ["opens_on", "closes_on", "meeting_on"]
        field_classes = {name: DateField for name in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.validators.append(PERIOD_DATES)

    def clean(self):
        data = super().clean()
        opens, closes, meeting = (data.get(n) for n in ("opens_on", "closes_on", "meeting_on"))
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Reporting cannot close before it opens."))
        if self.instance.pk and opens and opens > self.instance.ends_on:
            self.add_error(
                "opens_on", _("Reporting opens by the end of its quarter at the latest.")
            )
        if closes and meeting and meeting < closes:
            self.add_error(
                "meeting_on", _("The meeting comes after reporting closes: it reviews the reports.")
            )
        return data

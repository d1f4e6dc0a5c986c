"""Choosing the period that a page of figures or an update is about."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PeriodChoiceForm(forms.Form):
    """One of the given periods, from the query string; `chosen()` falls back to `default`."""

    period = forms.TypedChoiceField(label=_("Period"), coerce=int)

    def __init__(self, data=None, *, periods, default=None, **kwargs):
        super().__init__(data, **kwargs)
        self.periods = {period.pk: period for period in periods}
        self.default = default
        self.fields["period"].choices = [(period.pk, period.label) for period in periods]
        if default is not None:
            self.fields["period"].initial = default.pk

    def chosen(self):
        """The period asked for, or the default when none (or an unknown one) was asked."""
        if self.is_bound and self.is_valid():
            return self.periods[self.cleaned_data["period"]]
        return self.default

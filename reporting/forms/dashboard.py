"""The progress dashboard's choices: the period, and which organisations count (kind, region,
wellbeing services county, language status)."""

from django import forms
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin
from organisations.forms import OrganisationFacetsForm
from organisations.models import Organisation
from reporting.figures import ASKED_KINDS
from reporting.models import ReportingPeriod

FACETS = ("kind", "region", "county", "language")


class DashboardFilterForm(AccessibleErrorsMixin, OrganisationFacetsForm):
    """Every field optional: no period means the latest closed one, no filter all organisations
    that the plan asks something of."""

    field_order = ["period", "kind", "region", "county", "language"]

    period = forms.ModelChoiceField(
        label=_("Period"), required=False, queryset=ReportingPeriod.objects.none(), empty_label=None
    )
    language = forms.ChoiceField(
        label=_("Language status"),
        required=False,
        choices=[("", _("All language statuses"))] + Organisation.LanguageStatus.choices,
        help_text=_("Known for municipalities only."),
    )

    def __init__(self, data=None, *, default_period=None, **kwargs):
        if data is not None and default_period is not None and not data.get("period"):
            # The select then shows the period the page is about, and sends it back.
            data = data.copy()
            data["period"] = default_period.pk
        super().__init__(data, **kwargs)
        self.default_period = default_period
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (kind, Organisation.Kind(kind).label) for kind in ASKED_KINDS
        ]
        period = self.fields["period"]
        period.queryset = ReportingPeriod.objects.filter(
            starts_on__lte=timezone.localdate()
        ).order_by("-starts_on")
        period.label_from_instance = lambda item: item.label
        if default_period is not None:
            period.initial = default_period.pk

    def chosen_period(self):
        return self.cleaned_data.get("period") or self.default_period

    def facets(self) -> dict:
        """The organisation filters given, by name."""
        return {name: self.cleaned_data[name] for name in FACETS if self.cleaned_data.get(name)}

    def query(self) -> str:
        """The chosen period and filters as a query string, the same for every way of asking
        for them: what the downloads link to, and part of the figures' cache key."""
        chosen = {"period": self.chosen_period(), **self.facets()}
        # As the form's own fields write them (a county by its code, a period by its pk).
        return urlencode({name: self.fields[name].prepare_value(v) for name, v in chosen.items()})

    def organisations(self):
        """The organisations the filters leave, or None when no filter is given (all)."""
        facets = self.facets()
        return Organisation.objects.facets(**facets) if facets else None

    def description(self) -> list:
        """(label, value) of the period and of every filter, as a download's preamble says."""
        lines = [(str(self.fields["period"].label), self.chosen_period().label)]
        for name in FACETS:
            field = self[name]
            value = self.cleaned_data.get(name)
            if not value:
                shown = (
                    dict(field.field.choices).get("", "")
                    if name in ("kind", "language")
                    else (field.field.empty_label)
                )
            elif name in ("region", "county"):
                shown = value.name
            else:
                shown = dict(field.field.choices)[value]
            lines.append((str(field.label), str(shown)))
        return lines

from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin
from organisations.models import Organisation


class AskedOfUsForm(AccessibleErrorsMixin, forms.Form):
    """Choose a kind of organisation to see what the letter asks of it."""

    KIND_CHOICES = [
        (Organisation.Kind.MUNICIPALITY.value, _("Municipality")),
        (Organisation.Kind.WELLBEING_COUNTY.value, _("Wellbeing services county")),
        ("state_administration", _("State administration (agency or ministry)")),
    ]

    kind = forms.ChoiceField(label=_("We are a"), choices=KIND_CHOICES, widget=forms.RadioSelect)

    def organisation_kind(self):
        kind = self.cleaned_data["kind"]
        return Organisation.Kind.STATE_AGENCY if kind == "state_administration" else kind

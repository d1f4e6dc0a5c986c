from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin

from .models import Audience


class AskedOfUsForm(AccessibleErrorsMixin, forms.Form):
    """Choose a kind of organisation to see what the letter asks of it."""

    audience = forms.ChoiceField(label=_("We are"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = Audience.specific()

    def audiences(self):
        """The chosen audience and the general ones that include it."""
        return Audience.including(self.cleaned_data["audience"])

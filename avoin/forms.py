"""Form behaviour every form of the portal shares, and the sign-in forms."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AccessibleErrorsMixin:
    """Tie each field's error list (and help text) to the field with aria-describedby."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            described_by = [f"{bound.auto_id}_errors"]
            if self.fields[name].help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)


class SignInLinkForm(AccessibleErrorsMixin, forms.Form):
    email = forms.EmailField(label=_("Work email"), max_length=254)

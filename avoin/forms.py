"""Form behaviour every form of the portal shares, and the sign-in forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from avoin.formats import finnish_date


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


class DateBetween:
    """A validator: the date lies between `earliest` and `latest`, both included; its message
    names both, as Finns write dates."""

    def __init__(self, earliest, latest):
        self.earliest, self.latest = earliest, latest

    def __call__(self, value):
        if not self.earliest <= value <= self.latest:
            raise ValidationError(
                _("Give a date between %(earliest)s and %(latest)s."),
                code="date_range",
                params={
                    "earliest": finnish_date(self.earliest),
                    "latest": finnish_date(self.latest),
                },
            )

    def __eq__(self, other):
        return isinstance(other, DateBetween) and (self.earliest, self.latest) == (
            other.earliest,
            other.latest,
        )

    def deconstruct(self):
        return ("avoin.forms.DateBetween", (self.earliest, self.latest), {})


LINK = URLValidator(schemes=["http", "https"])


class LinksField(forms.CharField):
    """One http or https address a line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        errors = []
        for number, link in enumerate(value, 1):
            try:
                LINK(link)
            except ValidationError:
                errors.append(
                    ValidationError(
                        _("Line %(number)s: %(link)s is not a web address (http:// or https://)."),
                        params={"number": number, "link": link},
                    )
                )
        if errors:
            raise ValidationError(errors)

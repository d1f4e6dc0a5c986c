"""Form behaviour every form of the portal shares, and the sign-in forms."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from avoin.formats import finnish_date

# Dates are typed as Finns write them, in every language (ADR 0024); ISO dates are accepted too.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y klo %H.%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
]


# The largest id a database column holds (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


def _ids_within_range(field):
    """`field.clean` that refuses an id too large for any id column as an invalid choice before
    it reaches the database (SQLite raises OverflowError on it instead of finding nothing)."""
    clean = field.clean

    def bounded_clean(value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            text = str(item).strip()
            if text.lstrip("-").isdigit() and abs(int(text)) > LARGEST_ID:
                raise ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text},
                )
        return clean(value)

    return bounded_clean


class AccessibleErrorsMixin:
    """Tie each field's error list (and help text) to the field with aria-describedby.

    A group of radio buttons or checkboxes is described on its fieldset instead
    (includes/form_field.html), not on every option. Ids out of any column's range are refused
    as invalid choices, never passed to the database.
    """

    def full_clean(self):
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and "clean" not in vars(field):
                field.clean = _ids_within_range(field)
        super().full_clean()
        for name in self.errors:
            if name not in self.fields or self[name].use_fieldset:
                continue
            bound = self[name]
            described_by = [f"{bound.auto_id}_errors"]
            if self.fields[name].help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)


class DateInput(forms.TextInput):
    """A text box for a date, showing it as 9.2.2024 (browsers' own date pickers follow the
    browser's locale, not the page's)."""

    def __init__(self, attrs=None):
        super().__init__({"class": "input-date", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return finnish_date(value, "minute" if isinstance(value, datetime.datetime) else "day")
        return super().format_value(value)


def _with_hint(help_text, hint):
    return format_lazy("{} {}", help_text, hint) if help_text else hint


class DateField(forms.DateField):
    """A date typed as d.m.yyyy, with the format given as the field's hint."""

    widget = DateInput
    default_error_messages = {"invalid": _("Enter the date as dd.mm.yyyy, for example 9.2.2024.")}

    def __init__(self, *, help_text="", **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        hint = _("Format dd.mm.yyyy, for example 9.2.2024.")
        super().__init__(help_text=_with_hint(help_text, hint), **kwargs)


class DateTimeField(forms.DateTimeField):
    """A date and time typed as d.m.yyyy hh:mm (Helsinki time), with the format as the hint."""

    widget = DateInput
    default_error_messages = {
        "invalid": _("Enter the date and time as dd.mm.yyyy hh:mm, for example 9.2.2024 14:30.")
    }

    def __init__(self, *, help_text="", **kwargs):
        kwargs.setdefault("input_formats", DATETIME_INPUT_FORMATS)
        hint = _("Format dd.mm.yyyy hh:mm, for example 9.2.2024 14:30.")
        super().__init__(help_text=_with_hint(help_text, hint), **kwargs)


class SignInLinkForm(AccessibleErrorsMixin, forms.Form):
    email = forms.EmailField(label=_("Work email"), max_length=254)


class SecondFactorForm(AccessibleErrorsMixin, forms.Form):
    """A six-digit code from the authenticator app (or, when signing in, a recovery code)."""

    WRONG_CODE = _("The code was not accepted. Check it and try again.")

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


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

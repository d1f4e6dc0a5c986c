"""The participant's anonymous feedback form, with a honeypot and a signed start time in
place of a third-party spam service (docs/adr/0043)."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin
from reporting.models import MAX_DAYS_BEFORE, FeedbackAnswer

SALT = "reporting.feedback"
# A person needs longer than this to read and answer the form; a script does not.
MIN_SECONDS = 3
# A form left open longer than this is sent again, with a fresh start time.
MAX_AGE = 24 * 60 * 60


def started_stamp(token):
    return signing.TimestampSigner(salt=SALT).sign(token)


class FeedbackForm(AccessibleErrorsMixin, forms.ModelForm):
    started = forms.CharField(widget=forms.HiddenInput)
    # Left empty by people (it is hidden from view and from screen readers' tab order); a
    # script filling in every field fills it in too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = FeedbackAnswer
        fields = [
            "materials_in_time",
            "days_before",
            "could_influence",
            "accessible",
            "language",
            "group",
            "comment",
        ]
        widgets = {
            "materials_in_time": forms.RadioSelect,
            "could_influence": forms.RadioSelect,
            "accessible": forms.RadioSelect,
            "language": forms.RadioSelect,
            "days_before": forms.NumberInput(attrs={"min": 0, "max": MAX_DAYS_BEFORE}),
            "comment": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "days_before": _("Optional. A whole number of days, 0–365."),
            "group": _("Optional. Answers are shown only as totals of at least five."),
            "comment": _(
                "Optional, at most 1,000 characters. Do not write names or contact details."
            ),
        }

    def __init__(self, *args, token, **kwargs):
        super().__init__(*args, **kwargs)
        self.token = token
        self.fields["started"].initial = started_stamp(token)
        self.fields["group"].choices = [("", _("I prefer not to say"))] + [
            c for c in self.fields["group"].choices if c[0]
        ]
        for name in ("materials_in_time", "could_influence", "accessible", "language"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]

    def clean_started(self):
        signer = signing.TimestampSigner(salt=SALT)
        value = self.cleaned_data["started"]
        try:
            signer.unsign(value, max_age=MAX_AGE)
        except signing.SignatureExpired as expired:
            raise forms.ValidationError(
                _("The form was open for too long. Please answer again."), code="expired"
            ) from expired
        except signing.BadSignature as bad:
            raise forms.ValidationError(
                _("The form could not be read. Please open the link again."), code="bad"
            ) from bad
        if value.split(":", 1)[0] != self.token:
            raise forms.ValidationError(
                _("The form could not be read. Please open the link again.")
            )
        try:
            signer.unsign(value, max_age=MIN_SECONDS)
        except signing.SignatureExpired:
            return value
        raise forms.ValidationError(
            _("The answer came faster than a person can answer. Please check it and send again."),
            code="too_fast",
        )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."), code="honeypot")
        return ""

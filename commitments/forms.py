from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.formats import finnish_date
from avoin.forms import AccessibleErrorsMixin, DateField

from .models import AmendmentKind, Audience, PlanVersion
from .versioning import target_by_code


class AskedOfUsForm(AccessibleErrorsMixin, forms.Form):
    """Choose a kind of organisation to see what the letter asks of it."""

    audience = forms.ChoiceField(label=_("We are"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = Audience.specific()

    def audiences(self):
        """The chosen audience and the general ones that include it."""
        return Audience.including(self.cleaned_data["audience"])


class PlanVersionForm(AccessibleErrorsMixin, forms.ModelForm):
    """A new version of the plan: from when it is in effect and the evaluation it follows."""

    effective_from = DateField(label=_("In effect from"))

    class Meta:
        model = PlanVersion
        fields = ["effective_from", "title_fi", "title_sv", "title_en", "evaluation"]

    def clean_effective_from(self):
        day = self.cleaned_data["effective_from"]
        latest = PlanVersion.objects.filter(programme=self.instance.programme).last()
        if latest is not None and day <= latest.effective_from:
            raise forms.ValidationError(
                _("A new version takes effect after the previous one (%(day)s).")
                % {"day": finnish_date(latest.effective_from)}
            )
        return day


def _text(label, required=False):
    return forms.CharField(
        label=label, required=required, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AmendmentForm(AccessibleErrorsMixin, forms.Form):
    """One change: what, to which measure, recommendation or action, when and why."""

    version = forms.ModelChoiceField(label=_("Version"), queryset=PlanVersion.objects.none())
    kind = forms.ChoiceField(
        label=_("Change"), choices=AmendmentKind.choices, widget=forms.RadioSelect
    )
    code = forms.CharField(
        label=_("Measure, recommendation or action"),
        max_length=20,
        help_text=_(
            "Its identifier, for example 1.1, R1.1-p2 or 1.1.a1. Add a new one in the admin first."
        ),
    )
    effective_on = DateField(
        label=_("In effect from"), required=False, help_text=_("Empty: from the version's date.")
    )
    wording_fi = _text(_("New wording in Finnish"))
    wording_sv = _text(_("New wording in Swedish"))
    wording_en = _text(_("New wording in English"))
    reason_fi = _text(_("Reason in Finnish"), required=True)
    reason_sv = _text(_("Reason in Swedish"))
    reason_en = _text(_("Reason in English"))

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = PlanVersion.objects.filter(
            programme=programme, number__gt=1
        )
        self.fields["version"].label_from_instance = lambda v: f"{v.label} {v.title}"

    def clean_code(self):
        target = target_by_code(self.cleaned_data["code"])
        if target is None:
            raise forms.ValidationError(
                _("No measure, recommendation or action has this identifier.")
            )
        self.target = target
        return self.cleaned_data["code"]

    def texts(self, name) -> dict:
        return {lang: self.cleaned_data[f"{name}_{lang}"] for lang in ("fi", "sv", "en")}

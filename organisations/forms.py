from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin

from .models import Organisation, Region

SEARCH_MAX_LENGTH = 100


class OrganisationFilterForm(AccessibleErrorsMixin, forms.Form):
    """Search and filters of the organisation directory; every field is optional."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Finnish or Swedish name, abbreviation or code."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds"))] + Organisation.Kind.choices
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.all(),
        to_field_name="code",
        empty_label=_("All regions"),
    )
    county = forms.ModelChoiceField(
        label=_("Wellbeing services county"),
        required=False,
        queryset=Organisation.objects.of_kind(Organisation.Kind.WELLBEING_COUNTY),
        to_field_name="code",
        empty_label=_("All counties"),
    )
    language = forms.ChoiceField(
        label=_("Language status"),
        required=False,
        choices=[("", _("All language statuses"))] + Organisation.LanguageStatus.choices,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].label_from_instance = lambda region: region.name
        self.fields["county"].label_from_instance = lambda county: county.name

    def filter(self, queryset):
        data = self.cleaned_data
        queryset = queryset.search(data["q"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["region"]:
            queryset = queryset.filter(region=data["region"])
        if data["county"]:
            queryset = queryset.filter(wellbeing_county=data["county"])
        if data["language"]:
            queryset = queryset.filter(language_status=data["language"])
        return queryset

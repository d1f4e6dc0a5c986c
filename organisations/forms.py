import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.concurrency import VersionedModelForm
from avoin.forms import AccessibleErrorsMixin, DateBetween, DateField, DateTimeField

from .models import (
    ContactPerson,
    Language,
    Membership,
    NominationAction,
    NominationRequest,
    NominationRound,
    Organisation,
    Region,
    contacts_token,
    validate_business_id,
)

SEARCH_MAX_LENGTH = 100


class OrganisationFacetsForm(forms.Form):
    """Kind, region and wellbeing services county: filters other lists share."""

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].label_from_instance = lambda region: region.name
        self.fields["county"].label_from_instance = lambda county: county.name
        self.fields["county"].queryset = self.fields["county"].queryset.in_name_order()


class OrganisationFilterForm(AccessibleErrorsMixin, OrganisationFacetsForm):
    """Search and filters of the organisation directory; every field is optional."""

    field_order = ["q", "kind", "region", "county", "language", "former"]

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Finnish or Swedish name, abbreviation or code."),
    )
    language = forms.ChoiceField(
        label=_("Language status"),
        required=False,
        choices=[("", _("All language statuses"))] + Organisation.LanguageStatus.choices,
    )
    former = forms.BooleanField(
        label=_("Show former organisations"),
        required=False,
        help_text=_("Also those that have ceased, with what they became."),
    )

    def filter(self, organisations):
        data = self.cleaned_data
        organisations = organisations.search(data["q"])
        if not data["former"]:
            organisations = organisations.active()
        facets = {name: data[name] for name in ("kind", "region", "county", "language")}
        return organisations.facets(**facets)


class ContactPersonForm(AccessibleErrorsMixin, forms.ModelForm):
    """A new contact person. `contacts` carries the organisation's current contacts as the form
    showed them: if they changed meanwhile, the service refuses (StaleEdit)."""

    contacts = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ContactPerson
        fields = ["role", "name", "title", "email", "phone", "language"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].initial = contacts_token(organisation)


class ContactPersonEditForm(AccessibleErrorsMixin, VersionedModelForm):
    """Corrections to a current contact's details; a change of person is a new contact."""

    class Meta:
        model = ContactPerson
        fields = ["name", "title", "email", "phone", "language"]


class MemberInviteForm(AccessibleErrorsMixin, forms.Form):
    email = forms.EmailField(label=_("Work email"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.EDITOR
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=Language.choices)


class SuccessorField(forms.ModelChoiceField):
    def label_from_instance(self, membership):
        return membership.user.email or membership.user.username


class MemberChangeForm(AccessibleErrorsMixin, forms.Form):
    """A member's new role; the last editor stepping down names who becomes the editor."""

    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
    successor = SuccessorField(
        label=_("Who becomes the editor"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("You are the last editor: another member takes over the organisation."),
    )

    def __init__(self, *args, membership, needs_successor, **kwargs):
        kwargs.setdefault("initial", {"role": membership.role})
        super().__init__(*args, **kwargs)
        if needs_successor:
            self.fields["successor"].queryset = (
                Membership.objects.filter(organisation_id=membership.organisation_id)
                .exclude(pk=membership.pk)
                .select_related("user")
            )
        else:
            del self.fields["successor"]


class MemberRemoveForm(MemberChangeForm):
    """Removing a member asks nothing more, except a successor from the last editor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["role"]


ROUND_TARGET_CHOICES = [
    (Organisation.Kind.STATE_AGENCY.value, _("State agencies")),
    (Organisation.Kind.MINISTRY.value, _("Ministries")),
]


class NominationRoundForm(AccessibleErrorsMixin, forms.ModelForm):
    target_kinds = forms.MultipleChoiceField(
        label=_("Organisations asked"),
        choices=ROUND_TARGET_CHOICES,
        initial=[Organisation.Kind.STATE_AGENCY.value],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NominationRound
        fields = [
            "title_fi",
            "message_fi",
            "title_sv",
            "message_sv",
            "title_en",
            "message_en",
            "deadline",
            "target_kinds",
        ]
        field_classes = {"deadline": DateField}


class NominationAnswerForm(AccessibleErrorsMixin, forms.Form):
    """Confirm the representative on record, name a new one, or decline."""

    action = forms.ChoiceField(
        label=_("Our answer"), choices=NominationAction.choices, widget=forms.RadioSelect
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    representative_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    representative_title = forms.CharField(label=_("Title"), max_length=200, required=False)
    representative_email = forms.EmailField(label=_("Work email"), required=False)
    representative_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    representative_language = forms.ChoiceField(
        label=_("Preferred language"), choices=Language.choices, required=False
    )
    appointed_by_name = forms.CharField(
        label=_("Appointed by (name)"), max_length=200, required=False
    )
    appointed_by_title = forms.CharField(
        label=_("Appointed by (title)"), max_length=200, required=False
    )
    appointment_date = DateField(label=_("Date of appointment"), required=False)
    deputy_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    deputy_title = forms.CharField(label=_("Title"), max_length=200, required=False)
    deputy_email = forms.EmailField(label=_("Work email"), required=False)
    deputy_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    deputy_language = forms.ChoiceField(
        label=_("Preferred language"), choices=Language.choices, required=False
    )
    decline_reason = forms.CharField(
        label=_("Reason for declining"), max_length=2000, required=False, widget=forms.Textarea
    )

    NEW_REQUIRED = [
        "representative_name",
        "representative_email",
        "appointed_by_name",
        "appointed_by_title",
        "appointment_date",
    ]

    def __init__(self, *args, has_representative=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_representative = has_representative
        if not has_representative:
            self.fields["action"].choices = [
                choice
                for choice in NominationAction.choices
                if choice[0] != NominationAction.CONFIRM
            ]

    def clean(self):
        data = super().clean()
        action = data.get("action")
        required = _("This field is required.")
        if action == NominationAction.NAME_NEW:
            for name in self.NEW_REQUIRED:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, required)
            if any(data.get(f"deputy_{part}") for part in ("name", "email")):
                for name in ("deputy_name", "deputy_email"):
                    if not data.get(name) and name not in self.errors:
                        self.add_error(name, required)
        elif action == NominationAction.DECLINE and not data.get("decline_reason"):
            self.add_error("decline_reason", required)
        return data

    def person(self, prefix):
        data = self.cleaned_data
        if not data.get(f"{prefix}_name"):
            return None
        return {
            "name": data[f"{prefix}_name"],
            "title": data[f"{prefix}_title"],
            "email": data[f"{prefix}_email"],
            "phone": data[f"{prefix}_phone"],
            "language": data[f"{prefix}_language"] or Language.FINNISH,
        }

    def answer(self):
        """Keyword arguments for `nomination_answer`."""
        data = self.cleaned_data
        return {
            "action": data["action"],
            "expected_version": data["version"],
            "representative": self.person("representative"),
            "deputy": self.person("deputy"),
            "appointed_by_name": data["appointed_by_name"],
            "appointed_by_title": data["appointed_by_title"],
            "appointment_date": data["appointment_date"],
            "decline_reason": data["decline_reason"],
        }


class NominationAnswerOnBehalfForm(NominationAnswerForm):
    """The ministry team records an answer that came by email or phone."""

    channel = forms.ChoiceField(
        label=_("How the answer came"),
        choices=[
            choice
            for choice in NominationRequest.Channel.choices
            if choice[0] != NominationRequest.Channel.PORTAL
        ],
    )
    received_at = DateTimeField(
        label=_("Received (date and time)"),
        help_text=_("When the answer arrived; decides whether it was on time."),
    )

    def answer(self):
        return {
            **super().answer(),
            "channel": self.cleaned_data["channel"],
            "answered_at": self.cleaned_data["received_at"],
        }


# --- One row of an organisation import file -----------------------------------------------------

IMPORT_DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
PLAUSIBLE_VALIDITY = DateBetween(datetime.date(1800, 1, 1), datetime.date(2100, 12, 31))

# Columns named otherwise than the model field they set.
MODEL_FIELD_OF_COLUMN = {
    "region_code": "region",
    "wellbeing_county_code": "wellbeing_county",
    "ministry_abbreviation": "ministry",
    "registry_email": "email",
}
# Columns that set no field of the row's own organisation (`kind` is how it is found).
NOT_FIELD_COLUMNS = {"kind", "merged_into_code", "successor_name_fi", "source_ids"}


class OrganisationRowForm(forms.Form):
    """One row of an import file, validated as a form so errors name their column."""

    kind = forms.ChoiceField(choices=Organisation.Kind.choices)
    code = forms.CharField(max_length=20, required=False)
    business_id = forms.CharField(max_length=9, required=False, validators=[validate_business_id])
    abbreviation = forms.CharField(max_length=50, required=False)
    name_fi = forms.CharField(max_length=200)
    name_sv = forms.CharField(max_length=200, required=False)
    name_en = forms.CharField(max_length=200, required=False)
    language_status = forms.ChoiceField(
        choices=[("", "")] + Organisation.LanguageStatus.choices, required=False
    )
    region_code = forms.ModelChoiceField(
        queryset=Region.objects.all(), to_field_name="code", required=False
    )
    wellbeing_county_code = forms.ModelChoiceField(
        queryset=Organisation.objects.of_kind(Organisation.Kind.WELLBEING_COUNTY),
        to_field_name="code",
        required=False,
    )
    ministry_abbreviation = forms.ModelChoiceField(
        queryset=Organisation.objects.of_kind(Organisation.Kind.MINISTRY),
        to_field_name="abbreviation",
        required=False,
    )
    valid_from = forms.DateField(
        input_formats=IMPORT_DATE_FORMATS, required=False, validators=[PLAUSIBLE_VALIDITY]
    )
    valid_to = forms.DateField(
        input_formats=IMPORT_DATE_FORMATS, required=False, validators=[PLAUSIBLE_VALIDITY]
    )
    merged_into_code = forms.CharField(max_length=20, required=False)
    successor_name_fi = forms.CharField(max_length=1000, required=False)
    email = forms.EmailField(required=False)
    registry_email = forms.EmailField(required=False)
    note = forms.CharField(max_length=2000, required=False)
    source_ids = forms.CharField(max_length=100, required=False)

    def clean(self):
        data = super().clean()
        if (
            data.get("valid_from")
            and data.get("valid_to")
            and data["valid_to"] < data["valid_from"]
        ):
            self.add_error("valid_to", _("The end date is before the start date."))
        return data

    def values(self, columns):
        """Model values for the columns the file has; absent columns leave fields alone."""
        return {
            MODEL_FIELD_OF_COLUMN.get(column, column): self.cleaned_data[column]
            for column in columns
            if column not in NOT_FIELD_COLUMNS
        }

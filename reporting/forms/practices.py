import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from avoin.concurrency import VersionedModelForm
from avoin.forms import AccessibleErrorsMixin, LinksField
from commitments.models import Commitment, Measure, Recommendation, Theme, WorkArea
from organisations.forms import OrganisationFacetsForm
from organisations.models import ContactPerson, Language, Organisation
from reporting.models import Emphasis, GoodPractice, TargetGroup, target_group_field

# firstname.lastname@, the usual shape of a person's own work address in Finland
PERSONAL_ADDRESS = re.compile(r"^[^\W\d_]+(-[^\W\d_]+)?\.[^\W\d_]+(-[^\W\d_]+)?@")
SEARCH_MAX_LENGTH = 200


class GoodPracticeForm(AccessibleErrorsMixin, VersionedModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    emphases = forms.MultipleChoiceField(
        label=_("Emphases of the action plan"),
        choices=Emphasis.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    links = LinksField(
        label=_("Links"), required=False, help_text=_("One web address a line (http or https).")
    )

    class Meta:
        model = GoodPractice
        fields = [
            "organisations",
            "language",
            "title",
            "summary",
            "description",
            "title_fi",
            "summary_fi",
            "title_sv",
            "summary_sv",
            "title_en",
            "summary_en",
            "measures",
            "recommendations",
            "themes",
            "work_areas",
            "links",
            "contact_email",
            "started_year",
        ]
        widgets = {
            "organisations": forms.SelectMultiple(attrs={"size": 8}),
            "measures": forms.CheckboxSelectMultiple,
            "recommendations": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "work_areas": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_fi": forms.Textarea(attrs={"rows": 3}),
            "summary_sv": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "organisations": _(
                "Your own organisation and any others that carry out the practice with you "
                "(cooperation between levels of government is valued)."
            ),
        }

    def __init__(self, *args, own_organisations, is_ministry_team=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_organisations = own_organisations
        self.is_ministry_team = is_ministry_team
        linked = (
            self.instance.organisations.all() if self.instance.pk else Organisation.objects.none()
        )
        self.fields["organisations"].queryset = (
            Organisation.objects.active() | linked
        ).in_name_order()
        self.fields["organisations"].label_from_instance = lambda o: o.name
        self.fields["measures"].queryset = Measure.objects.all()
        self.fields["measures"].label_from_instance = lambda m: f"{m.number} {m.title}"
        self.fields["recommendations"].queryset = Recommendation.objects.select_related("measure")
        self.fields["recommendations"].label_from_instance = lambda r: (
            f"{r.label} – {r.text[:90]}{'…' if len(r.text) > 90 else ''}"
        )
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["themes"].label_from_instance = lambda t: t.name
        self.fields["work_areas"].queryset = WorkArea.objects.all()
        self.fields["work_areas"].label_from_instance = lambda w: w.name
        self.fields["started_year"].widget.attrs.update({"min": 1950, "max": 2100})
        if self.instance.pk:
            self.initial["target_groups"] = [g.value for g in self.instance.target_groups]
            self.initial["emphases"] = [e.value for e in self.instance.emphases]
        elif len(own_organisations) == 1:
            self.initial.setdefault("organisations", [own_organisations[0].pk])

    def clean_organisations(self):
        chosen = self.cleaned_data["organisations"]
        if self.is_ministry_team:
            return chosen
        before = set(self.instance.organisations.all()) if self.instance.pk else set()
        if not before and not set(chosen) & set(self.own_organisations):
            raise ValidationError(_("Choose at least one organisation you are an editor of."))
        others_removed = before - set(chosen) - set(self.own_organisations)
        if others_removed:
            raise ValidationError(
                _(
                    "Only the Open Government Team or the organisation itself can remove "
                    "%(names)s from the practice."
                ),
                params={"names": ", ".join(sorted(str(o.name) for o in others_removed))},
            )
        return chosen

    def clean_contact_email(self):
        address = self.cleaned_data["contact_email"].strip().lower()
        personal = (
            PERSONAL_ADDRESS.match(address)
            or ContactPerson.objects.filter(email__iexact=address).exists()
        )
        if personal:
            raise ValidationError(
                _(
                    "Give a shared role mailbox (such as osallisuus@ or kirjaamo@), not a "
                    "person's own address: the contact is shown on public pages."
                )
            )
        return address

    def clean_started_year(self):
        year = self.cleaned_data["started_year"]
        if year > datetime.date.today().year:
            raise ValidationError(_("The year cannot be in the future."))
        return year

    def clean(self):
        data = super().clean()
        language = data.get("language")
        if language:  # the original is not translated into its own language
            for field in ("title", "summary"):
                data[f"{field}_{language}"] = ""
        return data

    def save(self, commit=True):
        practice = self.instance
        for group in TargetGroup:
            setattr(
                practice,
                target_group_field(group.value),
                group.value in self.cleaned_data["target_groups"],
            )
        for emphasis in Emphasis:
            setattr(practice, emphasis.value, emphasis.value in self.cleaned_data["emphases"])
        practice.links = self.cleaned_data["links"]
        return super().save(commit=commit)


class ReturnForm(AccessibleErrorsMixin, forms.Form):
    note = forms.CharField(
        label=_("What should be changed"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PracticeFilterForm(AccessibleErrorsMixin, OrganisationFacetsForm):
    """Search and filters of the public library; they combine and survive pagination."""

    field_order = [
        "q", "commitment", "measure", "theme", "work_area", "kind", "region", "county",
        "language", "target_group", "emphasis", "year",
    ]  # fmt: skip

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX_LENGTH)
    commitment = forms.ModelChoiceField(
        label=_("Commitment"),
        required=False,
        queryset=Commitment.objects.all(),
        to_field_name="number",
        empty_label=_("All commitments"),
    )
    measure = forms.ModelChoiceField(
        label=_("Measure"),
        required=False,
        queryset=Measure.objects.all(),
        to_field_name="number",
        empty_label=_("All measures"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), required=False, queryset=Theme.objects.all(), empty_label=_("All themes")
    )
    work_area = forms.ModelChoiceField(
        label=_("Work area"),
        required=False,
        queryset=WorkArea.objects.all(),
        to_field_name="number",
        empty_label=_("All work areas"),
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages"))] + Language.choices
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        choices=[("", _("All target groups"))] + TargetGroup.choices,
    )
    emphasis = forms.ChoiceField(
        label=_("Emphasis"), required=False, choices=[("", _("All"))] + Emphasis.choices
    )
    year = forms.IntegerField(
        label=_("Year it began"), required=False, min_value=1950, max_value=2100
    )
    # Reached from an organisation's or a recommendation's page ("all its practices"): kept
    # through the form as hidden fields and named above the results.
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.all(),
        widget=forms.HiddenInput,
    )
    recommendation = forms.ModelChoiceField(
        label=_("Recommendation"),
        required=False,
        queryset=Recommendation.objects.select_related("measure"),
        to_field_name="code",
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].label_from_instance = lambda c: f"{c.number}. {c.title}"
        self.fields["measure"].label_from_instance = lambda m: f"{m.number} {m.title[:60]}…"
        self.fields["kind"].label = _("Kind of organisation")
        for name in ("theme", "work_area"):
            self.fields[name].label_from_instance = lambda obj: obj.name

    def filter(self, practices):
        """The practices that match every filter given."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "q"}
        return practices.filtered(**data).search(self.cleaned_data["q"])

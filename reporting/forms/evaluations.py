"""The evaluation workspace's forms: the evaluation's cut-off and summary, an assessment with
the evidence on offer, a proposal for a new commitment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin, DateField
from avoin.markup import HELP_TEXT as RICH_TEXT_HELP
from avoin.markup import no_raw_html
from commitments.models import Evaluation, Measure
from reporting.models import FINDING_MAX_LENGTH, CommitmentProposal, EqualityGround
from reporting.presenters.evaluations import evidence_figures, evidence_label

# The criteria whose finding addresses the grounds of discrimination.
EQUALITY_CRITERIA = {"equality_impacts", "opportunity_to_participate_by_group"}


class EvaluationForm(AccessibleErrorsMixin, forms.ModelForm):
    cut_off = DateField(
        label=_("Data cut-off date"),
        required=False,
        help_text=_("The evidence is what the records said at the end of this day."),
    )

    class Meta:
        model = Evaluation
        fields = ["cut_off", "summary_fi", "summary_sv", "summary_en"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in fields[1:]}

    def clean_cut_off(self):
        cut_off = self.cleaned_data["cut_off"]
        if self.instance.is_published and cut_off != self.instance.cut_off:
            raise forms.ValidationError(_("A published evaluation keeps its cut-off date."))
        return cut_off


def _finding(label):
    return forms.CharField(
        label=label,
        max_length=FINDING_MAX_LENGTH,
        required=False,
        validators=[no_raw_html],
        help_text=RICH_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class AssessmentForm(AccessibleErrorsMixin, forms.Form):
    """A finding in up to three languages, a rating from the criterion's scale, the grounds
    of discrimination (equality criteria) and the evidence picked from the records."""

    finding_fi = _finding(_("Finding in Finnish"))
    finding_sv = _finding(_("Finding in Swedish"))
    finding_en = _finding(_("Finding in English"))
    rating = forms.ModelChoiceField(label=_("Rating"), queryset=None, required=False)
    grounds = forms.MultipleChoiceField(
        label=_("Grounds of discrimination the finding addresses"),
        choices=EqualityGround.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Non-Discrimination Act (1325/2014) section 8, and for gender the Equality Act "
            "(609/1986)."
        ),
    )
    evidence = forms.MultipleChoiceField(
        label=_("Evidence"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "What the records said at the end of the cut-off day. Pick what supports the finding."
        ),
    )

    def __init__(self, *args, criterion, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        if criterion.scale_id:
            self.fields["rating"].queryset = criterion.scale.levels.all()
            self.fields["rating"].label_from_instance = lambda level: level.label
            self.fields["rating"].help_text = criterion.scale.name
        else:
            del self.fields["rating"]
        if criterion.code not in EQUALITY_CRITERIA:
            del self.fields["grounds"]
        self.fields["evidence"].choices = [
            (c.value, f"{evidence_label(c)} – {evidence_figures(c)}") for c in candidates
        ]

    @staticmethod
    def initial_for(assessment) -> dict:
        if assessment is None:
            return {}
        return {
            "finding_fi": assessment.finding_fi,
            "finding_sv": assessment.finding_sv,
            "finding_en": assessment.finding_en,
            "rating": assessment.rating_id,
            "grounds": assessment.grounds,
            "evidence": [f"{e.kind}:{e.key}" for e in assessment.evidence.all()],
        }

    def values(self) -> dict:
        names = ["finding_fi", "finding_sv", "finding_en", "rating", "grounds"]
        return {name: self.cleaned_data[name] for name in names if name in self.fields}


class ProposalForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = CommitmentProposal
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "rationale_fi",
            "rationale_sv",
            "rationale_en",
            "measure",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields[3:6]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.order_by("number")

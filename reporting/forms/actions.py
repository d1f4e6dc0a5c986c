"""The team's forms for its own actions: where an action stands with the update for a period,
and its milestones."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avoin.forms import AccessibleErrorsMixin, LinksField
from reporting.models import ActionStatus, Completion, Milestone

from .progress import PERIOD_DATES

NOTE_MAX_LENGTH = 4000
NOTES = ("note_fi", "note_sv", "note_en")


def _note(label):
    return forms.CharField(
        label=label,
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ActionProgressForm(AccessibleErrorsMixin, forms.Form):
    """Status, completion, the responsible unit, evidence and links, and the period's update
    in three languages."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    completion = forms.ChoiceField(
        label=_("Completion"),
        choices=Completion.choices,
        help_text=_("The scale of the OGP Independent Reporting Mechanism."),
    )
    responsible_unit = forms.CharField(label=_("Responsible unit"), max_length=200, required=False)
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For the working group; the public sees the status, completion, milestones "
            "and the update."
        ),
    )
    links = LinksField(
        label=_("Links"), required=False, help_text=_("One web address a line (http or https).")
    )
    note_fi = _note(_("Update in Finnish"))
    note_sv = _note(_("Update in Swedish"))
    note_en = _note(_("Update in English"))

    @staticmethod
    def initial_for(progress, update) -> dict:
        """The form's starting values: the action as it stands and the period's update."""
        initial = {"version": progress.version if progress else None}
        if progress is not None:
            initial.update(
                status=progress.status,
                completion=progress.completion,
                responsible_unit=progress.responsible_unit,
                evidence=progress.evidence,
                links=progress.links,
            )
        if update is not None:
            initial.update({name: getattr(update, name) for name in NOTES})
        return initial

    def progress_values(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("status", "completion", "responsible_unit", "evidence", "links")
        }

    def notes(self) -> dict:
        return {name: self.cleaned_data[name] for name in NOTES}


class MilestoneForm(AccessibleErrorsMixin, forms.ModelForm):
    """A milestone's title in up to three languages, its due date and, once done, the day."""

    class Meta:
        model = Milestone
        fields = ["title_fi", "title_sv", "title_en", "due_on", "done_on"]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in ["due_on", "done_on"]
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("due_on", "done_on"):
            self.fields[name].validators.append(PERIOD_DATES)
            self.fields[name].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        self.fields["done_on"].help_text = _("Leave empty until the milestone is done.")

    def clean_done_on(self):
        done_on = self.cleaned_data.get("done_on")
        if done_on and done_on > timezone.localdate():
            raise forms.ValidationError(_("A milestone cannot be done on a day still to come."))
        return done_on

"""Changes made in another tab or by a colleague are never overwritten silently.

A form carries the version of what it shows. Saving locks the row, compares, and raises
`StaleEdit` if someone saved in between: the view keeps the person's entries in the form, says
what happened and shows the new version. Knows no domain app.
"""

from django import forms
from django.db import transaction


class StaleEdit(Exception):
    """Someone else changed the record after this form was opened; nothing was saved."""


def lock_version(model, pk, expected) -> int:
    """Lock the row and return its version; StaleEdit unless it is `expected`.

    Call inside `transaction.atomic()`.
    """
    current = (
        model._default_manager.select_for_update().values_list("version", flat=True).get(pk=pk)
    )
    if current != expected:
        raise StaleEdit
    return current


class VersionedModelForm(forms.ModelForm):
    """A ModelForm of a model with a `version` field, saved only over the version it showed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def save(self, commit=True):
        if not commit or self.instance.pk is None:
            return super().save(commit=commit)
        with transaction.atomic():
            current = lock_version(
                type(self.instance), self.instance.pk, self.cleaned_data["version"]
            )
            self.instance.version = current + 1
            return super().save(commit=True)


def entries_over(form, version):
    """The person's entries over the record's new `version`, to bind the form again after a
    StaleEdit: they can look at the change and send their own again."""
    data = form.data.copy()
    data[form.add_prefix("version")] = version
    return data

"""Importing the ministry's own organisation lists from CSV: every row is saved, or none."""

import csv
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.forms import OrganisationRowForm
from organisations.models import Organisation

from .registry import (
    AmbiguousOrganisation,
    LoadSummary,
    organisation_find,
    organisation_save,
)
from .successions import succession_record, successor_starts_on, successors_parse

# The columns a file may have: one a field of the row form.
IMPORT_COLUMNS = list(OrganisationRowForm.base_fields)
REQUIRED_COLUMNS = ["name_fi"]
# A file without a `kind` column lists state agencies, like organisations/data/agencies_2024.csv.
DEFAULT_KIND = Organisation.Kind.STATE_AGENCY
IMPORT_REASON = "import_organisations"


class OrganisationImportError(Exception):
    """Raised with every problem found in a file; nothing of the file has been saved."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def _problem(line, message, column=None):
    where = f"{column}: " if column and column != "__all__" else ""
    return _("line %(line)s: %(where)s%(error)s") % {"line": line, "where": where, "error": message}


def _read(path):
    """The file's columns and its rows with their line numbers; header problems raise."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            problems = []
            missing = [column for column in REQUIRED_COLUMNS if column not in header]
            unknown = [column for column in header if column not in IMPORT_COLUMNS]
            if missing:
                problems.append(_("line 1: missing columns: %s") % ", ".join(missing))
            if unknown:
                problems.append(_("line 1: unknown columns: %s") % ", ".join(unknown))
            if "email" in header and "registry_email" in header:
                problems.append(_("line 1: give either email or registry_email, not both"))
            if problems:
                raise OrganisationImportError(problems)
            return list(header), [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError as error:
        raise OrganisationImportError([_("The file is not UTF-8 text.")]) from error
    except csv.Error as error:
        raise OrganisationImportError([_("The file is not valid CSV: %s") % error]) from error


def _validated(columns, rows):
    """A valid form for every row, or every problem of the file."""
    problems, valid, seen = [], [], {}
    for line, row in rows:
        if None in row:
            problems.append(_("line %(line)s: more values than columns") % {"line": line})
            continue
        data = {key: (value or "").strip() for key, value in row.items()}
        if "kind" not in columns:
            data["kind"] = DEFAULT_KIND
        form = OrganisationRowForm(data=data)
        if not form.is_valid():
            problems += [
                _problem(line, error, column)
                for column, errors in form.errors.items()
                for error in errors
            ]
            continue
        cleaned = form.cleaned_data
        key = (cleaned["kind"], cleaned["code"] or cleaned["name_fi"].casefold())
        if key in seen:
            problems.append(
                _("line %(line)s: the same organisation as on line %(other)s")
                % {"line": line, "other": seen[key]}
            )
            continue
        seen[key] = line
        valid.append((line, form))
    if problems:
        raise OrganisationImportError(problems)
    return valid


def organisations_import(*, path: Path, source: str = "", by=None) -> LoadSummary:
    """Create or update organisations from a CSV file; all rows are saved or none.

    A row is matched to an organisation by `organisation_find`; the columns it has overwrite
    the organisation's fields, and the history records the change with `by` and `source`.
    """
    columns, rows = _read(path)
    valid = _validated(columns, rows)
    reason = f"{IMPORT_REASON}: {source}" if source else IMPORT_REASON
    summary, problems, saved = LoadSummary(), [], []
    with transaction.atomic():
        for line, form in valid:
            data = form.cleaned_data
            try:
                organisation = organisation_find(
                    data["kind"],
                    code=data["code"],
                    name_fi=data["name_fi"],
                    abbreviation=data["abbreviation"],
                )
            except AmbiguousOrganisation:
                problems.append(
                    _problem(line, _("several organisations have this name or abbreviation"))
                )
                continue
            created = organisation is None
            organisation = organisation or Organisation(kind=data["kind"])
            values = form.values(columns)
            if source:
                ids = data["source_ids"]
                values["source"] = f"{source} ({ids})" if ids else source
            try:
                if organisation_save(organisation, values, reason=reason, by=by, validate=True):
                    summary.record(data["kind"], created)
            except ValidationError as error:
                problems += [
                    _problem(line, message, column)
                    for column, messages in error.message_dict.items()
                    for message in messages
                ]
                continue
            saved.append((line, form, organisation))
        for line, form, organisation in saved:
            problems += _successions_import(
                line, form, organisation, summary, source=source, reason=reason, by=by
            )
        if problems:
            transaction.set_rollback(True)
    if problems:
        raise OrganisationImportError(problems)
    return summary


def _successions_import(line, form, organisation, summary, *, source, reason, by):
    """Link the row's organisation to the successors it names; problems as a list."""
    data = form.cleaned_data
    targets = []
    if data.get("merged_into_code"):
        found = Organisation.objects.filter(
            kind=organisation.kind, code=data["merged_into_code"]
        ).first()
        if found is None:
            message = _("no %(kind)s has the code %(code)s") % {
                "kind": organisation.kind,
                "code": data["merged_into_code"],
            }
            return [_problem(line, message, "merged_into_code")]
        targets.append((found, ""))
    named = successors_parse(data.get("successor_name_fi", ""))
    if not (targets or named):
        return []
    if organisation.valid_to is None:
        summary.not_ended.append(organisation.name_fi)
        return []
    for successor in named:
        try:
            found = organisation_find(organisation.kind, name_fi=successor.name_fi)
        except AmbiguousOrganisation:
            message = _("several organisations are called %s") % successor.name_fi
            return [_problem(line, message, "successor_name_fi")]
        if found is None:
            found = Organisation(kind=organisation.kind)
            values = {"name_fi": successor.name_fi, "valid_from": successor_starts_on(organisation)}
            if source:
                values["source"] = source
            organisation_save(found, values, reason=reason, by=by)
            summary.record(organisation.kind, True)
        targets.append((found, successor.note))
    for successor, note in targets:
        if successor.pk == organisation.pk:
            return [_problem(line, _("an organisation cannot succeed itself"))]
        if succession_record(predecessor=organisation, successor=successor, note=note):
            summary.successions += 1
    return []

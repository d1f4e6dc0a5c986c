"""Importing the ministry's own organisation lists from CSV: every row is saved, or none."""

import csv
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from organisations.forms import OrganisationRowForm
from organisations.models import Organisation

from .registry import LoadSummary, natural_key, upsert

# The columns a file may have: one a field of the row form.
IMPORT_COLUMNS = list(OrganisationRowForm.base_fields)
REQUIRED_COLUMNS = ["kind", "name_fi"]


class OrganisationImportError(Exception):
    """Raised with every problem found in a file; nothing of the file has been saved."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def _row_problems(line, form):
    for column, errors in form.errors.items():
        where = "" if column == "__all__" else f"{column}: "
        for error in errors:
            yield _("line %(line)s: %(where)s%(error)s") % {
                "line": line,
                "where": where,
                "error": error,
            }


def organisations_import(*, path: Path, source: str = "") -> LoadSummary:
    """Create or update organisations from a CSV file; all rows are saved or none."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in REQUIRED_COLUMNS if column not in header]
            unknown = [column for column in header if column not in IMPORT_COLUMNS]
            if missing or unknown:
                problems = []
                if missing:
                    problems.append(_("line 1: missing columns: %s") % ", ".join(missing))
                if unknown:
                    problems.append(_("line 1: unknown columns: %s") % ", ".join(unknown))
                raise OrganisationImportError(problems)
            rows = [(reader.line_num, row) for row in reader]
            columns = list(header)
    except UnicodeDecodeError as error:
        raise OrganisationImportError([_("The file is not UTF-8 text.")]) from error
    except csv.Error as error:
        raise OrganisationImportError([_("The file is not valid CSV: %s") % error]) from error

    problems, valid, seen = [], [], {}
    for line, row in rows:
        if None in row:
            problems.append(_("line %(line)s: more values than columns") % {"line": line})
            continue
        form = OrganisationRowForm(data={key: (value or "").strip() for key, value in row.items()})
        if not form.is_valid():
            problems.extend(_row_problems(line, form))
            continue
        data = form.cleaned_data
        key = tuple(
            sorted(
                natural_key(
                    data["kind"],
                    code=data["code"],
                    abbreviation=data["abbreviation"],
                    name_fi=data["name_fi"],
                ).items()
            )
        )
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

    summary = LoadSummary()
    with transaction.atomic():
        for line, form in valid:
            data = form.cleaned_data
            merged_into = None
            if data["merged_into_code"]:
                merged_into = Organisation.objects.filter(
                    kind=data["kind"], code=data["merged_into_code"]
                ).first()
                if merged_into is None:
                    problems.append(
                        _("line %(line)s: merged_into_code: no %(kind)s has the code %(code)s")
                        % {"line": line, "kind": data["kind"], "code": data["merged_into_code"]}
                    )
                    continue
            values = form.values(columns, merged_into)
            if source:
                values["source"] = source
            lookup = natural_key(
                data["kind"],
                code=data["code"],
                abbreviation=data["abbreviation"],
                name_fi=data["name_fi"],
            )
            values = {key: value for key, value in values.items() if key not in lookup}
            upsert(summary, lookup, values)
        if problems:
            raise OrganisationImportError(problems)
    return summary

"""Loading and importing the organisation registry."""

import csv
import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.mail import send_templated_mail, sign_in_link

from .models import (
    HELSINKI,
    ContactPerson,
    Membership,
    NominationReminder,
    NominationRequest,
    NominationRound,
    Organisation,
    Region,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

LANGUAGE_STATUS_BY_FINNISH_LABEL = {
    "Yksikielinen suomenkielinen kunta": Organisation.LanguageStatus.FINNISH,
    "Yksikielinen ruotsinkielinen kunta": Organisation.LanguageStatus.SWEDISH,
    "Kaksikielinen kunta, jossa enemmistön kieli on suomi": (
        Organisation.LanguageStatus.BILINGUAL_FINNISH_MAJORITY
    ),
    "Kaksikielinen kunta, jossa enemmistön kieli on ruotsi": (
        Organisation.LanguageStatus.BILINGUAL_SWEDISH_MAJORITY
    ),
}
COUNTY_STATUS_BY_SOURCE = {
    "wellbeing_county": Organisation.CountyStatus.IN_COUNTY,
    "helsinki_own": Organisation.CountyStatus.HELSINKI_OWN,
    "aland_outside_reform": Organisation.CountyStatus.ALAND_OUTSIDE_REFORM,
}
# Municipal mergers since the 2024 classification: (code merged away, code merged into, date).
# The data show 588 absent from the 2025 classification; the successor is recorded here.
MUNICIPAL_MERGERS = [("588", "507", datetime.date(2025, 1, 1))]

SOURCE_MUNICIPALITIES = "Statistics Finland kunta_1_20240101 (via rOpenGov/geofi)"
SOURCE_COUNTIES = "Statistics Finland hyvinvointialue classification (via rOpenGov/geofi)"
SOURCE_MINISTRIES = "State budget main classes; Finlex organisation ids"
SOURCE_AGENCIES = "Shared first list of state agencies (best effort)"


@dataclass
class LoadSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def record(self, kind, created):
        (self.created if created else self.updated)[kind] += 1

    def __str__(self):
        kinds = sorted(set(self.created) | set(self.updated))
        return ", ".join(
            f"{kind}: {self.created[kind]} new, {self.updated[kind]} updated" for kind in kinds
        )


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lookup(kind, *, code="", abbreviation="", name_fi=""):
    """How an organisation is recognised again: its code, else abbreviation, else Finnish name."""
    if code:
        return {"kind": kind, "code": code}
    if abbreviation:
        return {"kind": kind, "abbreviation": abbreviation}
    return {"kind": kind, "name_fi": name_fi}


def _upsert(summary, lookup, values):
    organisation, created = Organisation.objects.update_or_create(**lookup, defaults=values)
    summary.record(lookup["kind"], created)
    return organisation


@transaction.atomic
def reference_data_load(*, data_dir: Path = DATA_DIR) -> LoadSummary:
    """Create or update regions and organisations from the shipped CSV files."""
    summary = LoadSummary()
    municipalities = _read_csv(data_dir / "municipalities.csv")

    regions = {}
    for row in municipalities:
        if row["region_code"] not in regions:
            regions[row["region_code"]], created = Region.objects.update_or_create(
                code=row["region_code"],
                defaults={"name_fi": row["region_fi"], "name_sv": row["region_sv"]},
            )
            summary.record("region", created)

    region_of_county = {
        row["wellbeing_county_code"]: regions[row["region_code"]]
        for row in municipalities
        if row["wellbeing_county_code"]
    }
    counties = {}
    for row in _read_csv(data_dir / "wellbeing_counties.csv"):
        if row["type"] != "wellbeing_services_county":
            continue  # Helsinki and Åland organise their services themselves.
        counties[row["code"]] = _upsert(
            summary,
            _lookup(Organisation.Kind.WELLBEING_COUNTY, code=row["code"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "region": region_of_county[row["code"]],
                "source": SOURCE_COUNTIES,
            },
        )

    by_code = {}
    for row in municipalities:
        by_code[row["code"]] = _upsert(
            summary,
            _lookup(Organisation.Kind.MUNICIPALITY, code=row["code"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "language_status": LANGUAGE_STATUS_BY_FINNISH_LABEL[row["language_status_fi"]],
                "region": regions[row["region_code"]],
                "county_status": COUNTY_STATUS_BY_SOURCE[row["wellbeing_status"]],
                "wellbeing_county": counties.get(row["wellbeing_county_code"]),
                "source": SOURCE_MUNICIPALITIES,
            },
        )
    for old_code, new_code, merged_on in MUNICIPAL_MERGERS:
        merged = by_code[old_code]
        merged.valid_to = merged_on - datetime.timedelta(days=1)
        merged.merged_into = by_code[new_code]
        merged.save(update_fields=["valid_to", "merged_into"])

    ministries = {}
    for row in _read_csv(data_dir / "ministries.csv"):
        ministries[row["abbreviation"]] = _upsert(
            summary,
            _lookup(Organisation.Kind.MINISTRY, abbreviation=row["abbreviation"]),
            {
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "source": SOURCE_MINISTRIES,
            },
        )

    for row in _read_csv(data_dir / "agencies.csv"):
        _upsert(
            summary,
            _lookup(Organisation.Kind.STATE_AGENCY, name_fi=row["name_fi"]),
            {
                "abbreviation": row["abbreviation"],
                "name_sv": row["name_sv"],
                "name_en": row["name_en"],
                "ministry": ministries[row["ministry_abbreviation"]],
                "source": SOURCE_AGENCIES,
            },
        )
    return summary


# --- Import of the ministry's own lists ---------------------------------------------------------

IMPORT_COLUMNS = [
    "kind",
    "code",
    "abbreviation",
    "name_fi",
    "name_sv",
    "name_en",
    "language_status",
    "region_code",
    "wellbeing_county_code",
    "ministry_abbreviation",
    "valid_from",
    "valid_to",
    "merged_into_code",
    "email",
]
REQUIRED_COLUMNS = ["kind", "name_fi"]
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class OrganisationImportError(Exception):
    """Raised with every problem found in a file; nothing of the file has been saved."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


class OrganisationRowForm(forms.Form):
    """One row of an import file, validated as a form so errors name their column."""

    kind = forms.ChoiceField(choices=Organisation.Kind.choices)
    code = forms.CharField(max_length=20, required=False)
    abbreviation = forms.CharField(max_length=20, required=False)
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
    valid_from = forms.DateField(input_formats=DATE_FORMATS, required=False)
    valid_to = forms.DateField(input_formats=DATE_FORMATS, required=False)
    merged_into_code = forms.CharField(max_length=20, required=False)
    email = forms.EmailField(required=False)

    def clean(self):
        data = super().clean()
        if (
            data.get("valid_from")
            and data.get("valid_to")
            and data["valid_to"] < data["valid_from"]
        ):
            self.add_error("valid_to", _("The end date is before the start date."))
        return data

    def values(self, columns, merged_into):
        """Model values for the columns the file has; absent columns leave fields alone."""
        data = self.cleaned_data
        values = {
            MODEL_FIELD_OF_COLUMN.get(column, column): data[column]
            for column in columns
            if column != "merged_into_code"
        }
        if "merged_into_code" in columns:
            values["merged_into"] = merged_into
        return values


MODEL_FIELD_OF_COLUMN = {
    "region_code": "region",
    "wellbeing_county_code": "wellbeing_county",
    "ministry_abbreviation": "ministry",
}


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
                _lookup(
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
            lookup = _lookup(
                data["kind"],
                code=data["code"],
                abbreviation=data["abbreviation"],
                name_fi=data["name_fi"],
            )
            values = {key: value for key, value in values.items() if key not in lookup}
            _upsert(summary, lookup, values)
        if problems:
            raise OrganisationImportError(problems)
    return summary


# --- Members and contact persons ---------------------------------------------------------------


def user_for_email(email: str):
    """The account of a work email address, created on first use: members sign in by link."""
    email = email.strip().lower()
    User = get_user_model()
    return User.objects.filter(email__iexact=email).first() or User.objects.create_user(
        username=email, email=email
    )


def member_invite(
    *, organisation, email: str, role: str, invited_by, language: str = "fi"
) -> Membership:
    """Give the person at `email` a membership and email them a sign-in link."""
    email = email.strip().lower()
    with transaction.atomic():
        user = user_for_email(email)
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
        if not created and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
    send_templated_mail(
        to=[email],
        template="member_invitation",
        context={
            "organisation": organisation,
            "role": membership.get_role_display(),
            "link": sign_in_link(
                user, next_path=organisation.get_absolute_url(), language=language
            ),
        },
        language=language,
    )
    return membership


SEATS = [ContactPerson.Role.NETWORK_REPRESENTATIVE, ContactPerson.Role.DEPUTY]


def contact_person_start(*, organisation, values: dict, by, starts=None) -> ContactPerson:
    """Add a contact person; for a representative or deputy, end whoever held the seat."""
    starts = starts or timezone.localdate()
    with transaction.atomic():
        if values.get("role") in SEATS:
            for holder in (
                ContactPerson.objects.select_for_update()
                .for_organisation(organisation)
                .current()
                .filter(role=values["role"])
            ):
                holder.active_to = max(starts, holder.active_from)
                holder._history_user = by
                holder.save(update_fields=["active_to"])
        contact = ContactPerson(organisation=organisation, active_from=starts, **values)
        contact.full_clean()
        contact._history_user = by
        contact.save()
    return contact


def contact_person_end(*, contact: ContactPerson, by, ends=None) -> ContactPerson:
    """End a contact. A representative's seat is never left empty: name a successor instead."""
    if contact.role == ContactPerson.Role.NETWORK_REPRESENTATIVE:
        raise ValidationError(
            _("The network representative is not ended on its own: name the new one instead.")
        )
    contact.active_to = max(ends or timezone.localdate(), contact.active_from)
    contact._history_user = by
    contact.save(update_fields=["active_to"])
    return contact


# --- Nomination rounds -------------------------------------------------------------------------


class ConcurrentAnswer(Exception):
    """Someone else answered the same request first; nothing of this answer was saved."""


class NominationAction:
    CONFIRM = "confirm"
    NAME_NEW = "name_new"
    DECLINE = "decline"


def representative_of(organisation):
    """The organisation's current network representative, or None."""
    return (
        ContactPerson.objects.for_organisation(organisation)
        .current()
        .filter(role=ContactPerson.Role.NETWORK_REPRESENTATIVE)
        .first()
    )


def _request_link_for(address, organisation, nomination_request, language):
    """A sign-in link for whoever reads `address`, made a member of the organisation."""
    user = user_for_email(address)
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.EDITOR}
    )
    return sign_in_link(user, next_path=nomination_request.get_absolute_url(), language=language)


def _mail_request(nomination_request, *, template, extra=None):
    """Email the organisation's registry address and its representative, each with a link."""
    organisation = nomination_request.organisation
    representative = representative_of(organisation)
    recipients = []
    if organisation.email:
        recipients.append((organisation.email, "fi"))
    if representative and representative.email.lower() != organisation.email.lower():
        recipients.append((representative.email, representative.language))
    for address, language in recipients:
        send_templated_mail(
            to=[address],
            template=template,
            context={
                "round": nomination_request.round,
                "request": nomination_request,
                "organisation": organisation,
                "representative": representative,
                "link": _request_link_for(address, organisation, nomination_request, language),
                **(extra or {}),
            },
            language=language,
        )
    return [address for address, _language in recipients]


def nomination_round_targets(nomination_round):
    return Organisation.objects.of_kind(*nomination_round.target_kinds).active()


def unreachable_organisations(organisations):
    """Organisations with neither a registry address nor a current representative."""
    return organisations.filter(email="").exclude(
        contact_persons__role=ContactPerson.Role.NETWORK_REPRESENTATIVE,
        contact_persons__active_to__isnull=True,
    )


def nomination_round_send(*, nomination_round, by) -> int:
    """Create one request per target organisation and email each; sending again adds new ones."""
    with transaction.atomic():
        nomination_round = NominationRound.objects.select_for_update().get(pk=nomination_round.pk)
        if nomination_round.is_closed:
            raise ValidationError(_("The round is closed."))
        existing = set(nomination_round.requests.values_list("organisation_id", flat=True))
        new = [
            NominationRequest(round=nomination_round, organisation=organisation)
            for organisation in nomination_round_targets(nomination_round).exclude(pk__in=existing)
        ]
        NominationRequest.objects.bulk_create(new)
        if nomination_round.sent_at is None:
            nomination_round.sent_at = timezone.now()
            nomination_round._history_user = by
            nomination_round.save(update_fields=["sent_at"])
    created = nomination_round.requests.filter(
        organisation_id__in=[request.organisation_id for request in new]
    ).select_related("organisation", "round")
    for nomination_request in created:
        _mail_request(nomination_request, template="nomination_request")
    return len(new)


def nomination_round_close(*, nomination_round, by):
    nomination_round.closed_at = timezone.now()
    nomination_round._history_user = by
    nomination_round.save(update_fields=["closed_at"])


def nomination_answer(
    *,
    nomination_request,
    by,
    action: str,
    expected_version: int,
    representative: dict | None = None,
    deputy: dict | None = None,
    appointed_by_name: str = "",
    appointed_by_title: str = "",
    appointment_date=None,
    decline_reason: str = "",
    channel: str = NominationRequest.Channel.PORTAL,
    answered_at=None,
) -> NominationRequest:
    """Record an answer. Of two simultaneous answers one stands; the other raises."""
    with transaction.atomic():
        locked = (
            NominationRequest.objects.select_for_update()
            .select_related("round", "organisation")
            .get(pk=nomination_request.pk)
        )
        if locked.version != expected_version:
            raise ConcurrentAnswer
        if locked.round.is_closed:
            raise ValidationError(_("The round is closed; answers can no longer be changed."))
        organisation = locked.organisation
        starts = (answered_at or timezone.now()).astimezone(HELSINKI).date()
        new_representative = None
        if action == NominationAction.CONFIRM:
            current = representative_of(organisation)
            if current is None:
                raise ValidationError(
                    _("There is no representative on record to confirm: name one instead.")
                )
            locked.status = NominationRequest.Status.CONFIRMED
            locked.representative = current
            locked.deputy = None
            locked.decline_reason = ""
        elif action == NominationAction.NAME_NEW:
            new_representative = contact_person_start(
                organisation=organisation,
                values={**representative, "role": ContactPerson.Role.NETWORK_REPRESENTATIVE},
                by=by,
                starts=starts,
            )
            locked.status = NominationRequest.Status.NEW_NAMED
            locked.representative = new_representative
            locked.deputy = (
                contact_person_start(
                    organisation=organisation,
                    values={**deputy, "role": ContactPerson.Role.DEPUTY},
                    by=by,
                    starts=starts,
                )
                if deputy
                else None
            )
            locked.decline_reason = ""
        elif action == NominationAction.DECLINE:
            locked.status = NominationRequest.Status.DECLINED
            locked.representative = None
            locked.deputy = None
            locked.decline_reason = decline_reason
        else:
            raise ValidationError(_("Unknown answer."))
        if action == NominationAction.NAME_NEW:
            locked.appointed_by_name = appointed_by_name
            locked.appointed_by_title = appointed_by_title
            locked.appointment_date = appointment_date
        else:
            locked.appointed_by_name = locked.appointed_by_title = ""
            locked.appointment_date = None
        locked.answered_at = answered_at or timezone.now()
        locked.answered_by = by
        locked.channel = channel
        locked.version += 1
        locked._history_user = by
        locked.save()

    receipt_to = [by.email] if channel == NominationRequest.Channel.PORTAL else []
    if organisation.email:
        receipt_to.append(organisation.email)
    send_templated_mail(
        to=receipt_to,
        template="nomination_receipt",
        context={"request": locked, "round": locked.round, "organisation": organisation},
        language="fi",
    )
    if new_representative is not None:
        member_invite(
            organisation=organisation,
            email=new_representative.email,
            role=Membership.Role.EDITOR,
            invited_by=by,
            language=new_representative.language,
        )
    return locked


def nomination_reminders_send(*, today, days_before, days_after) -> list[NominationReminder]:
    """Remind pending organisations on the chosen days around each open round's deadline.

    A request gets at most one reminder a day, however often this runs.
    """
    sent = []
    for nomination_round in NominationRound.objects.open():
        offset = (today - nomination_round.deadline).days
        if not ((-offset in days_before and offset <= 0) or (offset in days_after and offset > 0)):
            continue
        pending = (
            nomination_round.requests.pending()
            .exclude(reminders__sent_on=today)
            .select_related("organisation", "round")
        )
        for nomination_request in pending:
            with transaction.atomic():
                reminder, created = NominationReminder.objects.get_or_create(
                    request=nomination_request, sent_on=today, defaults={"recipients": ""}
                )
                if not created:
                    continue
                recipients = _mail_request(
                    nomination_request,
                    template="nomination_reminder",
                    extra={"is_overdue": offset > 0},
                )
                reminder.recipients = ", ".join(recipients)
                reminder.save(update_fields=["recipients"])
            sent.append(reminder)
    return sent

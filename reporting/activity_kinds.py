"""The kinds of activity, declared once: the columns each uses, the measure and recommendation it
counts toward, who may log it, and what its title is called (or where it comes from).

`Activity` is one table; a kind's form, service and pages read its row here. Recommendation
codes are candidates: an activity is tied to the first one that belongs to its measure and asks
something of the organisation's kind (dialogues: R1.1-p1 for state administration, R1.1-p2 for
municipalities and counties); where none does, it has no recommendation.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from organisations.models import OrganisationKind
from reporting.models import ActivityKind

# Kinds of organisation the letter addresses (municipalities, counties, state administration).
PUBLIC = frozenset(
    {
        OrganisationKind.MUNICIPALITY,
        OrganisationKind.WELLBEING_COUNTY,
        OrganisationKind.STATE_AGENCY,
        OrganisationKind.MINISTRY,
    }
)
STATE = frozenset({OrganisationKind.STATE_AGENCY, OrganisationKind.MINISTRY})
EVERYONE = frozenset(OrganisationKind)

# Where a kind's measure comes from when it is not fixed: the chosen course or event.
FROM_TRAINING, FROM_EVENT = "training", "event"


@dataclass(frozen=True)
class KindSpec:
    kind: ActivityKind
    measure: str  # a measure number, or FROM_TRAINING / FROM_EVENT
    recommendations: tuple[str, ...]
    organisation_kinds: frozenset
    fields: tuple[str, ...]  # the form's fields, in order (title and date where typed)
    summary: tuple[str, ...] = ()  # what a list shows of each activity
    required: frozenset = frozenset()
    labels: dict = field(default_factory=dict)
    help_texts: dict = field(default_factory=dict)
    # A title nobody types: FROM_TRAINING, FROM_EVENT or a fixed label.
    derived_title: object = None
    # Where the course or event has no measure of its own: the letter's course list (p. 6) is
    # what R1.2-p2 recommends, so a general course counts toward 1.2.
    fallback_measure: str | None = None

    @property
    def measure_label(self):
        """Which measure the kind counts toward, for people choosing one."""
        if self.measure == FROM_TRAINING:
            return _("the course's measure")
        if self.measure == FROM_EVENT:
            return _("the event's measure")
        return _("measure %(number)s") % {"number": self.measure}

    def title_for(self, values) -> str:
        """The activity's title: typed, or the course's or event's name or the fixed label in
        the entry's language."""
        if self.derived_title is None:
            return values.get("title", "")
        with translation.override(values.get("language") or translation.get_language()):
            if self.derived_title in (FROM_TRAINING, FROM_EVENT):
                source = values.get(self.derived_title)
                return str(source.title) if source else ""
            return str(self.derived_title)

    def allows(self, organisation) -> bool:
        return organisation.kind in self.organisation_kinds


KINDS = {
    spec.kind: spec
    for spec in [
        KindSpec(
            kind=ActivityKind.NATIONAL_DIALOGUE,
            summary=("participants",),
            measure="1.1",
            recommendations=("R1.1-p1", "R1.1-p2"),
            organisation_kinds=EVERYONE,
            fields=(
                "title",
                "happened_on",
                "participants",
                "partners",
                "results_used_for",
                "description",
                "url",
                "language",
            ),  # fmt: skip
            required=frozenset({"participants", "results_used_for"}),
            labels={
                "title": _("Theme"),
                "partners": _("Co-organising NGOs"),
                "results_used_for": _("How the results were used"),
                "description": _("How the results were used, in your words"),
                "url": _("Link to the registration on the National Dialogues site"),
            },
            help_texts={"partners": _("One a line; leave empty if you organised it alone.")},
        ),
        KindSpec(
            kind=ActivityKind.EASY_LANGUAGE_ITEM,
            summary=("item_status", "priority"),
            measure="1.2",
            recommendations=("R1.2-p3",),
            organisation_kinds=PUBLIC,
            fields=(
                "title",
                "happened_on",
                "priority",
                "audience",
                "easy_language",
                "item_status",
                "url",
                "published_on",
                "description",
                "language",
            ),  # fmt: skip
            required=frozenset({"easy_language", "item_status"}),
            labels={
                "title": _("Content that should exist in Easy Language"),
                "happened_on": _("Added to the inventory"),
                "priority": _("Priority rank"),
                "url": _("Published at (web address)"),
            },
            help_texts={
                "priority": _("1 is the most important; leave empty until ranked."),
                "audience": _("For example older people, immigrants, people with memory loss."),
            },
        ),
        KindSpec(
            kind=ActivityKind.MINIMUM_WEB_CONTENT,
            summary=("organisation_info", "key_services"),
            measure="1.2",
            recommendations=("R1.2-p5",),
            organisation_kinds=STATE,
            fields=(
                "happened_on",
                "organisation_info",
                "key_services",
                "url",
                "description",
                "language",
            ),  # fmt: skip
            required=frozenset({"organisation_info", "key_services"}),
            labels={
                "happened_on": _("Checked on"),
                "organisation_info": _("Information about the organisation in Easy Language"),
                "key_services": _("Key services or instructions in Easy Language"),
                "url": _("Web address of the Easy Language pages"),
                "description": _("Other addresses and notes"),
            },
            derived_title=_("Easy Language web content"),
        ),
        KindSpec(
            kind=ActivityKind.REGIONAL_ACADEMY,
            summary=("officials", "participants"),
            measure="2.2",
            recommendations=("R2.2-p2",),
            organisation_kinds=PUBLIC,  # the letter asks local government; others co-organise
            fields=(
                "title",
                "happened_on",
                "region",
                "partners",
                "officials",
                "participants",
                "description",
                "url",
                "language",
            ),  # fmt: skip
            required=frozenset({"region", "partners", "officials", "participants"}),
            labels={
                "title": _("Name of the academy"),
                "partners": _("Partner NGOs"),
                "officials": _("Officials taking part"),
                "participants": _("NGO participants"),
            },
            help_texts={"partners": _("One a line.")},
        ),
        KindSpec(
            kind=ActivityKind.COURSE_COMPLETIONS,
            summary=("completions",),
            measure=FROM_TRAINING,
            fallback_measure="1.2",
            recommendations=("R1.2-p2", "R2.2-p1"),
            organisation_kinds=PUBLIC,
            fields=("training", "period", "completions", "language"),
            required=frozenset({"training", "period", "completions"}),
            labels={"period": _("Quarter"), "completions": _("Completions in the quarter")},
            help_texts={
                "completions": _(
                    "How many of your staff completed the course: a number only, never names."
                ),
            },  # fmt: skip
            derived_title=FROM_TRAINING,
        ),
        KindSpec(
            kind=ActivityKind.EVENT_PARTICIPATION,
            summary=("participants",),
            measure=FROM_EVENT,
            recommendations=("R2.2-p1", "R3.2-p1"),
            organisation_kinds=EVERYONE,
            fields=("event", "participants", "description", "language"),
            required=frozenset({"event", "participants"}),
            labels={"participants": _("People who took part")},
            derived_title=FROM_EVENT,
        ),
        KindSpec(
            kind=ActivityKind.OPEN_DATASET,
            summary=("licence",),
            measure="2.1",
            recommendations=("R2.1-p1",),
            organisation_kinds=PUBLIC,
            fields=("title", "happened_on", "url", "licence", "description", "language"),
            required=frozenset({"url", "licence"}),
            labels={
                "title": _("Dataset"),
                "happened_on": _("Opened on"),
                "url": _("Where the data is (web address)"),
            },
            help_texts={"licence": _("For example CC BY 4.0.")},
        ),
        KindSpec(
            kind=ActivityKind.PURCHASE_INVOICE_DATA,
            summary=("data_status",),
            measure="2.1",
            recommendations=("R2.1-p2",),
            organisation_kinds=PUBLIC,
            fields=("happened_on", "data_status", "url", "description", "language"),
            required=frozenset({"data_status"}),
            labels={
                "happened_on": _("Status on"),
                "data_status": _("Purchase-invoice data"),
                "url": _("Where the data is (web address)"),
            },
            derived_title=_("Purchase-invoice data"),
        ),
        KindSpec(
            kind=ActivityKind.NETWORK_TOPIC,
            summary=(),
            measure="3.2",
            recommendations=("R3.2-p2",),
            organisation_kinds=EVERYONE,
            fields=("title", "happened_on", "description", "language"),
            labels={
                "title": _("Topic"),
                "happened_on": _("Proposed on"),
                "description": _("What you would like the network to know or discuss"),
            },
        ),
        KindSpec(
            kind=ActivityKind.HANDBOOK_EXPERIENCE,
            summary=("consent_to_share",),
            measure="1.2",
            recommendations=("R1.2-p1",),
            organisation_kinds=PUBLIC,
            fields=("title", "happened_on", "description", "consent_to_share", "language"),
            required=frozenset({"description"}),
            labels={
                "title": _("In a few words"),
                "description": _("Your experience of the Handbook on democratic encounters"),
                "consent_to_share": _("The Open Government Team may share this experience"),
            },
        ),
    ]
}


def kinds_for(organisation) -> list[KindSpec]:
    """The kinds this organisation may log, in the order of `ActivityKind`."""
    return [spec for spec in KINDS.values() if spec.allows(organisation)]

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionItem,
    ActionProgress,
    ActionUpdate,
    Activity,
    Assessment,
    CommitmentProposal,
    Decision,
    Evidence,
    FeedbackAnswer,
    FeedbackLink,
    GoodPractice,
    Meeting,
    Milestone,
    PeriodReport,
    ProgressEntry,
    ReportingPeriod,
)
from .services import practices as services


def _apply(modeladmin, request, queryset, service, done):
    """Run a moderation service on each chosen practice; report what could not be done."""
    count = 0
    for practice in queryset:
        try:
            service(practice=practice, by=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{practice}: {' '.join(error.messages)}", messages.WARNING
            )
        else:
            count += 1
    if count:
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)


@admin.action(description=_("Publish the chosen submitted practices"))
def publish(modeladmin, request, queryset):
    _apply(modeladmin, request, queryset, services.good_practice_publish, _("Published: %(count)s"))


@admin.action(description=_("Withdraw the chosen published practices"))
def withdraw(modeladmin, request, queryset):
    _apply(
        modeladmin, request, queryset, services.good_practice_withdraw, _("Withdrawn: %(count)s")
    )


@admin.register(GoodPractice)
class GoodPracticeAdmin(SimpleHistoryAdmin):
    """Content can be corrected here; the status only changes through moderation (services)."""

    list_display = ["title", "status", "language", "started_year", "published_at", "created_by"]
    list_filter = ["status", "language", "organisations__kind", "measures", "started_year"]
    search_fields = ["title", "summary", "title_en", "organisations__name_fi"]
    autocomplete_fields = ["organisations"]
    filter_horizontal = ["measures", "recommendations", "themes", "work_areas"]
    readonly_fields = [
        "status",
        "moderation_note",
        "created_by",
        "created_at",
        "updated_at",
        "submitted_at",
        "published_at",
    ]
    list_select_related = ["created_by"]
    actions = [publish, withdraw]

    def has_add_permission(self, request):
        return False  # practices are logged on the practice form, which checks their rules

    def has_delete_permission(self, request, obj=None):
        return False  # practices are withdrawn, never deleted


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "opens_on", "closes_on", "meeting_on", "locked_at"]
    list_filter = ["year"]
    search_fields = ["year"]
    readonly_fields = ["year", "quarter", "starts_on", "ends_on", "locked_at"]

    def has_add_permission(self, request):
        return False  # the quarters come from `load_reference_data`

    def has_delete_permission(self, request, obj=None):
        return False


class ProgressEntryInline(admin.TabularInline):
    model = ProgressEntry
    fields = ["recommendation", "status", "evidence"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(PeriodReport)
class PeriodReportAdmin(SimpleHistoryAdmin):
    """Read-only: reports are written, submitted and reviewed on their pages (services)."""

    list_display = ["organisation", "period", "status", "submitted_at", "is_late", "channel"]
    list_filter = ["period", "status", "is_late", "channel", "organisation__kind"]
    search_fields = ["organisation__name_fi", "return_note"]
    list_select_related = ["organisation", "period"]
    inlines = [ProgressEntryInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProgressEntry)
class ProgressEntryAdmin(SimpleHistoryAdmin):
    list_display = ["report", "recommendation", "status", "updated_at"]
    list_filter = ["status", "report__period", "recommendation__measure"]
    search_fields = ["report__organisation__name_fi", "evidence"]
    list_select_related = ["report__organisation", "report__period", "recommendation"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ["title_fi", "title_sv", "title_en", "due_on", "done_on"]
    extra = 0


@admin.register(ActionProgress)
class ActionProgressAdmin(SimpleHistoryAdmin):
    list_display = ["action", "status", "completion", "responsible_unit", "updated_at"]
    list_filter = ["status", "completion", "action__measure"]
    search_fields = ["action__code", "responsible_unit", "evidence"]
    list_select_related = ["action"]


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["action", "title_fi", "due_on", "done_on"]
    list_filter = ["action__measure", "done_on"]
    search_fields = ["title_fi", "title_sv", "title_en", "action__code"]
    list_select_related = ["action"]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "period", "status", "completion", "updated_at"]
    list_filter = ["period", "status", "completion"]
    search_fields = ["action__code", "note_fi", "note_sv", "note_en"]
    list_select_related = ["action", "period"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "organisation", "happened_on", "period", "entered_at"]
    list_filter = ["kind", "period", "measure", "organisation__kind", "channel"]
    search_fields = ["title", "description", "organisation__name_fi"]
    list_select_related = ["organisation", "period"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["period", "entered_at", "entered_by", "updated_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class DecisionInline(admin.TabularInline):
    model = Decision
    fields = ["text", "measure", "action"]
    extra = 0


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    fields = ["text", "owner", "due_on", "status", "measure", "action"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    """The frozen pack is read-only: it is what the working group saw (ADR 0035)."""

    list_display = ["held_on", "period", "place", "pack_frozen_at"]
    list_filter = ["period__year"]
    search_fields = ["place", "agenda", "minutes"]
    list_select_related = ["period"]
    readonly_fields = ["pack_frozen_at", "pack_frozen_by", "created_at", "updated_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [DecisionInline, ActionItemInline]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "text", "measure", "action"]
    list_filter = ["meeting__held_on"]
    search_fields = ["text"]
    list_select_related = ["meeting", "measure", "action"]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "text", "owner", "due_on", "status"]
    list_filter = ["status", "meeting__held_on"]
    search_fields = ["text", "owner"]
    list_select_related = ["meeting", "measure", "action"]


class EvidenceInline(admin.TabularInline):
    """Evidence is picked in the workspace from the records as of the cut-off: read only."""

    model = Evidence
    fields = ["position", "kind", "key", "title", "figures"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["assessment", "kind", "key", "title"]
    list_filter = ["kind"]
    search_fields = ["key", "title"]
    list_select_related = ["assessment__evaluation", "assessment__criterion"]
    readonly_fields = ["assessment", "kind", "key", "title", "figures", "position"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["evaluation", "criterion", "commitment", "measure", "rating", "updated_at"]
    list_filter = ["evaluation", "criterion__code", "measure"]
    search_fields = ["finding_fi", "finding_sv", "finding_en"]
    list_select_related = ["evaluation", "criterion", "commitment", "measure", "rating"]
    readonly_fields = ["updated_at", "updated_by"]
    inlines = [EvidenceInline]


@admin.register(CommitmentProposal)
class CommitmentProposalAdmin(SimpleHistoryAdmin):
    list_display = ["title_fi", "evaluation", "measure", "created_at"]
    list_filter = ["evaluation"]
    search_fields = ["title_fi", "title_sv", "title_en", "rationale_fi"]
    list_select_related = ["evaluation", "measure"]


@admin.register(FeedbackLink)
class FeedbackLinkAdmin(admin.ModelAdmin):
    list_display = ["activity", "created_at", "created_by"]
    list_filter = ["activity__kind", "activity__measure"]
    search_fields = ["activity__title", "activity__organisation__name_fi"]
    list_select_related = ["activity", "created_by"]
    readonly_fields = ["activity", "token", "created_at", "created_by"]


@admin.register(FeedbackAnswer)
class FeedbackAnswerAdmin(admin.ModelAdmin):
    """Anonymous answers: read, and deleted if spam got through; never edited."""

    list_display = ["link", "materials_in_time", "could_influence", "accessible", "created_at"]
    list_filter = ["materials_in_time", "could_influence", "accessible", "language", "group"]
    search_fields = ["comment", "link__activity__title"]
    list_select_related = ["link__activity"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

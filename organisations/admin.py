from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ContactPerson,
    Membership,
    NominationReminder,
    NominationRequest,
    NominationRound,
    Organisation,
    Region,
    Succession,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "name_sv"]
    search_fields = ["code", "name_fi", "name_sv"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class SuccessionInline(admin.TabularInline):
    """The organisations that carry on an ended one's tasks (several where it was split)."""

    model = Succession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = [
        "name_fi",
        "kind",
        "code",
        "abbreviation",
        "business_id",
        "region",
        "wellbeing_county",
        "ministry",
        "language_status",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["kind", "language_status", "county_status", "region", "ministry", "valid_to"]
    search_fields = ["name_fi", "name_sv", "name_en", "code", "abbreviation", "business_id"]
    list_select_related = ["region", "wellbeing_county", "ministry"]
    autocomplete_fields = ["wellbeing_county", "ministry"]
    inlines = [SuccessionInline, MembershipInline]

    def has_delete_permission(self, request, obj=None):
        return False  # organisations are never deleted: they end (valid_to) or merge


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__email", "user__username", "organisation__name_fi"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(ContactPerson)
class ContactPersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "role", "email", "language", "active_from", "active_to"]
    list_filter = ["role", "language", "organisation__kind"]
    search_fields = ["name", "email", "organisation__name_fi"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]


class NominationRequestInline(admin.TabularInline):
    model = NominationRequest
    fields = ["organisation", "status", "answered_at", "is_late", "channel"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(NominationRound)
class NominationRoundAdmin(SimpleHistoryAdmin):
    list_display = ["title_fi", "deadline", "sent_at", "closed_at", "created_by"]
    list_filter = ["deadline"]
    search_fields = ["title_fi", "title_sv", "title_en", "message_fi"]
    inlines = [NominationRequestInline]

    def get_readonly_fields(self, request, obj=None):
        # Sending and closing happen on the round's page (services); answers were judged on
        # time or late against the deadline they were sent with.
        fixed = ["sent_at", "closed_at"]
        return [*fixed, "deadline", "target_kinds"] if obj and obj.sent_at else fixed


@admin.register(NominationRequest)
class NominationRequestAdmin(SimpleHistoryAdmin):
    """Read-only: answers are recorded on the request's page, which applies the round's rules
    (on time or late, the representative's seat, receipts, versions)."""

    list_display = ["organisation", "round", "status", "answered_at", "is_late", "channel"]
    list_filter = ["round", "status", "is_late", "channel", "organisation__ministry"]
    search_fields = ["organisation__name_fi", "round__title_fi"]
    list_select_related = ["organisation", "round"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False  # requests are created by sending the round

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NominationReminder)
class NominationReminderAdmin(admin.ModelAdmin):
    list_display = ["request", "sent_on", "sent_at", "recipients"]
    list_filter = ["sent_on"]
    search_fields = ["request__organisation__name_fi", "recipients"]
    list_select_related = ["request__organisation", "request__round"]


@admin.register(Succession)
class SuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "note"]
    list_filter = ["predecessor__kind", "predecessor__valid_to"]
    search_fields = ["predecessor__name_fi", "successor__name_fi", "note"]
    list_select_related = ["predecessor", "successor"]
    autocomplete_fields = ["predecessor", "successor"]

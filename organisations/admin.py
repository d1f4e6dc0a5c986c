from django.contrib import admin

from .models import Organisation, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "name_sv"]
    search_fields = ["code", "name_fi", "name_sv"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = [
        "name_fi",
        "kind",
        "code",
        "abbreviation",
        "region",
        "wellbeing_county",
        "ministry",
        "language_status",
        "valid_to",
    ]
    list_filter = ["kind", "language_status", "county_status", "region", "ministry"]
    search_fields = ["name_fi", "name_sv", "name_en", "code", "abbreviation"]
    list_select_related = ["region", "wellbeing_county", "ministry"]
    autocomplete_fields = ["wellbeing_county", "ministry", "merged_into"]
    readonly_fields = []

    def has_delete_permission(self, request, obj=None):
        return False  # organisations are never deleted: they end (valid_to) or merge

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import GoodPractice


@admin.register(GoodPractice)
class GoodPracticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "language", "started_year", "published_at", "created_by"]
    list_filter = ["status", "language", "organisations__kind", "measures", "started_year"]
    search_fields = ["title", "summary", "title_en", "organisations__name_fi"]
    autocomplete_fields = ["organisations"]
    filter_horizontal = ["measures", "recommendations", "themes", "work_areas"]
    readonly_fields = ["created_by", "created_at", "updated_at", "submitted_at", "published_at"]
    list_select_related = ["created_by"]

    def has_delete_permission(self, request, obj=None):
        return False  # practices are withdrawn, never deleted

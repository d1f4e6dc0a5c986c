from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import GoodPractice


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

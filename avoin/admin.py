from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutgoingMessage, RetentionRun
from .outbox import message_resend


@admin.register(OutgoingMessage)
class OutgoingMessageAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent to whom and when; failed messages can be resent."""

    list_display = [
        "recipient",
        "subject",
        "template",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "error",
    ]
    list_filter = ["status", "template", "urgent"]
    search_fields = ["recipient", "subject"]
    date_hierarchy = "created_at"
    actions = ["resend"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the record of what was sent stays

    @admin.action(description=_("Send the failed messages again"))
    def resend(self, request, queryset):
        count = sum(message_resend(message=message, by=request.user) for message in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)s message was queued again.",
                "%(count)s messages were queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin):
    """What each run of `purge_personal_data` removed, read-only (docs/adr/0032)."""

    list_display = ["ran_at", "total", "counts"]
    search_fields = ["counts"]
    date_hierarchy = "ran_at"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

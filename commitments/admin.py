from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    Amendment,
    Commitment,
    Deliverable,
    Evaluation,
    EvaluationCriterion,
    Event,
    Measure,
    PlanVersion,
    Programme,
    RatingLevel,
    RatingScale,
    Recommendation,
    RecommendationAsk,
    TextSection,
    Theme,
    Training,
    WorkArea,
)


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "published_on", "ends_on", "letter_date", "letter_reference"]
    search_fields = ["name_fi", "name_sv", "name_en"]


@admin.register(TextSection)
class TextSectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "programme", "topic", "position"]
    list_filter = ["topic"]
    search_fields = ["text_fi", "text_sv", "text_en"]


@admin.register(WorkArea)
class WorkAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name_fi", "name_sv", "name_en", "from_letter"]
    list_filter = ["from_letter"]
    search_fields = ["name_fi", "name_sv", "name_en"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "name_en", "year"]
    list_filter = ["year"]
    search_fields = ["name_fi", "name_sv", "name_en"]


class MeasureInline(admin.TabularInline):
    model = Measure
    fields = ["number", "title_fi"]
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["number", "title_fi", "programme"]
    list_filter = ["programme"]
    search_fields = ["title_fi", "title_sv", "title_en"]
    inlines = [MeasureInline]


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["number", "title_fi", "commitment"]
    list_filter = ["commitment"]
    search_fields = ["number", "title_fi", "title_sv", "title_en"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["code", "measure", "position"]
    list_filter = ["measure"]
    search_fields = ["code", "text_fi", "text_sv", "text_en"]


class AskInline(admin.TabularInline):
    model = RecommendationAsk
    fields = ["position", "audience", "strength", "verb_fi", "text_fi"]
    extra = 0


class DeliverableInline(admin.TabularInline):
    model = Deliverable
    fields = ["position", "kind", "text_fi", "deadline", "deadline_year"]
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["code", "label_as_printed", "label_is_correct", "measure", "kind"]
    list_filter = ["measure", "kind", "label_is_correct", "asks__audience", "asks__strength"]
    search_fields = ["code", "text_fi", "text_sv", "text_en"]
    inlines = [AskInline, DeliverableInline]


@admin.register(RecommendationAsk)
class RecommendationAskAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "position", "audience", "strength", "verb_fi"]
    list_filter = ["audience", "strength"]
    search_fields = ["recommendation__code", "text_fi", "text_en"]
    list_select_related = ["recommendation"]


@admin.register(Deliverable)
class DeliverableAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "position", "kind", "deadline", "deadline_year"]
    list_filter = ["kind"]
    search_fields = ["recommendation__code", "text_fi", "text_en"]
    list_select_related = ["recommendation"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date", "precision", "title_fi", "measure"]
    list_filter = ["precision", "measure"]
    search_fields = ["code", "title_fi", "title_sv", "title_en"]
    date_hierarchy = "date"


class CriterionInline(admin.TabularInline):
    model = EvaluationCriterion
    fields = ["position", "code", "name_fi", "scale"]
    extra = 0


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    """The workspace edits the evaluation; publishing goes through its service there."""

    list_display = ["__str__", "kind", "year", "status", "cut_off", "published_at", "programme"]
    list_filter = ["kind", "status"]
    search_fields = ["criteria__name_fi"]
    readonly_fields = ["status", "published_at"]
    inlines = [CriterionInline]


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    fields = ["position", "code", "label_fi", "label_sv", "label_en"]
    extra = 1


@admin.register(RatingLevel)
class RatingLevelAdmin(admin.ModelAdmin):
    list_display = ["label_fi", "code", "scale", "position"]
    list_filter = ["scale"]
    search_fields = ["code", "label_fi", "label_sv", "label_en"]


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    """The IRM's scales as reference lists the team can extend."""

    list_display = ["name_fi", "code", "source"]
    list_filter = ["code"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    inlines = [RatingLevelInline]


@admin.register(EvaluationCriterion)
class EvaluationCriterionAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "code", "evaluation", "position"]
    list_filter = ["evaluation"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["title_fi", "status", "language", "measure"]
    list_filter = ["status", "language", "measure"]
    search_fields = ["title_fi", "title_sv", "title_en"]


@admin.register(PlanVersion)
class PlanVersionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "number", "effective_from", "evaluation"]
    list_filter = ["evaluation"]
    search_fields = ["title_fi", "title_sv", "title_en"]


@admin.register(Amendment)
class AmendmentAdmin(SimpleHistoryAdmin):
    """Amendments are recorded through the team's form, which keeps the earlier wording."""

    list_display = ["__str__", "version", "kind", "effective_on", "recorded_by"]
    list_filter = ["version", "kind"]
    search_fields = ["reason_fi", "recommendation__code", "action__code", "measure__number"]
    list_select_related = ["version", "measure", "recommendation", "action", "recorded_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from django.contrib import admin

from apps.statements.models import Review, Revision, StatementDraft


class RevisionInline(admin.StackedInline):
    model = Revision
    extra = 0
    raw_id_fields = ["source"]


@admin.register(StatementDraft)
class StatementDraftAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "version", "updated_at"]
    list_filter = ["status"]
    raw_id_fields = ["source"]
    inlines = [RevisionInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["draft", "revision", "reviewer", "decision", "created_at"]
    list_filter = ["decision"]

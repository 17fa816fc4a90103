from django.contrib import admin

from apps.statements.models import Comment, Review, Revision, StatementDraft

REVISION_FIELDS = ("number", "kind", "text", "note", "author", "source", "reported_on", "based_on", "created_at",
                   "approved_at")


class RevisionInline(admin.StackedInline):
    """Read-only: revisions are never rewritten (editors add new ones on /statements/)."""

    model = Revision
    extra = 0
    can_delete = False
    fields = REVISION_FIELDS
    readonly_fields = REVISION_FIELDS

    def has_add_permission(self, request, obj=None) -> bool:  # noqa: ANN001 - Django's signature
        return False


@admin.register(StatementDraft)
class StatementDraftAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "version", "statement_date", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    raw_id_fields = ["source", "current_revision", "approved_revision"]
    readonly_fields = ["version", "status", "current_revision", "approved_revision", "approved_at"]
    inlines = [RevisionInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["draft", "revision", "requested_by", "reviewer", "decision", "created_at"]
    list_filter = ["decision"]
    raw_id_fields = ["draft", "revision"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["draft", "revision", "author", "created_at"]
    raw_id_fields = ["draft", "revision", "parent"]

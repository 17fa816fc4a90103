from django.contrib import admin

from apps.sources.models import SourceText, Upload


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "uploaded_by", "channel", "label"]
    list_filter = ["channel"]
    list_select_related = ["uploaded_by"]


@admin.register(SourceText)
class SourceTextAdmin(admin.ModelAdmin):
    list_display = ["original_name", "status", "language", "published_on", "agency", "created_at"]
    list_filter = ["status", "language", "date_found"]
    search_fields = ["original_name", "sha256", "agency"]
    readonly_fields = ["sha256", "size_bytes", "encoding", "status_changed_at", "processed_at", "report",
                       "attempts", "duplicate_of", "upload"]
    exclude = ["raw_bytes"]

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.coalition.admin import AliasAdmin
from apps.coalition.models import Alias
from apps.sources import receive
from apps.sources.models import Reextraction, SourceText, Upload


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
    actions = ["reextract_selected"]

    @admin.action(description=_("Re-extract selected sources (after alias changes)"), permissions=["change"])
    def reextract_selected(self, request: HttpRequest, queryset: QuerySet[SourceText]) -> HttpResponseRedirect:
        run = receive.sources_reextract_queue(actor=request.user, source_ids=queryset.values_list("pk", flat=True))
        self.message_user(request, gettext("Queued %(count)d ingested source(s) for re-extraction.") % {
            "count": run.total}, messages.SUCCESS)
        return HttpResponseRedirect(run.get_absolute_url())  # the page that shows its progress


@admin.register(Reextraction)
class ReextractionAdmin(admin.ModelAdmin):
    list_display = ["id", "started_at", "requested_by", "total"]
    readonly_fields = ["started_at", "requested_by", "total", "source_ids"]


class AliasReextractAdmin(AliasAdmin):
    """The coalition app's Alias admin, with the action that re-reads every source after alias changes: queuing
    re-extraction is this app's, and the coalition app does not depend on it (import-linter keeps it so)."""

    actions = ["reextract_everything"]

    @admin.action(description=_("Re-extract every source with the current aliases"), permissions=["change"])
    def reextract_everything(self, request: HttpRequest, queryset: QuerySet[Alias]) -> HttpResponseRedirect:
        run = receive.sources_reextract_queue(actor=request.user)
        self.message_user(request, gettext("Queued %(count)d source(s) for re-extraction.") % {"count": run.total},
                          messages.SUCCESS)
        return HttpResponseRedirect(run.get_absolute_url())  # the page that shows its progress


# Importing apps.coalition.admin above registered its AliasAdmin: this one takes its place.
admin.site.unregister(Alias)
admin.site.register(Alias, AliasReextractAdmin)

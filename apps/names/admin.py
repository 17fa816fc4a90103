"""Unknown names in the Django admin: read, filter, dismiss and reopen them (the names page is the quicker way)."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import InvalidTransition
from apps.names import services
from apps.names.models import NameCandidate, NameSighting


class NameSightingInline(admin.TabularInline):
    model = NameSighting
    extra = 0
    fields = ("text", "sentence", "source")
    readonly_fields = fields
    can_delete = False
    show_change_link = False
    max_num = 0  # sightings are written by the ingest only

    def get_queryset(self, request: HttpRequest) -> QuerySet[NameSighting]:
        return super().get_queryset(request).select_related("source").order_by("-id")


@admin.register(NameCandidate)
class NameCandidateAdmin(admin.ModelAdmin):
    """Read and sort out unknown names; the names page (/names/) is the quicker way."""

    list_display = ["text", "hint", "state", "article_count", "alias", "resolved_by", "resolved_at"]
    list_filter = ["state", "hint"]
    list_select_related = ["alias", "resolved_by"]
    search_fields = ["text", "key"]
    ordering = ["-article_count", "id"]
    readonly_fields = ("key", "text", "hint", "state", "article_count", "alias", "resolved_by", "resolved_at",
                       "created_at", "updated_at")
    fields = readonly_fields
    inlines = [NameSightingInline]
    actions = ["dismiss", "reopen"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # candidates come from the articles

    def _each(self, request: HttpRequest, queryset: QuerySet[NameCandidate], change: object, done: Any) -> None:
        changed = skipped = 0
        for candidate in queryset:
            try:
                change(candidate=candidate, actor=request.user)  # type: ignore[operator]
                changed += 1
            except InvalidTransition:
                skipped += 1
        note = gettext(" %(count)d left as they were (not in a state that allows it).") % {"count": skipped}
        self.message_user(request, str(done) % {"count": changed} + (note if skipped else ""), messages.SUCCESS)

    @admin.action(description=_("Dismiss the selected names"), permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[NameCandidate]) -> None:
        self._each(request, queryset, services.name_candidate_dismiss, _("Dismissed %(count)d name(s)."))

    @admin.action(description=_("List the selected dismissed names again"), permissions=["change"])
    def reopen(self, request: HttpRequest, queryset: QuerySet[NameCandidate]) -> None:
        self._each(request, queryset, services.name_candidate_reopen, _("Reopened %(count)d name(s)."))

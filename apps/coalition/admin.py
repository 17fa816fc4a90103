from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.coalition import services
from apps.coalition.models import Alias, Contribution, Member, NameCandidate, NameSighting, Person
from apps.core.exceptions import InvalidTransition
from apps.sources.services import sources_reextract_queue


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["text", "language"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ru", "name_uk", "role"]
    list_filter = ["role"]
    search_fields = ["code", "name_en", "name_ru", "name_uk"]
    inlines = [AliasInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_ru", "name_uk", "member"]
    list_select_related = ["member"]
    search_fields = ["slug", "name_en", "name_ru", "name_uk"]
    autocomplete_fields = ["member"]
    inlines = [AliasInline]


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    actions = ["reextract_everything"]

    @admin.action(description=_("Re-extract every source with the current aliases"), permissions=["change"])
    def reextract_everything(self, request: HttpRequest, queryset: QuerySet[Alias]) -> HttpResponseRedirect:
        run = sources_reextract_queue(actor=request.user)
        self.message_user(request, gettext("Queued %(count)d source(s) for re-extraction.") % {"count": run.total},
                          messages.SUCCESS)
        return HttpResponseRedirect(run.get_absolute_url())  # the page that shows its progress

    list_display = ["text", "language", "member", "person"]
    list_filter = ["language"]
    list_select_related = ["member", "person"]
    search_fields = ["text"]
    autocomplete_fields = ["member", "person"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["actor", "type", "status", "stated_on", "review_state", "source"]
    list_filter = ["type", "status", "review_state"]
    list_select_related = ["actor", "source"]
    raw_id_fields = ["source", "event"]
    search_fields = ["evidence"]
    # Reviews go through /review/ (audit, tallies, versions); here they are only shown.
    readonly_fields = ["review_state", "machine_actor", "machine_type", "machine_status", "machine_evidence",
                       "reviewed_by", "reviewed_at", "review_note", "version"]


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

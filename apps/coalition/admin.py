from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from apps.coalition.models import Alias, Contribution, Member, Person


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

    @admin.action(description="Re-extract every source with the current aliases", permissions=["change"])
    def reextract_everything(self, request: HttpRequest, queryset: QuerySet[Alias]) -> None:
        from apps.sources.services import sources_reextract_queue

        queued = sources_reextract_queue(actor=request.user)
        self.message_user(request, f"Queued {queued} source(s) for re-extraction.", messages.SUCCESS)

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

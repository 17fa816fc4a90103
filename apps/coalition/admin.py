"""The reference data and contributions in the Django admin. The sources app adds the Alias changelist's
re-extraction action (``apps.sources.admin``): queuing the sources is that app's, which depends on this one."""

from django.contrib import admin

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

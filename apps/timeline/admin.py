from django.contrib import admin

from apps.timeline.models import TimelineEvent


@admin.register(TimelineEvent)
class TimelineEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_on", "headline", "language", "agency"]
    list_filter = ["language"]
    raw_id_fields = ["source"]
    search_fields = ["headline"]

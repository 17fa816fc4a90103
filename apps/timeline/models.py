"""Timeline events: what an article reports, dated, with the members and types it names."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class TimelineEventQuerySet(models.QuerySet["TimelineEvent"]):
    def newest_first(self) -> TimelineEventQuerySet:
        return self.order_by(models.F("occurred_on").desc(nulls_last=True), "-id")


class TimelineEvent(models.Model):
    """One event an article reports. Natural key: (source, ordinal)."""

    source = models.ForeignKey("sources.SourceText", on_delete=models.CASCADE, related_name="events")
    ordinal = models.PositiveSmallIntegerField(default=0)
    occurred_on = models.DateField(null=True, blank=True)
    headline = models.CharField(max_length=300)
    snippet = models.TextField(blank=True)
    language = models.CharField(max_length=8, blank=True)
    agency = models.CharField(max_length=64, blank=True)
    # Denormalised codes: the timeline filters on them without joins (GIN-indexed).
    member_codes = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    person_slugs = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    commitment_types = ArrayField(models.CharField(max_length=32), default=list, blank=True)
    commitment_statuses = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    # Who committed what in which state, as "actor:type:status" with "" for any one part left open
    # ("DE:air_defence:", ":air_defence:pledged"): "what has Germany pledged on air defence" is one
    # array overlap on one GIN index, whichever of the three the analyst picks.
    commitment_keys = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    review_states = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    # Full text: Russian and Ukrainian words as their lemmas (config simple), English words stemmed by
    # PostgreSQL (config english); see apps.timeline.search.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        ordering = [models.F("occurred_on").desc(nulls_last=True), "-id"]
        constraints = [models.UniqueConstraint(fields=["source", "ordinal"], name="event_natural_key")]
        indexes = [
            models.Index(models.F("occurred_on").desc(nulls_last=True), models.F("id").desc(),
                         name="event_newest_first"),
            GinIndex(fields=["member_codes"], name="event_member_codes"),
            GinIndex(fields=["person_slugs"], name="event_person_slugs"),
            GinIndex(fields=["commitment_types"], name="event_commitment_types"),
            GinIndex(fields=["commitment_statuses"], name="event_commitment_statuses"),
            GinIndex(fields=["commitment_keys"], name="event_commitment_keys"),
            GinIndex(fields=["review_states"], name="event_review_states"),
            GinIndex(fields=["search_vector"], name="event_search"),
            models.Index(fields=["language", "occurred_on"], name="event_language"),
            models.Index(fields=["agency", "occurred_on"], name="event_agency"),
            # The events an editor confirmed, corrected, rejected or added to (a few in a hundred), newest first:
            # the review filter reads them straight off these instead of testing every event from the newest.
            *(models.Index(models.F("occurred_on").desc(nulls_last=True), models.F("id").desc(),
                           condition=models.Q(review_states__overlap=[state]), name=f"event_newest_{state}")
              for state in ("confirmed", "corrected", "rejected", "added")),
        ]

    def __str__(self) -> str:
        return self.headline

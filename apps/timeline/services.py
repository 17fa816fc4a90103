"""Writes for timeline events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apps import extraction
from apps.timeline.models import TimelineEvent

if TYPE_CHECKING:
    from apps.sources.models import SourceText


def events_replace(*, source: SourceText, document: extraction.ExtractedDocument) -> list[TimelineEvent]:
    """Replace the events of one source by those extracted (the caller holds the transaction)."""
    TimelineEvent.objects.filter(source=source).delete()
    return TimelineEvent.objects.bulk_create(
        TimelineEvent(
            source=source,
            ordinal=ordinal,
            occurred_on=event.occurred_on or document.date,
            headline=event.headline[:300],
            snippet=event.snippet,
            language=document.language or "",
            agency=document.source or "",
            member_codes=sorted(event.members),
            person_slugs=sorted(event.people),
            commitment_types=sorted({c.type for c in event.commitments}),
            commitment_statuses=sorted({c.status for c in event.commitments}),
        )
        for ordinal, event in enumerate(document.events)
    )

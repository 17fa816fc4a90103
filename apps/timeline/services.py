"""Writes for timeline events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from django.contrib.postgres.search import SearchVector
from django.db.models import Q, Value

from apps import extraction
from apps.coalition.models import Contribution, is_sure
from apps.core.fragments import data_changed
from apps.timeline.models import TimelineEvent


class Stated(NamedTuple):
    """One commitment of an event as the timeline files it."""

    actor: str
    type: str
    status: str
    sure: bool  # confirmed by an editor or read with high confidence (coalition.models.is_sure)


def commitment_keys(commitments: Iterable[Stated]) -> list[str]:
    """Every "actor:type:status" of an event's commitments with each one part left open as "", and for the
    sure ones the same prefixed "+" with any parts left open ("+DE::", "+::").

    The timeline filters on any two or three of member, type and status with one array overlap, and on
    the sure commitments alone (any of them, or a member's, a type's, ...) the same way.
    """
    keys: set[str] = set()
    for c in commitments:
        keys.update((f"{c.actor}:{c.type}:{c.status}", f"{c.actor}:{c.type}:", f"{c.actor}::{c.status}",
                     f":{c.type}:{c.status}"))
        if c.sure:
            keys.update(f"+{a}:{t}:{s}" for a in (c.actor, "") for t in (c.type, "") for s in (c.status, ""))
    return sorted(keys)


def extracted_stated(commitments: Iterable[extraction.ExtractedCommitment]) -> list[Stated]:
    """Machine-read commitments as the timeline files them (sure when read with high confidence)."""
    return [Stated(c.actor, c.type, c.status, is_sure("machine", c.confidence)) for c in commitments]


def events_replace(*, documents: Mapping[int, extraction.ExtractedDocument]) -> dict[int, list[TimelineEvent]]:
    """Replace the events of a batch of sources (keyed by id) by those extracted; return them by source.

    The caller holds the transaction and the sources' locks. One DELETE and one INSERT for the batch.
    """
    source_ids = list(documents)
    if not source_ids:
        return {}
    data_changed()
    # Only the ids: Django sets the contributions' links to NULL, and the search vectors need not be read.
    TimelineEvent.objects.filter(source_id__in=source_ids).only("id").delete()
    created = TimelineEvent.objects.bulk_create(
        _event_row(source_id, ordinal, event, document)
        for source_id, document in documents.items()
        for ordinal, event in enumerate(document.events)
    )
    by_source: dict[int, list[TimelineEvent]] = defaultdict(list)
    for event in created:
        by_source[event.source_id].append(event)
    return dict(by_source)


def _event_row(source_id: int, ordinal: int, event: extraction.ExtractedEvent,
               document: extraction.ExtractedDocument) -> TimelineEvent:
    return TimelineEvent(
        source_id=source_id,
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
        commitment_keys=commitment_keys(extracted_stated(event.commitments)),
        review_states=["machine"] if event.commitments else [],
        # The article's words, computed by PostgreSQL as the row is inserted (no second write of the row).
        search_vector=SearchVector(Value(document.search_lemmas), config="simple")
        + SearchVector(Value(document.search_latin), config="english"),
    )


def events_commitments_refresh(*, source_ids: Iterable[int] = (), event_ids: Iterable[int] = ()) -> None:
    """Make events' commitment arrays and review states say what their contributions now say.

    After an editor's review, and after an ingest that kept reviewed contributions: a rejected
    contribution leaves the member/type/status arrays (it stays in ``review_states``, for the review
    filter), a corrected one is filed under its corrected actor, type and status. Events whose
    contributions are all machine-read are already right (``events_replace``): one query, no write.
    """
    source_ids, event_ids = list(source_ids), list(event_ids)
    if not source_ids and not event_ids:
        return
    data_changed()
    rows = list(Contribution.objects.filter(Q(event__source_id__in=source_ids) | Q(event_id__in=event_ids))
                .order_by().values_list("event_id", "actor__code", "type", "status", "review_state", "confidence"))
    if all(state == Contribution.ReviewState.MACHINE for *_, state, _ in rows) and not event_ids:
        return
    live: dict[int, list[Stated]] = defaultdict(list)
    states: dict[int, set[str]] = defaultdict(set)
    for event_id, code, type_, status, state, confidence in rows:
        states[event_id].add(state)
        if state != Contribution.ReviewState.REJECTED:
            live[event_id].append(Stated(code, type_, status, is_sure(state, confidence)))
    events = list(TimelineEvent.objects.filter(Q(source_id__in=source_ids) | Q(pk__in=event_ids))
                  .only("id", "member_codes"))
    for event in events:
        stated = live.get(event.pk, [])
        # The article still names the machine's actor; a corrected actor is named by the editor.
        event.member_codes = sorted({*event.member_codes, *(s.actor for s in stated)})
        event.commitment_types = sorted({s.type for s in stated})
        event.commitment_statuses = sorted({s.status for s in stated})
        event.commitment_keys = commitment_keys(stated)
        event.review_states = sorted(states.get(event.pk, ()))
    TimelineEvent.objects.bulk_update(events, ["member_codes", "commitment_types", "commitment_statuses",
                                               "commitment_keys", "review_states"])

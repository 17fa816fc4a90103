"""Unknown names seen in articles: the sightings each ingest writes, and the candidates' counts kept from them.

Resolving candidates (aliases, dismissals) is in ``apps.names.services``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.names.models import NameCandidate, NameSighting

if TYPE_CHECKING:
    from apps.extraction.names import NameSighting as SeenName
    from apps.sources.models import SourceText

NAME_FIELD_CHARS = 255
_HINTS = frozenset(NameCandidate.Hint.values)


def name_sightings_replace(*, source: SourceText, sightings: Iterable[SeenName]) -> None:
    """Replace the unknown names seen in one source (``name_sightings_replace_many`` for one)."""
    name_sightings_replace_many({source.pk: sightings})


def name_sightings_replace_many(sightings_by_source: Mapping[int, Iterable[SeenName]]) -> None:
    """Replace the unknown names seen in a batch of sources and recount the candidates concerned.

    The caller holds the transaction and the sources' row locks. Safe under concurrent workers:
    missing candidates are inserted in key order (ON CONFLICT DO NOTHING), then every candidate
    whose count may change (seen before or now) is locked in id order, so two workers never
    wait on each other in a cycle, and each recount runs under the lock, after the sightings of
    every earlier transaction on that candidate were committed. At most seven queries, however
    many sources and names. A dismissed or aliased candidate keeps its state.
    """
    seen: dict[int, dict[str, SeenName]] = {}
    for source_id, sightings in sightings_by_source.items():
        of_source = seen[source_id] = {}
        for sighting in sightings:
            if sighting.key and len(sighting.key) <= NAME_FIELD_CHARS:
                of_source.setdefault(sighting.key, sighting)
    source_ids = list(seen)
    old_ids = list(NameSighting.objects.filter(source_id__in=source_ids).values_list("candidate_id", flat=True))
    first_seen: dict[str, SeenName] = {}
    for of_source in seen.values():
        for key, sighting in of_source.items():
            first_seen.setdefault(key, sighting)
    if not first_seen and not old_ids:
        return
    keys = sorted(first_seen)  # the same insertion order in every worker
    if keys:
        NameCandidate.objects.bulk_create(
            [NameCandidate(key=key, text=first_seen[key].text[:NAME_FIELD_CHARS], hint=_hint(first_seen[key].hint))
             for key in keys],
            ignore_conflicts=True,
        )
    candidates = list(
        NameCandidate.objects.select_for_update().filter(Q(key__in=keys) | Q(pk__in=old_ids)).order_by("pk")
        .only("id", "key", "hint")
    )
    by_key = {c.key: c for c in candidates}
    NameSighting.objects.filter(source_id__in=source_ids).delete()
    NameSighting.objects.bulk_create(
        NameSighting(candidate=by_key[key], source_id=source_id, text=s.text[:NAME_FIELD_CHARS], sentence=s.sentence)
        for source_id, of_source in seen.items()
        for key, s in of_source.items()
        if key in by_key  # an admin may have deleted a candidate in between; the next reading recreates it
    )
    names_recount([c.pk for c in candidates])
    # A first guess of "name" gives way to a more telling one seen later.
    hints = {key: _hint(s.hint) for of_source in seen.values() for key, s in of_source.items()
             if _hint(s.hint) != NameCandidate.Hint.NAME}
    sharper = [c for c in candidates if c.key in hints and c.hint == NameCandidate.Hint.NAME]
    for candidate in sharper:
        candidate.hint = hints[candidate.key]
    if sharper:
        NameCandidate.objects.bulk_update(sharper, ["hint"])


def names_recount(candidate_ids: list[int]) -> None:
    """Article count and most frequent spelling of the candidates, from their sightings (one UPDATE)."""
    of_candidate = NameSighting.objects.filter(candidate=OuterRef("pk")).order_by()
    count = of_candidate.values("candidate").annotate(n=Count("id")).values("n")
    commonest = of_candidate.values("text").annotate(n=Count("id"), last=Max("id")).order_by("-n", "-last")
    NameCandidate.objects.filter(pk__in=candidate_ids).update(
        article_count=Coalesce(Subquery(count), 0),
        text=Coalesce(Subquery(commonest.values("text")[:1]), F("text")),
        updated_at=timezone.now(),
    )


def _hint(hint: str) -> str:
    return hint if hint in _HINTS else NameCandidate.Hint.NAME

"""The editors' truth, and today's rules measured against it.

Every article an editor reviewed is a labelled article in the spec §7 shape. Its commitments are what editors
confirmed, corrected or added (any state in EDITOR_STATES), one status per (actor, type) by the one status rule;
what they rejected is no commitment. Its date, language, source, members, people, quotes and statement-draft flag
are what the ingest read: editors do not review those, so only the commitments are scored here.

An article editors reviewed only in part says nothing yet of the pairs still waiting: its label lists them as
``unreviewed`` and the scoring leaves them out on both sides. `manage.py export_labels` exports the articles
reviewed in full unless asked for the others (`--partial`); the quality page reads both, since the queue
sends editors to the least sure commitments of many articles rather than to every commitment of a few.

Reads only: the export streams in batches of BATCH articles (four queries a batch); the page reads again the
newest QUALITY_MAX_SOURCES reviewed articles with the current extraction, kept per data version and rules.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Exists, F, Max, OuterRef, QuerySet

from apps import extraction
from apps.coalition.models import EDITOR_STATES, Contribution
from apps.core.fragments import cached_value
from apps.extraction.evaluate import (
    Correction,
    Reviewed,
    Scores,
    correction_totals,
    corrections,
    editors_commitments,
    score,
    score_by,
)
from apps.sources.ingest import extraction_config
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent

State = Contribution.ReviewState
# An editor decided these: the editors' word (EDITOR_STATES: confirmed, corrected, and added once the review
# can add what the machine missed) or a rejection. Every other state waits for a decision.
REVIEWED_STATES: tuple[str, ...] = (*EDITOR_STATES, State.REJECTED)
ADDED = "added"  # the state of a commitment an editor added (the machine missed it)
BATCH = 100  # articles per batch of label queries
BYTES_CHUNK = 10  # articles' bytes fetched at a time: a file may weigh megabytes
CORRECTIONS_SHOWN = 12
EXAMPLES_SHOWN = 3


# --- The editors' truth ---------------------------------------------------------------------------------


def reviewed_sources(*, since: datetime | None = None, partial: bool = True) -> QuerySet[SourceText]:
    """Ingested articles with at least one commitment an editor decided (at or after `since`, when given);
    without `partial`, only those with none left waiting."""
    decided = Contribution.objects.filter(source=OuterRef("pk"), review_state__in=REVIEWED_STATES)
    if since is not None:
        decided = decided.filter(reviewed_at__gte=since)
    sources = SourceText.objects.filter(Exists(decided), status=SourceText.Status.INGESTED)
    if not partial:
        waiting = Contribution.objects.filter(source=OuterRef("pk")).exclude(review_state__in=REVIEWED_STATES)
        sources = sources.exclude(Exists(waiting))
    return sources


@dataclass(frozen=True)
class LabelledSource:
    """One reviewed article: its label (spec §7; the caller names its ``file``) and the decisions behind it."""

    id: int
    name: str  # the file's original name
    label: dict[str, Any]
    decided: tuple[Reviewed, ...]
    states: dict[str, int]  # decided commitments by review state
    waiting: int  # commitments nobody has reviewed yet (their pairs are "unreviewed" in the label)

    @property
    def complete(self) -> bool:
        return not self.waiting


def _reviewed(row: Mapping[str, Any]) -> Reviewed:
    return Reviewed(ident=row["id"], actor=row["actor__code"], type=row["type"], status=row["status"],
                    machine_actor=row["machine_actor__code"] or "", machine_type=row["machine_type"],
                    machine_status=row["machine_status"], rejected=row["review_state"] == State.REJECTED,
                    added=row["review_state"] == ADDED)


def labelled(source_ids: Sequence[int]) -> list[LabelledSource]:
    """These articles as labels, in the order given (three queries, however many there are; no bytes read)."""
    ids = list(source_ids)
    decided: dict[int, list[Reviewed]] = {pk: [] for pk in ids}
    states: dict[int, Counter[str]] = {pk: Counter() for pk in ids}
    waiting: dict[int, list[tuple[str, str]]] = {pk: [] for pk in ids}
    rows = (Contribution.objects.filter(source_id__in=ids).order_by("source_id", "event_ordinal", "id")
            .values("id", "source_id", "review_state", "actor__code", "type", "status", "machine_actor__code",
                    "machine_type", "machine_status"))
    for row in rows:
        if row["review_state"] in REVIEWED_STATES:
            decided[row["source_id"]].append(_reviewed(row))
            states[row["source_id"]][row["review_state"]] += 1
        else:
            waiting[row["source_id"]].append((row["actor__code"], row["type"]))
    members: dict[int, set[str]] = {pk: set() for pk in ids}
    people: dict[int, set[str]] = {pk: set() for pk in ids}
    for source_id, codes, slugs in (TimelineEvent.objects.filter(source_id__in=ids)
                                    .values_list("source_id", "member_codes", "person_slugs")):
        members[source_id].update(codes)
        people[source_id].update(slugs)
    # The ingest's own reading of the flags and quotes, out of its report (without the report's highlights).
    sources = {row["pk"]: row for row in SourceText.objects.filter(pk__in=ids).values(
        "pk", "original_name", "published_on", "language", "agency", "report__extraction__statement_draft",
        "report__extraction__quotes")}
    found = []
    for pk in ids:
        source = sources.get(pk)
        if source is None:  # deleted meanwhile
            continue
        commitments, unreviewed = editors_commitments(decided[pk], waiting[pk])
        label: dict[str, Any] = {
            "file": "", "ok": True, "error": None,
            "date": source["published_on"].isoformat() if source["published_on"] else None,
            "language": source["language"] or None,
            "source": source["agency"] or None,
            "members": sorted(members[pk]),
            "people": sorted(people[pk]),
            "commitments": commitments,
            "statement_draft": bool(source["report__extraction__statement_draft"]),
            "quotes": list(source["report__extraction__quotes"] or []),
        }
        if unreviewed:
            label["unreviewed"] = unreviewed
        found.append(LabelledSource(id=pk, name=source["original_name"], label=label, decided=tuple(decided[pk]),
                                    states=dict(states[pk]), waiting=len(waiting[pk])))
    return found


def labelled_batches(*, since: datetime | None = None, partial: bool = False,
                     size: int = BATCH) -> Iterator[list[LabelledSource]]:
    """Every reviewed article (see `reviewed_sources`) as labels, `size` at a time in id order: constant memory,
    four queries a batch."""
    sources = reviewed_sources(since=since, partial=partial).order_by("pk")
    last = 0
    while ids := list(sources.filter(pk__gt=last).values_list("pk", flat=True)[:size]):
        yield labelled(ids)
        last = ids[-1]


def original_bytes(source_ids: Sequence[int]) -> Iterator[tuple[int, bytes]]:
    """The articles' bytes as they were received, in id order, a few rows at a time (one query)."""
    rows = SourceText.objects.filter(pk__in=list(source_ids)).order_by("pk").values_list("pk", "raw_bytes")
    for pk, data in rows.iterator(chunk_size=BYTES_CHUNK):
        yield pk, bytes(data)


# --- The current rules against it ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown:
    """The scores of one group of articles: a language (its code) or a month ("2026-03"; "" undated)."""

    key: str
    scores: Scores

    @property
    def month(self) -> date | None:
        return date.fromisoformat(f"{self.key}-01") if self.key else None


@dataclass(frozen=True)
class QualityReport:
    """Today's rules scored against the editors' truth on the newest `limit` reviewed articles."""

    limit: int
    sources: int  # the articles scored
    complete: int  # ... of which every commitment was reviewed
    states: dict[str, int]  # their reviewed commitments by review state
    waiting: int  # their commitments nobody has reviewed yet (left out)
    scores: Scores
    by_language: list[Breakdown] = field(default_factory=list)
    by_month: list[Breakdown] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)  # the most frequent, at most CORRECTIONS_SHOWN
    totals: dict[str, int] = field(default_factory=dict)  # corrections by kind (all of them)

    @property
    def reviewed(self) -> int:
        return sum(self.states.values())

    @property
    def at_limit(self) -> bool:
        return self.sources >= self.limit


def newest_reviewed(limit: int) -> list[int]:
    """The ids of the `limit` articles an editor reviewed last, the latest first (one query)."""
    rows = (Contribution.objects.filter(review_state__in=REVIEWED_STATES, source__status=SourceText.Status.INGESTED)
            .values("source_id").annotate(last=Max("reviewed_at"))
            .order_by(F("last").desc(nulls_last=True), "-source_id"))
    return [row["source_id"] for row in rows[:limit]]


def quality_report(*, limit: int) -> QualityReport:
    """Read the newest `limit` reviewed articles again with the current extraction and score it against the
    editors' truth: overall, by language and by month; and count the corrections editors made there.

    Queries: one, then four per BATCH articles. Time: the extraction's, about 4 ms an article.
    """
    config = extraction_config()
    labels: list[dict[str, Any]] = []
    predictions: list[dict[str, Any]] = []
    decided: list[Reviewed] = []
    states: Counter[str] = Counter()
    complete = waiting = 0
    newest = newest_reviewed(limit)
    for start in range(0, len(newest), BATCH):
        chunk = newest[start:start + BATCH]
        batch = {item.id: item for item in labelled(chunk)}
        for pk, data in original_bytes(list(batch)):
            item, file = batch[pk], str(pk)
            labels.append({**item.label, "file": file})
            document = extraction.extract(data, filename=item.name, config=config)
            predictions.append(extraction.document_to_json(document, file=file))
        for pk in chunk:  # the latest reviewed first: the examples of a correction are the newest
            if pk in batch:
                item = batch[pk]
                decided.extend(item.decided)
                states.update(item.states)
                complete += item.complete
                waiting += item.waiting
    found = corrections(decided, examples=EXAMPLES_SHOWN)

    def groups(key: Any, *, newest_first: bool) -> list[Breakdown]:
        scored = score_by(predictions, labels, key)
        order = sorted(scored, reverse=True) if newest_first else sorted(scored, key=lambda k: (-scored[k].articles, k))
        return [Breakdown(k, replace(scored[k], misses=())) for k in order]

    return QualityReport(
        limit=limit, sources=len(labels), complete=complete, states=dict(states), waiting=waiting,
        scores=replace(score(predictions, labels), misses=()),  # the misses are not shown: not kept
        by_language=groups(lambda label: label.get("language") or "", newest_first=False),
        by_month=groups(lambda label: (label.get("date") or "")[:7], newest_first=True),
        corrections=found[:CORRECTIONS_SHOWN], totals=correction_totals(found),
    )


@cache
def rules_version() -> str:
    """A digest of the extraction's code and data files: new rules are scored at once, whatever the data."""
    root = Path(extraction.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and relative.parts[0] != "tests" and path.suffix in (".py", ".toml"):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def quality_cached() -> QualityReport:
    """`quality_report` for the settings' limit, kept per data version and rules (QUALITY_CACHE_SECONDS): a review,
    an ingest or new rules score afresh; an alias edited in the admin shows when the copy expires."""
    limit = settings.QUALITY_MAX_SOURCES
    return cached_value(f"review:quality:{rules_version()}:{limit}", lambda: quality_report(limit=limit),
                        settings.QUALITY_CACHE_SECONDS)

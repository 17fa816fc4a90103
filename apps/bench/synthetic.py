"""Synthetic timeline events for the benchmarks: real corpus sentences recombined, loaded with COPY.

Each sentence of the corpus is read once by the real extraction pipeline, as an article of its own:
that gives its language, members, people, commitments, the outlet it names and its search words.
A synthetic article is a few sentences of one language (one of them, most of the time, naming the
outlet); a run's articles are dated across 2022–2026 in the order they are made, as an archive fills up.
Its source, event and contributions are the rows an ingest of it stores, as far as sentences read one
by one can tell: language, members, people, outlet and search words are exactly what the pipeline reads
in the whole article, commitments are the sentences' own merged per (actor, type) the way the
extraction merges them, and a few articles carry an editor's review.

This is a bulk loader for benchmarks, so it writes the sources, events and contributions tables
itself, with binary COPY, one batch per transaction, rather than through the ingest services (which take
about 40 ms an article, most of a day for a million); `tallies_rebuild` then makes the overview's
tallies exact. The search vector is exactly what ingest's ``to_tsvector('simple', lemmas) ||
to_tsvector('english', latin)`` makes of the whole article: each sentence's two parts are computed by
PostgreSQL once, then shifted the way the text's words and the concatenation shift them. Synthetic
sources are named ``synthetic-<seed>-<n>.txt``; `clear` removes them and what hangs off them, and
nothing else.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
import struct
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from django.db.models.deletion import CASCADE, SET_NULL
from django.utils import timezone

from apps import extraction
from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import Contribution, is_sure
from apps.coalition.services import members_ensure
from apps.extraction.commitments import split_sentences
from apps.extraction.pipeline import HEADLINE_CHARS, SNIPPET_CHARS, merge_extracted, trim_at_word
from apps.sources.ingest import extraction_config
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent
from apps.timeline.services import Stated, commitment_keys

NAME_PREFIX = "synthetic-"
FIRST_DAY = date(2022, 1, 1)
LAST_DAY = date(2026, 11, 30)
SENTENCES_PER_ARTICLE = (3, 7)
ATTRIBUTED_SHARE = 0.92  # articles with a sentence naming their outlet ("..., передает AFP")
UNDATED_SHARE = 0.002  # articles whose date nobody could tell (sorted last on the timeline)
# One run's articles are dated in the order they are made, give or take this, as news is ingested as it
# comes: the table's physical order then follows the timeline's, as it does in a real archive.
DATE_JITTER_DAYS = 3
# Articles an editor has looked at: all confirmed, one pair corrected, one pair rejected.
CONFIRMED_SHARE, CORRECTED_SHARE, REJECTED_SHARE = 0.04, 0.01, 0.01
# A word no text contains: where it lands tells how many positions a text takes in a tsvector.
_SENTINEL = "zqxjvsentinel"
_SEED_BITS = 40
_INT32 = struct.Struct("!i")
_UINT16 = struct.Struct("!H")


# How unevenly articles quote sentences: each sentence's weight is exp(N(0, σ)), so a few turn up in
# one article in twenty and the rarest in one in ten thousand, and the words only they have are rare.
POPULARITY_SIGMA = 1.2


def corpus_files() -> list[Path]:
    """The labelled dev corpus, the seed article and the first two held-out sets (all real-looking news).

    The third held-out set is left out: it stays unseen by anything built on the rules.
    """
    base = Path(settings.BASE_DIR)
    folders = [*mix_folders(), base / "apps" / "extraction" / "tests" / "heldout",
               base / "apps" / "extraction" / "tests" / "heldout2"]
    return [path for folder in folders if folder.exists() for path in sorted(folder.glob("*.txt"))]


def mix_folders() -> list[Path]:
    """Where the mix of languages comes from: the dev corpus and the seed, news as it arrives (about half
    Russian); the held-out sets, written to test the rules, lean to English and Ukrainian."""
    base = Path(settings.BASE_DIR)
    return [base.parent / "shared" / "corpus" / "dev", base / "seeds"]


# A sentence's lexemes, each as (UTF-8 with its NUL, how many positions, the positions as one big-endian
# uint16 run read as an int, the same run of ones): adding offset × ones shifts every position at once.
Lexemes = tuple[tuple[bytes, int, int, int], ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One corpus sentence as the extraction reads it, with its two tsvector parts."""

    text: str
    headline: str  # the text as an event's headline
    members: tuple[str, ...]
    people: tuple[str, ...]
    commitments: tuple[extraction.ExtractedCommitment, ...]
    agency: str
    lemmas: str  # Russian and Ukrainian words as lemma keys (config simple)
    latin: str  # the Latin-script words (config english)
    weight: float = 1.0  # how often articles quote it, relative to the others
    simple: Lexemes = ()
    simple_span: int = 0  # positions its lemma keys take in to_tsvector('simple', ...)
    simple_highest: int = 0  # the highest of them that holds a lexeme
    english: Lexemes = ()
    english_span: int = 0


@dataclass(frozen=True)
class Choice:
    """Sentences to draw from, each as often as its weight says."""

    sentences: list[Sentence]
    cumulative: list[float]

    @classmethod
    def of(cls, sentences: list[Sentence]) -> Choice:
        return cls(sentences, list(itertools.accumulate(s.weight for s in sentences)))

    def draw(self, rng: random.Random, count: int) -> list[Sentence]:
        """`count` different sentences (fewer when there are not so many)."""
        count = min(count, len(self.sentences))
        chosen: dict[int, Sentence] = {}
        while len(chosen) < count:
            for sentence in rng.choices(self.sentences, cum_weights=self.cumulative, k=count - len(chosen)):
                chosen.setdefault(id(sentence), sentence)
        return list(chosen.values())


@dataclass(frozen=True)
class SentencePool:
    languages: tuple[str, ...]
    weights: tuple[int, ...]  # the corpus's articles of each language
    plain: dict[str, Choice]  # by language: sentences naming no outlet
    attributions: dict[str, Choice]  # by language: sentences naming the outlet
    actor_ids: dict[str, int]  # member code → Member id, for the contributions


_read_cache: dict[str, Any] = {}


def _read_corpus(files: Sequence[Path]) -> tuple[dict[str, int], list[tuple[str, Sentence]]]:
    """(articles per language, (language, sentence) in corpus order); each sentence read once."""
    config = extraction_config()
    key = (id(config.gazetteer), tuple(files))
    if _read_cache.get("key") == key:
        return _read_cache["value"]
    articles: dict[str, int] = {}
    sentences: list[tuple[str, Sentence]] = []
    seen: set[str] = set()
    mix = set(mix_folders())
    for path in files:
        document = extraction.extract(path.read_bytes(), filename=path.name, config=config)
        if not document.ok or not document.language or not document.body:
            continue
        language = document.language
        if path.parent in mix:
            articles[language] = articles.get(language, 0) + 1
        for start, end in split_sentences(document.body):
            text = " ".join(document.body[start:end].split())
            if text in seen:
                continue
            seen.add(text)
            read = extraction.extract(f" date {FIRST_DAY.isoformat()} {text}".encode(), filename=path.name,
                                      config=config)
            # A sentence in another language than its article's (a quoted English title) is left out,
            # so each synthetic article keeps to one language as a real one does.
            if not read.ok or read.language != language:
                continue
            sentences.append((language, Sentence(
                text=text, headline=trim_at_word(text, HEADLINE_CHARS), members=read.members, people=read.people,
                commitments=read.commitments,
                agency=read.source or "", lemmas=read.search_lemmas, latin=read.search_latin,
                weight=math.exp(random.Random(zlib.crc32(text.encode())).gauss(0, POPULARITY_SIGMA)),  # noqa: S311
            )))
    value = (articles, _with_tsvector_parts(sentences))
    _read_cache.update(key=key, value=value)
    return value


_PARTS_SQL = """
SELECT s.i, v.lexeme, v.positions
FROM unnest(%s::text[]) WITH ORDINALITY AS s(t, i)
CROSS JOIN LATERAL unnest(to_tsvector(%s::regconfig, s.t || ' ' || %s)) AS v
"""


def _with_tsvector_parts(sentences: list[tuple[str, Sentence]]) -> list[tuple[str, Sentence]]:
    """Each sentence with its lexemes and positions under both configurations (two queries in all)."""
    parts: dict[str, list[tuple[Lexemes, int, int]]] = {}
    with connection.cursor() as cursor:
        for config, field in (("simple", "lemmas"), ("english", "latin")):
            lexemes: list[list[tuple[bytes, int, int, int]]] = [[] for _ in sentences]
            spans, highest = [0] * len(sentences), [0] * len(sentences)
            cursor.execute(_PARTS_SQL, [[getattr(s, field) for _, s in sentences], config, _SENTINEL])
            for index, lexeme, positions in cursor.fetchall():
                if lexeme == _SENTINEL:
                    spans[index - 1] = positions[0] - 1
                    continue
                run = b"".join(_UINT16.pack(p) for p in positions)
                lexemes[index - 1].append((lexeme.encode() + b"\0", len(positions), int.from_bytes(run),
                                           int.from_bytes(b"\0\1" * len(positions))))
                highest[index - 1] = max(highest[index - 1], *positions)
            parts[config] = list(zip(map(tuple, lexemes), spans, highest, strict=True))
    result = []
    for i, (language, sentence) in enumerate(sentences):
        (simple, simple_span, simple_highest), (english, english_span, _) = parts["simple"][i], parts["english"][i]
        result.append((language, replace(sentence, simple=simple, simple_span=simple_span,
                                         simple_highest=simple_highest, english=english, english_span=english_span)))
    return result


def sentence_pool(files: Sequence[Path] | None = None) -> SentencePool:
    """The corpus's sentences by language, read by the extraction (a few seconds, once a process)."""
    articles, sentences = _read_corpus(list(files) if files is not None else corpus_files())
    plain: dict[str, list[Sentence]] = {}
    attributions: dict[str, list[Sentence]] = {}
    for language, sentence in sentences:
        (attributions if sentence.agency else plain).setdefault(language, []).append(sentence)
    languages = tuple(sorted(lang for lang in articles if len(plain.get(lang, [])) >= 2 * SENTENCES_PER_ARTICLE[1]))
    if not languages:
        raise ValueError("The corpus has too few sentences to recombine.")
    actors = members_ensure(sorted({c.actor for _, s in sentences for c in s.commitments}))
    return SentencePool(languages=languages, weights=tuple(articles[lang] for lang in languages),
                        plain={lang: Choice.of(found) for lang, found in plain.items()},
                        attributions={lang: Choice.of(found) for lang, found in attributions.items()},
                        actor_ids={code: m.pk for code, m in actors.items()})


# --- One article -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    """A synthetic article and the rows an ingest would make of it (ids aside)."""

    name: str
    occurred_on: date | None
    language: str
    agency: str
    body: str
    raw: bytes
    headline: str
    snippet: str
    members: list[str]
    people: list[str]
    commitments: list[extraction.ExtractedCommitment]
    review: list[str]  # one review state per commitment
    search_vector: bytes  # the tsvector in PostgreSQL's binary format


def article_name(seed: int, index: int) -> str:
    return f"{NAME_PREFIX}{seed}-{index:08d}.txt"


def make_article(pool: SentencePool, *, seed: int, index: int, when: float) -> Article:
    """Article `index` of `seed`, dated about `when` of the way from FIRST_DAY to LAST_DAY (0 to 1): the
    same whatever the batch size."""
    rng = random.Random((seed << _SEED_BITS) | index)  # noqa: S311 - benchmark data, not secrets
    language = rng.choices(pool.languages, pool.weights)[0]
    plain = pool.plain[language]
    count = rng.randint(*SENTENCES_PER_ARTICLE)
    attributions = pool.attributions.get(language)
    if attributions and rng.random() < ATTRIBUTED_SHARE:
        chosen = plain.draw(rng, count - 1)
        chosen.insert(rng.randint(0, 1), attributions.draw(rng, 1)[0])  # the outlet is named early, as in the corpus
    else:
        chosen = plain.draw(rng, count)
    day = None
    if rng.random() >= UNDATED_SHARE:  # a few days either way: articles come in roughly as they are dated
        offset = int(when * _DAYS) + rng.randint(-DATE_JITTER_DAYS, DATE_JITTER_DAYS)
        day = FIRST_DAY + timedelta(days=min(max(offset, 0), _DAYS - 1))
    groups, position = [], 0
    while position < len(chosen):  # paragraphs of two or three sentences
        size = rng.randint(2, 3)
        groups.append(" ".join(s.text for s in chosen[position:position + size]))
        position += size
    body = "\n\n".join(groups)
    raw = ((f" date {day.isoformat()} " if day else "") + body).encode()
    commitments = merge_extracted(c for s in chosen for c in s.commitments)
    review = ["machine"] * len(commitments)
    if commitments:
        draw = rng.random()
        if draw < CONFIRMED_SHARE:
            review = ["confirmed"] * len(commitments)
        elif draw < CONFIRMED_SHARE + CORRECTED_SHARE:
            review[rng.randrange(len(commitments))] = "corrected"
        elif draw < CONFIRMED_SHARE + CORRECTED_SHARE + REJECTED_SHARE:
            review[rng.randrange(len(commitments))] = "rejected"
    return Article(
        name=article_name(seed, index), occurred_on=day, language=language,
        agency=next((s.agency for s in chosen if s.agency), ""), body=body, raw=raw,
        headline=chosen[0].headline, snippet=_snippet(chosen),
        members=sorted({m for s in chosen for m in s.members}),
        people=sorted({p for s in chosen for p in s.people}),
        commitments=commitments, review=review,
        search_vector=search_vector(chosen),
    )


_DAYS = (LAST_DAY - FIRST_DAY).days + 1


def _snippet(sentences: Sequence[Sentence]) -> str:
    """What follows the headline, cut as the extraction cuts it (which looks at the first SNIPPET_CHARS only)."""
    rest: list[str] = []
    length = 0
    for sentence in sentences[1:]:
        rest.append(sentence.text)
        length += len(sentence.text) + 1
        if length > SNIPPET_CHARS + 1:
            break
    return trim_at_word(" ".join(rest) or sentences[0].text, SNIPPET_CHARS)


def search_vector(sentences: Sequence[Sentence]) -> bytes:
    """to_tsvector('simple', lemmas) || to_tsvector('english', latin) over the sentences' words in order,
    in the binary format PostgreSQL reads without parsing (tsvectorrecv).

    Within one configuration each sentence's positions follow on from the positions the sentences
    before it took; `||` then shifts the English part by the highest position of the simple part.
    Lexemes go sorted by their bytes, each with its positions rising (weight D, the top bits 0), as
    tsvectorrecv wants them. Positions stay far below PostgreSQL's cap of 16,383: an article has at most
    seven sentences.
    """
    merged: dict[bytes, list[Any]] = {}  # lexeme → [how many positions, their runs of bytes...]
    offsets, offset, highest = [], 0, 0
    for sentence in sentences:
        offsets.append((sentence.simple, offset))
        if sentence.simple:
            highest = offset + sentence.simple_highest
        offset += sentence.simple_span
    offset = highest
    for sentence in sentences:
        offsets.append((sentence.english, offset))
        offset += sentence.english_span
    for lexemes, shift in offsets:
        for lexeme, count, run, ones in lexemes:
            shifted = (run + shift * ones).to_bytes(2 * count)
            entry = merged.get(lexeme)
            if entry is None:
                merged[lexeme] = [count, shifted]
            else:
                entry[0] += count
                entry.append(shifted)
    parts = [_INT32.pack(len(merged))]
    for lexeme in sorted(merged):
        count, *runs = merged[lexeme]
        parts += (lexeme, _UINT16.pack(count), *runs)
    return b"".join(parts)




# --- Loading -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Generated:
    events: int
    contributions: int
    seconds: float
    first_index: int

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0


def next_index(seed: int) -> int:
    """The index after the last synthetic article of `seed` already stored (0 when none)."""
    last = (SourceText.objects.filter(original_name__startswith=f"{NAME_PREFIX}{seed}-")
            .order_by("-original_name").values_list("original_name", flat=True).first())
    return int(last.removeprefix(f"{NAME_PREFIX}{seed}-").removesuffix(".txt")) + 1 if last else 0


def generate(count: int, *, seed: int = 1, batch: int = 5000,
             progress: Callable[[int, int, float], None] | None = None) -> Generated:
    """Add `count` synthetic articles of `seed` (numbered after those already there, dated from FIRST_DAY to
    LAST_DAY in the order made), then rebuild the tallies and ANALYZE. Memory stays that of two batches."""
    started = time.perf_counter()
    pool = sentence_pool()
    first = next_index(seed)
    now = timezone.now()

    def articles(start: int) -> list[Article]:
        return [make_article(pool, seed=seed, index=first + i, when=(i + 0.5) / count)
                for i in range(start, min(start + batch, count))]

    done = contributions = 0
    # One thread makes the next batch while PostgreSQL takes in this one (psycopg lets go of the GIL
    # while it waits), so the two cores both work. At most two batches are in memory.
    with ThreadPoolExecutor(max_workers=1) as maker:
        upcoming = maker.submit(articles, 0)
        while done < count:
            current = upcoming.result()
            if done + len(current) < count:
                upcoming = maker.submit(articles, done + len(current))
            contributions += _load(current, pool=pool, seed=seed, now=now)
            done += len(current)
            if progress is not None:
                progress(done, count, time.perf_counter() - started)
    if count:
        tallies_rebuild()
        analyze()
    return Generated(events=count, contributions=contributions, seconds=time.perf_counter() - started,
                     first_index=first)


def _ids(cursor: Any, table: str, count: int) -> list[int]:
    cursor.execute("SELECT nextval(seq) FROM (SELECT pg_get_serial_sequence(%s, 'id')::regclass AS seq) AS s, "
                   "generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


_ARRAY_HEADER = struct.Struct("!iiIii")
_ELEMENT_OIDS = {"character varying[]": 1043, "text[]": 25}  # array_recv wants the column's own element type


def _array(values: Sequence[str], oid: int) -> bytes:
    """A one-dimensional array of strings in PostgreSQL's binary format (array_recv), no nulls."""
    if not values:
        return struct.pack("!iiI", 0, 0, oid)
    encoded = [v.encode() for v in values]
    return _ARRAY_HEADER.pack(1, 0, oid, len(encoded), 1) + b"".join(_INT32.pack(len(e)) + e for e in encoded)


def _jsonb(value: Any) -> bytes:
    return b"\x01" + json.dumps(value).encode()  # jsonb_recv: version 1, then the text


# The binary COPY's dumper for each column type. Values of the types psycopg has no dumper for (arrays,
# tsvector, jsonb) are made here in PostgreSQL's binary format and go as they are (dumped as bytea).
# Binary rather than text COPY: parsing the text of the tsvectors took most of PostgreSQL's time.
_DUMPED_AS = {"bigint": "int8", "integer": "int4", "smallint": "int2", "date": "date", "text": "text",
              "character varying": "text", "timestamp with time zone": "timestamptz", "bytea": "bytea",
              "boolean": "bool", "double precision": "float8"}


def _encoder(kind: str) -> Callable[[Any], Any] | None:
    """How a value goes into a column of this type, when psycopg cannot dump it itself (None: it can)."""
    if kind in _ELEMENT_OIDS:
        oid = _ELEMENT_OIDS[kind]
        return lambda value: value if isinstance(value, bytes) else _array(value, oid)
    if kind == "jsonb":
        return lambda value: value if isinstance(value, bytes) else _jsonb(value)
    return None


def _copy(cursor: Any, model: type[Model], rows: Iterable[dict[str, Any]], *, ids: bool) -> None:
    """COPY rows of `model`, each a dict by field attname; a field left out takes its default, so the
    loader keeps up with fields added later (`ids`: whether the rows carry their primary key)."""
    table = model._meta.db_table
    cursor.execute("SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
                   "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped", [table])
    types = dict(cursor.fetchall())
    fields = [f for f in model._meta.concrete_fields if ids or not f.primary_key]
    defaults = [f.get_default() for f in fields]
    encode = [_encoder(types[str(field.column)]) for field in fields]
    names = [f.attname for f in fields]
    with cursor.copy(f"COPY {table} ({', '.join(str(f.column) for f in fields)}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types([_DUMPED_AS.get(types[str(f.column)], "bytea") for f in fields])
        for row in rows:
            values = [row.get(name, default) for name, default in zip(names, defaults, strict=True)]
            for i, encoder in enumerate(encode):
                if encoder is not None and values[i] is not None:
                    values[i] = encoder(values[i])
            copy.write_row(values)


def _skip_reference_checks(cursor: Any) -> bool:
    """Leave out the foreign-key checks for this transaction, as pg_restore --disable-triggers does, when
    the database lets us (a superuser, like the embedded server's): each row points at ids allocated just
    before in this same transaction, and the checks took a quarter of PostgreSQL's time."""
    try:
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role TO replica")
    except DatabaseError:
        return False  # not a superuser: the checks run, a little slower
    return True


@transaction.atomic
def _load(articles: Sequence[Article], *, pool: SentencePool, seed: int, now: datetime) -> int:
    """COPY one batch: its sources, events and contributions, in one transaction. Returns the contributions."""
    with connection.cursor() as cursor:
        # As the ingest worker does: everything here can be made again, so do not wait for the WAL flush.
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # New GIN entries wait in each index's pending list until it holds this much, then go in sorted,
        # in bulk, far cheaper than a few at a time; the VACUUM at the end merges what is left.
        cursor.execute("SET LOCAL gin_pending_list_limit TO '256MB'")
        cursor.execute("SET LOCAL work_mem TO '256MB'")
        unchecked = _skip_reference_checks(cursor)
        source_ids = _ids(cursor, SourceText._meta.db_table, len(articles))
        event_ids = _ids(cursor, TimelineEvent._meta.db_table, len(articles))
        stamps = {"created_at": now, "updated_at": now}
        _copy(cursor, SourceText, ({
            "id": source_id, **stamps, "original_name": a.name, "raw_bytes": a.raw, "size_bytes": len(a.raw),
            # The digest covers the name too: two recombinations that happen to coincide stay two sources.
            "sha256": hashlib.sha256(a.name.encode() + b"\0" + a.raw).hexdigest(), "encoding": "utf-8",
            "text": a.body, "language": a.language, "published_on": a.occurred_on,
            "date_found": "header" if a.occurred_on else "unknown", "agency": a.agency, "status": "ingested",
            "status_changed_at": now, "attempts": 1, "processed_at": now,
            "report": {"synthetic": {"seed": seed, "name": a.name}, "encoding": "utf-8", "notes": [],
                       "date_found": "header" if a.occurred_on else "unknown"},
        } for source_id, a in zip(source_ids, articles, strict=True)), ids=True)
        _copy(cursor, TimelineEvent, ({
            "id": event_id, "source_id": source_id, "ordinal": 0, "occurred_on": a.occurred_on,
            "headline": a.headline, "snippet": a.snippet, "language": a.language, "agency": a.agency,
            "member_codes": a.members, "person_slugs": a.people,
            "commitment_types": sorted({c.type for c in a.commitments}),
            "commitment_statuses": sorted({c.status for c in a.commitments}),
            "commitment_keys": commitment_keys([Stated(c.actor, c.type, c.status, is_sure(state, c.confidence))
                                                for c, state in zip(a.commitments, a.review, strict=True)]),
            "review_states": sorted(set(a.review)),
            "search_vector": a.search_vector, "created_at": now,
        } for event_id, source_id, a in zip(event_ids, source_ids, articles, strict=True)), ids=True)
        rows = [{
            **stamps, "source_id": source_id, "event_id": event_id, "event_ordinal": 0,
            "actor_id": pool.actor_ids[c.actor], "type": c.type, "status": c.status, "evidence": c.evidence,
            "stated_on": a.occurred_on, "review_state": state, "confidence": c.confidence,
            # A reviewed contribution keeps what the machine read beside it (here: the same).
            **({} if state == "machine" else {
                "machine_actor_id": pool.actor_ids[c.actor], "machine_type": c.type, "machine_status": c.status,
                "machine_evidence": c.evidence, "reviewed_at": now, "version": 2}),
        } for event_id, source_id, a in zip(event_ids, source_ids, articles, strict=True)
            for c, state in zip(a.commitments, a.review, strict=True)]
        _copy(cursor, Contribution, rows, ids=False)
        if unchecked:  # SET LOCAL lasts to the end of the outermost transaction: a caller's goes on checking
            cursor.execute("SET LOCAL session_replication_role TO DEFAULT")
    return len(rows)


_TABLES = (SourceText, TimelineEvent, Contribution)


def analyze() -> None:
    """Fresh planner statistics for the loaded tables; outside a transaction also VACUUM, as autovacuum
    soon would, so the visibility map is set and the GIN indexes' pending entries are merged."""
    vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in _TABLES:
            cursor.execute(f"{vacuum} {model._meta.db_table}")


# --- Clearing ----------------------------------------------------------------------------------


def _reverse_relations(model: type[Model]) -> list[tuple[type[Model], str, Any]]:
    return [(cast(type[Model], rel.related_model), str(rel.field.column), rel.on_delete)
            for rel in model._meta.related_objects]


def _statement(related: type[Model], column: str, on_delete: Any, ids_sql: str) -> str:
    table = related._meta.db_table
    if on_delete is CASCADE:
        if related._meta.related_objects:
            raise RuntimeError(f"{table} rows have dependants of their own; clear() does not follow them.")
        return f"DELETE FROM {table} WHERE {column} IN ({ids_sql})"  # noqa: S608 - names from the models
    if on_delete is SET_NULL:
        return f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({ids_sql})"  # noqa: S608
    raise RuntimeError(f"clear() does not know how to treat {table}.{column} ({on_delete.__name__}).")


def clear() -> int:
    """Delete every synthetic source with its events and contributions, as Django's deletion would (rows
    pointing at them set to null or deleted), in set-based SQL; rebuild the tallies. Returns the sources."""
    sources_table, events_table = SourceText._meta.db_table, TimelineEvent._meta.db_table
    sources = f"SELECT id FROM {sources_table} WHERE original_name LIKE %s"  # noqa: S608 - names from the models
    events = f"SELECT id FROM {events_table} WHERE source_id IN ({sources})"  # noqa: S608
    statements = [  # children first; the events (and what points at them) before their sources
        *(_statement(m, c, d, sources) for m, c, d in _reverse_relations(SourceText)
          if m is not TimelineEvent and d is CASCADE),
        *(_statement(m, c, d, events) for m, c, d in _reverse_relations(TimelineEvent)),
        f"DELETE FROM {events_table} WHERE source_id IN ({sources})",  # noqa: S608
        *(_statement(m, c, d, sources) for m, c, d in _reverse_relations(SourceText)
          if m is not TimelineEvent and d is not CASCADE),
        f"DELETE FROM {sources_table} WHERE original_name LIKE %s",  # noqa: S608
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:  # each has one placeholder: the name pattern
            cursor.execute(sql, [f"{NAME_PREFIX}%"])
        removed = cursor.rowcount
    tallies_rebuild()
    analyze()
    return removed

"""One synthetic article: a few corpus sentences of one language, dated, with the rows an ingest makes of it.

Language, members, people, outlet and search words are exactly what the pipeline reads in the whole
article; commitments are the sentences' own merged per (actor, type) the way the extraction merges them,
and a few articles carry an editor's review. The same seed and index make the same article.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from apps import extraction
from apps.bench.sentences import SENTENCES_PER_ARTICLE, Sentence, SentencePool
from apps.extraction.pipeline import SNIPPET_CHARS, merge_extracted, trim_at_word

NAME_PREFIX = "synthetic-"
FIRST_DAY = date(2022, 1, 1)
LAST_DAY = date(2026, 11, 30)
ATTRIBUTED_SHARE = 0.92  # articles with a sentence naming their outlet ("..., передает AFP")
UNDATED_SHARE = 0.002  # articles whose date nobody could tell (sorted last on the timeline)
# One run's articles are dated in the order they are made, give or take this, as news is ingested as it
# comes: the table's physical order then follows the timeline's, as it does in a real archive.
DATE_JITTER_DAYS = 3
# Articles an editor has looked at: all confirmed, one pair corrected, one pair rejected.
CONFIRMED_SHARE, CORRECTED_SHARE, REJECTED_SHARE = 0.04, 0.01, 0.01
_SEED_BITS = 40
_INT32 = struct.Struct("!i")
_UINT16 = struct.Struct("!H")


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

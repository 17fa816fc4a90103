"""The events an article reports: the article's own, and one for each paragraph that reports commitments
under a date of its own.

News often recalls earlier steps ("On 4 September the coalition had pledged ..."): such a paragraph is
a distinct event, dated by the date it opens with, and its commitments are stated on that date, each
event keeping one status per (actor, type) of its own. A paragraph without a date of its own (a date
near its start that is not a document's: "the draft, dated June 18"), or without a commitment, stays
with the article's event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .commitments import SENTENCE_BOUNDARY, Commitment, merge_commitments
from .gazetteer import MEMBER, PERSON, Mention
from .header import dates_near

MIN_DAYS_APART = 2
OPENING_CHARS = 60  # the date must stand this near the start of the paragraph's first sentence
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DOCUMENT_DATE = re.compile(r"(?:dated|of|from|от|від|из|з)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventSpan:
    """Where an event stands in the body, when it happened, and what it holds."""

    start: int
    end: int
    occurred_on: date | None
    headline: str
    rest: str
    members: tuple[str, ...]
    people: tuple[str, ...]
    commitments: tuple[Commitment, ...]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (blank-line separated) of a body."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        if body[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if body[start:].strip():
        spans.append((start, len(body)))
    return spans


def _lead_and_rest(text: str) -> tuple[str, str]:
    """The first sentence of a text and what follows it."""
    stripped = text.strip()
    boundary = SENTENCE_BOUNDARY.search(stripped)
    if boundary is None:
        return stripped, ""
    return stripped[: boundary.start()].strip(), stripped[boundary.end() :].strip()


def _own_date(paragraph: str, article_date: date) -> date | None:
    """The date a paragraph opens with, when it differs from the article's by some days."""
    lead, _ = _lead_and_rest(paragraph)
    for position, own in dates_near(lead[: OPENING_CHARS + 30], article_date):
        if position > OPENING_CHARS or _DOCUMENT_DATE.search(lead[:position].rstrip(" ,")):
            continue
        return own if abs((own - article_date).days) >= MIN_DAYS_APART else None
    return None


def _codes(mentions: Sequence[Mention], kind: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    return tuple(sorted({m.ident for m in mentions if m.kind == kind and start <= m.start < (end or m.start + 1)}))


def split_events(
    body: str,
    article_date: date | None,
    statements: Sequence[Commitment],
    mentions: Sequence[Mention],
) -> list[EventSpan]:
    """The article's event first, then one per dated paragraph that states a commitment.

    `statements` are the article's unmerged commitment statements (commitments.commitment_statements);
    each event merges its own.
    """
    dated: list[tuple[int, int, date, list[Commitment]]] = []
    if article_date is not None:
        for start, end in paragraphs(body)[1:]:
            inside = [c for c in statements if start <= c.start < end]
            when = _own_date(body[start:end], article_date) if inside else None
            if when is not None:
                dated.append((start, end, when, inside))
    elsewhere = [c for c in statements if not any(start <= c.start < end for start, end, *_ in dated)]
    lead, rest = _lead_and_rest(body)
    events = [
        EventSpan(0, len(body), article_date, lead, rest, _codes(mentions, MEMBER), _codes(mentions, PERSON),
                  tuple(merge_commitments(elsewhere)))
    ]
    for start, end, when, inside in dated:
        headline, text_rest = _lead_and_rest(body[start:end])
        events.append(
            EventSpan(start, end, when, headline, text_rest, _codes(mentions, MEMBER, start, end),
                      _codes(mentions, PERSON, start, end), tuple(merge_commitments(inside)))
        )
    return events

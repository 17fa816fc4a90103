"""What an article reports besides commitments: a draft statement and direct quotes (its source: attribution.py)."""

from __future__ import annotations

import re

from .cues import cue, lowercase

_STATEMENT_WORDS = (
    r"(?:заявлени|декларац|коммюнике|комюніке|заяв[иіуа]|итогов\w* документ|выводов|висновк|"
    r"statement|declaration|communiqu|conclusions)"
)
_DRAFT_STATEMENT = cue(
    rf"(?:проект|проєкт)\w*\s+(?:\w+\s+){{0,2}}{_STATEMENT_WORDS}",
    rf"\bdraft\w*\s+(?:\w+\s+){{0,2}}{_STATEMENT_WORDS}",
    rf"{_STATEMENT_WORDS}\w*\s+(?:\w+\s+){{0,2}}(?:в|у|in)\s+(?:the\s+)?(?:проект|проєкт|draft)",
)
_DRAFT_DOCUMENT = cue(
    r"(?:проект|проєкт)\w* документа",
    r"\b(?:the|a|latest|new|earlier|previous|revised|first|final)\s+(?:\w+\s+)?draft\b",
    r"проекте\b", r"проєкті\b",
)
_STATEMENT_ANYWHERE = cue(_STATEMENT_WORDS)


def is_statement_draft(text: str) -> bool:
    """Does the article report a draft statement, declaration, communiqué or conclusions?"""
    low = lowercase(text)
    if _DRAFT_STATEMENT.search(low):
        return True
    return bool(_DRAFT_DOCUMENT.search(low) and _STATEMENT_ANYWHERE.search(low))


_QUOTE_RE = re.compile(r"«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)”|\"([^\"\n]+)\"")
_TRAILING = " .,;:!?…—–-"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Where the direct quotations are: text in quotation marks, without quoted names, titles and terms."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTE_RE.finditer(text):
        group = next(i for i, g in enumerate(m.groups(), start=1) if g is not None)
        start, end = m.span(group)
        raw = text[start:end]
        inner = raw.strip().rstrip(_TRAILING).strip()
        words = inner.split()
        if len(words) < 3:
            continue
        significant = [w for w in words if len(w) > 3]
        if significant and all(w[:1].isupper() for w in significant):
            continue  # a title like "Coalition of the Willing"
        start += raw.index(inner)
        spans.append((start, start + len(inner)))
    return spans


def find_quotes(text: str) -> list[str]:
    """Direct quotations, each once, in order of appearance."""
    quotes: list[str] = []
    for start, end in quote_spans(text):
        if text[start:end] not in quotes:
            quotes.append(text[start:end])
    return quotes

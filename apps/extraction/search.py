"""Full-text search terms: what an article is indexed by, what a query looks for, and what to highlight.

PostgreSQL has no Ukrainian stemmer and its Russian one misses many case forms of names, so Russian
and Ukrainian words are indexed and queried as the gazetteer's keys (pymorphy3 lemmas, stems of
unknown names): "Стармером" and "Стармер" are one term, in either language. English words are left
to PostgreSQL's english configuration, which stems them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .gazetteer import Reading, lemma, tokenize

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TERM = re.compile(r"[^\W_]+")
MAX_QUERY_TERMS = 8


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One word of a query: its lemma keys (Cyrillic, ru and uk readings) or the word itself (Latin)."""

    word: str
    keys: tuple[str, ...]
    cyrillic: bool


def search_text(reading: Reading) -> tuple[str, str]:
    """(Cyrillic lemma keys, Latin words) of a text, each space-separated, for to_tsvector."""
    cyrillic: list[str] = []
    latin: list[str] = []
    for (word, _, _), key in zip(reading.tokens, reading.keys, strict=True):
        if _CYRILLIC.search(word):
            cyrillic.append(_clean(key))
        elif word != "-":
            latin.append(word)
    return " ".join(k for k in cyrillic if k), " ".join(latin)


def _clean(key: str) -> str:
    return "".join(_TERM.findall(key))


def query_terms(query: str) -> list[QueryTerm]:
    """The words of a query, each with the keys it may be indexed under (at most MAX_QUERY_TERMS)."""
    terms: list[QueryTerm] = []
    for word, _, _ in tokenize(query):
        if word == "-" or len(terms) >= MAX_QUERY_TERMS:
            continue
        if _CYRILLIC.search(word):
            keys = tuple(dict.fromkeys(k for k in (_clean(lemma(word, "ru")), _clean(lemma(word, "uk"))) if k))
            if keys:
                terms.append(QueryTerm(word, keys, True))
        elif _clean(word):
            terms.append(QueryTerm(word, (_clean(word).lower(),), False))
    return terms


# English suffixes left off when comparing a text word with a query word for highlighting (PostgreSQL
# stems for the search itself; this only decides which words to mark).
_ENGLISH_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|ion|ions)$")


def _english_stem(word: str) -> str:
    low = word.lower()
    return _ENGLISH_SUFFIX.sub("", low) if len(low) > 4 else low


def highlight_spans(text: str, language: str | None, terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """Character spans of the words of `text` a query matched, for marking them up."""
    return list(_matched_spans(text, language, terms))


def passage_around_match(text: str, language: str | None, terms: list[QueryTerm],
                         width: int = 240) -> tuple[int, int] | None:
    """The span of a passage of about `width` characters around the first word of `text` a query matched, cut
    at spaces: what a result shows when its words are in the article but not in the headline or snippet."""
    first = next(_matched_spans(text, language, terms), None)
    if first is None:
        return None
    start = max(0, first[0] - width // 3)
    if start > 0:
        space = text.find(" ", start, first[0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", first[1], end)
        end = space if space != -1 else max(end, first[1])
    return start, end


def _matched_spans(text: str, language: str | None, terms: list[QueryTerm]) -> Iterator[tuple[int, int]]:
    if not terms:
        return
    lang = "uk" if language == "uk" else "ru"
    cyrillic_keys = {k for t in terms if t.cyrillic for k in t.keys}
    latin_stems = {_english_stem(t.word) for t in terms if not t.cyrillic}
    for word, start, end in tokenize(text):
        if _CYRILLIC.search(word):
            if _clean(lemma(word, lang)) in cyrillic_keys:
                yield start, end
        elif _english_stem(word) in latin_stems:
            yield start, end

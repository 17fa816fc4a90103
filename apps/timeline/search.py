"""Full-text search over events: a query's words as PostgreSQL tsqueries, and highlighting.

Russian and Ukrainian words are looked up as lemma keys (config simple), English ones through the
english configuration; see apps.extraction.search for how both sides are made.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from apps.extraction.search import QueryTerm, highlight_spans, query_terms


def search_query(terms: Iterable[QueryTerm]) -> SearchQuery | None:
    """Every word must match (AND); a Cyrillic word matches any of its ru/uk lemma keys (OR)."""
    query: SearchQuery | None = None
    for term in terms:
        if term.cyrillic:
            part = SearchQuery(" | ".join(term.keys), search_type="raw", config="simple")
        else:
            part = SearchQuery(term.word, search_type="plain", config="english")
        query = part if query is None else query & part
    return query


def terms_of(q: str) -> list[QueryTerm]:
    return query_terms(q) if q else []


def highlighted(text: str, language: str | None, terms: list[QueryTerm]) -> SafeString:
    """`text` escaped, with the words the query matched in <mark>."""
    spans = highlight_spans(text, language, terms)
    if not spans:
        return escape(text)
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 — every piece above is escaped

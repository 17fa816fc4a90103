"""extract(bytes) → ExtractedDocument: the whole pure-Python pipeline, never raising for bad input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .attribution import find_source, outlet_words
from .commitments import Commitment, commitment_statements, merge_commitments, split_sentences
from .confidence import Reading
from .decode import DEFAULT_MAX_FILE_BYTES, decode_bytes
from .events import split_events
from .gazetteer import MEMBER, PERSON, Gazetteer, default_gazetteer, morph
from .header import DATE_FOUND_UNKNOWN, natural_language_problem, parse_header
from .highlights import Highlight, document_highlights
from .language import detect_language
from .names import NameSighting, unknown_names
from .reporting import is_statement_draft, quote_spans
from .search import search_text
from .status import article_status

HEADLINE_CHARS = 200
SNIPPET_CHARS = 300


@dataclass(frozen=True, slots=True)
class ExtractionConfig:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    gazetteer: Gazetteer | None = None


@dataclass(frozen=True, slots=True)
class ExtractedCommitment:
    actor: str
    type: str
    status: str
    evidence: str
    confidence: float = 0.0  # 0–1: how sure the extraction is of this (actor, type, status)
    # How it was read (the confidence's features), for calibrating the confidence; not part of the output.
    reading: Reading | None = field(default=None, compare=False, repr=False)
    agreeing: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    headline: str
    snippet: str
    occurred_on: date | None
    members: tuple[str, ...]
    people: tuple[str, ...]
    commitments: tuple[ExtractedCommitment, ...]


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    ok: bool
    error: str | None
    text: str | None
    encoding: str | None
    notes: tuple[str, ...]
    date: date | None
    date_found: str
    language: str | None
    source: str | None
    members: tuple[str, ...]
    people: tuple[str, ...]
    commitments: tuple[ExtractedCommitment, ...]
    statement_draft: bool
    quotes: tuple[str, ...]
    events: tuple[ExtractedEvent, ...]
    body: str | None
    unknown_names: tuple[NameSighting, ...] = ()
    search_lemmas: str = ""  # Russian and Ukrainian words as lemma keys, for the full-text index
    search_latin: str = ""  # the Latin-script words, which PostgreSQL stems itself
    highlights: tuple[Highlight, ...] = ()  # names, evidence sentences and quotes, as spans of the body

    @classmethod
    def refusal(cls, error: str) -> ExtractedDocument:
        """A refused document with nothing else known (callers that must refuse on their own)."""
        return _refused(error)


def _refused(
    error: str, *, text: str | None = None, encoding: str | None = None, notes: tuple[str, ...] = ()
) -> ExtractedDocument:
    return ExtractedDocument(
        ok=False,
        error=error,
        text=text,
        encoding=encoding,
        notes=notes,
        date=None,
        date_found=DATE_FOUND_UNKNOWN,
        language=None,
        source=None,
        members=(),
        people=(),
        commitments=(),
        statement_draft=False,
        quotes=(),
        events=(),
        body=None,
    )


def trim_at_word(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters at a word boundary, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return cut + "…"


def merge_extracted(commitments: Iterable[ExtractedCommitment]) -> list[ExtractedCommitment]:
    """Commitments read apart (say, from sentences recombined into one text) as one article would merge them:
    one per (actor, type), its status by the one rule, the surest reading of that status."""
    said: dict[tuple[str, str], list[ExtractedCommitment]] = {}
    for c in commitments:
        said.setdefault((c.actor, c.type), []).append(c)
    merged = []
    for items in said.values():
        status = article_status(c.status for c in items)
        merged.append(max((c for c in items if c.status == status), key=lambda c: c.confidence))
    return sorted(merged, key=lambda c: (c.actor, c.type))


def _extracted(c: Commitment) -> ExtractedCommitment:
    return ExtractedCommitment(c.actor, c.type, c.status, c.evidence, c.confidence, c.reading, c.agreeing)


def extract(data: bytes, *, filename: str, config: ExtractionConfig | None = None) -> ExtractedDocument:
    """Decode, check and analyse one uploaded article. `filename` is informational (any name is fine)."""
    config = config or ExtractionConfig()
    decoded = decode_bytes(data, max_file_bytes=config.max_file_bytes)
    if decoded.text is None:
        return _refused(decoded.error or "The file could not be read.")
    text, encoding, notes = decoded.text, decoded.encoding, decoded.notes
    header = parse_header(text)
    if header.error is not None:
        return _refused(header.error, text=text, encoding=encoding, notes=notes)
    body = header.body
    problem = natural_language_problem(body)
    if problem is not None:
        return _refused(problem, text=text, encoding=encoding, notes=notes)
    notes_list = list(notes)
    if header.date is None:
        notes_list.append("No date in a header or in the text: the date is unknown.")
    elif header.date_found == "text":
        notes_list.append(f"No date header; took the date {header.date.isoformat()} named in the text.")
    language = detect_language(body)
    gazetteer = config.gazetteer or default_gazetteer()
    reading = gazetteer.read(body, language)
    mentions = reading.mentions
    sentences = split_sentences(body)
    members = tuple(sorted({m.ident for m in mentions if m.kind == MEMBER}))
    people = tuple(sorted({m.ident for m in mentions if m.kind == PERSON}))
    statement_draft = is_statement_draft(body)
    lemmas, latin = search_text(reading)
    statements = commitment_statements(body, mentions, gazetteer, statement_draft=statement_draft, sentences=sentences,
                                      language=language)
    commitments = tuple(_extracted(c) for c in merge_commitments(statements))
    quotes = quote_spans(body)
    events = tuple(
        ExtractedEvent(
            headline=trim_at_word(span.headline, HEADLINE_CHARS),
            # The snippet carries on after the headline rather than repeating it.
            snippet=trim_at_word(span.rest or span.headline, SNIPPET_CHARS),
            occurred_on=span.occurred_on,
            members=span.members,
            people=span.people,
            commitments=tuple(_extracted(c) for c in span.commitments),
        )
        for span in split_events(body, header.date, statements, mentions)
    )
    return ExtractedDocument(
        ok=True,
        error=None,
        text=text,
        encoding=encoding,
        notes=tuple(notes_list),
        date=header.date,
        date_found=header.date_found,
        language=language,
        source=find_source(body),
        members=members,
        people=people,
        commitments=commitments,
        statement_draft=statement_draft,
        quotes=tuple(dict.fromkeys(body[start:end] for start, end in quotes)),
        events=events,
        body=body,
        unknown_names=tuple(unknown_names(body, reading, sentences, language, excluded=outlet_words())),
        search_lemmas=lemmas,
        search_latin=latin,
        highlights=document_highlights(body, mentions, statements, quotes),
    )


def document_to_json(doc: ExtractedDocument, file: str) -> dict[str, Any]:
    """The spec §6 JSON object for one file."""
    return {
        "file": file,
        "ok": doc.ok,
        "error": doc.error,
        "date": doc.date.isoformat() if doc.date else None,
        "language": doc.language,
        "source": doc.source,
        "members": sorted(doc.members),
        "people": sorted(doc.people),
        "commitments": [
            {"actor": c.actor, "type": c.type, "status": c.status, "confidence": c.confidence, "evidence": c.evidence}
            for c in sorted(doc.commitments, key=lambda c: (c.actor, c.type))
        ],
        "statement_draft": doc.statement_draft,
        "quotes": list(doc.quotes),
    }


def warm_up() -> None:
    """Load the morphology dictionaries and language models now rather than on the first article.

    A worker calls this once before it forks its children, so they share the loaded data.
    """
    morph("ru")
    morph("uk")
    detect_language("Warm-up text: the coalition pledged air defence to Ukraine.")

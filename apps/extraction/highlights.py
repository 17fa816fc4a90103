"""Where in an article the reader's eye should go: the names of members and people, the sentences a
commitment was read from, and direct quotes — as character spans of the body, so a page can mark them
up without reading the article again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .commitments import Commitment
from .gazetteer import Mention

MEMBER = "member"
PERSON = "person"
EVIDENCE = "evidence"
QUOTE = "quote"
KINDS = (EVIDENCE, QUOTE, MEMBER, PERSON)


@dataclass(frozen=True, slots=True)
class Highlight:
    kind: str  # one of KINDS
    start: int  # character offsets in the body
    end: int
    # A member code or person slug; for evidence, what the sentence commits as "actor:type:status"
    # items separated by spaces; empty for quotes.
    ident: str = ""

    def as_row(self) -> list[str | int]:
        """A compact JSON-friendly form: [kind, start, end, ident]."""
        return [self.kind, self.start, self.end, self.ident]


def evidence_highlights(body: str, statements: Iterable[Commitment]) -> list[Highlight]:
    """One span per sentence that states a commitment, naming every commitment it states."""
    found: dict[tuple[int, int], list[str]] = {}
    for statement in statements:
        start = body.find(statement.evidence, statement.start)
        if start < 0 or not statement.evidence:
            continue
        key = f"{statement.actor}:{statement.type}:{statement.status}"
        commitments = found.setdefault((start, start + len(statement.evidence)), [])
        if key not in commitments:
            commitments.append(key)
    return [Highlight(EVIDENCE, start, end, " ".join(keys)) for (start, end), keys in sorted(found.items())]


def document_highlights(
    body: str, mentions: Iterable[Mention], statements: Iterable[Commitment], quotes: Iterable[tuple[int, int]],
) -> tuple[Highlight, ...]:
    """Every highlight of an article, in reading order (outer spans before the spans they contain)."""
    spans = [Highlight(m.kind, m.start, m.end, m.ident) for m in mentions if m.kind in (MEMBER, PERSON)]
    spans += evidence_highlights(body, statements)
    spans += [Highlight(QUOTE, start, end) for start, end in quotes]
    return tuple(sorted(spans, key=lambda h: (h.start, -h.end, KINDS.index(h.kind))))

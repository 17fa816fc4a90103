"""An article's text as escaped HTML paragraphs with its highlights marked up.

The ingest stores highlights as [kind, start, end, ident] spans of the text (apps.extraction.highlights).
Spans nest (an evidence sentence holds names and quotes) and may cross (a quote running past the end
of a sentence): the text is cut at every span boundary and each piece is wrapped in the spans covering
it, outermost first, closing and reopening elements only where the covering set changes, so the HTML
is always well formed. Every piece of text and every attribute is escaped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Outer to inner: a sentence contains quotes, which contain names.
KIND_ORDER = {"evidence": 0, "quote": 1, "member": 2, "person": 2}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Span:
    index: int  # position in the stored list: evidence anchors are named after it
    kind: str
    start: int
    end: int
    ident: str

    @property
    def order(self) -> tuple[int, int, int, int]:
        return KIND_ORDER[self.kind], self.start, -self.end, self.index


@dataclass(frozen=True)
class Labels:
    """Names to show for codes: member code → name, person slug → name, "type"/"status" code → label."""

    members: Mapping[str, str]
    people: Mapping[str, str]
    types: Mapping[str, StrOrPromise]  # the choices' labels, lazy translations
    statuses: Mapping[str, StrOrPromise]

    def commitment(self, key: str) -> str:
        actor, _sep, rest = key.partition(":")
        ctype, _sep, status = rest.partition(":")
        parts = (self.members.get(actor, actor), self.types.get(ctype, ctype), self.statuses.get(status, status))
        return " · ".join(str(part) for part in parts)  # labels may be lazy translations


def spans_of(rows: Iterable[Sequence[object]], text_length: int) -> list[Span]:
    """The stored rows as spans, leaving out any that do not fit the text (a row from an older ingest)."""
    spans = []
    for index, row in enumerate(rows):
        try:
            kind, start, end, ident = str(row[0]), int(row[1]), int(row[2]), str(row[3])  # type: ignore[call-overload]
        except (IndexError, TypeError, ValueError):
            continue
        if kind in KIND_ORDER and 0 <= start < end <= text_length:
            spans.append(Span(index, kind, start, end, ident))
    return spans


def evidence_anchor(span_index: int) -> str:
    return f"evidence-{span_index}"


def _open_tag(span: Span, labels: Labels, anchored: set[int]) -> str:
    if span.kind == "evidence":
        title = "; ".join(labels.commitment(key) for key in span.ident.split())
        anchor = ""
        if span.index not in anchored:  # a span cut in pieces gets its id on the first piece only
            anchored.add(span.index)
            anchor = f' id="{evidence_anchor(span.index)}" tabindex="-1"'
        return f'<mark class="hl hl-evidence"{anchor} title="{escape(title)}">'
    if span.kind == "quote":
        return f'<span class="hl hl-quote" title="{escape(_("Direct quote"))}">'
    names = labels.members if span.kind == "member" else labels.people
    return f'<span class="hl hl-{span.kind}" title="{escape(names.get(span.ident, span.ident))}">'


def _close_tag(span: Span) -> str:
    return "</mark>" if span.kind == "evidence" else "</span>"


def _marked_up(text: str, start: int, end: int, spans: list[Span], labels: Labels, anchored: set[int]) -> str:
    """text[start:end] escaped, with the spans that overlap it marked up (clipped to it)."""
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end} | {max(s.start, start) for s in inside} | {min(s.end, end) for s in inside})
    html: list[str] = []
    open_spans: list[Span] = []
    for left, right in pairwise(cuts):
        covering = sorted((s for s in inside if s.start <= left and s.end >= right), key=lambda s: s.order)
        keep = 0
        while keep < min(len(open_spans), len(covering)) and open_spans[keep] is covering[keep]:
            keep += 1
        html.extend(_close_tag(s) for s in reversed(open_spans[keep:]))
        html.extend(_open_tag(s, labels, anchored) for s in covering[keep:])
        open_spans = covering
        html.append(escape(text[left:right]))
    html.extend(_close_tag(s) for s in reversed(open_spans))
    return "".join(html)


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, without surrounding whitespace."""
    ranges = []
    position = 0
    for boundary in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = boundary.start() if boundary else len(text)
        chunk = text[position:stop]
        if chunk.strip():
            left = position + len(chunk) - len(chunk.lstrip())
            ranges.append((left, position + len(chunk.rstrip())))
        position = boundary.end() if boundary else stop
    return ranges


# The source page shows a long text a part at a time (a 1.5 MB article would be megabytes of marked-up HTML):
# this many characters at most, whole paragraphs, so an article of ordinary length is one part.
TEXT_PART_CHARS = 30_000
_CUT_AFTER = re.compile(r"[.!?…]['\"»”)]*\s+|\n")


def _pieces(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """A paragraph as pieces of at most ``size`` characters, cut after a sentence (else at a space)."""
    pieces = []
    while end - start > size:
        window = text[start : start + size]
        cuts = [m.end() for m in _CUT_AFTER.finditer(window) if m.end() > size // 2]
        cut = cuts[-1] if cuts else window.rfind(" ") + 1
        if cut <= size // 4:  # no space in the last three quarters: cut where the limit falls
            cut = size
        pieces.append((start, start + len(window[:cut].rstrip())))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def text_parts(text: str, size: int = TEXT_PART_CHARS) -> list[list[tuple[int, int]]]:
    """The text's paragraphs ((start, end) each) grouped into the parts the source page shows one at a time:
    whole paragraphs, at most ``size`` characters a part; a longer paragraph is cut into pieces of its own."""
    parts: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    length = 0
    for start, end in paragraph_ranges(text):
        for piece in _pieces(text, start, end, size):
            if current and length + piece[1] - piece[0] > size:
                parts.append(current)
                current, length = [], 0
            current.append(piece)
            length += piece[1] - piece[0]
    if current:
        parts.append(current)
    return parts


def part_of(parts: Sequence[Sequence[tuple[int, int]]], position: int) -> int:
    """The number (1 on) of the part that shows the text at ``position`` (a position between two parts: the
    later one, where a span starting there is first shown)."""
    ends = [part[-1][1] for part in parts]
    return min(bisect_right(ends, position), max(len(parts) - 1, 0)) + 1


def highlighted_paragraphs(text: str, rows: Iterable[Sequence[object]], labels: Labels,
                           ranges: Sequence[tuple[int, int]] | None = None) -> list[SafeString]:
    """The text's paragraphs (or the given (start, end) ranges of it, in order) as safe HTML, every character
    escaped, highlights marked up. An evidence span gets its id where it is first shown: a span that starts
    before the first range was shown with an earlier part."""
    if ranges is None:
        ranges = paragraph_ranges(text)
    spans = sorted(spans_of(rows, len(text)), key=lambda s: s.start)
    starts = [s.start for s in spans]
    longest = max((s.end - s.start for s in spans), default=0)
    # A span running into the first range from text before it (not just from the blank lines between parts)
    # had its first piece, and its id, in the part before.
    first = ranges[0][0] if ranges else 0
    crossing = spans[bisect_left(starts, first - longest) : bisect_left(starts, first)]
    anchored = {s.index for s in crossing if s.end > first and text[s.start : first].strip()}
    paragraphs = []
    for start, end in ranges:
        # Only the spans that can reach into this paragraph: a long article has thousands of them.
        nearby = spans[bisect_left(starts, start - longest) : bisect_left(starts, end)]
        paragraphs.append(mark_safe(_marked_up(text, start, end, nearby, labels, anchored)))  # noqa: S308 - escaped
    return paragraphs

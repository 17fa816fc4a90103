"""Pure text functions for statement drafts: normalising, word tokens (Cyrillic and Latin), the
similarity that links articles quoting the same draft, and a word-level diff. No Django imports
(import-linter keeps it so): the tests need no database.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

# A word: letters or digits of any script (``\w`` is Unicode-aware for str patterns), with inner
# apostrophes and hyphens kept ("пам'ять", "обов’язок", "из-за", "long-term"). Underscore is no letter.
_WORD = r"[^\W_]+(?:['’ʼ\-][^\W_]+)*"
_WORD_RE = re.compile(_WORD)
# Every character belongs to exactly one token: a word, a run of whitespace, or one other character.
# Joining the tokens gives the text back, so a diff can be rendered from them without losing anything.
_TOKEN_RE = re.compile(rf"{_WORD}|\s+|[^\w\s]|_")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "ё": "е", "Ё": "е"})

SHINGLE_SIZE = 3


# --- Normalising and tokens -----------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces; ё as е, every apostrophe as '; punctuation dropped."""
    return " ".join(words(text))


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded, ё as е, apostrophes unified: the unit of comparison."""
    return [w.casefold() for w in _WORD_RE.findall(text.translate(_APOSTROPHES))]


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks; ``"".join(tokens(t)) == t``."""
    return _TOKEN_RE.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """The overlapping runs of ``size`` words (a text shorter than that is one shingle of all its words)."""
    found = words(text)
    if not found:
        return set()
    if len(found) < size:
        return {tuple(found)}
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


# --- Similarity: do two articles quote the same draft? ------------------------------------------------

# Two quotations are of the same draft when at least half of the shorter one's word triples occur in the
# longer one, and at least this many of them: a quote may be partial, so the overlap is measured against the
# shorter text, and a few shared words ("прекращения огня", "the Coalition of the Willing") never suffice.
SAME_DRAFT_OVERLAP = 0.5
SAME_DRAFT_MIN_SHARED = 3


@dataclass(frozen=True)
class Similarity:
    shared: int  # word triples in both
    overlap: float  # shared / the smaller number of triples (0..1)
    jaccard: float  # shared / all distinct triples (0..1), to rank several candidates

    @property
    def same_draft(self) -> bool:
        return self.shared >= SAME_DRAFT_MIN_SHARED and self.overlap >= SAME_DRAFT_OVERLAP


def similarity(a: str | Set[tuple[str, ...]], b: str | Set[tuple[str, ...]]) -> Similarity:
    """How much of two quotations is the same wording (texts, or their shingles)."""
    sa = shingles(a) if isinstance(a, str) else a
    sb = shingles(b) if isinstance(b, str) else b
    if not sa or not sb:
        return Similarity(0, 0.0, 0.0)
    shared = len(sa & sb)
    return Similarity(shared, shared / min(len(sa), len(sb)), shared / (len(sa) + len(sb) - shared))


def best_match(quoted: str, candidates: Iterable[tuple[int, Sequence[str]]]) -> int | None:
    """The key of the candidate whose texts (any of them) best share the wording of ``quoted``, if any does.

    ``candidates`` are ``(key, texts)``: a draft lineage and the texts of its revisions. Ties go to the
    candidate listed first (the caller lists the most recently active lineage first).
    """
    target = shingles(quoted)
    best_key, best = None, (0.0, 0.0)
    for key, texts in candidates:
        for text in texts:
            # `similarity`, inlined: a new article is compared with every text of a few hundred lineages.
            other = _known_shingles(text)
            shared = len(target & other)
            smaller = min(len(target), len(other))
            if shared < SAME_DRAFT_MIN_SHARED or shared < SAME_DRAFT_OVERLAP * smaller:
                continue
            found = (shared / smaller, shared / (len(target) + len(other) - shared))
            if found > best:
                best_key, best = key, found
    return best_key


@lru_cache(maxsize=2048)
def _known_shingles(text: str) -> frozenset[tuple[str, ...]]:
    """A lineage's text is compared with every new article that may quote it: its shingles are kept."""
    return frozenset(shingles(text))


# --- Word-level diff ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiffChunk:
    """A run of the diff: ``equal`` (the same words, whitespace perhaps wrapped differently), ``delete``
    (only ``old``), ``insert`` (only ``new``) or ``replace`` (both)."""

    kind: str
    old: str
    new: str


@dataclass(frozen=True)
class Diff:
    chunks: tuple[DiffChunk, ...]

    @property
    def changed(self) -> bool:
        return any(chunk.kind != "equal" for chunk in self.chunks)

    @property
    def words_added(self) -> int:
        return sum(len(_WORD_RE.findall(c.new)) for c in self.chunks if c.kind in ("insert", "replace"))

    @property
    def words_removed(self) -> int:
        return sum(len(_WORD_RE.findall(c.old)) for c in self.chunks if c.kind in ("delete", "replace"))

    def inline_html(self) -> str:
        """One text, escaped: removed words in ``<del>``, added ones in ``<ins>``."""
        parts = []
        for chunk in self.chunks:
            if chunk.kind == "equal":
                parts.append(html.escape(chunk.new))
                continue
            if chunk.old:
                parts.append(f"<del>{html.escape(chunk.old)}</del>")
            if chunk.new:
                parts.append(f"<ins>{html.escape(chunk.new)}</ins>")
        return "".join(parts)

    def side_by_side_html(self) -> tuple[str, str]:
        """The old text with its removed words in ``<del>``, and the new one with its added words in ``<ins>``."""
        old, new = [], []
        for chunk in self.chunks:
            if chunk.kind == "equal":
                old.append(html.escape(chunk.old))
                new.append(html.escape(chunk.new))
                continue
            if chunk.old:
                old.append(f"<del>{html.escape(chunk.old)}</del>")
            if chunk.new:
                new.append(f"<ins>{html.escape(chunk.new)}</ins>")
        return "".join(old), "".join(new)


def _comparable(token: str) -> str:
    # Whitespace is compared by kind only: re-wrapping a line is no change of wording.
    if token.isspace():
        return "\n\n" if token.count("\n") > 1 else " "
    return token


def word_diff(old: str, new: str) -> Diff:
    """The word-level difference of two texts. Joining each side's chunks gives that text back exactly."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [_comparable(t) for t in a], [_comparable(t) for t in b],
                                      autojunk=False)
    chunks: list[DiffChunk] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        # An equal run has the same words; its whitespace may differ (each side keeps its own).
        chunks.append(DiffChunk(tag, old_part, new_part))
    return Diff(tuple(_merged(chunks)))


def _merged(chunks: list[DiffChunk]) -> list[DiffChunk]:
    """Join changes separated only by whitespace into one change: "<del>a b</del><ins>c d</ins>" reads
    better than "<del>a</del><ins>c</ins> <del>b</del><ins>d</ins>"."""
    out: list[DiffChunk] = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if chunk.kind != "equal" and out and out[-1].kind != "equal":
            out[-1] = _join(out[-1], chunk)
        elif (chunk.kind == "equal" and chunk.old.isspace() and out and out[-1].kind != "equal"
              and i + 1 < len(chunks) and chunks[i + 1].kind != "equal"):
            out[-1] = _join(_join(out[-1], DiffChunk("replace", chunk.old, chunk.new)), chunks[i + 1])
            i += 1
        else:
            out.append(chunk)
        i += 1
    return out


def _join(first: DiffChunk, second: DiffChunk) -> DiffChunk:
    old, new = first.old + second.old, first.new + second.new
    kind = "replace" if old and new else "delete" if old else "insert"
    return DiffChunk(kind, old, new)

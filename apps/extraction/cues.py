"""The cue engine: regexes of many alternatives searched fast, over lowercased text.

Every cue is compiled without re.IGNORECASE and matched against text lowercased once with
`lowercase()`: case-insensitive matching of Cyrillic costs Python's re four times as much. The
vocabularies the cues are made of are data (`data/*.toml`), read by commitment_types.py and
predicates.py; cues built in code must be lowercase too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

_ESCAPE = re.compile(r"\\.")
_CLASS_ESCAPES = frozenset("bBwWsSdDAZ")
_QUANTIFIERS = frozenset("?*{")


def _split_top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern at its top level ('a|b(c|d)' → ['a', 'b(c|d)'])."""
    parts, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def required_literal(alternative: str) -> str:
    """The longest run of plain characters every match of `alternative` contains ('' if none).

    Reads the regex at its top level only: groups, character classes and optional characters end
    a run, escapes of punctuation count as the character they escape.
    """
    best, run, i = "", "", 0
    while i < len(alternative):
        c = alternative[i]
        if c == "\\" and i + 1 < len(alternative):
            nxt = alternative[i + 1]
            i += 2
            if nxt in _CLASS_ESCAPES or nxt.isalnum():
                best, run = max(best, run, key=len), ""
            else:
                run += nxt
            continue
        if c in "([":
            best, run = max(best, run, key=len), ""
            i = _skip_group(alternative, i)
            continue
        if c in _QUANTIFIERS:
            run = run[:-1]  # the character before is optional
            best, run = max(best, run, key=len), ""
            i = alternative.find("}", i) + 1 if c == "{" else i + 1
            continue
        if c in "+" or c in ".^$":
            best, run = max(best, run, key=len), ""
        else:
            run += c
        i += 1
    return max(best, run, key=len)


def required_literals(alternative: str) -> tuple[str, ...]:
    """Literals one of which every match of `alternative` contains; () if it has none to offer.

    Its own longest literal if it has one; else the literals of the alternatives of its first group that
    must match (not optional, not a lookaround): "(?:he|she|они)\\b" → ("he", "she", "они").
    """
    literal = required_literal(alternative)
    if len(literal) >= 2:
        return (literal,)
    i = 0
    while i < len(alternative):
        c = alternative[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _skip_group(alternative, i)
        elif c == "(":
            j = _skip_group(alternative, i)
            inner = alternative[i + 1 : j - 1]
            optional = j < len(alternative) and alternative[j] in _QUANTIFIERS
            if not optional and not inner.startswith(("?=", "?!", "?<")):
                inner = inner[2:] if inner.startswith("?:") else inner
                literals = tuple(required_literal(part) for part in _split_top_level(inner))
                if literals and all(len(x) >= 2 for x in literals):
                    return literals
            i = j
        else:
            i += 1
    return ()


def _skip_group(pattern: str, i: int) -> int:
    """Index just after the group or character class opening at i."""
    if pattern[i] == "[":
        j = i + 1
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        j += 1
    else:
        depth, j = 0, i
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            depth += {"(": 1, ")": -1}.get(pattern[j], 0)
            j += 1
            if depth == 0:
                break
    return j


class Cue:
    """A regex of many alternatives, searched fast: Aho-Corasick finds the alternatives whose required
    literal occurs in the text, and only those are tried as regexes.

    `search` answers the same as `re.search` of the whole pattern would (a match or None), though the
    match it returns is that of the first alternative that matches, not always the leftmost one.
    """

    __slots__ = ("_table",)

    def __init__(self, parts: tuple[str, ...]) -> None:
        self._table = CueTable({"": parts})

    @property
    def pattern(self) -> str:
        return self._table.patterns[""]

    def search(self, text: str) -> re.Match[str] | None:
        return self._table.first_match(text, "")

    def __repr__(self) -> str:
        return f"Cue({self.pattern!r})"


class CueTable:
    """Named cues searched together: one Aho-Corasick pass over the text finds which of them occur.

    `found(text)` lists the names whose cue matches, in the table's order; `table[name]` is the one
    cue on its own (for a clause of a sentence, say).
    """

    __slots__ = ("_always", "_automaton", "_cues", "patterns")

    def __init__(self, entries: dict[str, tuple[str, ...]]) -> None:
        self.patterns = {name: "|".join(parts) for name, parts in entries.items()}
        self._always: list[tuple[str, re.Pattern[str]]] = []
        self._automaton = ahocorasick.Automaton()
        by_literal: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for name, parts in entries.items():
            for alternative in (alt for part in parts for alt in _split_top_level(part)):
                entry = (name, re.compile(alternative))
                literals = required_literals(alternative)
                for literal in literals:
                    by_literal.setdefault(literal, []).append(entry)
                if not literals:
                    self._always.append(entry)
        for literal, regexes in by_literal.items():
            self._automaton.add_word(literal, tuple(regexes))
        if by_literal:
            self._automaton.make_automaton()
        self._cues = {name: Cue(parts) for name, parts in entries.items()} if len(entries) > 1 else {}

    def __getitem__(self, name: str) -> Cue:
        return self._cues[name]

    def _candidates(self, text: str) -> Iterator[tuple[str, re.Pattern[str]]]:
        """(name, regex) pairs whose literal occurs in the text, the literal-free ones first."""
        yield from self._always
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, entries in self._automaton.iter(text):
                yield from entries

    def first_match(self, text: str, name: str) -> re.Match[str] | None:
        tried: set[re.Pattern[str]] = set()
        for entry_name, rx in self._candidates(text):
            if entry_name == name and rx not in tried:
                tried.add(rx)
                if found := rx.search(text):
                    return found
        return None

    def matches(self, text: str, name: str) -> list[re.Match[str]]:
        """Every match of one cue in the text (of each of its alternatives), in order of position."""
        found: list[re.Match[str]] = []
        tried: set[re.Pattern[str]] = set()
        for entry_name, rx in self._candidates(text):
            if entry_name == name and rx not in tried:
                tried.add(rx)
                found.extend(rx.finditer(text))
        return sorted(found, key=lambda m: m.start())

    def all_matches(self, text: str) -> list[tuple[str, re.Match[str]]]:
        """Every match of every cue in the text, with the name of its cue (one pass of the automaton)."""
        found: list[tuple[str, re.Match[str]]] = []
        tried: set[tuple[str, re.Pattern[str]]] = set()
        for name, rx in self._candidates(text):
            if (name, rx) not in tried:
                tried.add((name, rx))
                found.extend((name, m) for m in rx.finditer(text))
        return found

    def found(self, text: str) -> list[str]:
        """Names whose cue matches the text, in the table's order."""
        matched: set[str] = set()
        tried: set[tuple[str, re.Pattern[str]]] = set()  # by name too: two names may share an alternative
        for name, rx in self._candidates(text):
            if name not in matched and (name, rx) not in tried:
                tried.add((name, rx))
                if rx.search(text):
                    matched.add(name)
        if len(matched) < 2:
            return list(matched)
        return [name for name in self.patterns if name in matched]


def _check_lowercase(parts: tuple[str, ...]) -> None:
    pattern = "|".join(parts)
    if _ESCAPE.sub("", pattern) != _ESCAPE.sub("", pattern).lower():
        raise ValueError(f"cue patterns are matched against lowercased text, so must be lowercase: {pattern!r}")


def cue(*parts: str) -> Cue:
    """A cue from regex alternatives; they must be lowercase (they are matched against lowercased text)."""
    _check_lowercase(parts)
    return Cue(parts)


def cue_table(entries: dict[str, tuple[str, ...]]) -> CueTable:
    """Named cues searched in one pass; their alternatives must be lowercase."""
    for parts in entries.values():
        _check_lowercase(parts)
    return CueTable(entries)


def lowercase(text: str) -> str:
    """`text.lower()` with the same length, so offsets into it are offsets into `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lowercase to two ("İ" → "i̇"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)

"""Cues answer exactly what their plain regex would: the Aho-Corasick prefilter only skips work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apps.extraction import commitments, cues, reporting, sentence_cues, sentence_types
from apps.extraction.commitment_types import type_cues
from apps.extraction.commitments import split_sentences
from apps.extraction.cues import Cue, CueTable, cue, cue_table, lowercase, required_literal, required_literals
from apps.extraction.predicates import vocabulary
from tests.corpus import CORPUS

HELDOUT = Path(__file__).parent / "heldout"


@pytest.mark.parametrize(
    ("alternative", "literal"),
    [
        (r"разведк", "разведк"),
        (r"военн\w* возможност", " возможност"),
        (r"(?<!украинских )войск(?!ов)", "войск"),
        (r"\bнеба?\b", "неб"),
        (r"передал[аи]?\b", "передал"),
        (r"(?:keep|remain|stay)\w* (?:\w+ ){0,4}frozen", "frozen"),
        (r"make .{0,30}billion .{0,20}available", "available"),
        (r"u\.s\.", "u.s."),
        (r"ab+c", "ab"),
        (r"[aб]", ""),
    ],
)
def test_required_literal(alternative: str, literal: str) -> None:
    assert required_literal(alternative) == literal


@pytest.mark.parametrize(
    ("alternative", "literals"),
    [
        (r"разведк", ("разведк",)),
        (r"^(?:«|\"|“)?(?:he|she|они)\b", ("he", "she", "они")),
        (r"\b(?:text|document)\b", ("text", "document")),
        (r"(?:the )?(?:a|bc)", ()),  # an optional group, then a group with a one-letter alternative
        (r"(?=x)(?:ab|cd)", ("ab", "cd")),
    ],
)
def test_required_literals(alternative: str, literals: tuple[str, ...]) -> None:
    assert required_literals(alternative) == literals


def test_cue_refuses_uppercase_patterns() -> None:
    with pytest.raises(ValueError, match="lowercase"):
        cue(r"Reuters")
    assert cue(r"\bwill\b\s\w").search("they will send")  # escapes such as \b \s \w are fine


def test_lowercase_keeps_offsets() -> None:
    text = "İstanbul talks: ПВО"
    assert len(lowercase(text)) == len(text)
    assert lowercase(text).endswith("пво")


def _all_cues() -> list[tuple[str, Cue | CueTable]]:
    found: list[tuple[str, Cue | CueTable]] = [("commitment_types", type_cues()),
                                               ("predicates.phrases", vocabulary().phrases)]
    for module in (cues, commitments, sentence_cues, sentence_types, reporting):
        for name, value in vars(module).items():
            if isinstance(value, Cue | CueTable):
                found.append((f"{module.__name__}.{name}", value))
    return found


def _sentences() -> list[str]:
    texts = [p.read_bytes().decode("utf-8", "ignore") for p in sorted(CORPUS.glob("**/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt"))]
    return [lowercase(t[a:b]) for t in texts for a, b in split_sentences(t)]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_every_cue_agrees_with_its_regex_on_the_corpus() -> None:
    sentences = _sentences()
    assert len(sentences) > 300
    registered = _all_cues()
    assert len(registered) > 15
    for name, item in registered:
        if isinstance(item, CueTable):
            for key, pattern in item.patterns.items():
                rx = re.compile(pattern)
                expected = [s for s in sentences if rx.search(s)]
                assert [s for s in sentences if key in item.found(s)] == expected, f"{name}[{key}]"
                assert [s for s in sentences if item[key].search(s)] == expected, f"{name}[{key}] alone"
        else:
            rx = re.compile(item.pattern)
            assert [s for s in sentences if item.search(s)] == [s for s in sentences if rx.search(s)], name


def test_table_lists_names_in_table_order() -> None:
    table = cue_table({"b": (r"bravo",), "a": (r"alpha", r"\balp\b")})
    assert table.found("alpha and bravo") == ["b", "a"]
    assert table.found("alp") == ["a"]
    assert table.found("nothing") == []

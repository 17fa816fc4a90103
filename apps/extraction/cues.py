"""Keyword cues (ru, uk, en) for commitment types and statuses, as regexes over lowercased text.

Every cue is compiled without re.IGNORECASE and matched against text lowercased once with
`lowercase()`: case-insensitive matching of Cyrillic costs Python's re four times as much.
Stems stand for their inflections ("разведк" → разведка, разведки, разведкой). Keep patterns lowercase.
"""

from __future__ import annotations

import re

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


def _skip_group(pattern: str, i: int) -> int:
    """Index just after the group or class opening at i (and after a quantifier that follows it)."""
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
                literal = required_literal(alternative)
                if len(literal) >= 2:
                    by_literal.setdefault(literal, []).append(entry)
                else:
                    self._always.append(entry)
        for literal, regexes in by_literal.items():
            self._automaton.add_word(literal, tuple(regexes))
        if by_literal:
            self._automaton.make_automaton()
        self._cues = {name: Cue(parts) for name, parts in entries.items()} if len(entries) > 1 else {}

    def __getitem__(self, name: str) -> Cue:
        return self._cues[name]

    def _candidates(self, text: str) -> list[tuple[str, re.Pattern[str]]]:
        candidates = list(self._always)
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, entries in self._automaton.iter(text):
                candidates.extend(entries)
        return candidates

    def first_match(self, text: str, name: str) -> re.Match[str] | None:
        tried: set[int] = set()
        for entry_name, rx in self._candidates(text):
            if entry_name == name and id(rx) not in tried:
                tried.add(id(rx))
                if found := rx.search(text):
                    return found
        return None

    def found(self, text: str) -> list[str]:
        """Names whose cue matches the text, in the table's order."""
        matched: set[str] = set()
        tried: set[int] = set()
        for name, rx in self._candidates(text):
            if name not in matched and id(rx) not in tried:
                tried.add(id(rx))
                if rx.search(text):
                    matched.add(name)
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


# Keyword stems per commitment type (ru, uk, en in one pattern each).
TYPE_CUES = cue_table({
    "military_capabilities": (
        r"военн\w* возможност",
        r"військов\w* спроможност",
        r"military capabilit",
        r"military force",
        r"use of force",
        r"военными средствами",
        r"all necessary means",
        r"авиаци\w* .{0,30}поддерж",
        r"военн\w* сил\w* для защиты",
    ),
    "intelligence": (
        r"разведк",
        r"разведыват",
        r"розвідк",
        r"розвідувальн",
        r"intelligence",
        r"surveillance",
        r"early warning",
        r"раннем предупрежд",
        r"ранн\w+ попередж",
        r"спутников",
        r"супутников",
        r"satellite",
        r"данн\w+ (?:с |)беспилотник",
    ),
    "logistics": (
        r"логисти",
        r"логісти",
        r"logistic",
        r"транспорт(?!н\w* сектор)",
        r"снабжени",
        r"материально-техническ",
        r"тылов",
        r"склад",
        r"ремонтн",
        r"repair",
        r"maintenance",
        r"аэродром",
        r"топливн",
        r"\bfuel\b",
        r"depot",
        r"spare parts",
    ),
    "diplomatic": (
        r"дипломатическ\w* (?:шаг|давлен|усили)",
        r"дипломатичн\w* (?:крок|тиск)",
        r"diplomatic (?:step|pressure|effort)",
        r"посредни",
        r"посередни",
        r"mediat",
        r"-brokered",
        r"brokered",
        r"донести\w* (?:это |)предложени",
        r"организовать встречу",
        r"площадк\w* для переговор",
        r"keep mediating",
        r"work with both sides",
    ),
    "sanctions": (
        r"санкци",
        r"санкці",
        r"sanction",
        r"заморож",
        r"immobilis",
        r"immobiliz",
        r"давлени\w* на (?:росси|москв)",
        r"тиск\w* на (?:росі|москв)",
        r"pressure on (?:russia|moscow)",
        r"нефтегазов\w* экспорт",
        r"keep them frozen",
        r"(?:keep|remain|stay)\w* (?:\w+ ){0,4}frozen",
        r"\bfreez",
        r"замороз",
    ),
    "ceasefire_monitoring": (
        r"мониторинг",
        r"моніторинг",
        r"наблюдени",
        r"спостереж",
        r"monitor",
        r"verif",
        r"контрол\w* за соблюдени",
        r"соблюдени\w* перемири",
        r"дотриманн\w* перемир",
    ),
    "multinational_force": (
        r"многонациональн",
        r"багатонаціональн",
        r"multinational",
        r"reassurance force",
        r"(?<!украинских )войск(?!ов)",
        r"(?<!українських )військ(?!ов)",
        r"(?<!ukrainian )troops",
        r"контингент",
        r"contingent",
        r"сухопутн",
        r"deploy",
        r"развертывани",
        r"розгорн",
        r"coordination cell",
        r"координационн\w* центр",
        r"военные хабы",
        r"military hubs",
        r"на земле",
        r"on the ground",
        r"forces? to ukraine",
        r"военных на украин",
        r"военных за рубеж",
        r"солдат",
    ),
    "military_aid": (
        r"военн\w* помощ",
        r"військов\w* допомог",
        r"military aid",
        r"military assistance",
        r"weapons",
        r"ammunition",
        r"оружи",
        r"вооружени",
        r"озброєнн",
        r"боеприпас",
        r"боєприпас",
        r"снаряд",
        r"бронетехн",
        r"артиллер",
        r"артилер",
        r"artillery",
        r"long-range drone",
        r"дальнобойн\w* дрон",
        r"armoured vehicle",
        r"военн\w* средств",
    ),
    "air_defence": (
        r"противовоздушн",
        r"\bпво\b",
        r"протиповітрян",
        r"\bппо\b",
        r"air defen[cs]e",
        r"зенитн",
        r"зенітн",
        r"interceptor",
        r"перехватчик",
        r"patriot",
        r"iris-t",
        r"воздушного пространства",
        r"патрулирован",
        r"\bнеба?\b",
        r"\bнебо\b",
        r"skies",
        r"air policing",
        r"air cover",
        r"українського неба",
    ),
    "financial_aid": (
        r"кредит",
        r"\bloan",
        r"грант",
        r"\bgrant",
        r"бюджетн\w* поддержк",
        r"бюджетн\w* підтримк",
        r"budget support",
        r"финансов\w* помощ",
        r"фінансов\w* допомог",
        r"financial aid",
        r"транш",
        r"tranche",
        r"make .{0,30}billion .{0,20}available",
    ),
    "legal_guarantee": (
        r"юридически обязывающ",
        r"юридично обов",
        r"legally binding",
        r"ратифик",
        r"ратифік",
        r"ratif",
        r"международн\w* договор",
        r"treaty",
        r"стать\w* 5",
        r"article 5",
        r"статт\w* 5",
        r"силу закона",
        r"в законе",
    ),
    "training": (
        r"обучени",
        r"навчанн",
        r"навчальн",
        r"training",
        r"\btrain",
        r"учебн\w* мисси",
        r"подготовк\w* украинск",
        r"підготовк",
        r"инструктор",
        r"інструктор",
        r"курсы",
    ),
})

_WITHDRAWN_PARTS = (
    r"\bне (?:будет|будут|направ|отправ|пошл|стан|даст)",
    r"\bне буд\w+ (?:направ|надсил|розміщ)",
    r"исключил",
    r"отказал",
    r"відмовил",
    r"will not\b",
    r"won't",
    r"would not\b",
    r"ruled out",
    r"dropped",
    r"no longer",
    r"paused",
    r"\bpause\b",
    r"halted",
    r"приостанов",
    r"призупин",
    r"removed",
    r"suspend",
    r"размещаться не будут",
    r"без отправки",
    r"не погодя",
)
_DELIVERED_PARTS = (
    r"завершил",
    r"завершив",
    r"завершила",
    r"завершили",
    r"завершен",
    r"передал[аи]?\b",
    r"handed over",
    r"\bhas trained",
    r"\bhave trained",
    r"\btrained\b",
    r"\bopened\b",
    r"is operating",
    r"возобновил",
    r"відновил",
    r"resumed",
    r"отримала",
    r"получил[аи]?\b",
    r"оплатил",
    r"\bpaid\b",
    r"disbursed",
    r"надійш",
    r"приступил\w* к работе",
    r"следит",
    r"зафиксировал",
    r"finished",
    r"completed",
    r"вступил\w* в силу",
    r"ended on",
    r"провели переговор",
    r"передачу .{0,40}заверш",
    r"выступала посредником",
    r"предоставивш",
)
_APPROVED_PARTS = (
    r"утвердил",
    r"утвердили",
    r"затвердив",
    r"затвердил",
    r"ухвалил",
    r"ухвалив",
    r"приняли декларац",
    r"adopted",
    r"approved",
    r"\bsigned\b",
    r"подписал",
    r"підписал",
    r"ратифицировал",
    r"ратифікував",
    r"ратифікувал",
    r"endorsed",
    r"одобрил",
    r"продлил",
    r"запровадил",
    r"ввел\w* санкц",
    r"imposed",
    r"\bbacked the motion",
    r"погоджен",
    r"reaffirmed",
    r"decision adopted",
)
PLEDGED = cue(
    r"\bwill\b",
    r"\bwould\b",
    r"ready to",
    r"\bготов(?:а|о|ы|і|ий|ая|ые)?\b",
    r"готовност",
    r"готовніст",
    r"agreed",
    r"договорил",
    r"домовил",
    r"пообещал",
    r"пообіцял",
    r"обязал",
    r"зобов'язал",
    r"committed",
    r"pledged",
    r"намерен",
    r"будет",
    r"будут",
    r"продолж",
    r"продовж",
    r"выделит",
    r"направит",
    r"обеспечат",
    r"возьм",
    r"профинансир",
    r"передаст",
    r"проведет",
    r"согласил",
    r"согласовали",
    r"усилят",
    r"застосують",
    r"\bkeep\b",
    r"continue",
    r"offered",
    r"announced",
    r"объявил",
    r"оголосил",
    r"заявил",
)
_PROPOSED_PARTS = (
    r"\bcould\b",
    r"\bmay\b",
    r"\bmight\b",
    r"могут",
    r"может",
    r"могли бы",
    r"\bможуть\b",
    r"\bмогл[аи]? б\b",
    r"\bміг би\b",
    r"можлив",
    r"возможн",
    r"consider",
    r"рассмотр",
    r"розгляне",
    r"\bdraft",
    r"проект",
    r"проєкт",
    r"предусматрива",
    r"options",
    r"варіант",
    r"обсужд",
    r"обговор",
    r"propos",
    r"предложил",
    r"не исключ",
    r"expected to",
    r"допустил",
    r"ідеться про можлив",
    r"мали б",
    r"не смогли договориться",
    r"не змогли домовитися",
    r"fail(?:ed|ing) to agree",
    r"concept",
    r"концепци",
)
SKIP_SENTENCE = cue(
    r"призвал",
    r"призвали",
    r"закликав",
    r"закликал",
    r"\burged\b",
    r"called on",
    r"did not confirm",
    r"declined to comment",
    r"не подтвердил",
    r"не комментировал",
    r"no such decision",
    r"\bdemanded\b",
    r"потребовал",
    r"failed to (?!agree)",
)

# Statuses by the wording of a sentence; a sentence may carry several (commitments.py ranks them).
STATUS_CUES = cue_table(
    {
        "withdrawn": _WITHDRAWN_PARTS,
        "delivered": _DELIVERED_PARTS,
        "approved": _APPROVED_PARTS,
        "proposed": _PROPOSED_PARTS,
    }
)
WITHDRAWN = STATUS_CUES["withdrawn"]
APPROVED = STATUS_CUES["approved"]

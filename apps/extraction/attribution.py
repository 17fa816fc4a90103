"""The outlet an article attributes itself to (spec §6): its dateline, its lead, or its closing credit line.

Real reports say who reports them in a few places only: a dateline ("КИЇВ. 14 квітня. ІНТЕРФАКС-УКРАЇНА –",
"KYIV, March 4 (Reuters) -"), the lead ("сообщает X", "передає X", "X reported", "according to X",
"Об этом пишет Y, передает X", "X, citing Y"), a closing credit line ("With files from AFP", "За матеріалами
DW"), or the framing of an interview ("в інтерв'ю Укрінформу") or of a document an outlet saw ("a draft seen
by POLITICO"). An outlet named further down the story is cited for a side fact and is not the source; an
outlet the lead cites ("со ссылкой на Bloomberg", "citing the FT") is not either. Press-release wires and a
government's own readout give no source.

Outlets are data (`data/outlets.toml`); one named with words of reporting that the file does not know keeps
its name as written (with its article: "The Irish Times").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cues import CueTable, lowercase

OUTLETS_FILE = Path(__file__).parent / "data" / "outlets.toml"
RELEASE = "release"  # a press-release wire: never a source

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ACRONYM = re.compile(r"^[A-ZА-ЯІЇЄҐ0-9]{2,4}$")
# The ending of a Cyrillic word that changes with its case: "Укрінформ" → "Укрінформу", "правда" → "правде".
_CASE_ENDING = re.compile(r"(?:ая|ий|ій|ое|ые|ія|ия|а|я|о|е|и|і|ь|й)$")


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    with OUTLETS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(Outlet(o["name"], o["kind"], tuple(o["aliases"])) for o in data["outlet"])


def _alias_pattern(alias: str) -> str:
    """A lowercase regex for one spelling (not an acronym: those are looked up among the words in capitals),
    Cyrillic words in any case form."""
    words = []
    for word in alias.split():
        if _CYRILLIC.search(word) and len(word) >= 4 and not word.isupper():
            stem = _CASE_ENDING.sub("", word)
            words.append(re.escape(stem.lower()) + r"\w{0,3}")
        else:
            words.append(re.escape(word.lower()))
    return r"\s+".join(words)


@lru_cache(maxsize=1)
def _outlet_table() -> tuple[CueTable, dict[str, Outlet], dict[str, Outlet]]:
    """The outlets' spellings as one cue table over lowercased text with the outlet of each key, and their
    acronyms ("AP", "FT", "ТАСС"), looked up among the words in capitals: as lowercase literals they would hit
    inside every other word ("ap" in "happen")."""
    cues: dict[str, tuple[str, ...]] = {}
    by_key: dict[str, Outlet] = {}
    acronyms: dict[str, Outlet] = {}
    for i, outlet in enumerate(outlets()):
        key = f"o{i}"
        spellings = sorted(outlet.aliases, key=len, reverse=True)
        for a in spellings:
            if _ACRONYM.match(a):
                acronyms.setdefault(a, outlet)
        # Starting with the name itself (the boundary before it is checked in _named): Python's regex engine
        # skips ahead to a literal prefix, which a leading lookbehind would stop it doing.
        cues[key] = tuple(rf"{_alias_pattern(a)}(?![\w-])" for a in spellings if not _ACRONYM.match(a))
        by_key[key] = outlet
    return CueTable({k: v for k, v in cues.items() if v}), by_key, acronyms


_CAPITALS = re.compile(r"(?<![\w-])[A-ZА-ЯІЇЄҐ0-9]{2,4}(?![\w-])")


# An outlet the list does not know, in quotation marks after a word for a medium or for reporting
# («Страна.ua», "Европейская правда"), or known by a newspaper's word in its name ("the Irish Times").
_MEDIUM = (r"(?:агентств\w*|агенці\w*|информагентств\w*|інформагентств\w*|издани\w*|видання|газет\w*|телеканал\w*|"
           r"портал\w*|сайт\w*|канал\w*|радио|радіо|служб\w*|newspaper|broadcaster|news agency|agency|news site|"
           r"website|outlet|portal|daily|tabloid|weekly|magazine|journal|channel|service)")
_REPORTING = (r"(?:сообща\w*|сообщил\w*|передает|передаёт|передало|передал[аи]?|пишет|пишут|повідомля\w*|повідомил\w*|"
              r"повідомив|передає|пише|пишуть|пишуть|reports?|reported|writes|according to|по данным|по информации|"
              r"за даними|за інформацією)")
_QUOTED = re.compile(r"[«\"“„](?P<name>[^«»\"“”„\n]{2,40}?)[»\"”“]")
_QUOTED_AFTER = re.compile(rf"(?:{_MEDIUM}|{_REPORTING})\s+(?:[\w-]+\s+){{0,2}}$")
# ... or in Latin letters right after a word for a medium: "издание Euractiv", "the news site Meduza".
_LATIN_NAME = re.compile(r"(?<![\w.’'-])(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2})")
_MEDIUM_BEFORE = re.compile(rf"{_MEDIUM}\s+$")
_NEWSPAPER = re.compile(
    r"(?<![\w-])(?P<the>[Tt]he\s+)?(?P<name>(?:[A-Z][\w'’.-]+\s+){0,3}(?:Times|Post|Journal|News|Herald|Telegraph|"
    r"Gazette|Independent|Tribune|Observer|Express|Mail|Standard|Economist|Pravda|Zeitung|Spiegel|Bild|Monde|Figaro|"
    r"Corriere|Repubblica|País|Kommersant|Vedomosti))(?![\w-])"
)

# What the words just before an outlet say it does. Each ends where the outlet begins; up to three words
# may stand between ("сообщает Русская служба BBC", "according to the German news agency dpa").
_GAP = r"[\s,]+(?:the\s+)?(?:[\w'’-]+\s+){0,3}[«\"“„]?$"
_BEFORE = {
    "relays": re.compile(r"(?:передает|передаёт|передає|передало|relays)" + _GAP),
    "reports": re.compile(
        r"(?:сообща\w*|сообщил\w*|пишет|пишут|повідомля\w*|повідомил\w*|повідомив|пише|пишуть|according to|"
        r"по данным|по информации|по сообщению|по сведениям|за даними|за інформацією|за повідомленням|reports? by|"
        r"as reported by|reported by|told by|веде хроніку|ведет хронику|стрічк\w*|лент[аеуы]|welcome to)" + _GAP),
    "cited": re.compile(
        r"(?:со ссылкой на|ссылаясь на|з посиланням на|із посиланням на|посилаючись на|citing|quoting|cited by|"
        r"quoted by|ранее|раніше|earlier|previously|накануне|напередодні|как писал\w*|як писал\w*|як раніше писал\w*)"
        + _GAP),
    "saw": re.compile(
        r"(?:seen by|obtained by|reviewed by|available to|с которым ознакомил\w*|с которым ознакомил\w* \w+|"
        r"з яким ознайомил\w*|яким ознайомил\w*|ознакомил\w*|ознайомил\w*|в распоряжении|в розпорядженні|"
        r"оказался в распоряжении|опинився в розпорядженні)" + _GAP),
    "told": re.compile(
        r"(?:told|said to|spoke to|talked to|interview with|interview to|в интервью|в інтерв'ю|в інтерв’ю|"
        r"интервью|інтерв'ю|інтерв’ю|рассказал\w*|розповів|розповіла|розповіли|сказал\w*|сказав|заявил\w*|заявив|заявила|"
        r"кореспондент\w*|корреспондент\w*|correspondent)" + _GAP),
}
_AFTER_REPORTS = re.compile(
    r"^(?:'s)?\s+live\s+(?:coverage|blog|updates)\b|"  # "This is the Guardian's live coverage"
    r"^(?:'s)?(?:\s+news)?(?:\s+(?:news\s+)?agency)?[\s,]+(?:reports|reported|says|said|wrote|writes|learned|"
    r"has learned|have learned|сообща\w*|сообщил\w*|пишет|пише|передает|передає|узнал\w*|выяснил\w*|повідомля\w*|"
    r"повідомил\w*|дізнал\w*|з'ясувал\w*|з’ясувал\w*|веде|ведет|is running)\b",
)
_AFTER_CITED = re.compile(
    r"^(?:'s)?[\s,]+(?:(?:first|earlier|previously|had|also|last\s+\w+)\s+(?:reported|reports|said|wrote)|"
    r"(?:reported|said|wrote|reports)\s+(?:earlier|previously|last\s+\w+|on\s+\w+\s+that\s+earlier)|"
    r"(?:писал\w*|сообщал\w*|писала|писало|писав|писали|повідомляв\w*|повідомляла)\b)",
)
_CREDIT = re.compile(
    r"(?:with files from|with material from|with reporting (?:from|by)|based on reporting (?:from|by)|"
    r"additional reporting by|за матеріалами|за матеріалами агентств\w*|по материалам|при подготовке\b.{0,60}?"
    r"(?:использован\w*|данн\w*|сообщени\w*|материал\w*)|використано матеріали|з використанням матеріалів|"
    r"джерело:|источник:|source:|(?<![^\n])[\s—–-]*with)\s*(?:the\s+)?(?:агентств\w*\s+|агенці\w*\s+|\w+\s+)?$",
    re.DOTALL,
)
_DATELINE_AFTER = re.compile(r"[\s)/.]*[-–—]|[)/]")  # matched at the end of the name (no ^: a pos is no start)
# ... or a full stop after a dateline that ends with its date: "Оттава, 16 березня. Укрінформ."
_DATELINE_STOP = re.compile(r"\.\s")
_DATELINE_DATE = re.compile(r"\d{1,2}\s+[^\W\d_]+\.\s*$")
# ... or the outlet after the dash of a dateline: "МОСКВА, 6 янв - РИА Новости."
_DATELINE_DASH = re.compile(r"^\s*[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)*,\s*"
                            r"(?:\d{1,2}\s+[^\W\d_]+\.?|[^\W\d_]+\.?\s+\d{1,2})\s+[-–—]\s*$")
# An outlet opening a sentence of the lead with a verb of its own work: "DW собрала, что известно ...",
# "DW розібралася", "The Kyiv Independent has compiled": the article is its own.
_OWN_WORK = re.compile(
    r"^[»\"”]?\s+(?:[а-яіїєґё]+(?:ла|ло|ли)(?:сь|ся)?|стежить|следит|веде|ведет|ведёт|has (?:compiled|analysed|"
    r"analyzed|examined|looked)|(?:compiled|analysed|analyzed|examined|looked at|reviewed|is following|follows))\b",
    )
_PARAGRAPH = re.compile(r"\n\s*\n")
DATELINE_CHARS = 160
DATELINE_LINES_CHARS = 400  # a dateline opens the text or the line after its headline
CREDIT_CHARS = 200
SHORT_LEAD_CHARS = 300  # a first paragraph this short is a headline-like lead: the next one counts too


@dataclass(frozen=True, slots=True)
class _Named:
    start: int
    end: int
    name: str
    kind: str


def _named(text: str, low: str) -> list[_Named]:
    """Every outlet the text names, known ones by their canonical name, others as written (`low`: the text
    lowercased, where the words around names are looked at)."""
    table, by_key, acronyms = _outlet_table()
    spans = [(m.start(), m.end(), by_key[key]) for key, m in table.all_matches(low)
             if not m.start() or not (low[m.start() - 1].isalnum() or low[m.start() - 1] in "-_")]
    spans += [(m.start(), m.end(), acronyms[m.group()]) for m in _CAPITALS.finditer(text) if m.group() in acronyms]
    found: list[_Named] = []
    for start, end, outlet in sorted(spans, key=lambda s: (s[0], -s[1])):  # the longest name at each place
        if not found or start >= found[-1].end:
            found.append(_Named(start, end, outlet.name, outlet.kind))
    taken = [(n.start, n.end) for n in found]

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    for m in _QUOTED.finditer(text):
        start, end = m.span("name")
        if free(start, end) and _QUOTED_AFTER.search(low, max(0, m.start() - 60), m.start()):
            found.append(_Named(start, end, m.group("name").strip(), "site"))
            taken.append((start, end))
    for m in _LATIN_NAME.finditer(text):
        start, end = m.span("name")
        if free(start, end) and _MEDIUM_BEFORE.search(low, max(0, start - 30), start):
            found.append(_Named(start, end, m.group("name").rstrip(".,"), "site"))
            taken.append((start, end))
    for m in _NEWSPAPER.finditer(text):
        start, end = m.span("name")
        if free(start, end):
            found.append(_Named(start, end, ("The " if m.group("the") else "") + m.group("name"), "newspaper"))
    return sorted(found, key=lambda n: n.start)


def _role(low: str, named: _Named) -> str:
    """What the words around a named outlet make of it: relays, reports, cited, saw, told, or "" (named only)."""
    sentence_start = max(low.rfind(". ", 0, named.start), low.rfind("\n", 0, named.start)) + 1
    before = low[max(sentence_start, named.start - 90) : named.start]
    after = low[named.end : named.end + 60]
    if _AFTER_CITED.match(after):
        return "cited"
    best, where = "", -1
    for role, regex in _BEFORE.items():
        m = regex.search(before)
        if m and m.start() > where:
            best, where = role, m.start()
    if best:
        return best
    if _AFTER_REPORTS.match(after):
        return "reports"
    # ... opening its sentence, or a headline's part after a colon ("PAC-3 paused: Суспільне стежить за подіями")
    colon = low.rfind(": ", sentence_start, named.start)
    opens = not low[colon + 2 if colon >= 0 else sentence_start : named.start].strip(" «\"“„")
    return "reports" if opens and _OWN_WORK.match(after) else ""


def _lead_end(text: str) -> int:
    first = _PARAGRAPH.search(text)
    if first is None:
        return len(text)
    if first.start() < SHORT_LEAD_CHARS:
        second = _PARAGRAPH.search(text, first.end())
        return second.start() if second else len(text)
    return first.start()


def _credit_start(text: str) -> int:
    """Where the closing credit line may stand: the last paragraph, when it is short."""
    stripped = text.rstrip()
    breaks = [m.end() for m in _PARAGRAPH.finditer(stripped)]
    last = breaks[-1] if breaks else max(stripped.rfind("\n") + 1, 0)
    return last if len(stripped) - last <= CREDIT_CHARS else len(stripped)


def find_source(text: str) -> str | None:
    """The outlet the text attributes itself to, by its canonical name, or None (spec §6)."""
    lead_end, credit_start = _lead_end(text), _credit_start(text)
    # Only the opening (dateline and lead) and the closing credit line can say who reports: read just those.
    head_end = min(len(text), max(lead_end, DATELINE_LINES_CHARS + DATELINE_CHARS))
    low = lowercase(text)
    named = _named(text[:head_end], low[:head_end])
    if credit_start >= head_end:
        named += [_Named(n.start + credit_start, n.end + credit_start, n.name, n.kind)
                  for n in _named(text[credit_start:], low[credit_start:])]
    if not named:
        return None
    chosen: _Named | None = None
    for n in named:  # a dateline: "БРЮССЕЛЬ, 19 декабря. /ТАСС/.", "KYIV (Reuters) -", after a headline line too
        line_start = text.rfind("\n", 0, n.start) + 1
        head = text[line_start : n.start]
        if line_start < DATELINE_LINES_CHARS and len(head) < DATELINE_CHARS and (
                (_DATELINE_AFTER.match(text, n.end) and (re.search(r"\d|\(|/", head) or not head.strip()))
                or (_DATELINE_STOP.match(text, n.end) and _DATELINE_DATE.search(head))
                or (_DATELINE_DASH.match(head) and head.strip()[:1].isupper())):
            chosen = n
            break
    if chosen is None:
        lead = [(n, _role(low, n)) for n in named if n.start < lead_end]
        # An outlet the lead cites is not the source, even where a headline says it reports: "…, Bloomberg
        # reports" over "the Kyiv Independent reported, citing Bloomberg" (spec §8: X citing Y → X).
        cited = {n.name for n, r in lead if r == "cited"}
        ranked = {role: [n for n, r in lead if r == role and n.name not in cited] for role in
                  ("relays", "reports", "saw", "told")}
        credit = [n for n in named if n.start >= credit_start and _CREDIT.search(low, credit_start, n.start)]
        chosen = next(iter(ranked["relays"] or ranked["reports"] or credit or ranked["saw"] or ranked["told"]), None)
    if chosen is None or chosen.kind == RELEASE:
        return None
    return chosen.name


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Single words of the outlets' names, which are no unknown names of people or members."""
    return frozenset(w.lower() for outlet in outlets() for alias in outlet.aliases for w in alias.split())

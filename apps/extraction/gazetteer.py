"""Find members and people in a text, in any case form, with lemmatised Aho-Corasick matching.

Text and aliases go through the same key function: Cyrillic words become pymorphy3 lemmas
(the document's language picks the ru or uk analyser), Latin words are lowercased. Aliases are
also expanded into their inflected forms (pymorphy3 lexemes, case agreement for multi-word
names, and surname endings for foreign names the dictionaries do not know), each lemmatised the
same way, so "Стармера", "Францією" and "Уиткоффа" all land on a pattern.

Spec §8 rules applied here: "European"/"Europe"/"allies" are simply not aliases; a person's name
wins over any member alias inside it, so a country is never taken from a name; the coalition is
only its full name ("governing coalition" never matches); Brussels after a locative preposition
is a mere venue and mentions nobody; a capital used as a city elsewhere (London, Ontario) is dropped.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat

import ahocorasick
import pymorphy3

from .lexicon import AliasEntry, MemberEntry, PersonEntry, builtin_lexicon

MEMBER = "member"
PERSON = "person"

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*|-")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})

_VENUE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "to",
        "from",
        "near",
        "via",
        "в",
        "во",
        "из",
        "у",
        "до",
        "з",
        "із",
        "зі",
        "под",
        "під",
        "через",
        "около",
        "біля",
    }
)
# Words next to a capital's name that show it is another city of the same name.
_OTHER_CITY_CONTEXT: dict[str, frozenset[str]] = {
    "GB": frozenset({"ontario", "онтарио", "онтаріо", "kentucky", "ohio"}),
    "FR": frozenset({"texas", "техас", "tennessee"}),
    "RU": frozenset({"idaho", "айдахо"}),
}

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Endings of foreign names by the last letter of the base form (ru and uk together), aligned by case.
_CONSONANT_ENDINGS = ("", "а", "у", "а", "ом", "е", "ові", "і", "ым", "ем", "ою")
_A_ENDINGS = ("а", "ы", "е", "у", "ой", "е", "и", "і", "ою", "ей")
_YA_ENDINGS = ("я", "и", "е", "ю", "ей", "е", "і", "ею", "ї")


@lru_cache(maxsize=4)
def morph(lang: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser for 'ru' or 'uk', built once."""
    return pymorphy3.MorphAnalyzer(lang=lang)


# Case endings of Russian and Ukrainian nouns and adjectives, longest first: what is left of an unknown
# word without them is its key, so "Кристерссона" and "Кристерссоном" share one.
_ENDING_LIST = (
    "а я ы и і ї у ю е є о ой ей ою ею єю ом ем єм ым им ах ях ам ям ами ями ов ев ів їв ові еві єві ого его "
    "ього ому ему ьому ую юю ая яя ое ее ые ие ых их ыми ими ий ій ої ьої"
)
_ENDINGS = frozenset(_ENDING_LIST.split())
_MIN_STEM = 3
_NAME_PARTICLES = frozenset({"фон", "дер", "де", "ван", "von", "der", "de", "van", "den", "da", "di"})


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The key a word is matched by: the lowercase lemma of a Cyrillic word the dictionary knows (first
    pymorphy3 parse), the stem of one it does not know (a foreign name), a Latin word lowercased.

    pymorphy3 guesses a lemma for an unknown word by analogy, which costs thirty times a dictionary
    lookup and guesses differently for different case forms of the same name; a stem does neither.
    """
    low = word.lower().translate(_APOSTROPHES)
    if not _CYRILLIC_RE.search(low):
        if low.endswith("'s"):
            low = low[:-2]
        return low
    low = low.replace("ё", "е")
    analyser = morph(lang)
    if analyser.word_is_known(low):
        return analyser.parse(low)[0].normal_form.replace("ё", "е")
    for size in (4, 3, 2, 1):
        if low[-size:] in _ENDINGS and len(low) - size >= _MIN_STEM:
            return low[:-size]
    return low


@lru_cache(maxsize=100_000)
def _flag(token: str) -> str:
    """Case requirement an alias token puts on the text: A acronym, C capitalised, '' none.

    Particles of names are written either way ("Барт Де Вевер", "Барт де Вевер"): no requirement.
    """
    if token.lower() in _NAME_PARTICLES:
        return ""
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "A"
    if letters and letters[0].isupper():
        return "C"
    return ""


def _token_ok(token: str, flag: str) -> bool:
    if flag == "A":
        letters = [c for c in token if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)
    if flag == "C":
        return token[:1].isupper()
    return True


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Word tokens (hyphen kept as its own token) with their character offsets."""
    return [(text[start:end], start, end) for start, end in map(re.Match.span, _TOKEN_RE.finditer(text))]


def _name_forms(word: str) -> list[str]:
    """Inflected forms of a foreign name pymorphy3 may not know: Стармер → Стармера, Стармером, ..."""
    if not word[:1].isupper() or not _CYRILLIC_RE.search(word):
        return [word]
    last = word[-1].lower()
    if last in "аa":
        return [word[:-1] + e for e in _A_ENDINGS]
    if last == "я":
        return [word[:-1] + e for e in _YA_ENDINGS]
    if last in "еёиоуыюэіїє":
        return [word]
    if last in "йь":
        return [word, word[:-1] + "я", word[:-1] + "ю", word[:-1] + "ем", word[:-1] + "ем"]
    return [word + e for e in _CONSONANT_ENDINGS]


def _lexeme(word: str, lang: str) -> list[str]:
    analyser = morph(lang)
    if not analyser.word_is_known(word.lower()):
        return [word]  # its forms share its stem key; _name_forms adds the endings the news gives it
    parses = analyser.parse(word.lower())
    forms = [f.word for f in parses[0].lexeme]
    if len(word) > 1 and word.isupper():
        return [f.upper() for f in forms]  # an acronym's forms stay acronyms: "ПАР" must not find "Пара"
    if word[:1].isupper():
        forms = [f.capitalize() for f in forms]
    return forms


def _inflect_phrase(words: list[str], lang: str) -> Iterator[list[str]]:
    """The phrase in each grammatical case, words agreeing: 'Белый дом' → 'Белом доме', ..."""
    analyser = morph(lang)
    for case in _CASES:
        out: list[str] = []
        for w in words:
            low = w.lower()
            if w == "-" or low in _NAME_PARTICLES or not _CYRILLIC_RE.search(w) or not analyser.word_is_known(low):
                out.append(w)  # particles stay; an unknown word keeps its stem key in every case
                continue
            parses = analyser.parse(w.lower())
            inflected = parses[0].inflect({case}) if parses else None
            form = inflected.word if inflected is not None else w
            out.append(form.capitalize() if w[:1].isupper() else form)
        yield out


def _variants(alias: str, lang: str, *, is_person: bool) -> set[tuple[str, ...]]:
    """Surface-form variants of an alias (as token tuples) for one analyser language."""
    words = [t for t, _, _ in tokenize(alias)]
    if not words:
        return set()
    out: set[tuple[str, ...]] = {tuple(words)}
    if not _CYRILLIC_RE.search(alias):
        return out
    if len(words) == 1:
        out.update((f,) for f in _lexeme(words[0], lang))
        out.update((f,) for f in _name_forms(words[0]))
        return out
    names_only = all(w[:1].isupper() or w == "-" for w in words)
    if not (is_person and names_only):
        # A phrase of common words agrees in case ("Белый дом" → "Белом доме"); a person's names are
        # declined by their endings below, which is what the news does with foreign names, and cheap.
        out.update(tuple(v) for v in _inflect_phrase(words, lang))
    if is_person or names_only:
        forms = [_name_forms(w) if w[:1].isupper() else [w] for w in words]
        for i in range(max(len(f) for f in forms)):
            out.add(tuple(f[i] if i < len(f) else f[0] for f in forms))
    return out


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # MEMBER or PERSON
    ident: str  # member code or person slug
    start: int  # character offsets in the matched text
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What the gazetteer read in a text: tokens (text, start, end), their lemma keys, the mentions, and
    the indexes of the tokens an alias matched (a mention, or a venue it dropped)."""

    tokens: list[tuple[str, int, int]]
    keys: list[str]
    mentions: list[Mention]
    covered: frozenset[int]


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    ident: str
    flags: tuple[str, ...]
    venue_only: bool


@dataclass
class Gazetteer:
    """Members and people matched by lemmatised alias; build once and reuse (it is read-only)."""

    person_member: dict[str, str]
    _automata: dict[str, ahocorasick.Automaton] = field(repr=False)
    base_forms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # person → aliases, lowercase
    build_seconds: float = 0.0

    @classmethod
    def build(
        cls, members: Iterable[MemberEntry], people: Iterable[PersonEntry], venue_only: frozenset[str] | None = None
    ) -> Gazetteer:
        """`venue_only`: aliases dropped after a locative preposition (the built-in lexicon's by default)."""
        started = time.perf_counter()
        if venue_only is None:
            venue_only = builtin_lexicon().venue_only_aliases
        entries: list[tuple[str, str, AliasEntry]] = []
        person_member: dict[str, str] = {}
        for m in members:
            entries.extend((MEMBER, m.code, a) for a in m.aliases)
        base_forms: dict[str, frozenset[str]] = {}
        for p in people:
            person_member[p.slug] = p.member_code
            entries.extend((PERSON, p.slug, a) for a in p.aliases)
            base_forms[p.slug] = frozenset(a.text.lower() for a in p.aliases)
        automata: dict[str, ahocorasick.Automaton] = {}
        for lang in ("ru", "uk"):
            table: dict[str, list[_Pattern]] = {}
            done: set[tuple[str, str, str]] = set()
            for kind, ident, alias in entries:
                cyrillic = bool(_CYRILLIC_RE.search(alias.text))
                # Lowercase Cyrillic words (adjectives) are language-specific; names cross over.
                if cyrillic and alias.language != lang and not alias.text[:1].isupper():
                    continue
                if (kind, ident, alias.text) in done:
                    continue  # the same spelling given for several languages
                done.add((kind, ident, alias.text))
                is_venue_only = alias.text in venue_only
                for variant in _variants(alias.text, lang, is_person=kind == PERSON):
                    key = " " + " ".join(lemma(w, lang) for w in variant) + " "
                    pattern = _Pattern(kind, ident, tuple(_flag(w) for w in variant), is_venue_only)
                    bucket = table.setdefault(key, [])
                    if pattern not in bucket:
                        bucket.append(pattern)
            automaton = ahocorasick.Automaton()
            for key, patterns in table.items():
                automaton.add_word(key, (key, tuple(patterns)))
            automaton.make_automaton()
            automata[lang] = automaton
        return cls(
            person_member=person_member, _automata=automata, base_forms=base_forms,
            build_seconds=time.perf_counter() - started,
        )

    def find(self, text: str, language: str | None) -> list[Mention]:
        """All member and person mentions in the text, overlaps resolved (longest, then person)."""
        return self.read(text, language).mentions

    def read(self, text: str, language: str | None) -> Reading:
        """The text's tokens and their lemma keys, its mentions, and which tokens the aliases covered."""
        lang = "uk" if language == "uk" else "ru"
        tokens = tokenize(text)
        keys = list(map(lemma, [t for t, _, _ in tokens], repeat(lang)))
        # An automaton with no words (no aliases at all) cannot be searched: nothing to find.
        if not tokens or self._automata[lang].kind == ahocorasick.EMPTY:
            return Reading(tokens, keys, [], frozenset())
        # Token i's key starts at character starts[i] of the haystack " key0 key1 ... ".
        offsets = accumulate((len(k) + 1 for k in keys), initial=1)
        starts = {offset: i for i, offset in enumerate(offsets)}
        haystack = " " + " ".join(keys) + " "
        # Candidate spans: (first token, token count, pattern)
        candidates: list[tuple[int, int, _Pattern]] = []
        for end, (key, patterns) in self._automata[lang].iter(haystack):
            first = starts.get(end - len(key) + 2)  # the first character after the pattern's leading space
            if first is None:
                continue
            count = key.count(" ") - 1
            for pattern in patterns:
                window = tokens[first : first + count]
                if all(_token_ok(tok, flag) for (tok, _, _), flag in zip(window, pattern.flags, strict=True)):
                    candidates.append((first, count, pattern))
        candidates.sort(key=lambda c: (-c[1], c[2].kind != PERSON, c[0]))
        taken: dict[tuple[int, int], str] = {}
        occupied = bytearray(len(tokens))  # tokens inside a taken span: overlap checks in O(span), not O(spans)
        seen: set[tuple[int, int, str]] = set()
        mentions: list[Mention] = []
        for first, count, pattern in candidates:
            last = first + count
            span = (first, last)
            if span in taken:
                if taken[span] != pattern.kind or (first, last, pattern.ident) in seen:
                    continue  # another kind on the same words, or the same alias twice (given for two languages)
            elif any(occupied[first:last]):
                continue
            taken[span] = pattern.kind
            seen.add((first, last, pattern.ident))
            occupied[first:last] = b"\x01" * count
            if pattern.venue_only and first > 0 and tokens[first - 1][0].lower() in _VENUE_PREPOSITIONS:
                continue
            context = _OTHER_CITY_CONTEXT.get(pattern.ident)
            if context and pattern.kind == MEMBER:
                near = {keys[j] for j in range(max(0, first - 3), min(len(keys), last + 3))}
                if near & context:
                    continue
            start_char, end_char = tokens[first][1], tokens[last - 1][2]
            mentions.append(
                Mention(pattern.kind, pattern.ident, start_char, end_char, text[start_char:end_char])
            )
        mentions.extend(_bare_coalition(text, tokens, keys, taken))
        mentions = _brussels_for_belgium(text, mentions)
        mentions.sort(key=lambda m: m.start)
        mentions = _without_doubtful_people(text, mentions, lang, self.base_forms)
        covered = frozenset(i for first, last in taken for i in range(first, last))
        return Reading(tokens, keys, mentions, covered)

    def members_and_people(self, text: str, language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Sorted unique member codes and person slugs mentioned in the text."""
        mentions = self.find(text, language)
        members = sorted({m.ident for m in mentions if m.kind == MEMBER})
        people = sorted({m.ident for m in mentions if m.kind == PERSON})
        return tuple(members), tuple(people)


_COALITION_KEYS = frozenset({"коалиция", "коаліція", "coalition"})
# "правящая коалиция", "the ruling coalition", "коаліція дронів", "coalition government": another coalition.
_OTHER_COALITION_BEFORE = frozenset({"правящий", "правлячий", "правящая", "governing", "ruling", "government",
                                     "урядовий", "правительственный", "парламентський", "парламентский"})
_OTHER_COALITION_AFTER = frozenset({"беспилотник", "дрон", "дронів", "drone", "drones", "government", "partner",
                                    "partners", "agreement", "talks", "правительство", "партнер", "угода", "уряд",
                                    "соглашение", "переговоры", "of"})


def _bare_coalition(
    text: str, tokens: list[tuple[str, int, int]], keys: list[str], taken: dict[tuple[int, int], str]
) -> list[Mention]:
    """The coalition named short ("коаліція", "the coalition") is the Coalition of the Willing, unless the
    words around it make it another (a governing coalition, the drone coalition)."""
    found: list[Mention] = []
    covered = {i for first, last in taken for i in range(first, last)}
    for i, key in enumerate(keys):
        if key not in _COALITION_KEYS or i in covered:
            continue
        before = keys[i - 1] if i > 0 else ""
        after = keys[i + 1] if i + 1 < len(keys) else ""
        if before in _OTHER_COALITION_BEFORE or after in _OTHER_COALITION_AFTER:
            continue
        word, start, end = tokens[i]
        found.append(Mention(MEMBER, "COALITION", start, end, word))
    return found


_EU_BUSINESS = re.compile(
    r"санкц|актив|кредит|позик|бюджет|еврокомисс|єврокоміс|член\w* (?:ес|єс)|государств\w*-член|держав\w*-член|"
    r"sanction|asset|loan|budget|commission|member states|bloc|summit|саммит|саміт",
    re.IGNORECASE,
)
BELGIUM_WINDOW = 250


def _brussels_for_belgium(text: str, mentions: list[Mention]) -> list[Mention]:
    """Brussels stands for Belgium's government right after Belgium is named, unless its sentence is EU
    business (sanctions, assets, loans): "...escorted by Belgian pilots. Brussels will hand over the rest"
    (spec §8: "Brussels" is EU where it stands for the EU, BE where it stands for Belgium's government)."""
    belgium = [m.start for m in mentions if m.ident == "BE"]

    def for_belgium(m: Mention) -> bool:
        if m.ident != "EU" or not m.surface.lower().startswith(("brussel", "брюссел", "брюсел")):
            return False
        near = any(0 < m.start - start <= BELGIUM_WINDOW for start in belgium)
        return near and not _EU_BUSINESS.search(text[m.start : m.start + 160])

    return [Mention(MEMBER, "BE", m.start, m.end, m.surface) if for_belgium(m) else m for m in mentions]


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip(" \t«\"“„'(—–-")
    if not before and start > 12:
        return False  # a long run of spaces and quotes: not worth a second look
    return not before or before[-1] in ".!?…\n"


def _common_word(word: str, lang: str) -> bool:
    """Is a Cyrillic word a common word of the dictionary rather than a name ("Кошти", money)?"""
    low = word.lower()
    if not _CYRILLIC_RE.search(low) or not morph(lang).word_is_known(low):
        return False
    return not morph(lang).parse(low)[0].tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"}


def _without_doubtful_people(
    text: str, mentions: list[Mention], lang: str, base_forms: dict[str, frozenset[str]]
) -> list[Mention]:
    """Drop a person found only by one inflected word that opens a sentence and is also a common word,
    unless the text names that person elsewhere: "Кошти надійдуть у травні" is money, not António Costa
    ("Кошта" as written stays a mention)."""
    def doubtful(m: Mention) -> bool:
        return (m.kind == PERSON and " " not in m.surface and _opens_sentence(text, m.start)
                and m.surface.lower() not in base_forms.get(m.ident, ()) and _common_word(m.surface, lang))

    confirmed = {m.ident for m in mentions if m.kind == PERSON and not doubtful(m)}
    return [m for m in mentions if not (m.kind == PERSON and m.ident not in confirmed and doubtful(m))]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer for the built-in lexicon, built once per process."""
    lexicon = builtin_lexicon()
    return Gazetteer.build(lexicon.members, lexicon.people, lexicon.venue_only_aliases)

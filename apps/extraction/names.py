"""Capitalised names the gazetteer does not know: candidates for new people, members and aliases.

A candidate is a run of capitalised words that no alias covered ("Pål Jonson", "Косиняк-Камыш",
"Bundeswehr"), trimmed of titles and other capitalised words that are no names ("Prime Minister",
"Monday", "January"). A run of one word that opens a sentence is left out: in English and in
Cyrillic alike, the first word of a sentence is capitalised whatever it is. Each candidate carries a
key, the lemmas of its words as the gazetteer compares them, so "Сибиги" and "Сибигой" count as one
name and an alias made from it matches what was seen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Reading, morph

PERSON_HINT = "person"
ORGANISATION_HINT = "organisation"
PLACE_HINT = "place"
NAME_HINT = "name"
MAX_NAME_WORDS = 4
MAX_SIGHTINGS_PER_ARTICLE = 40



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words before a name that say it is a person's: "Defence Minister Pål Jonson", "президент Карис".
_TITLES = _words(
    """
    president prime minister chancellor secretary general envoy commissioner ambassador spokesman
    spokeswoman spokesperson premier senator chief head leader king queen pope mr mrs ms dr deputy
    foreign defence defense state special adviser advisor chair chairman chairwoman speaker governor
    admiral commander mayor director envoy secretary-general vice chief-of-staff general
    президент премьер премьер-министр министр канцлер генсек генеральный секретарь глава спецпосланник
    посланник посол еврокомиссар комиссар пресс-секретарь спикер сенатор король королева папа
    председатель советник вице-премьер замминистра командующий мэр
    прем'єр прем'єр-міністр міністр генсек секретар голова посланець спецпосланець речник сенатор
    король королева папа радник віцепрем'єр заступник командувач мер
    """
)
# Capitalised words of organisations' names: a run with one of them names an organisation.
_ORGANISATION_WORDS = _words(
    """
    ministry council office agency committee commission parliament fund bank organization organisation
    alliance union forces force army navy command group coalition party assembly court service
    министерство минобороны мид совет агентство комитет комиссия парламент фонд банк организация альянс
    союз армия командование группа партия ассамблея суд служба
    міністерство міноборони мзс рада агентство комітет комісія парламент фонд банк організація альянс
    союз армія командування група партія асамблея суд служба
    """
)
# Capitalised words that are never a name on their own.
_NOT_NAMES = _TITLES | _ORGANISATION_WORDS | _words(
    """
    europe европа європа west запад захід
    the a an in on at of for and but or if as by to from with after before while when this that these
    those he she it they we i you his her its their our my your there here what who why how mr
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    понедельник вторник среда четверг пятница суббота воскресенье январь февраль март апрель май июнь
    июль август сентябрь октябрь ноябрь декабрь
    понеділок вівторок середа четвер п'ятниця субота неділя січень лютий березень квітень травень червень
    липень серпень вересень жовтень листопад грудень
    """
)


# Words after a name that say it is a person's: "Jonson said", "Карис заявил".
_SPEECH = _words(
    """
    said says told added stressed noted wrote warned
    заявить сказать сообщить отметить подчеркнуть добавить написать
    заявити сказати повідомити зазначити підкреслити додати написати
    """
)
# Capitalised adjectives that name no one ("Western", "Nordic"); Cyrillic ones are told by pymorphy3.
_ADJECTIVES = _words("western eastern northern southern european nordic baltic transatlantic allied atlantic")
# Parts of speech of a single Cyrillic word that is no name.
_NOT_NAME_POS = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN", "GRND", "NPRO", "ADVB", "PREP", "CONJ"})
# Characters right before a word that make it open a sentence of its own: «Мы ...», said: "We ...".
_OPENERS = frozenset("«\"“„:—–(")


@dataclass(frozen=True, slots=True)
class NameSighting:
    """One unknown name seen in one article."""

    key: str  # the words' lemma keys joined by spaces, as the gazetteer matches them
    text: str  # as written
    hint: str  # PERSON_HINT, ORGANISATION_HINT, PLACE_HINT or NAME_HINT: a guess for the admin
    sentence: str


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token.isalpha() and not (len(token) > 1 and token.isupper())


def _runs(reading: Reading) -> Iterable[tuple[int, int]]:
    """Token ranges [first, last) of capitalised words no alias covered; a hyphen joins two of them."""
    tokens, covered = reading.tokens, reading.covered
    capitalised = [_capitalised(t) if t[:1].isupper() else False for t, _, _ in tokens]
    i, n = 0, len(tokens)
    while i < n:
        if not capitalised[i] or i in covered:
            i += 1
            continue
        j = i + 1
        while j < n and j not in covered:
            if capitalised[j] and tokens[j][1] - tokens[j - 1][2] <= 1:
                j += 1
            elif _joins(tokens, j) and j + 1 not in covered:
                j += 2  # "Косиняк-Камыш"
            else:
                break
        yield i, j
        i = j


def _joins(tokens: list[tuple[str, int, int]], j: int) -> bool:
    """Is token j a hyphen written tight between two capitalised words?"""
    return (
        tokens[j][0] == "-"
        and j + 1 < len(tokens)
        and _capitalised(tokens[j + 1][0])
        and tokens[j - 1][2] == tokens[j][1]
        and tokens[j][2] == tokens[j + 1][1]
    )


@lru_cache(maxsize=50_000)
def _grammar_hint(word: str, lang: str) -> str:
    """pymorphy3's own guess: a place (Geox), a person (Name, Surn, Patr) or an organisation (Orgn)."""
    grammemes = morph(lang).parse(word.lower())[0].tag.grammemes  # the uk tag set lacks some ru grammemes
    if "Geox" in grammemes:
        return PLACE_HINT
    if grammemes & {"Name", "Surn", "Patr"}:
        return PERSON_HINT
    if "Orgn" in grammemes:
        return ORGANISATION_HINT
    return ""


def unknown_names(
    text: str,
    reading: Reading,
    sentences: list[tuple[int, int]],
    language: str | None,
    excluded: frozenset[str] = frozenset(),
) -> list[NameSighting]:
    """Unknown capitalised names of a text, one sighting per name (by key), in order of appearance.

    `excluded` holds lowercase words that are known not to be names (the news agencies, say).
    """
    lang = "uk" if language == "uk" else "ru"
    tokens, keys = reading.tokens, reading.keys
    token_starts = [t[1] for t in tokens]
    sentence_starts = _first_tokens(token_starts, sentences)
    seen: set[str] = set()
    sightings: list[NameSighting] = []
    for first, last in _runs(reading):
        # Trim titles and other non-names at both ends: "Prime Minister Ulf Kristersson" → "Ulf Kristersson".
        titled = False
        while first < last and (keys[first] in _NOT_NAMES or keys[first] == "-"):
            titled = titled or keys[first] in _TITLES
            first += 1
        while first < last and (keys[last - 1] in _NOT_NAMES or keys[last - 1] == "-"):
            last -= 1
        name_words = [t[0] for t in tokens[first:last] if t[0] != "-"]
        if not name_words or len(name_words) > MAX_NAME_WORDS:
            continue
        if len(name_words) == 1 and (first in sentence_starts or _opens_clause(text, tokens[first][1])):
            continue  # a sentence's first word is capitalised whatever it is
        if max(len(w) for w in name_words) < 3 or any(k in excluded for k in keys[first:last]):
            continue  # "F" of F-16, "T" of IRIS-T; an agency's name
        if len(name_words) == 1 and not _may_be_a_name(name_words[0], keys[first], lang):
            continue
        key = " ".join(k for k in keys[first:last] if k != "-")
        if key in seen:
            continue
        seen.add(key)
        start, end = tokens[first][1], tokens[last - 1][2]
        sightings.append(
            NameSighting(
                key, text[start:end], _hint(name_words, keys[first:last], titled or _speaks(keys, last), lang),
                _sentence_at(text, sentences, start),
            )
        )
        if len(sightings) >= MAX_SIGHTINGS_PER_ARTICLE:
            break
    return sightings


def _hint(words: list[str], keys: list[str], titled: bool, lang: str) -> str:
    if set(keys) & _ORGANISATION_WORDS:
        return ORGANISATION_HINT
    if titled:
        return PERSON_HINT
    if words[0][:1].isascii():
        return NAME_HINT
    hints = {_grammar_hint(w, lang) for w in words} - {""}
    for hint in (PERSON_HINT, PLACE_HINT, ORGANISATION_HINT):
        if hint in hints:
            return hint
    return NAME_HINT


def _speaks(keys: list[str], after: int) -> bool:
    return after < len(keys) and keys[after] in _SPEECH


def _opens_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] in _OPENERS


def _may_be_a_name(word: str, key: str, lang: str) -> bool:
    """Could a single capitalised word be a name? Not a capitalised adjective, nor a common Cyrillic word."""
    if key in _ADJECTIVES:
        return False
    if word[:1].isascii():
        return True
    parse = morph(lang).parse(word.lower())[0]
    grammemes = parse.tag.grammemes
    if grammemes & _NOT_NAME_POS:
        return False
    known = type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    return not known or bool(grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})


def _first_tokens(token_starts: list[int], sentences: list[tuple[int, int]]) -> frozenset[int]:
    """Indexes of the tokens that open a sentence (after any opening quote or dash)."""
    return frozenset(bisect_left(token_starts, start) for start, _ in sentences)


def _sentence_at(text: str, sentences: list[tuple[int, int]], position: int) -> str:
    for start, end in sentences:
        if start <= position < end:
            return " ".join(text[start:end].split())
    return ""

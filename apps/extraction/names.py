"""Capitalised names the gazetteer does not know: candidates for new people, members and aliases.

A candidate is a run of capitalised words that no alias covered ("Pål Jonson", "Косиняк-Камыш",
"Bundeswehr"), cut at every capitalised word that is no name: titles, the common words institutions and
documents are named with, calendar and function words (`data/name_words.toml`). So "Prime Minister Ulf
Kristersson" gives "Ulf Kristersson", "Seimas Speaker Saulius Skvernelis" gives "Seimas" and "Saulius
Skvernelis", and "National Security" or "Armed Forces" give nothing. Left out as well:

- a run of one word that opens a sentence: in English and in Cyrillic alike, the first word of a sentence is
  capitalised whatever it is (and a common word that opens a longer run is dropped from it: "В Одессе");
- a run made only of common words: words the same text also writes in lowercase, and Russian or Ukrainian
  dictionary words that are no proper names ("Вооруженные Силы", "Опозиційна Соціалістична");
- the names of means, weapon systems and equipment (`data/means.toml`: "Patriot", "Storm Shadow", "Gripen E").

Each candidate carries a key, `name_key`, which every case form of the name shares in Russian and in
Ukrainian alike, whatever the dictionaries know of it: "Аляска", "Аляске", "Алясці" are one candidate,
"Кристерссона" and "Кристерссоном" another. A surname seen alone in an article that also gives the full name
is that name, not a candidate of its own.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .gazetteer import Reading, lemma, morph, tokenize
from .means import builtin_means

PERSON_HINT = "person"
ORGANISATION_HINT = "organisation"
PLACE_HINT = "place"
NAME_HINT = "name"
MAX_NAME_WORDS = 4
MAX_SIGHTINGS_PER_ARTICLE = 40
NAME_WORDS_FILE = Path(__file__).parent / "data" / "name_words.toml"

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_ONLY_RE = re.compile(r"[іїєґ]")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})


# --- The key: one for every case form of a name ---------------------------------------------------------

# Singular case endings of Russian and Ukrainian nouns, adjectives and names. Plural endings are left out (names
# are singular), but for the suffixes -ов/-ев/-ів/-їв, which Ukrainian alternates ("Харків", "Харкова") and
# which stand before the endings of Russian surnames ("Умеров", "Умерова"): keys end before them.
_NAME_ENDING_LIST = """
    а я ы и і ї у ю е є о ь й ов ев ів їв єв
    ой ей ою ею єю ом ем єм ым им ім ові еві єві
    ый ий ій ого его ього ому ему ьому ая яя ої ьої ую юю ое ее
"""
_NAME_ENDINGS = frozenset(_NAME_ENDING_LIST.split())
# ... and the plural ones, for the means, which the news names in the plural ("Пэтриотов", "Хаймарсами").
_PLURAL_ENDING_LIST = "ам ям ах ях ами ями ые ие ых их ыми ими"
_PLURAL_ENDINGS = frozenset(_PLURAL_ENDING_LIST.split())
_LONGEST_ENDING = 4
_MIN_STEM = 2
# Ukrainian dative and locative soften a final г, к, х to з, ц, с ("Сибіга" → "Сибізі", "Аляска" → "Алясці").
# The key folds the pairs wherever they end a stem, so the two sides meet whichever form was seen.
_ALTERNATIONS = {"з": "г", "ц": "к", "с": "х"}


def _shortest_stem(word: str, endings: frozenset[str]) -> str:
    """The shortest prefix reachable by taking endings off one after another.

    Taking the longest ending once is not enough: "Нордстрем" loses "ем" while "Нордстрема" loses only "а";
    the shortest reachable prefix is the same for both ("нордстр"), since every form reaches its stem first.
    """
    best, frontier, seen = word, [word], {word}
    while frontier:
        current = frontier.pop()
        for size in range(1, min(_LONGEST_ENDING, len(current) - _MIN_STEM) + 1):
            if current[-size:] in endings and (shorter := current[:-size]) not in seen:
                seen.add(shorter)
                frontier.append(shorter)
                best = min(best, shorter, key=len)
    return best


@lru_cache(maxsize=4)
def _stemmer_endings(plural: bool) -> frozenset[str]:
    return _NAME_ENDINGS | _PLURAL_ENDINGS if plural else _NAME_ENDINGS


@lru_cache(maxsize=100_000)
def word_key(word: str, *, plural: bool = False) -> str:
    """One word's part of a name key, the same for all its case forms and for both languages' analysers.

    A Latin word is lowercased (without "'s"). A Cyrillic word the Russian or Ukrainian dictionary knows as a
    proper name may give way to its dictionary base form ("Египта" → "египет"); the dictionaries' common words
    never do ("Мерцем" is no form of "мрець", the dead man, here). Then its case endings go, and a final з/ц/с
    folds into г/к/х. `plural` also takes plural endings off (Latin: a final s).
    """
    low = word.lower().translate(_APOSTROPHES).replace("ё", "е")
    if not _CYRILLIC_RE.search(low):
        low = low.removesuffix("'s")
        return low[:-1] if plural and len(low) > 3 and low.endswith("s") else low
    endings = _stemmer_endings(plural)
    # The dictionaries' one stem for the word, when the word does not start with it, knows an alternation the
    # endings cannot undo ("Египта" of "Египет", "Льва" of "Лев"). One the word starts with adds nothing, and
    # several may be other names' ("Львові" reads as Лев and as Львов): the word's own stem is the key then.
    stems = {_shortest_stem(base, endings) for base in _proper_bases(low)}
    stem = stems.pop() if len(stems) == 1 and not low.startswith(next(iter(stems))) else _shortest_stem(low, endings)
    return stem[:-1] + _ALTERNATIONS[stem[-1]] if stem[-1] in _ALTERNATIONS else stem


def _proper_bases(low: str) -> list[str]:
    """Dictionary base forms of a word read as a proper name, the Russian dictionary's first (so the same
    answer comes in any article, whichever language it is in)."""
    bases: list[str] = []
    for lang in ("ru", "uk"):
        analyser = morph(lang)
        if (lang == "ru" and _UKRAINIAN_ONLY_RE.search(low)) or not analyser.word_is_known(low):
            continue
        bases.extend(str(p.normal_form).replace("ё", "е") for p in analyser.parse(low) if p.tag.grammemes & _PROPER)
    return bases


def name_key(words: Iterable[str]) -> str:
    """The key a candidate is grouped by: its words' keys, hyphens left out ("Косиняка-Камыша" → "косиняк камыш")."""
    return " ".join(word_key(w) for w in words if w != "-")


def text_key(text: str) -> str:
    """The key of a name as written ("Ульфа Кристерссона" → "ульф кристерссон")."""
    return name_key(t for t, _, _ in tokenize(text))


# --- Words that are no names ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameWords:
    """The lists of `data/name_words.toml`, each a set of gazetteer keys (Cyrillic words lemmatised)."""

    titles: frozenset[str]
    organisations: frozenset[str]
    cut: frozenset[str]  # every list but speech: a capitalised word of these is no part of a name
    speech: frozenset[str]


def _keys(words: Iterable[str]) -> frozenset[str]:
    """Gazetteer keys of listed words, under both analysers: the text's keys come from either."""
    keys: set[str] = set()
    for word in words:
        low = word.lower().translate(_APOSTROPHES)
        keys.add(low)
        if _CYRILLIC_RE.search(low):
            keys.update(lemma(low, lang) for lang in ("ru", "uk"))
    return frozenset(keys)


def read_name_words(path: Path) -> NameWords:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    lists = {name: _keys(w for text in section.values() for w in text.split()) for name, section in data.items()}
    return NameWords(
        titles=lists["titles"], organisations=lists["organisations"], speech=lists["speech"],
        cut=frozenset().union(*(words for name, words in lists.items() if name != "speech")),
    )


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    """The package's own lists, read once per process."""
    return read_name_words(NAME_WORDS_FILE)


@lru_cache(maxsize=1)
def _means_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each means spelling as a tuple of plural-free word keys, by its first word's key, longest first."""
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for entry in builtin_means():
        for spelling in entry.spellings:
            words = [w for w in re.findall(r"[^\W_]+", spelling) if not any(c.isdigit() for c in w)]
            if words:
                phrase = tuple(word_key(w, plural=True) for w in words)
                by_first.setdefault(phrase[0], set()).add(phrase)
    return {first: tuple(sorted(phrases, key=len, reverse=True)) for first, phrases in by_first.items()}


def is_means(words: Sequence[str]) -> bool:
    """Are these words only names of means, with model letters ("Gripen C/D", "Patriot", "Storm Shadow")?"""
    keys = [word_key(w, plural=True) for w in words]
    phrases = _means_phrases()
    i, found = 0, False
    while i < len(keys):
        match = next((p for p in phrases.get(keys[i], ()) if tuple(keys[i : i + len(p)]) == p), None)
        if match:
            i, found = i + len(match), True
        elif len(words[i]) < 3:
            i += 1  # a model's letters: "E" of "Gripen E", "C" and "D" of "Gripen C/D"
        else:
            return False
    return found


# Parts of speech of a single Cyrillic word that is no name.
_NOT_NAME_POS = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN", "GRND", "NPRO", "ADVB", "PREP", "CONJ"})
# Characters right before a word that make it open a sentence of its own: «Мы ...», said: "We ...".
_OPENERS = frozenset("«\"“„:—–(")


@dataclass(frozen=True, slots=True)
class NameSighting:
    """One unknown name seen in one article."""

    key: str  # name_key of its words: the same for every case form
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


def _parts(keys: list[str], first: int, last: int, cut: frozenset[str]) -> Iterable[tuple[int, int]]:
    """The stretches [start, end) of a run between its words that are no names, without edge hyphens."""
    start = first
    for i in range(first, last + 1):
        if i < last and keys[i] not in cut:
            continue
        while start < i and keys[start] == "-":
            start += 1
        end = i
        while end > start and keys[end - 1] == "-":
            end -= 1
        if end > start:
            yield start, end
        start = i + 1


@lru_cache(maxsize=50_000)
def _grammar_hint(word: str, lang: str) -> str:
    """pymorphy3's own guess: a place (Geox), a person (Name, Surn, Patr) or an organisation (Orgn)."""
    parse = morph(lang).parse(word.lower())[0]
    grammemes = parse.tag.grammemes
    if lang == "uk" and not grammemes & _PROPER and _ru_proper(str(parse.normal_form)):
        grammemes = morph("ru").parse(parse.normal_form)[0].tag.grammemes  # the uk tag set has no places
    if "Geox" in grammemes:
        return PLACE_HINT
    if grammemes & {"Name", "Surn", "Patr"}:
        return PERSON_HINT
    if "Orgn" in grammemes:
        return ORGANISATION_HINT
    return ""


@lru_cache(maxsize=50_000)
def _dictionary_common(word: str, lang: str) -> bool:
    """Is a Cyrillic word a dictionary word with no reading as a proper name ("Вооруженные", "Учасники")?"""
    low = word.lower()
    if not _CYRILLIC_RE.search(low) or not morph(lang).word_is_known(low):
        return False
    return not _read_as_proper(low)


def _read_as_proper(low: str) -> bool:
    """Does a dictionary read the word as a proper name? The Ukrainian one tags no places, so a Ukrainian
    word also counts when its base form is a place the Russian one knows ("Алясці" → "аляска")."""
    if _proper_bases(low):
        return True
    uk = morph("uk")
    if not uk.word_is_known(low):
        return False
    return any(_proper_bases(base) for base in {str(p.normal_form) for p in uk.parse(low)} - {low})


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
    words = name_words()
    sentence_starts = _first_tokens([t[1] for t in tokens], sentences)
    # Words the text also writes in lowercase are common words, whatever the language ("the Security Council"
    # beside "security guarantees").
    lowercase = frozenset(key for (token, _, _), key in zip(tokens, keys, strict=True) if token[:1].islower())

    def common(i: int) -> bool:
        return keys[i] in lowercase or _dictionary_common(tokens[i][0], lang)

    def opens(i: int) -> bool:
        return i in sentence_starts or _opens_clause(text, tokens[i][1])

    found: dict[str, tuple[NameSighting, int]] = {}  # by key, with the number of words
    for run_first, run_last in _runs(reading):
        for first, last in _parts(keys, run_first, run_last, words.cut):
            if last - first > 1 and opens(first) and common(first):
                first += 2 if keys[first + 1] == "-" else 1  # capitalised as the sentence's first word: "В Одессе"
            name_words_ = [tokens[i][0] for i in range(first, last) if keys[i] != "-"]
            if not name_words_ or len(name_words_) > MAX_NAME_WORDS:
                continue
            if len(name_words_) == 1 and opens(first):
                continue  # a sentence's first word is capitalised whatever it is
            if max(len(w) for w in name_words_) < 3 or any(k in excluded for k in keys[first:last]):
                continue  # "F" of F-16, "T" of IRIS-T; an agency's name
            if len(name_words_) == 1 and not _may_be_a_name(name_words_[0], keys[first], lang):
                continue
            person = (first > 0 and keys[first - 1] in words.titles) or (
                last < len(keys) and keys[last] in words.speech)
            if not person and all(common(i) for i in range(first, last) if keys[i] != "-"):
                continue  # "Armed Forces", "Вооруженные Силы": common words, capitalised as an institution's
            if is_means(name_words_):
                continue
            key = name_key(name_words_)
            if key in found:
                continue
            organised = (first > run_first and keys[first - 1] in words.organisations) or (
                last < run_last and keys[last] in words.organisations)
            start, end = tokens[first][1], tokens[last - 1][2]
            sighting = NameSighting(key, text[start:end], _hint(name_words_, organised, person, lang),
                                    _sentence_at(text, sentences, start))
            found[key] = (sighting, len(name_words_))
    # "Ingrid Halvorsen ... Halvorsen said": the surname alone is the full name seen before or after.
    surnames = {key.rsplit(" ", 1)[-1] for key, (_, size) in found.items() if size > 1}
    sightings = [s for s, size in found.values() if size > 1 or s.key not in surnames]
    return sightings[:MAX_SIGHTINGS_PER_ARTICLE]


def _hint(words: list[str], organised: bool, person: bool, lang: str) -> str:
    if organised:
        return ORGANISATION_HINT
    if person:
        return PERSON_HINT
    if words[0][:1].isascii():
        return NAME_HINT
    hints = {_grammar_hint(w, lang) for w in words} - {""}
    for hint in (PERSON_HINT, PLACE_HINT, ORGANISATION_HINT):
        if hint in hints:
            return hint
    return NAME_HINT


def _opens_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] in _OPENERS


def _may_be_a_name(word: str, key: str, lang: str) -> bool:
    """Could a single capitalised word be a name? Not a common Cyrillic word (nor adjective, verb, ...)."""
    if word[:1].isascii():
        return True
    low = word.lower()
    parse = morph(lang).parse(low)[0]
    grammemes = parse.tag.grammemes
    if grammemes & _NOT_NAME_POS:
        return False
    known = type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    if not known or grammemes & (_PROPER | {"Abbr"}):
        return True
    # The uk tag set has no places: a Ukrainian word whose base form the Russian dictionary knows as a proper
    # name may be one ("Алясці", "Стамбулі"); a common word's never is ("Ставка").
    return lang == "uk" and _ru_proper(str(parse.normal_form))


def _ru_proper(base: str) -> bool:
    ru = morph("ru")
    return ru.word_is_known(base) and bool(ru.parse(base)[0].tag.grammemes & _PROPER)


def _first_tokens(token_starts: list[int], sentences: list[tuple[int, int]]) -> frozenset[int]:
    """Indexes of the tokens that open a sentence (after any opening quote or dash)."""
    return frozenset(bisect_left(token_starts, start) for start, _ in sentences)


def _sentence_at(text: str, sentences: list[tuple[int, int]], position: int) -> str:
    for start, end in sentences:
        if start <= position < end:
            return " ".join(text[start:end].split())
    return ""

"""Language of an article: ru, uk or en, other languages by their ISO 639-1 code.

The script and the letters only one language has decide most articles outright: Ukrainian has
і ї є ґ, Russian ы э ё, and a Latin text with English function words is English. lingua decides
the rest (short texts, mixed texts, other languages): first among ru/uk/en, then, for a text that is
none of them, among the other languages of the same script. Only the models of the languages a
detector is built with are loaded, and only when first needed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_MAIN = (Language.RUSSIAN, Language.UKRAINIAN, Language.ENGLISH)
# Other languages an upload may be written in, by script (the languages of the news around this).
_OTHER_LATIN = (
    Language.GERMAN, Language.FRENCH, Language.POLISH, Language.SPANISH, Language.ITALIAN, Language.DUTCH,
    Language.PORTUGUESE, Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.FINNISH,
    Language.ESTONIAN, Language.LATVIAN, Language.LITHUANIAN, Language.CZECH, Language.SLOVAK,
    Language.ROMANIAN, Language.TURKISH, Language.CROATIAN, Language.SLOVENE, Language.HUNGARIAN,
)
_OTHER_CYRILLIC = (Language.BULGARIAN, Language.BELARUSIAN, Language.SERBIAN, Language.MACEDONIAN, Language.KAZAKH)

SAMPLE_CHARS = 3000
SHORT_TEXT_CHARS = 120
_UK_ONLY = re.compile(r"[іїєґ]")
_RU_ONLY = re.compile(r"[ыэё]")  # not ъ: Bulgarian is full of it
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_LATIN_RUN = re.compile(r"[a-z]+")
_WORD = re.compile(r"[a-z']+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    (
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "at", "from", "it",
        "was", "were", "be", "has", "have", "will", "would", "not", "this", "an", "are", "said", "its", "their",
        "which",
    )
)
# A letter count counts as decisive when it clears both bars.
_DECISIVE_RATIO = 4
_DECISIVE_MIN = 4


@lru_cache(maxsize=4)
def detector(languages: tuple[Language, ...] = _MAIN, *, low_accuracy: bool = False) -> LanguageDetector:
    """A lingua detector for these languages, built once on first use.

    Low accuracy mode (trigram models only) is lingua's advice for texts of more than a sentence or
    two, and keeps the wide detector's memory small.
    """
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def letter_hint(text: str) -> str | None:
    """ru/uk/en decided by the script and the letters only one of them has; None if undecided."""
    low = text.lower()
    cyrillic = sum(map(len, _CYRILLIC_RUN.findall(low)))  # runs, not single letters: fewer objects
    latin = sum(map(len, _LATIN_RUN.findall(low)))
    if latin > 3 * cyrillic:
        words = _WORD.findall(low)
        function_words = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
        return "en" if len(words) >= 8 and function_words >= 0.12 * len(words) else None
    if cyrillic <= latin:
        return None
    uk, ru = len(_UK_ONLY.findall(low)), len(_RU_ONLY.findall(low))
    if uk >= _DECISIVE_MIN and uk >= _DECISIVE_RATIO * ru:
        return "uk"
    if ru >= _DECISIVE_MIN and ru >= _DECISIVE_RATIO * uk:
        return "ru"
    return None


def _iso(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (ru, uk, en or another), or None for text without letters."""
    sample = text[:SAMPLE_CHARS]
    hint = letter_hint(sample)
    if hint is not None:
        return hint
    if not (_CYRILLIC.search(sample.lower()) or _LATIN.search(sample.lower())):
        return None
    if len(sample) < SHORT_TEXT_CHARS:
        # Too short to tell other languages apart reliably: the product reads ru, uk and en.
        found = detector().detect_language_of(sample)
    else:
        others = _OTHER_CYRILLIC if _CYRILLIC.search(sample.lower()) else _OTHER_LATIN
        found = detector((*_MAIN, *others), low_accuracy=True).detect_language_of(sample)
    return _iso(found) if found is not None else None

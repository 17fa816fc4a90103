"""Language of an article: ru, uk or en (ISO 639-1), with a letter-based tiebreak for short texts."""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_CODES = {Language.RUSSIAN: "ru", Language.UKRAINIAN: "uk", Language.ENGLISH: "en"}
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The lingua detector for ru/uk/en, built once on first use."""
    return LanguageDetectorBuilder.from_languages(*_CODES).build()


def letter_hint(text: str) -> str | None:
    """ru/uk/en from the script and the letters only one of ru/uk has; None if undecided."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    if cyr == 0 and lat == 0:
        return None
    if lat > 3 * cyr:
        return "en"
    if cyr <= lat:
        return None
    uk = len(_UK_ONLY.findall(text))
    ru = len(_RU_ONLY.findall(text))
    if uk > 2 * ru and uk > 0:
        return "uk"
    if ru > 2 * uk and ru > 0:
        return "ru"
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (ru, uk, en), or None for text without letters."""
    sample = text[:5000]
    hint = letter_hint(sample)
    values = detector().compute_language_confidence_values(sample)
    if not values:
        return hint
    top = values[0]
    code = _CODES.get(top.language)
    if hint is not None and (len(sample) < 200 or top.value < 0.9):
        return hint
    return code or hint

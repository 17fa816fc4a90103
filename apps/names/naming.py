"""Suggestions for new people and members made from a name as written: ASCII slugs and codes.

No library: a small Cyrillic table (Russian and Ukrainian letters) and Unicode decomposition
for Latin letters with diacritics ("Pål" → "Pal"). The shapes of codes and slugs are the reference data's own
(``apps.coalition.models``).
"""

from __future__ import annotations

import re
import unicodedata

from apps.coalition.models import CODE_RE

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "", "ʼ": "",
}
# Latin letters that Unicode does not decompose into a base letter and a mark.
_LATIN = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_LETTERS_RE = re.compile(r"[ієїґІЄЇҐ]")


def transliterate(text: str) -> str:
    """ASCII letters for a name in Latin or Cyrillic script, case kept where it can be."""
    out = []
    for char in text:
        lower = char.lower()
        latin = _CYRILLIC.get(lower, _LATIN.get(lower))
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower else latin)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if c.isascii())


def _slug_words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z]+", transliterate(text).lower()) if w]


def slug_suggest(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A person's slug as the reference data writes them: the surname ("kosiniak_kamysz"), else the full name."""
    surname = text.split()[-1] if text.split() else text
    for candidate in ("_".join(_slug_words(surname)), "_".join(_slug_words(text))):
        if candidate and candidate not in taken:
            return candidate[:64]
    return "_".join(_slug_words(text))[:64]


def code_suggest(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A member's code: initials of a name of several words ("Nordic Defence Cooperation" → "NDC"), else the word."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", transliterate(text)) if w]
    if not words:
        return ""
    initials = "".join(w[0] for w in words).upper()
    for candidate in (initials if len(words) > 1 else "", "_".join(words).upper()[:16]):
        if CODE_RE.fullmatch(candidate) and candidate not in taken:
            return candidate
    return "_".join(words).upper()[:16]


def name_fields_suggest(text: str) -> dict[str, str]:
    """The new person's or member's names, filled from the script of the name as written."""
    if not CYRILLIC_RE.search(text):
        return {"name_en": text, "name_ru": "", "name_uk": ""}
    ukrainian = bool(UKRAINIAN_LETTERS_RE.search(text))
    return {"name_en": transliterate(text), "name_ru": "" if ukrainian else text, "name_uk": text if ukrainian else ""}

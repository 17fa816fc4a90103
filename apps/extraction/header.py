"""The `date YYYY-MM-DD` header, dates named in the text, and the natural-language check."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .decode import is_blank

DATE_FOUND_HEADER = "header"
DATE_FOUND_TEXT = "text"
DATE_FOUND_UNKNOWN = "unknown"

_HSPACE = r"[^\S\n]"
# "date 2026-01-07 text", "date: 2026-01-07", "Date 2026-01-07\ntext"; the date token is taken loosely
# (any digits and dashes) so an impossible date is refused rather than silently ignored.
_HEADER_RE = re.compile(
    rf"\A\s*date{_HSPACE}*:?{_HSPACE}*(?P<token>\d{{4}}-\d{{1,2}}-\d{{1,2}})(?=\s|\Z)(?P<rest>.*)\Z",
    re.IGNORECASE | re.DOTALL,
)

_MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

# Month-name stems with their case endings, per month (ru, uk, en incl. abbreviations).
_MONTH_PATTERNS: tuple[str, ...] = (
    r"январ[ьяюе]|січ(?:ень|ня|ні|нем)|jan(?:uary|\.)?",
    r"феврал[ьяюе]|лют(?:ий|ого|ому|им)|feb(?:ruary|\.)?",
    r"март[аеу]?|берез(?:ень|ня|ні|нем)|mar(?:ch|\.)?",
    r"апрел[ьяюе]|квіт(?:ень|ня|ні|нем)|apr(?:il|\.)?",
    r"ма[йяюе]|трав(?:ень|ня|ні|нем)|may",
    r"июн[ьяюе]|черв(?:ень|ня|ні|нем)|june?\.?",
    r"июл[ьяюе]|лип(?:ень|ня|ні|нем)|july?\.?",
    r"август[аеу]?|серп(?:ень|ня|ні|нем)|aug(?:ust|\.)?",
    r"сентябр[ьяюе]|верес(?:ень|ня|ні|нем)|sep(?:tember|t\.?|\.)?",
    r"октябр[ьяюе]|жовт(?:ень|ня|ні|нем)|oct(?:ober|\.)?",
    r"ноябр[ьяюе]|листопад(?:а|і|ом)?|nov(?:ember|\.)?",
    r"декабр[ьяюе]|груд(?:ень|ня|ні|нем)|dec(?:ember|\.)?",
)
_MONTH_ALT = "|".join(f"(?P<m{i + 1}>{p})" for i, p in enumerate(_MONTH_PATTERNS))
_MONTH_GROUP = f"(?:{_MONTH_ALT})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w.]){_DAY}\s+(?:of\s+)?{_MONTH_GROUP}(?![\w])\.?,?\s+{_YEAR}(?!\d)", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(rf"(?<![\w]){_MONTH_GROUP}(?![\w])\.?\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
_NUMERIC_DMY = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d])")
_ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d])")


@dataclass(frozen=True, slots=True)
class HeaderResult:
    """Date, where it came from, and the body without the header; or a refusal reason."""

    date: date | None
    date_found: str
    body: str
    error: str | None = None


def impossible_date_reason(year: int, month: int, day: int) -> str | None:
    """Why (year, month, day) is not a calendar date, or None if it is one."""
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        return f"{name} {year} has only {last} days" if day > 0 else "day 0 does not exist"
    return None


def _month_from_match(m: re.Match[str]) -> int:
    for i in range(12):
        if m.group(f"m{i + 1}"):
            return i + 1
    raise ValueError("no month group matched")


def _safe_date(year: int, month: int, day: int) -> date | None:
    if impossible_date_reason(year, month, day) is not None:
        return None
    return date(year, month, day)


def dates_in_sentence(sentence: str) -> list[tuple[int, date]]:
    """Every valid full date (with a year) named in the sentence, with its position."""
    found: list[tuple[int, date]] = []
    for regex in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in regex.finditer(sentence):
            d = _safe_date(int(m.group("year")), _month_from_match(m), int(m.group("day")))
            if d is not None:
                found.append((m.start(), d))
    for regex in (_NUMERIC_DMY, _ISO):
        for m in regex.finditer(sentence):
            d = _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            if d is not None:
                found.append((m.start(), d))
    found.sort(key=lambda pair: pair[0])
    return found


_DAY_MONTH = re.compile(rf"(?<![\w.]){_DAY}\s+(?:of\s+)?{_MONTH_GROUP}(?![\w])(?!\.?,?\s+(?:19|20)\d\d)", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"(?<![\w]){_MONTH_GROUP}(?![\w])\.?\s+{_DAY}(?![\d\w])(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)


def dates_near(sentence: str, reference: date) -> list[tuple[int, date]]:
    """Full dates in the sentence, and day-and-month dates ("4 сентября", "on 6 January") taken in the year
    that puts them closest before the reference date (an article speaks of the past more than the future)."""
    found = dates_in_sentence(sentence)
    for regex in (_DAY_MONTH, _MONTH_DAY):
        for m in regex.finditer(sentence):
            month, day = _month_from_match(m), int(m.group("day"))
            for year in (reference.year, reference.year - 1):
                d = _safe_date(year, month, day)
                if d is not None and d <= reference + timedelta(days=7):
                    found.append((m.start(), d))
                    break
    found.sort(key=lambda pair: pair[0])
    return found


def find_date_in_text(text: str) -> date | None:
    """The first date the text names: the earliest in the text, so first sentences come first."""
    found = dates_in_sentence(text)
    return found[0][1] if found else None


def parse_header(text: str) -> HeaderResult:
    """Split off the `date` header; fall back to a date named in the text, else 'unknown'."""
    m = _HEADER_RE.match(text)
    if m is None:
        body = text.strip()
        found = find_date_in_text(body)
        if found is not None:
            return HeaderResult(found, DATE_FOUND_TEXT, body)
        return HeaderResult(None, DATE_FOUND_UNKNOWN, body)
    token = m.group("token")
    year, month, day = (int(part) for part in token.split("-"))
    reason = impossible_date_reason(year, month, day)
    if reason is not None:
        return HeaderResult(
            None, DATE_FOUND_UNKNOWN, "", error=f"The date in the header, {token}, is impossible: {reason}."
        )
    body = m.group("rest").strip()
    if is_blank(body):
        return HeaderResult(
            None,
            DATE_FOUND_UNKNOWN,
            "",
            error=f"The file has a date header ({token}) but no article text after it.",
        )
    return HeaderResult(date(year, month, day), DATE_FOUND_HEADER, body)


_NOT_LATIN_OR_CYRILLIC = re.compile(r"[^a-z\u0400-\u04ff]+")
_VOWELS = "aeiouyаеёиоуыэюяіїє"
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# A natural word, with any punctuation around it: lowercase after its first letter, or an all-caps
# acronym; base64 and other encoded data mix cases and digits. (Upper case by the Latin and Cyrillic
# alphabets the product reads; 30 letters at most.)
_WORDLIKE_TOKEN = re.compile(
    r"[\W_]*(?:[^\W\d_](?:[^\W\dA-ZА-ЯЁІЇЄҐ_]|['’ʼ\-](?=[^\W\dA-ZА-ЯЁІЇЄҐ_])){0,29}|"
    r"[A-ZА-ЯЁІЇЄҐ]{2,30}(?:[-'][A-ZА-ЯЁІЇЄҐ]+)*)[\W_]*"
)


# Prose uses many words: one word making half the text, or a vocabulary far smaller than the length (a
# phrase pasted over and over), is filler, not an article. Heaps' law gives a text of n words some
# 10·√n to 50·√n different ones; three times √n is well below any prose (a 200-word text needs 43).
_MIN_WORDS_FOR_REPETITION = 10
_TOP_WORD_SHARE = 0.5
_MIN_WORDS_FOR_VOCABULARY = 200
_VOCABULARY_FACTOR = 3.0


def _repetition_problem(text: str, tokens: list[str]) -> str | None:
    if len(tokens) < _MIN_WORDS_FOR_REPETITION:
        return None
    words = _LETTERS.findall(text.lower())
    if len(words) < _MIN_WORDS_FOR_REPETITION:
        return None
    distinct = len(set(words))
    # A word making more than half the text leaves fewer than half the words different: count only then.
    top, count = Counter(words).most_common(1)[0] if distinct <= len(words) * _TOP_WORD_SHARE + 1 else ("", 0)
    if count / len(words) > _TOP_WORD_SHARE:
        return (f"The text does not look like natural language: one word (“{top[:40]}”) makes "
                f"{count / len(words):.0%} of it.")
    if len(words) >= _MIN_WORDS_FOR_VOCABULARY and distinct < _VOCABULARY_FACTOR * len(words) ** 0.5:
        return (f"The text does not look like natural language: its {len(words):,} words use only {distinct} "
                "different ones (the same phrase repeated).")
    return None


def natural_language_problem(text: str) -> str | None:
    """A reason the text is not natural language (random symbols, digits, base64...), or None."""
    tokens = text.split()
    chars = sum(map(len, tokens))
    if not chars:
        return "The file has no text."
    letters = sum(map(str.isalpha, text))
    letter_share = letters / chars
    wordlike = len(list(filter(None, map(_WORDLIKE_TOKEN.fullmatch, tokens))))
    word_share = wordlike / len(tokens)
    if letter_share < 0.5:
        return (
            f"The text does not look like natural language: only {letter_share:.0%} of its characters "
            "are letters."
        )
    if word_share < 0.5 or wordlike < 2:
        return (
            f"The text does not look like natural language: only {word_share:.0%} of its pieces are "
            "words (it may be encoded data such as base64)."
        )
    if repetition := _repetition_problem(text, tokens):
        return repetition
    lowered = _NOT_LATIN_OR_CYRILLIC.sub("", text.lower())
    if len(lowered) >= 40:
        vowel_share = sum(map(lowered.count, _VOWELS)) / len(lowered)
        if not 0.2 <= vowel_share <= 0.7:
            return "The text does not look like natural language: its letters do not form words."
    return None

"""Refusal sentences as data: which a retry can change (``SourceText.retryable``), and how each reads in
the active language (``refusal_text``, below).

Refusals are English sentences, stored, logged and served by the API as they are, so a refusal is told
apart by what its sentence says. Only these can come out differently on a second try, and only for a file
whose bytes were kept:

- a limit an admin can raise (``INGEST_MAX_FILE_BYTES``, the zip and per-upload limits);
- an internal error, once it is fixed.

Everything else depends on the bytes alone — a PNG or other binary file, NUL or control characters, no
text, an encoding nobody reads, an impossible date, text that is not language, a damaged or encrypted
archive — and would be refused again word for word, so no Retry is offered for it. A sentence not listed
here is not retryable: a new kind of refusal is offered a retry only once it is added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.dates import MONTHS_ALT
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RETRYABLE_REFUSALS: tuple[re.Pattern[str], ...] = tuple(re.compile(pattern) for pattern in (
    # Limits (receipt, decoding and zip entries): "…, over the limit of 2 MB (2,000,000 bytes) per file."
    r"\bover the limit of\b",
    r"^The file is too large\b",
    r"^One upload takes at most\b",
    r"^The zip archive holds [\d,]+ files; at most\b",
    r"-fold allowed, so it looks like a zip bomb\.$",
    # An internal error: "The file could not be read because of an internal error; it was logged. Retry it later."
    r"\bbecause of an internal error\b",
))


def refusal_can_change(reason: str) -> bool:
    """Whether a retry could end otherwise than this refusal."""
    return any(pattern.search(reason) for pattern in RETRYABLE_REFUSALS)


# --- The sentence in the active language ---------------------------------------------------------------------
#
# The stored sentence stays English (the audit log, the API and ``RETRYABLE_REFUSALS`` read it); pages show it
# through ``refusal_text``. Each row matches one sentence the code writes, whole, and names what varies in it;
# the template says the same with the same names. Sizes, counts and file names are shown as they were captured.

_SIZE = r"\d+(?:\.\d)? (?:MB|kB) \([\d,]+ bytes\)|[\d,]+ bytes"
_COUNT = r"[\d,]+"
_NAME = r".+"
_DATE = r"\d{4}-\d{1,2}-\d{1,2}"
_NOT_LANGUAGE = "The text does not look like natural language: "


@dataclass(frozen=True)
class Refusal:
    """One English refusal sentence (``pattern``, matched whole) and its translatable ``template``;
    ``convert`` turns a captured English word into the active language's (a month name)."""

    pattern: re.Pattern[str]
    template: StrOrPromise
    convert: Mapping[str, Callable[[str], str]] = field(default_factory=dict)


# As ``extraction.header`` writes them (``calendar.month_name`` under the C locale Python starts with).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _month_genitive(name: str) -> str:
    """'February' as the active language names it after a day ('февраля', 'лютого'; English unchanged)."""
    return str(MONTHS_ALT[_MONTHS.index(name) + 1])


def _row(pattern: str, template: StrOrPromise, **convert: Callable[[str], str]) -> Refusal:
    return Refusal(re.compile(pattern), template, convert)


# What ``extraction.decode.binary_kind`` names: each kind its own sentence, so no English noun is left inside
# a translated one.
BINARY_KINDS: Mapping[str, StrOrPromise] = {
    "a PNG image": _("The file is a PNG image, not text."),
    "a JPEG image": _("The file is a JPEG image, not text."),
    "a GIF image": _("The file is a GIF image, not text."),
    "a TIFF image": _("The file is a TIFF image, not text."),
    "an icon (ICO) image": _("The file is an icon (ICO) image, not text."),
    "a BMP image": _("The file is a BMP image, not text."),
    "a WebP image": _("The file is a WebP image, not text."),
    "a PDF document": _("The file is a PDF document, not text."),
    "a ZIP archive (or an Office document such as .docx, .xlsx, .odt)":
        _("The file is a ZIP archive (or an Office document such as .docx, .xlsx, .odt), not text."),
    "a ZIP archive (empty)": _("The file is a ZIP archive (empty), not text."),
    "a ZIP archive": _("The file is a ZIP archive, not text."),
    "an old-format Microsoft Office document (.doc, .xls, .ppt)":
        _("The file is an old-format Microsoft Office document (.doc, .xls, .ppt), not text."),
    "a gzip-compressed file": _("The file is a gzip-compressed file, not text."),
    "an xz-compressed file": _("The file is an xz-compressed file, not text."),
    "a bzip2-compressed file": _("The file is a bzip2-compressed file, not text."),
    "a Zstandard-compressed file": _("The file is a Zstandard-compressed file, not text."),
    "a 7-Zip archive": _("The file is a 7-Zip archive, not text."),
    "a RAR archive": _("The file is a RAR archive, not text."),
    "an ELF executable (a Linux or Unix program)":
        _("The file is an ELF executable (a Linux or Unix program), not text."),
    "a macOS executable (Mach-O)": _("The file is a macOS executable (Mach-O), not text."),
    "a compiled program (Mach-O or Java class file)":
        _("The file is a compiled program (Mach-O or Java class file), not text."),
    "a Windows executable (EXE/DLL)": _("The file is a Windows executable (EXE/DLL), not text."),
    "a WebAssembly program": _("The file is a WebAssembly program, not text."),
    "an SQLite database": _("The file is an SQLite database, not text."),
    "an MP3 audio file": _("The file is an MP3 audio file, not text."),
    "an Ogg audio or video file": _("The file is an Ogg audio or video file, not text."),
    "a FLAC audio file": _("The file is a FLAC audio file, not text."),
    "a WAV audio file": _("The file is a WAV audio file, not text."),
    "a Matroska/WebM video": _("The file is a Matroska/WebM video, not text."),
    "an AVI video": _("The file is an AVI video, not text."),
    "an MP4/QuickTime video or audio file": _("The file is an MP4/QuickTime video or audio file, not text."),
    "a RIFF media file": _("The file is a RIFF media file, not text."),
}

REFUSALS: tuple[Refusal, ...] = (
    # apps/extraction/decode.py
    _row(rf"The file is too large: (?P<size>{_SIZE}), over the limit of (?P<limit>{_SIZE})\.",
         _("The file is too large: %(size)s, over the limit of %(limit)s.")),
    _row(r"The file is empty\.", _("The file is empty.")),
    *(_row(re.escape(f"The file is {kind}, not text."), template) for kind, template in BINARY_KINDS.items()),
    _row(r"The file starts with a (?P<encoding>[A-Z0-9-]+) byte-order mark but is not valid (?P=encoding)\.",
         _("The file starts with a %(encoding)s byte-order mark but is not valid %(encoding)s.")),
    _row(r"The file contains NUL bytes, so it is binary, not text\.",
         _("The file contains NUL bytes, so it is binary, not text.")),
    _row(r"The file is not readable text in any encoding we know\.",
         _("The file is not readable text in any encoding we know.")),
    _row(r"The file contains NUL characters, so it is binary, not text\.",
         _("The file contains NUL characters, so it is binary, not text.")),
    _row(r"The file is full of control characters, so it is binary, not text\.",
         _("The file is full of control characters, so it is binary, not text.")),
    _row(r"The file contains only whitespace \(spaces, tabs, line breaks or invisible characters\) and no text\.",
         _("The file contains only whitespace (spaces, tabs, line breaks or invisible characters) and no text.")),
    # apps/extraction/header.py
    _row(rf"The date in the header, (?P<date>{_DATE}), is impossible: month (?P<month>\d+) does not exist\.",
         _("The date in the header, %(date)s, is impossible: month %(month)s does not exist.")),
    _row(rf"The date in the header, (?P<date>{_DATE}), is impossible: "
         rf"(?P<month_name>{'|'.join(_MONTHS)}) (?P<year>\d+) has only (?P<days>\d+) days\.",
         _("The date in the header, %(date)s, is impossible: %(month_name)s %(year)s has only %(days)s days."),
         month_name=_month_genitive),
    _row(rf"The date in the header, (?P<date>{_DATE}), is impossible: day 0 does not exist\.",
         _("The date in the header, %(date)s, is impossible: day 0 does not exist.")),
    _row(rf"The file has a date header \((?P<date>{_DATE})\) but no article text after it\.",
         _("The file has a date header (%(date)s) but no article text after it.")),
    _row(r"The file has no text\.", _("The file has no text.")),
    _row(rf"{_NOT_LANGUAGE}one word \(“(?P<word>{_NAME})”\) makes (?P<share>\d+%) of it\.",
         _("The text does not look like natural language: one word (“%(word)s”) makes %(share)s of it.")),
    _row(rf"{_NOT_LANGUAGE}its (?P<words>{_COUNT}) words use only (?P<distinct>{_COUNT}) different ones "
         r"\(the same phrase repeated\)\.",
         _("The text does not look like natural language: its %(words)s words use only %(distinct)s different "
           "ones (the same phrase repeated).")),
    _row(rf"{_NOT_LANGUAGE}only (?P<share>\d+%) of its characters are letters\.",
         _("The text does not look like natural language: only %(share)s of its characters are letters.")),
    _row(rf"{_NOT_LANGUAGE}only (?P<share>\d+%) of its pieces are words \(it may be encoded data such as base64\)\.",
         _("The text does not look like natural language: only %(share)s of its pieces are words (it may be "
           "encoded data such as base64).")),
    _row(rf"{_NOT_LANGUAGE}its letters do not form words\.",
         _("The text does not look like natural language: its letters do not form words.")),
    # apps/extraction/pipeline.py
    _row(r"The file could not be read\.", _("The file could not be read.")),
    # apps/sources/archives.py
    _row(rf"The archive entry “(?P<name>{_NAME})” has an absolute path, so it was not unpacked\.",
         _("The archive entry “%(name)s” has an absolute path, so it was not unpacked.")),
    _row(rf"The archive entry “(?P<name>{_NAME})” points outside the upload folder, so it was not unpacked\.",
         _("The archive entry “%(name)s” points outside the upload folder, so it was not unpacked.")),
    _row(rf"The archive entry “(?P<name>{_NAME})” is encrypted, so it could not be read\.",
         _("The archive entry “%(name)s” is encrypted, so it could not be read.")),
    _row(rf"The archive entry “(?P<name>{_NAME})” is (?P<size>{_SIZE}), over the limit of (?P<limit>{_SIZE}) "
         r"per file\.",
         _("The archive entry “%(name)s” is %(size)s, over the limit of %(limit)s per file.")),
    _row(rf"The archive entry “(?P<name>{_NAME})” expands (?P<ratio>\d+)-fold, more than the (?P<limit>\d+)-fold "
         r"allowed, so it looks like a zip bomb\.",
         _("The archive entry “%(name)s” expands %(ratio)s-fold, more than the %(limit)s-fold allowed, so it "
           "looks like a zip bomb.")),
    _row(rf"The archive entry “(?P<name>{_NAME})” is damaged and could not be read\.",
         _("The archive entry “%(name)s” is damaged and could not be read.")),
    _row(rf"The archive entry “(?P<name>{_NAME})” is larger than its header says and over the per-file limit\.",
         _("The archive entry “%(name)s” is larger than its header says and over the per-file limit.")),
    _row(r"The zip archive is damaged and could not be opened\.",
         _("The zip archive is damaged and could not be opened.")),
    _row(rf"The zip archive holds (?P<count>{_COUNT}) files; at most (?P<limit>{_COUNT}) are accepted in one "
         r"archive\.",
         _("The zip archive holds %(count)s files; at most %(limit)s are accepted in one archive.")),
    _row(rf"The zip archive would unpack to (?P<size>{_SIZE}), over the limit of (?P<limit>{_SIZE})\.",
         _("The zip archive would unpack to %(size)s, over the limit of %(limit)s.")),
    # apps/sources/receive.py
    _row(rf"One upload takes at most (?P<limit>{_COUNT}) files; this one was left out\. Upload it again on its "
         r"own\.",
         _("One upload takes at most %(limit)s files; this one was left out. Upload it again on its own.")),
    _row(rf"The file is (?P<size>{_SIZE}), over the limit of (?P<limit>{_SIZE}) per file\.",
         _("The file is %(size)s, over the limit of %(limit)s per file.")),
    _row(rf"The same file was already received as “(?P<name>{_NAME})”\.",
         _("The same file was already received as “%(name)s”.")),
    # apps/sources/ingest.py
    _row(r"The file could not be read: the worker stopped each time it tried\. Retry it later\.",
         _("The file could not be read: the worker stopped each time it tried. Retry it later.")),
    _row(r"The file could not be read because of an internal error; it was logged\. Retry it later\.",
         _("The file could not be read because of an internal error; it was logged. Retry it later.")),
    _row(r"The file was refused\.", _("The file was refused.")),
)


def refusal_text(reason: str) -> str:
    """The refusal sentence in the active language; a sentence no row knows comes back as it is."""
    for refusal in REFUSALS:
        if match := refusal.pattern.fullmatch(reason):
            values = {name: refusal.convert.get(name, str)(value) for name, value in match.groupdict().items()}
            return str(refusal.template) % values if values else str(refusal.template)
    return reason

"""Bytes to text: refuse what is not a text file, decode what is, and say what was done.

Order of checks: size limit, emptiness, binary magic numbers, byte-order marks, NUL bytes,
strict UTF-8, then legacy encodings (charset-normalizer's guess checked against cp1251 and
koi8-r by how plausible the decoded text looks). Line endings end up as LF.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

DEFAULT_MAX_FILE_BYTES = 2_000_000

# Characters that render as nothing or as blank space; a file made only of them is "whitespace only".
INVISIBLE_CHARS = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Outcome of decoding: ``text`` is set when accepted, ``error`` when refused."""

    text: str | None
    encoding: str | None
    notes: tuple[str, ...]
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def _refuse(reason: str) -> Decoded:
    return Decoded(text=None, encoding=None, notes=(), error=reason)


def human_size(n: int) -> str:
    """A byte count in figures a person reads: '3.2 MB (3,200,000 bytes)'."""
    if n >= 1_000_000:
        figure = f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".")
        return f"{figure} MB ({n:,} bytes)"
    if n >= 1_000:
        figure = f"{n / 1_000:.1f}".rstrip("0").rstrip(".")
        return f"{figure} kB ({n:,} bytes)"
    return f"{n:,} bytes"


def _is_bzip2(data: bytes) -> bool:
    return data[:3] == b"BZh" and data[3:4] in b"123456789" and data[4:10] == b"\x31\x41\x59\x26\x53\x59"


def _is_exe(data: bytes) -> bool:
    if not data.startswith(b"MZ") or len(data) < 64:
        return False
    offset = int.from_bytes(data[0x3C:0x40], "little")
    return data[offset : offset + 4] == b"PE\x00\x00" or b"\x00" in data[2:64]


def _is_bmp(data: bytes) -> bool:
    return data.startswith(b"BM") and len(data) >= 14 and b"\x00" in data[2:14]


def _riff_kind(data: bytes) -> str | None:
    if not data.startswith(b"RIFF") or len(data) < 12:
        return None
    return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}.get(
        data[8:12], "a RIFF media file"
    )


# (prefix, description) checked in order; descriptions complete "The file is ..., not text."
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon (ICO) image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document such as .docx, .xlsx, .odt)"),
    (b"PK\x05\x06", "a ZIP archive (empty)"),
    (b"PK\x07\x08", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-format Microsoft Office document (.doc, .xls, .ppt)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard-compressed file"),
    (b"\x7fELF", "an ELF executable (a Linux or Unix program)"),
    (b"\xfe\xed\xfa\xce", "a macOS executable (Mach-O)"),
    (b"\xfe\xed\xfa\xcf", "a macOS executable (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "a macOS executable (Mach-O)"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "a compiled program (Mach-O or Java class file)"),
    (b"\x00asm", "a WebAssembly program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio or video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
)


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary file from its magic number, or None if it has none we know."""
    for prefix, kind in _MAGIC:
        if data.startswith(prefix):
            return kind
    if _is_exe(data):
        return "a Windows executable (EXE/DLL)"
    if _is_bzip2(data):
        return "a bzip2-compressed file"
    if _is_bmp(data):
        return "a BMP image"
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime video or audio file"
    return _riff_kind(data)


_BOMS: tuple[tuple[bytes, str, str, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32", "Decoded from UTF-32 (big-endian, with a byte-order mark)."),
    (
        b"\xff\xfe\x00\x00",
        "utf-32-le",
        "utf-32",
        "Decoded from UTF-32 (little-endian, with a byte-order mark).",
    ),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig", "Removed a UTF-8 byte-order mark."),
    (b"\xff\xfe", "utf-16-le", "utf-16", "Decoded from UTF-16 (little-endian, with a byte-order mark)."),
    (b"\xfe\xff", "utf-16-be", "utf-16", "Decoded from UTF-16 (big-endian, with a byte-order mark)."),
)

_COMMON_RU = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")
_FREQUENT = set("оеаинтсрвлкмдпу")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def plausibility(text: str) -> float:
    """How much a decoded text looks like real ru/uk/en prose (higher is better).

    Mis-decoded Cyrillic shows as mixed-case soup (koi8-r read as cp1251 gives mostly capitals
    and box-drawing characters); right decoding gives mostly lowercase, frequent letters.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    lower = sum(1 for c in letters if c.islower()) / len(letters)
    cyr = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    score = lower
    if cyr:
        frequent = sum(1 for c in cyr if c.lower() in _FREQUENT) / len(cyr)
        known = sum(1 for c in cyr if c.lower() in _COMMON_RU or c.lower() in "іїєґ") / len(cyr)
        score += frequent + known
    else:
        score += 1.0
    odd = sum(1 for c in text if not (c.isalnum() or c.isspace() or c in ".,;:!?-–—()«»\"'’“”„%/"))
    score -= 3 * odd / max(len(text), 1)
    return score


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode non-UTF-8 bytes: charset-normalizer's guess, checked against cp1251 and koi8-r."""
    candidates: dict[str, str] = {}
    best_guess = from_bytes(data).best()
    if best_guess is not None:
        name = best_guess.encoding.replace("_", "-").lower()
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            candidates[name] = data.decode(best_guess.encoding)
    for name in ("cp1251", "koi8-r"):
        try:
            candidates[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    name = max(candidates, key=lambda n: plausibility(candidates[n]))
    return candidates[name], name


def normalise_newlines(text: str) -> tuple[str, list[str]]:
    notes: list[str] = []
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        notes.append("Converted Windows line endings (CRLF) to LF.")
    if "\r" in text:
        text = text.replace("\r", "\n")
        notes.append("Converted old Mac line endings (CR) to LF.")
    return text, notes


def is_blank(text: str) -> bool:
    """True if the text holds nothing but whitespace (Unicode spaces included) and invisible characters."""
    return not _INVISIBLE_RE.sub("", text).strip()


def decode_bytes(data: bytes, *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Decoded:
    """Turn uploaded bytes into normalised text, or refuse with a reason a person understands."""
    size = len(data)
    if size > max_file_bytes:
        return _refuse(
            f"The file is too large: {human_size(size)}, over the limit of {human_size(max_file_bytes)}."
        )
    if size == 0:
        return _refuse("The file is empty.")
    kind = binary_kind(data)
    if kind is not None:
        return _refuse(f"The file is {kind}, not text.")

    notes: list[str] = []
    text: str | None = None
    encoding: str | None = None
    for bom, codec, name, note in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return _refuse(
                    f"The file starts with a {name.upper()} byte-order mark but is not valid {name.upper()}."
                )
            encoding = name
            notes.append(note)
            break
    if text is None:
        if b"\x00" in data:
            return _refuse("The file contains NUL bytes, so it is binary, not text.")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            legacy = _decode_legacy(data)
            if legacy is None:
                return _refuse("The file is not readable text in any encoding we know.")
            text, encoding = legacy
            notes.append(f"Decoded from {encoding}.")
    if "\x00" in text:
        return _refuse("The file contains NUL characters, so it is binary, not text.")
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(8, len(text) // 100):
        return _refuse("The file is full of control characters, so it is binary, not text.")
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append("Removed a byte-order mark.")
    text, newline_notes = normalise_newlines(text)
    notes.extend(newline_notes)
    if is_blank(text):
        return _refuse(
            "The file contains only whitespace (spaces, tabs, line breaks or invisible "
            "characters) and no text."
        )
    return Decoded(text=text, encoding=encoding, notes=tuple(notes), error=None)

"""Turning what was handed in (files, zips) into a flat list of named byte strings, under limits.

Nothing here touches the disk or the database: zip entries are read into memory one by one
with a hard cap, so a hostile archive can neither write outside the upload nor exhaust memory.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from apps.extraction.decode import human_size


@dataclass(frozen=True)
class ArchiveLimits:
    max_file_bytes: int
    max_entries: int
    max_total_bytes: int
    max_ratio: int


def clean_file_name(name: str) -> str:
    """A received file's name without the characters that can disguise it: every channel and zip entry.

    The rule Django's upload parser applies to the names of files uploaded directly
    (``MultiPartParser.sanitize_file_name``): only printable characters stay. That drops the control
    characters (C0, DEL, C1) and the format characters, among them the bidirectional controls U+202A–U+202E
    and U+2066–U+2069 (U+202E shows "evil\u202egpj.txt" as "eviltxt.jpg") and the zero-width ones.
    """
    return "".join(char for char in name if char.isprintable()).strip() or "unnamed"


@dataclass(frozen=True)
class IncomingFile:
    """One file to receive: its bytes, or the reason it was refused before its bytes were read.

    Its name is cleaned on the way in (``clean_file_name``), whichever channel or archive it came from.
    """

    name: str
    data: bytes | None
    refusal: str | None = None
    size: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_file_name(self.name))  # frozen: set once, here


def is_zip(name: str, head: bytes) -> bool:
    return name.lower().endswith(".zip") and head.startswith(b"PK\x03\x04")


def _entry_refusal(info: zipfile.ZipInfo, limits: ArchiveLimits) -> str | None:
    name = clean_file_name(info.filename)
    normalised = posixpath.normpath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return f"The archive entry “{name}” has an absolute path, so it was not unpacked."
    if normalised == ".." or normalised.startswith("../"):
        return f"The archive entry “{name}” points outside the upload folder, so it was not unpacked."
    if info.flag_bits & 0x1:
        return f"The archive entry “{name}” is encrypted, so it could not be read."
    if info.file_size > limits.max_file_bytes:
        return (f"The archive entry “{name}” is {human_size(info.file_size)}, over the limit of "
                f"{human_size(limits.max_file_bytes)} per file.")
    if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        return (f"The archive entry “{name}” expands {info.file_size // info.compress_size}-fold, "
                f"more than the {limits.max_ratio}-fold allowed, so it looks like a zip bomb.")
    return None


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """Read an entry, or None if it turns out larger than ``cap`` (headers can lie)."""
    with archive.open(info) as stream:
        data = stream.read(cap + 1)
    return None if len(data) > cap else data


def unpack_zip(name: str, data: bytes, limits: ArchiveLimits) -> Iterator[IncomingFile]:
    """Yield each file entry of a zip; a refused entry is yielded with its reason, alone.

    A whole-archive problem (unreadable, too many entries, too large in total) yields one
    refusal under the archive's own name.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        yield IncomingFile(name, None, "The zip archive is damaged and could not be opened.", len(data))
        return
    if len(infos) > limits.max_entries:
        yield IncomingFile(name, None, f"The zip archive holds {len(infos):,} files; at most "
                                       f"{limits.max_entries:,} are accepted in one archive.", len(data))
        return
    declared_total = sum(info.file_size for info in infos)
    if declared_total > limits.max_total_bytes:
        yield IncomingFile(name, None, f"The zip archive would unpack to {human_size(declared_total)}, over "
                                       f"the limit of {human_size(limits.max_total_bytes)}.", len(data))
        return
    with archive:
        for info in infos:
            if refusal := _entry_refusal(info, limits):
                yield IncomingFile(info.filename, None, refusal, info.file_size)
                continue
            try:
                content = _read_capped(archive, info, limits.max_file_bytes)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
                yield IncomingFile(info.filename, None,
                                   f"The archive entry “{clean_file_name(info.filename)}” is damaged and could "
                                   "not be read.", info.file_size)
                continue
            if content is None:
                yield IncomingFile(info.filename, None, f"The archive entry “{clean_file_name(info.filename)}” is "
                                   "larger than its header says and over the per-file limit.", info.file_size)
                continue
            yield IncomingFile(posixpath.normpath(info.filename), content, None, len(content))

"""Zip unpacking under limits, without a database."""

from __future__ import annotations

import io
import zipfile

from apps.sources.archives import ArchiveLimits, IncomingFile, clean_file_name, unpack_zip

LIMITS = ArchiveLimits(max_file_bytes=1_000, max_entries=3, max_total_bytes=5_000, max_ratio=50)


def make_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_good_entries_come_out_with_their_bytes():
    items = list(unpack_zip("a.zip", make_zip({"a.txt": b"hello", "dir/b.txt": b"world"}), LIMITS))
    assert [(i.name, i.data, i.refusal) for i in items] == [("a.txt", b"hello", None), ("dir/b.txt", b"world", None)]


def test_absolute_and_climbing_paths_are_refused_alone():
    items = list(unpack_zip("a.zip", make_zip({"/etc/passwd": b"x", "../up.txt": b"y", "ok.txt": b"z"}), LIMITS))
    refusals = {i.name: i.refusal for i in items}
    assert "absolute path" in (refusals["/etc/passwd"] or "")
    assert "outside the upload folder" in (refusals["../up.txt"] or "")
    assert refusals["ok.txt"] is None


def test_too_many_entries_refuse_the_archive():
    items = list(unpack_zip("many.zip", make_zip({f"{i}.txt": b"x" for i in range(4)}), LIMITS))
    assert len(items) == 1 and "at most 3" in (items[0].refusal or "")


def test_zip_bomb_ratio_is_refused():
    items = list(unpack_zip("bomb.zip", make_zip({"bomb.txt": b"0" * 900}), LIMITS))
    assert "zip bomb" in (items[0].refusal or "")


def test_total_uncompressed_size_limit():
    limits = ArchiveLimits(max_file_bytes=4_000, max_entries=3, max_total_bytes=5_000, max_ratio=10_000)
    items = list(unpack_zip("big.zip", make_zip({"a.txt": b"a" * 3_000, "b.txt": b"b" * 3_000}), limits))
    assert len(items) == 1 and "unpack to" in (items[0].refusal or "")


def test_damaged_zip_is_refused_with_a_reason():
    items = list(unpack_zip("broken.zip", b"PK\x03\x04 not really a zip", LIMITS))
    assert items[0].refusal == "The zip archive is damaged and could not be opened."


def test_oversized_entry_names_its_size_and_the_limit():
    limits = ArchiveLimits(max_file_bytes=1_000, max_entries=3, max_total_bytes=50_000, max_ratio=10_000)
    items = list(unpack_zip("big.zip", make_zip({"big.txt": b"x" * 3_200}), limits))
    assert items[0].refusal == ("The archive entry “big.txt” is 3.2 kB (3,200 bytes), over the limit of "
                                "1 kB (1,000 bytes) per file.")


def test_entry_names_lose_bidirectional_and_control_characters_like_direct_uploads():
    # U+202E shows "invoice\u202egpj.txt" as "invoicetxt.jpg"; U+2066-U+2069 and control characters hide too.
    entries = {"invoice\u202egpj.txt": b"a", "dir/\u2066b\u2069\x07.txt": b"b", "\u202a\u202b\u202c\u202d": b"c"}
    items = list(unpack_zip("a.zip", make_zip(entries), LIMITS))
    assert [i.name for i in items] == ["invoicegpj.txt", "dir/b.txt", "unnamed"]
    assert clean_file_name(" \u2067name\u2069.txt\u200b ") == "name.txt"
    assert IncomingFile("direct\u202egpj.txt", b"x").name == "directgpj.txt"  # the same rule, any channel


def test_a_refused_entry_is_named_cleanly_in_its_reason():
    limits = ArchiveLimits(max_file_bytes=10, max_entries=3, max_total_bytes=50_000, max_ratio=10_000)
    items = list(unpack_zip("a.zip", make_zip({"big\u202egpj.txt": b"x" * 200, "/\u202eetc": b"y"}), limits))
    assert items[0].name == "biggpj.txt" and "“biggpj.txt” is 200 bytes" in (items[0].refusal or "")
    assert items[1].name == "/etc" and "“/etc” has an absolute path" in (items[1].refusal or "")
    assert not any(char in (item.refusal or "") for item in items for char in "\u202e\u2066\x07")

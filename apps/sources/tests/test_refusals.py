"""Every refusal sentence the code writes is known to ``refusals.REFUSALS`` and reads in Russian and Ukrainian."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from apps import extraction
from apps.extraction import decode, header, pipeline
from apps.sources import archives, ingest, receive
from apps.sources.archives import ArchiveLimits, IncomingFile, unpack_zip
from apps.sources.models import Channel, SourceText, Upload
from apps.sources.refusals import BINARY_KINDS, REFUSALS, refusal_text
from tests.corpus import BAD

LIMITS = ArchiveLimits(max_file_bytes=1_000, max_entries=3, max_total_bytes=5_000, max_ratio=50)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def make_zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(data: bytes, max_file_bytes: int = decode.DEFAULT_MAX_FILE_BYTES) -> str:
    config = extraction.ExtractionConfig(max_file_bytes=max_file_bytes)
    document = extraction.extract(data, filename="x.txt", config=config)
    assert document.error, data[:40]
    return document.error


def entry_refusals(data: bytes, limits: ArchiveLimits = LIMITS) -> list[str]:
    return [item.refusal for item in unpack_zip("a.zip", data, limits) if item.refusal]


# Files whose magic number ``decode.binary_kind`` knows: one of each kind.
BINARY_SAMPLES = [prefix + b"\x00" * 64 for prefix, _ in decode._MAGIC] + [
    b"MZ" + b"\x00" * 80,  # Windows executable
    b"BZh9\x31\x41\x59\x26\x53\x59" + b"\x00" * 16,
    b"BM" + b"\x00" * 20,
    b"\x00\x00\x00\x18ftypisom" + b"\x00" * 16,
    *(b"RIFF\x00\x00\x00\x00" + fourcc + b"\x00" * 8 for fourcc in (b"WEBP", b"WAVE", b"AVI ", b"XXXX")),
]


def decoding_refusals(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield refusal(b"x" * 11, max_file_bytes=10)
    yield refusal((BAD / "b13_too_large_3mb.txt").read_bytes())
    yield refusal(b"")
    yield from (refusal(sample) for sample in BINARY_SAMPLES)
    yield refusal(b"\xef\xbb\xbf\xff\xfe text")  # UTF-8-SIG
    yield refusal(b"\xff\xfeab\x00")  # UTF-16: an odd byte left over
    yield refusal(b"\xff\xfe\x00\x00\x00\x00\x11\x00")  # UTF-32: past U+10FFFF
    yield refusal((BAD / "b15_nul_bytes.txt").read_bytes())
    yield refusal("\ufeffa\x00b text".encode("utf-16-le"))  # NUL characters once decoded
    yield refusal(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3 + b" some text")
    yield refusal((BAD / "b02_whitespace_only.txt").read_bytes())
    with monkeypatch.context() as patch:  # koi8-r reads any byte, so no real bytes reach this refusal
        patch.setattr(decode, "_decode_legacy", lambda data: None)
        yield refusal(b"\x80\x81 not utf-8")
    with monkeypatch.context() as patch:  # a fallback: decoding refuses with a reason of its own
        patch.setattr(pipeline, "decode_bytes", lambda data, **kw: decode.Decoded(None, None, (), None))
        yield refusal(b"text")


def header_refusals() -> Iterator[str]:
    yield refusal((BAD / "b12_impossible_date.txt").read_bytes())  # month 13
    yield refusal(b"date 2026-02-30 The minister spoke at length about the budget today.")
    yield refusal(b"date 2026-02-00 The minister spoke at length about the budget today.")
    yield refusal(b"date 2026-02-03\n\n")
    yield header.natural_language_problem("") or ""  # no text: decoding refuses such a file first
    yield refusal(b"la " * 12)
    yield refusal(b"the cat sat on the mat " * 40)
    yield refusal(b"123 456 789 000 111 222 !!! ### %%%")
    yield refusal(b"QmFzZTY0RGF0YQ aGVsbG8gV29ybGQ dGhpc0lzQmFzZTY0 U29tZVRleHRIZXJl VGhlRW5kT2ZUaGlz")
    yield refusal(b"bcdfg hjklm npqrs tvwxz bcdfg hjklm npqrs tvwxz bcdfg")


def archive_refusals(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield from entry_refusals(make_zip({"/etc/passwd": b"x", "../../evil.txt": b"y"}))
    encrypted = bytearray(make_zip({"secret.txt": b"hidden"}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the "encrypted" flag bit
        encrypted[encrypted.index(signature) + offset] |= 0x1
    yield from entry_refusals(bytes(encrypted))
    yield from entry_refusals(make_zip({"big.txt": b"x" * 3_200}), ArchiveLimits(1_000, 3, 50_000, 10_000))
    yield from entry_refusals(make_zip({"bomb.txt": b"0" * 900}))
    damaged = bytearray(make_zip({"broken.txt": b"hello world"}, zipfile.ZIP_STORED))
    damaged[damaged.index(b"hello")] = ord("j")  # the CRC no longer matches
    yield from entry_refusals(bytes(damaged))
    with monkeypatch.context() as patch:  # zipfile stops at the declared size, so the header cannot lie to it
        patch.setattr(archives, "_read_capped", lambda archive, info, cap: None)
        yield from entry_refusals(make_zip({"liar.txt": b"text"}))
    yield from entry_refusals(b"PK\x03\x04 not really a zip")
    yield from entry_refusals(make_zip({f"{i}.txt": b"x" for i in range(4)}))
    yield from entry_refusals(make_zip({"a.txt": b"a" * 3_000, "b.txt": b"b" * 3_000}),
                              ArchiveLimits(4_000, 3, 5_000, 10_000))


def receipt_refusals() -> Iterator[str]:
    with override_settings(INGEST_MAX_FILES_PER_UPLOAD=1):
        yield from (item.refusal for item in receive.incoming_files([("a.txt", b"a"), ("b.txt", b"b")])
                    if item.refusal)
    with override_settings(INGEST_MAX_FILE_BYTES=10):
        yield receive._stored(IncomingFile("big.txt", b"x" * 3_200))[2]
    data = b"date 2026-02-03 The minister spoke at length about the budget today."
    receive.upload_receive(actor=None, channel=Channel.CLI, files=[("first.txt", data)])
    receive.upload_receive(actor=None, channel=Channel.CLI, files=[("second.txt", data)])
    yield SourceText.objects.get(original_name="second.txt").refusal_reason


def worker_refusals(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    config = extraction.ExtractionConfig()
    tired = SourceText(pk=1, attempts=settings.INGEST_MAX_ATTEMPTS + 1, raw_bytes=b"text", original_name="a.txt")
    yield ingest._extract(tired, config).error or ""
    with monkeypatch.context() as patch:
        patch.setattr(extraction, "extract", lambda *args, **kwargs: 1 / 0)
        crashing = SourceText(pk=2, attempts=1, raw_bytes=b"text", original_name="a.txt")
        yield ingest._extract(crashing, config).error or ""
    yield ingest._refusal(extraction.ExtractedDocument.refusal(""))


@pytest.fixture
def sentences(db, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return [*decoding_refusals(monkeypatch), *header_refusals(), *archive_refusals(monkeypatch), *receipt_refusals(),
            *worker_refusals(monkeypatch)]


def test_every_refusal_the_code_writes_has_its_row_and_every_row_is_written(sentences):
    matched: dict[int, str] = {}
    for sentence in sentences:
        rows = [row for row in REFUSALS if row.pattern.fullmatch(sentence)]
        assert rows, f"no row of REFUSALS reads: {sentence!r}"
        matched.setdefault(REFUSALS.index(rows[0]), sentence)
    assert sorted(matched) == list(range(len(REFUSALS))), [
        row.template for i, row in enumerate(REFUSALS) if i not in matched]
    assert len(sentences) >= len(REFUSALS) == 67


def test_every_binary_kind_has_its_own_sentence():
    kinds = {decode.binary_kind(sample) for sample in BINARY_SAMPLES}
    assert kinds == set(BINARY_KINDS)


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_each_refusal_reads_in_cyrillic_with_what_it_captured(sentences, language):
    for sentence in sentences:
        with translation.override(language):
            translated = refusal_text(sentence)
        assert translated != sentence and CYRILLIC.search(translated), sentence
        match = next(filter(None, (row.pattern.fullmatch(sentence) for row in REFUSALS)))
        captured = {key: value for key, value in match.groupdict().items() if key != "month_name"}
        assert all(value in translated for value in captured.values()), (sentence, translated)
        assert not re.search(r"\b(?:image|archive|file|document|video|audio)\b", translated), translated


def test_the_values_stay_as_captured_and_english_reads_as_stored():
    size = "The archive entry “big.txt” is 3.2 kB (3,200 bytes), over the limit of 1 kB (1,000 bytes) per file."
    with translation.override("uk"):
        assert refusal_text(size) == ("Файл «big.txt» в архіві займає 3.2 kB (3,200 bytes) при ліміті "
                                      "1 kB (1,000 bytes) на файл.")
    february = "The date in the header, 2026-02-30, is impossible: February 2026 has only 28 days."
    with translation.override("ru"):
        assert refusal_text(february) == ("Дата в заголовке, 2026-02-30, невозможна: последнее число февраля "
                                          "2026 года — 28.")
    with translation.override("en"):
        assert refusal_text(february) == february and refusal_text(size) == size


def test_an_unknown_sentence_comes_back_unchanged():
    for unknown in ["The file was eaten by a grue.", "", "The file is a PNG image, not text. And more."]:
        with translation.override("ru"):
            assert refusal_text(unknown) == unknown


@pytest.mark.django_db
def test_the_upload_page_shows_the_reason_in_ukrainian(admin_client_):
    png = (BAD / "b03_image_renamed.txt").read_bytes()
    zipped = make_zip({"../../evil.txt": b"y"})
    files = [SimpleUploadedFile("picture.txt", png), SimpleUploadedFile("bundle.zip", zipped)]
    assert admin_client_.post(reverse("sources:upload_list"), {"files": files}).status_code == 302
    upload = Upload.objects.get()
    for source_id in upload.sources.filter(status=SourceText.Status.QUEUED).values_list("pk", flat=True):
        ingest.source_ingest(source_id=source_id)  # what the worker does
    assert set(upload.sources.values_list("refusal_reason", flat=True)) == {
        "The file is a PNG image, not text.",
        "The archive entry “../../evil.txt” points outside the upload folder, so it was not unpacked."}
    admin_client_.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"
    for headers in ({}, {"HX-Request": "true"}):  # the page and the fragment it polls
        html = admin_client_.get(upload.get_absolute_url(), headers=headers).content.decode()
        assert "Файл — зображення PNG, а не текст." in html
        assert "Файл «../../evil.txt» в архіві вказує за межі теки завантаження, тому його не розпаковано." in html
        assert "not text" not in html
    png_source = upload.sources.get(original_name="picture.txt")
    detail = admin_client_.get(reverse("timeline:source_detail", args=[png_source.pk])).content.decode()
    assert "Файл — зображення PNG, а не текст." in detail

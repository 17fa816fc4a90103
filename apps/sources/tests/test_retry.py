"""Retry is offered, and accepted, only for refusals a second try can change: limits and internal errors."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from apps import extraction
from apps.core.exceptions import InvalidTransition
from apps.sources import ingest, receive
from apps.sources.archives import ArchiveLimits, unpack_zip
from apps.sources.models import Channel, SourceText
from apps.sources.refusals import refusal_can_change
from tests.corpus import BAD, SEED

INTERNAL_ERROR = "The file could not be read because of an internal error; it was logged. Retry it later."


def test_refusals_that_depend_on_the_bytes_alone_are_not_retryable_limits_are():
    refused = {}
    for line in (BAD / "expectations.jsonl").read_text().splitlines():
        expectation = json.loads(line) if line.strip() else {}
        path = BAD / expectation.get("file", "-")
        if expectation.get("expect") == "refuse" and path.suffix == ".txt":
            refused[path.name] = extraction.extract(path.read_bytes(), filename=path.name).error
    assert {"b01_empty.txt", "b03_image_renamed.txt", "b12_impossible_date.txt", "b15_nul_bytes.txt"} <= set(refused)
    retryable = {name for name, reason in refused.items() if refusal_can_change(reason or "")}
    assert retryable == {"b13_too_large_3mb.txt"}  # over INGEST_MAX_FILE_BYTES: raising it changes the outcome
    assert refusal_can_change(INTERNAL_ERROR)
    assert not refusal_can_change("The file contains NUL characters, so it is binary, not text.")


def test_zip_refusals_retryable_only_for_its_limits():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"x" * 2_000)  # over the per-file limit
        archive.writestr("/abs.txt", b"y")
    limits = ArchiveLimits(max_file_bytes=1_000, max_entries=5, max_total_bytes=50_000, max_ratio=10_000)
    reasons = {item.name: item.refusal or "" for item in unpack_zip("a.zip", buffer.getvalue(), limits)}
    assert refusal_can_change(reasons["big.txt"]) and not refusal_can_change(reasons["/abs.txt"])
    bomb = next(unpack_zip("a.zip", buffer.getvalue(), ArchiveLimits(10_000, 5, 50_000, 2))).refusal or ""
    assert "zip bomb" in bomb and refusal_can_change(bomb)
    many = next(unpack_zip("a.zip", buffer.getvalue(), ArchiveLimits(10_000, 1, 50_000, 10_000))).refusal or ""
    assert refusal_can_change(many)
    damaged = next(unpack_zip("b.zip", b"PK\x03\x04 broken", limits)).refusal or ""
    assert not refusal_can_change(damaged)


def refused_in_the_worker(name: str, data: bytes) -> SourceText:
    upload = receive.upload_receive(actor=None, channel=Channel.WEB, files=[(name, data)])
    source = upload.sources.get()
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.FAILED
    return source


@pytest.mark.django_db
def test_a_png_gets_no_retry_and_a_forged_retry_is_refused(admin_client_, admin_user):
    source = refused_in_the_worker("image.txt", (BAD / "b03_image_renamed.txt").read_bytes())
    assert not source.retryable
    retry_url = reverse("sources:source_retry", args=[source.pk])
    assert source.upload is not None
    assert retry_url not in admin_client_.get(source.upload.get_absolute_url()).content.decode()
    response = admin_client_.post(retry_url, follow=True)
    assert "a retry would refuse it again" in response.content.decode()
    source.refresh_from_db()
    assert source.status == SourceText.Status.FAILED
    with pytest.raises(InvalidTransition):
        receive.source_retry(source=source, actor=admin_user)


@pytest.mark.django_db
def test_a_file_over_a_limit_raised_since_is_retried(admin_client_, settings):
    data = SEED.read_bytes()
    settings.INGEST_MAX_FILE_BYTES = len(data) + 1  # received; then the limit is lowered before the worker reads it
    upload = receive.upload_receive(actor=None, channel=Channel.WEB, files=[(SEED.name, data)])
    settings.INGEST_MAX_FILE_BYTES = len(data) - 1
    source = upload.sources.get()
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.FAILED and source.retryable
    retry_url = reverse("sources:source_retry", args=[source.pk])
    assert retry_url in admin_client_.get(upload.get_absolute_url()).content.decode()
    settings.INGEST_MAX_FILE_BYTES = 2_000_000
    assert admin_client_.post(retry_url).status_code == 302
    source.refresh_from_db()
    assert source.status == SourceText.Status.QUEUED


@pytest.mark.django_db
def test_a_refusal_on_receipt_keeps_no_bytes_and_so_no_retry(settings):
    settings.INGEST_MAX_FILE_BYTES = 10
    upload = receive.upload_receive(actor=None, channel=Channel.WEB, files=[("big.txt", b"x" * 20)])
    source = upload.sources.get()
    assert source.status == SourceText.Status.FAILED and refusal_can_change(source.refusal_reason)
    assert not source.retryable  # its bytes were never kept: only a new upload can bring them

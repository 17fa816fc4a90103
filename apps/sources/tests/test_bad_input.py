"""Every file of ../shared/corpus/bad gets exactly its expected outcome, through the CLI and the web upload."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from apps.sources import ingest
from apps.sources.models import SourceText, Upload
from tests.corpus import BAD, DEV, bad_expectations

pytestmark = pytest.mark.django_db
ORIGINAL_OF_DUPLICATE = DEV / "005_6a9cfcc0a2e7eea0.txt"


def assert_outcomes(upload: Upload) -> None:
    rows = {s.original_name.rsplit("/", 1)[-1]: s for s in upload.sources.all()}
    rows.update({s.original_name: s for s in upload.sources.all()})
    for expected in bad_expectations():
        if expected["expect"] == "archive":
            for entry in expected["entries"]:
                source = rows[entry["name"]]
                if entry["expect"] == "accept":
                    assert_accepted(source, entry)
                else:
                    assert source.status == SourceText.Status.FAILED, entry
                    assert source.refusal_reason
            continue
        source = rows[expected["file"]]
        if expected["expect"] == "accept":
            assert_accepted(source, expected)
        elif expected["expect"] == "refuse":
            assert source.status == SourceText.Status.FAILED, (expected, source.status)
            assert source.refusal_reason.endswith("."), source.refusal_reason  # a sentence, not a code
        else:
            assert source.status == SourceText.Status.DUPLICATE
            assert source.duplicate_of and source.duplicate_of.original_name.endswith(ORIGINAL_OF_DUPLICATE.name)


def assert_accepted(source: SourceText, expected: dict) -> None:
    assert source.status == SourceText.Status.INGESTED, (expected, source.refusal_reason)
    assert (source.published_on.isoformat() if source.published_on else None) == expected["date"], expected
    assert source.language == expected["language"], expected
    if expected["date"] is None:
        assert source.date_found == SourceText.DateFound.UNKNOWN


def bad_files() -> list:
    return sorted(p for p in BAD.iterdir() if p.name != "expectations.jsonl")


def test_cli_gives_every_bad_file_its_outcome(capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("ingest", str(ORIGINAL_OF_DUPLICATE), *map(str, bad_files()), "--inline")
    assert exit_info.value.code == 1  # something was refused
    output = capsys.readouterr().out
    assert "refused" in output and "The file is a PNG image" in output
    assert_outcomes(Upload.objects.get())


def test_web_upload_gives_every_bad_file_its_outcome(admin_client_):
    files = [SimpleUploadedFile(ORIGINAL_OF_DUPLICATE.name, ORIGINAL_OF_DUPLICATE.read_bytes())]
    files += [SimpleUploadedFile(p.name, p.read_bytes()) for p in bad_files()]
    response = admin_client_.post(reverse("sources:upload_list"), {"files": files})
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert response.url == upload.get_absolute_url()
    for source_id in upload.sources.filter(status=SourceText.Status.QUEUED).values_list("pk", flat=True):
        ingest.source_ingest(source_id=source_id)  # what the worker does; the worker tests cover the queue
    assert_outcomes(upload)
    page = admin_client_.get(upload.get_absolute_url())
    assert "The file is a PNG image, not text." in page.content.decode()

"""extract --json (spec §6 shape, no writes) and ingest's summary."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from apps.sources.models import SourceText
from tests.corpus import BAD, SEED

pytestmark = pytest.mark.django_db
KEYS = {"file", "ok", "error", "date", "language", "source", "members", "people", "commitments",
        "statement_draft", "quotes"}


def test_extract_prints_one_json_object_per_file_and_writes_nothing():
    out = StringIO()
    call_command("extract", str(SEED), str(BAD / "b03_image_renamed.txt"), "--json", stdout=out)
    seed, image = (json.loads(line) for line in out.getvalue().splitlines())
    assert set(seed) == KEYS
    assert seed["ok"] is True and seed["date"] == "2026-01-07" and seed["language"] == "ru"
    assert seed["source"] == "Reuters" and seed["statement_draft"] is True
    assert seed["members"] == sorted(seed["members"]) and "COALITION" in seed["members"]
    assert all(set(c) == {"actor", "type", "status", "confidence", "evidence"} for c in seed["commitments"])
    assert all(0 <= c["confidence"] <= 1 for c in seed["commitments"])
    assert image == {**image, "ok": False, "error": "The file is a PNG image, not text."}
    assert not SourceText.objects.exists()


def test_ingest_summary_and_exit_status_zero_when_nothing_is_refused():
    out = StringIO()
    call_command("ingest", str(SEED), "--inline", stdout=out)
    assert "Ingested 1, duplicates 0, refused 0" in out.getvalue()
    out = StringIO()
    call_command("ingest", str(SEED), "--inline", stdout=out)  # the same bytes again
    assert "Ingested 0, duplicates 1, refused 0" in out.getvalue()
    assert SourceText.objects.filter(status=SourceText.Status.INGESTED).count() == 1

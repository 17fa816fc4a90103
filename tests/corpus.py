"""Paths into the shared corpus (../shared/corpus beside the repository; CI has it too)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "dev"
BAD = CORPUS / "bad"
SEED = ROOT / "seeds" / "000_6a61690f28fb59f0.txt"


def bad_expectations() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (BAD / "expectations.jsonl").read_text().splitlines() if line.strip()]


def dev_labels() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DEV / "labels.jsonl").read_text().splitlines() if line.strip()]

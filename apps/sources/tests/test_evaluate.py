"""manage.py evaluate on the shared corpus: prints the scores and holds today's floors.

These are the extraction issue's quality bar; they may only go up.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from tests.corpus import BAD, DEV

pytestmark = pytest.mark.django_db
FLOORS = {
    "date accuracy": 1.0, "language accuracy": 1.0, "source accuracy": 1.0, "statement_draft accuracy": 1.0,
    "members F1": 0.97, "people F1": 0.97, "types F1": 0.95, "(actor, type) F1": 0.89, "status accuracy": 0.95,
    "bad-input accuracy": 1.0,
}


def test_evaluate_prints_every_score_and_holds_the_floors():
    out = StringIO()
    call_command("evaluate", str(DEV / "labels.jsonl"), "--bad", str(BAD / "expectations.jsonl"), "--verbose",
                 stdout=out)
    text = out.getvalue()
    print(text)
    for name, floor in FLOORS.items():
        match = re.search(rf"^{re.escape(name)}\s+([0-9.]+)", text, re.M)
        assert match, f"{name} missing from:\n{text}"
        assert float(match.group(1)) >= floor, f"{name} fell below {floor}:\n{text}"

"""python manage.py evaluate LABELS.jsonl [--bad EXPECTATIONS.jsonl] [--verbose] — extraction scores (spec §7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from apps import extraction
from apps.extraction.confidence import HIGH
from apps.extraction.evaluate import F1, base_name, read_jsonl, score, score_bad
from apps.sources.archives import unpack_zip
from apps.sources.ingest import extraction_config
from apps.sources.receive import archive_limits


class Command(BaseCommand):
    help = "Score extraction against gold labels (and bad-input expectations); print per-field scores."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("labels", type=Path)
        parser.add_argument("--bad", type=Path, help="expectations.jsonl of the bad-input corpus")
        parser.add_argument("--verbose", action="store_true", help="List every miss, article by article.")

    def handle(self, *args: Any, **options: Any) -> None:
        config = extraction_config()
        labels = read_jsonl(options["labels"])
        folder = options["labels"].parent
        predictions = [
            extraction.document_to_json(
                extraction.extract((folder / label["file"]).read_bytes(), filename=base_name(label["file"]),
                                   config=config),
                file=label["file"],
            )
            for label in labels
        ]
        scores = score(predictions, labels)
        self.stdout.write(f"articles                {scores.articles}")
        for name in ("date", "language", "source", "statement_draft"):
            self.stdout.write(f"{name + ' accuracy':<26}{getattr(scores, name + '_accuracy'):.3f}")
        for name in ("members", "people", "types", "pairs"):
            f1: F1 = getattr(scores, name)
            label = "(actor, type)" if name == "pairs" else name
            self.stdout.write(f"{label + ' F1':<26}{f1.f1:.3f}  (P {f1.precision:.3f}, R {f1.recall:.3f})")
        self.stdout.write(
            f"{'status accuracy':<26}{scores.status_accuracy:.3f}  on {scores.status_matched} matched pairs")
        self.stdout.write(f"{'high confidence right':<26}{scores.sure_precision:.3f}  ({scores.sure_right} of "
                          f"{scores.sure} commitments read with confidence ≥ {HIGH})")
        if options["bad"]:
            self._score_bad(options["bad"], config)
        if options["verbose"]:
            for miss in scores.misses:
                self.stdout.write(f"\n{miss.file}")
                for field, problem in miss.problems.items():
                    self.stdout.write(f"  {field}: {problem}")

    def _score_bad(self, path: Path, config: extraction.ExtractionConfig) -> None:
        expectations = read_jsonl(path)
        outcomes: dict[str, bool] = {}
        archive_checked = archive_correct = 0
        for item in expectations:
            data = (path.parent / item["file"]).read_bytes()
            if item["expect"] != "archive":
                outcomes[base_name(item["file"])] = extraction.extract(data, filename=item["file"], config=config).ok
                continue
            # An archive is scored entry by entry, through the same unpacking as an upload.
            got = {entry.name: entry.data is not None and extraction.extract(
                entry.data, filename=entry.name, config=config).ok for entry in unpack_zip(item["file"], data,
                                                                                          archive_limits())}
            for entry in item["entries"]:
                archive_checked += 1
                archive_correct += got.get(entry["name"]) == (entry["expect"] == "accept")
        bad = score_bad(outcomes, expectations)
        total = bad.checked + archive_checked
        correct = bad.correct + archive_correct
        self.stdout.write(f"{'bad-input accuracy':<26}{correct / total if total else 1.0:.3f}  ({correct}/{total})")
        for file, expected, actual in bad.wrong:
            self.stdout.write(f"  {file}: expected {expected}, got {actual}")

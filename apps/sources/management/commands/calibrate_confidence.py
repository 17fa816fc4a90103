"""python manage.py calibrate_confidence LABELS.jsonl... [--write] — fit the confidence weights on labelled sets.

Reads every labelled article, pairs each commitment the extraction reads with whether its actor, type and
status are right, fits the logistic weights (`extraction.confidence.fit`) and prints how often commitments
in each confidence band were right. The calibration knots come from out-of-fold probabilities (weights
fitted without the article's fold), so HIGH reflects articles the weights have not seen. With --write the
weights replace `extraction/data/confidence.toml`.
Fit only on sets used for tuning: a held-out set fitted on no longer measures the confidence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from apps import extraction
from apps.extraction import confidence
from apps.extraction.confidence import Reading
from apps.extraction.evaluate import base_name, read_jsonl
from apps.sources.ingest import extraction_config

BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01))


class Command(BaseCommand):
    help = "Fit the extraction's confidence weights on labelled sets and print their calibration."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("labels", nargs="+", type=Path)
        parser.add_argument("--write", action="store_true", help="Write the fitted weights to the data file.")

    def handle(self, *args: Any, **options: Any) -> None:
        config = extraction_config()
        examples: list[tuple[Reading, int, bool]] = []
        groups: list[str] = []  # each example's article, so that folds never split one
        for path in options["labels"]:
            for label in read_jsonl(path):
                gold = {(c["actor"], c["type"]): c["status"] for c in label.get("commitments") or []}
                document = extraction.extract((path.parent / label["file"]).read_bytes(),
                                              filename=base_name(label["file"]), config=config)
                examples += [(c.reading or Reading(), c.agreeing, gold.get((c.actor, c.type)) == c.status)
                             for c in document.commitments]
                groups += [f"{path}:{label['file']}"] * len(document.commitments)
        weights = confidence.fit(examples)
        knots = confidence.calibrate(confidence.out_of_fold(examples, groups))
        self._report("weights in use", examples, *confidence.model())
        self._report("fitted", examples, weights, knots)
        if options["write"]:
            sets = ", ".join(str(p.parent.name) for p in options["labels"])
            note = [f"Fitted by `manage.py calibrate_confidence` on {len(examples)} commitments of: {sets}."]
            confidence.WEIGHTS_FILE.write_text(confidence.weights_toml(weights, knots, note), encoding="utf-8")
            self.stdout.write(f"wrote {confidence.WEIGHTS_FILE}")

    def _report(self, title: str, examples: list[tuple[Reading, int, bool]], weights: dict[str, float],
                knots: confidence.Knots) -> None:
        self.stdout.write(f"{title}: {len(examples)} commitments, {sum(r for *_, r in examples)} right")
        scored = [(confidence.mapped(confidence.probability(weights, reading, agreeing), knots), right)
                  for reading, agreeing, right in examples]
        for low, high in BANDS:
            band = [right for value, right in scored if low <= value < high]
            share = sum(band) / len(band) if band else 0.0
            self.stdout.write(f"  confidence {low:.1f}–{min(high, 1):.1f}: {len(band):4d} commitments, "
                              f"{share:.0%} right")

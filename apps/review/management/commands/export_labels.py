"""python manage.py export_labels [--since DATE] [--partial] [--output PATH] — the editors' truth as labels (spec §7).

One labels.jsonl line per article an editor reviewed; its commitments are what editors confirmed, corrected or
added. With a folder as --output, each article's original bytes are written beside labels.jsonl, so that
`manage.py evaluate FOLDER/labels.jsonl` scores today's rules against the editors. Articles stream in batches
(constant memory but for the set of file names written, four queries a batch).
"""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from apps.extraction.evaluate import base_name
from apps.review.quality import labelled_batches, original_bytes, reviewed_sources

LABELS = "labels.jsonl"
UNSAFE = re.compile(r"[^\w.\- ]+")


def since_moment(text: str) -> datetime:
    """A date (midnight in the project's time zone) or an ISO 8601 time; naive times are in that zone too."""
    try:
        moment = (datetime.combine(date.fromisoformat(text), time()) if len(text) == 10
                  else datetime.fromisoformat(text))
    except ValueError as error:
        raise CommandError(f"--since takes a date (2026-03-01) or an ISO 8601 time, not {text!r}.") from error
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def file_name(original: str, source_id: int, taken: set[str]) -> str:
    """The article's original file name without its folders, safe to write, ending in .txt and unique in this
    export (a second article of the same name gets its id: "report~42.txt")."""
    name = UNSAFE.sub("_", base_name(original)).strip(" .") or f"source-{source_id}"
    if not name.lower().endswith(".txt"):
        name += ".txt"
    while name.lower() in taken:  # case-blind: two names one file system would take for one file
        name = f"{name[:-4]}~{source_id}.txt"
    taken.add(name.lower())
    return name


class Command(BaseCommand):
    help = ("Write every article an editor reviewed as one labels.jsonl line (spec §7): the commitments editors "
            "confirmed, corrected or added are the gold. Articles with commitments still waiting are left out "
            "unless --partial. With a folder as --output, the articles' texts are written beside the labels, "
            "so `manage.py evaluate FOLDER/labels.jsonl` scores today's rules against the editors.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", help="Only articles an editor reviewed at or after this date (2026-03-01) "
                                            "or time (ISO 8601).")
        parser.add_argument("--partial", action="store_true",
                            help="Also articles reviewed in part: their label lists the (actor, type) pairs still "
                                 "waiting as 'unreviewed', which evaluate leaves out of the scores.")
        parser.add_argument("--output", type=Path,
                            help="A .jsonl file for the labels alone, or a folder for labels.jsonl and one .txt "
                                 "per article (its original bytes). Default: the labels on standard output.")

    def handle(self, *args: Any, **options: Any) -> None:
        since = since_moment(options["since"]) if options["since"] else None
        partial: bool = options["partial"]
        output: Path | None = options["output"]
        folder = output if output is not None and output.suffix != ".jsonl" else None
        taken: set[str] = set()
        exported = complete = decided = 0
        with ExitStack() as stack:
            labels: IO[str] | None = None
            if output is not None:
                path = folder / LABELS if folder is not None else output
                path.parent.mkdir(parents=True, exist_ok=True)
                labels = stack.enter_context(path.open("w", encoding="utf-8"))
            for batch in labelled_batches(since=since, partial=partial):
                names = {}
                for item in batch:
                    names[item.id] = file_name(item.name, item.id, taken)
                    line = json.dumps({**item.label, "file": names[item.id]}, ensure_ascii=False)
                    if labels is None:
                        self.stdout.write(line)
                    else:
                        labels.write(line + "\n")
                    exported += 1
                    complete += item.complete
                    decided += sum(item.states.values())
                if folder is not None:
                    for pk, data in original_bytes(list(names)):
                        (folder / names[pk]).write_bytes(data)
        summary = (f"{exported} reviewed article(s) exported ({complete} reviewed in full), "
                   f"{decided} reviewed commitment(s).")
        if not partial:
            left_out = reviewed_sources(since=since, partial=True).count() - exported
            if left_out > 0:
                summary += f" {left_out} article(s) reviewed only in part left out (--partial exports them too)."
        self.stderr.write(summary)

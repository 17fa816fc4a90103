"""python manage.py extract FILE... --json — what each file yields (spec §6), without writing anything."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from apps import extraction
from apps.sources.ingest import extraction_config


class Command(BaseCommand):
    help = "Extract article files and print one JSON object per file (no database writes)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="One JSON object a line (the default and only format).")

    def handle(self, *args: Any, **options: Any) -> None:
        config = extraction_config()
        for path in options["files"]:
            if not path.is_file():
                result: dict[str, Any] = {"file": path.name, "ok": False, "error": "No such file."}
            else:
                document = extraction.extract(path.read_bytes(), filename=path.name, config=config)
                result = extraction.document_to_json(document, file=path.name)
            self.stdout.write(json.dumps(result, ensure_ascii=False))

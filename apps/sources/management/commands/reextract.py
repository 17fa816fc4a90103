"""python manage.py reextract — read every ingested source again (after aliases or rules changed)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from apps.coalition.services import gazetteer_invalidate
from apps.core.health import check_worker
from apps.sources import ingest, receive
from apps.sources.models import SourceText


class Command(BaseCommand):
    help = "Re-extract ingested sources (all, or the given ids), keeping editors' reviewed contributions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="Source ids; all ingested sources when omitted.")
        parser.add_argument("--inline", action="store_true", help="Work in this process instead of the workers.")

    def handle(self, *args: Any, **options: Any) -> None:
        sources = SourceText.objects.filter(status=SourceText.Status.INGESTED)
        if options["ids"]:
            sources = sources.filter(pk__in=options["ids"])
        rows = list(sources.order_by("pk").values_list("pk", "size_bytes"))
        ids = [pk for pk, _ in rows]
        if options["inline"] or not check_worker():
            gazetteer_invalidate()
            with tqdm(total=len(ids), desc="Re-extracting", unit="source", disable=None) as bar:
                for batch in receive.id_batches(rows):
                    ingest.sources_reextract(source_ids=batch)
                    bar.update(len(batch))
        else:
            run = receive.sources_reextract_queue(actor=None, source_ids=ids if options["ids"] else None)
            self.stdout.write(f"Queued; progress also at {run.get_absolute_url()}")
            with tqdm(total=run.total, desc="Re-extracting", unit="source", disable=None) as bar:
                while bar.n < run.total:
                    time.sleep(0.5)
                    bar.update(run.done_count() - bar.n)
        self.stdout.write(f"Re-extracted {len(ids)} source(s).")

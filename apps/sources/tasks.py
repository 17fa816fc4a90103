"""The ingest tasks: a few lines each, ids in, ``apps.sources.ingest`` does the work.

Each takes a batch of source ids. Ingest and re-extraction run on queues of their own (settings:
``CELERY_TASK_ROUTES``), so a re-extraction of every source never holds up a new upload.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from celery import shared_task
from celery.signals import worker_init
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections

from apps import extraction
from apps.coalition import services as coalition_services
from apps.sources import ingest

logger = logging.getLogger(__name__)


@worker_init.connect
def extraction_warm_up(**kwargs: Any) -> None:
    """Load dictionaries, language models and the gazetteer in the worker before it forks: children share
    them, and none pays for the build on its first task."""
    extraction.warm_up()
    try:
        coalition_services.gazetteer_current()
    except DatabaseError:
        logger.warning("The gazetteer could not be built before forking; each child builds its own.")
    finally:
        connections.close_all()  # children must not share the parent's database connections
    # What is loaded now lives as long as the worker: keep the garbage collector from scanning it again
    # and again (and from touching its pages, which the children share copy-on-write).
    gc.freeze()


_BATCH_TASK: dict[str, Any] = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 8,
    "soft_time_limit": settings.CELERY_TASK_SOFT_TIME_LIMIT,
    "time_limit": settings.CELERY_TASK_TIME_LIMIT,
}


@shared_task(name="apps.sources.tasks.sources_ingest", **_BATCH_TASK)
def sources_ingest(*, source_ids: list[int]) -> None:
    """Extract a batch of stored sources. Safe to run twice: derived rows are replaced."""
    for source_id in ingest.sources_ingest(source_ids=source_ids):
        sources_ingest.delay(source_ids=[source_id])  # what the time limit left unread, one per task


@shared_task(name="apps.sources.tasks.sources_reextract", **_BATCH_TASK)
def sources_reextract(*, source_ids: list[int]) -> None:
    """Re-read a batch of ingested sources after aliases or rules changed. Idempotent."""
    for source_id in ingest.sources_reextract(source_ids=source_ids):
        sources_reextract.delay(source_ids=[source_id])

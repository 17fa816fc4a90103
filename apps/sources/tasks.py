"""Celery tasks: a few lines each, ids in, services do the work."""

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
from apps.sources import inbox, services

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


@shared_task(
    name="apps.sources.tasks.source_ingest",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def source_ingest(self: object, *, source_id: int) -> None:
    """Extract one stored source. Safe to run twice: derived rows are replaced."""
    services.source_ingest(source_id=source_id)


@shared_task(
    name="apps.sources.tasks.source_reextract",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    max_retries=8,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def source_reextract(*, source_id: int) -> None:
    """Re-read one ingested source after aliases or rules changed. Idempotent."""
    services.source_reextract(source_id=source_id)


@shared_task(name="apps.sources.tasks.sources_requeue_stuck", acks_late=True)
def sources_requeue_stuck() -> int:
    """Beat: re-queue sources whose task was lost. The database row is the truth."""
    return len(services.sources_requeue_stuck())


@shared_task(name="apps.sources.tasks.inbox_scan", acks_late=True, time_limit=settings.CELERY_TASK_TIME_LIMIT * 10)
def inbox_scan() -> int:
    """Beat: ingest new files dropped in the inbox folder."""
    return len(inbox.inbox_scan(settings.INGEST_INBOX_DIR))

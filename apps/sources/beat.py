"""The sources' periodic tasks (beat, queue "housekeeping"): the reconciler and the inbox scan."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from apps.sources import inbox, receive


@shared_task(name="apps.sources.beat.sources_requeue_stuck", acks_late=True)
def sources_requeue_stuck() -> int:
    """Re-queue sources whose task was lost or never sent. The database row is the truth."""
    return len(receive.sources_requeue_stuck())


@shared_task(name="apps.sources.beat.inbox_scan", acks_late=True, time_limit=settings.CELERY_TASK_TIME_LIMIT * 10)
def inbox_scan() -> int:
    """Ingest new files dropped in the inbox folder."""
    return len(inbox.inbox_scan(settings.INGEST_INBOX_DIR))

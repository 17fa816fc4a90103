from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt
from celery import shared_task
from django.utils import timezone


@shared_task(name="apps.accounts.tasks.access_attempts_purge")
def access_attempts_purge() -> int:
    """Beat: forget failed log-in attempts older than a day (lockouts last 15 minutes)."""
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - timedelta(days=1)).delete()
    return deleted

"""Celery tasks of the coalition app."""

from __future__ import annotations

from celery import shared_task

from apps.coalition import contributions


@shared_task(name="apps.coalition.tasks.tallies_rebuild", acks_late=True, soft_time_limit=300, time_limit=360)
def tallies_rebuild() -> None:
    """Make the matrix cells and monthly counts exact again (beat, nightly)."""
    contributions.tallies_rebuild()

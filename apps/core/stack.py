"""What the stack's child processes (web, worker, beat, a benchmark's workers) need from the process that
started them: where the database is, so that they connect to it without starting anything."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings


def database_url() -> str:
    """A URL for the database this process uses (the embedded one's socket folder when no URL is set)."""
    db = settings.DATABASES["default"]
    if settings.DATABASE_URL:
        return str(settings.DATABASE_URL)
    return f"postgresql://{db['USER']}@/{db['NAME']}?host={quote(db['HOST'], safe='/')}"

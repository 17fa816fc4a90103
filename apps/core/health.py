"""Health checks for load balancers and orchestrators. No login: they reveal nothing private."""

from __future__ import annotations

import logging

from django.db import connection
from django.http import HttpRequest, JsonResponse

from config.celery import app as celery_app

logger = logging.getLogger(__name__)


def check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not ready"; the reason goes to the log
        logger.exception("readiness: database check failed")
        return False


def check_broker() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            return True
    except Exception:
        logger.exception("readiness: broker check failed")
        return False


def check_worker() -> bool:
    """True when at least one Celery worker answers a ping within a second."""
    try:
        # Its own connection, not the pool's: pooled ones go stale when Redis restarts.
        with celery_app.connection_for_write() as connection:
            return bool(celery_app.control.ping(timeout=1.0, connection=connection))
    except Exception:
        logger.exception("readiness: worker ping failed")
        return False


def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    """Database, broker and a live worker all answer; 503 otherwise."""
    checks = {"database": check_database(), "broker": check_broker()}
    checks["worker"] = checks["broker"] and check_worker()
    ready = all(checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)

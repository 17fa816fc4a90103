"""Writing the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models

from apps.core.models import AuditEntry


def audit_record(
    *, actor: Any, action: str, obj: models.Model | None = None, changes: dict | None = None
) -> AuditEntry:
    """Append one audit entry. ``actor`` may be None (the system) or an anonymous user."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        changes=changes or {},
    )

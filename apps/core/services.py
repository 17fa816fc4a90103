"""Writing the audit log."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models

from apps.core.models import AuditEntry

# Who is acting in this request or task, for audit entries written where the actor is not passed in
# (signal handlers: group and permission changes made in the Django admin, for instance).
_current_actor: ContextVar[Any] = ContextVar("audit_actor", default=None)


@contextmanager
def acting_as(actor: Any) -> Iterator[None]:
    """Attribute the audit entries written inside the block, without an explicit actor, to ``actor``
    (a user, or a function returning one, so a lazy ``request.user`` is only read if needed)."""
    token = _current_actor.set(actor)
    try:
        yield
    finally:
        _current_actor.reset(token)


def current_actor() -> Any:
    actor = _current_actor.get()
    return actor() if callable(actor) else actor


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


def audit_record_many(*, actor: Any, action: str, entries: Sequence[tuple[models.Model, dict]]) -> list[AuditEntry]:
    """Append one audit entry per (object, changes), in one INSERT (bulk actions)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.bulk_create([
        AuditEntry(actor=user, action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk),
                   object_repr=str(obj)[:255], changes=changes or {})
        for obj, changes in entries
    ])

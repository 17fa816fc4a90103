"""Writes every statement-draft change shares: the next revision's number, the version bump, the audit entry."""

from __future__ import annotations

from typing import Any

from django.db.models import Max

from apps.core.services import audit_record
from apps.statements.models import StatementDraft

MAX_TEXT_CHARS = 50_000  # a revision's text, whether an editor wrote it or an article quoted it


def next_revision_number(draft: StatementDraft) -> int:
    return (draft.revisions.aggregate(n=Max("number"))["n"] or 0) + 1


def draft_save(draft: StatementDraft, *fields: str) -> None:
    """Save the named fields with the version bumped: a form based on the old version is then refused."""
    draft.version += 1
    draft.save(update_fields=["version", "updated_at", *fields])


def draft_audit(*, actor: Any, action: str, draft: StatementDraft, **changes: Any) -> None:
    audit_record(actor=actor, action=action, obj=draft, changes={"version": draft.version, **changes})

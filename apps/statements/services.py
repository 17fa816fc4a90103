"""Statement drafts: candidates reported by articles (the editorial workflow completes this module)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apps import extraction
from apps.statements.models import Revision, StatementDraft

if TYPE_CHECKING:
    from apps.sources.models import SourceText


def draft_candidate_replace(*, source: SourceText, document: extraction.ExtractedDocument) -> StatementDraft | None:
    """Keep one draft candidate per article that reports a draft statement, with its quotes.

    Caller holds the transaction. A candidate an editor has moved on from "draft" is left alone.
    """
    existing = StatementDraft.objects.filter(source=source).first()
    if not document.statement_draft:
        if existing is not None and existing.status == StatementDraft.Status.DRAFT and existing.created_by is None:
            existing.delete()
        return None
    if existing is not None and existing.status != StatementDraft.Status.DRAFT:
        return existing
    headline = document.events[0].headline if document.events else source.original_name
    draft, _ = StatementDraft.objects.update_or_create(
        source=source, defaults={"title": headline[:255], "quotes": list(document.quotes)},
    )
    text = "\n\n".join(document.quotes) or headline
    Revision.objects.update_or_create(draft=draft, number=1, defaults={
        "text": text, "note": "As reported by the article", "source": source})
    return draft

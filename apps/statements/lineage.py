"""Drafts reported by articles, linked into lineages: an article quoting a draft statement joins the lineage of
the draft whose wording it matches (apps.statements.text), or starts one. Called by the ingest, in its
transaction; serialised across workers by an advisory lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from apps import extraction
from apps.core.services import audit_record
from apps.statements import text as statement_text
from apps.statements.models import Review, Revision, StatementDraft
from apps.statements.records import MAX_TEXT_CHARS, draft_audit, draft_save, next_revision_number

if TYPE_CHECKING:
    from apps.sources.models import SourceText

Status = StatementDraft.Status
Decision = Review.Decision

# Articles quote the same draft when their wording matches (apps.statements.text) and they were published
# within this many days of the lineage's articles: a summit's draft is reported in the days around it.
LINEAGE_WINDOW_DAYS = 14
# At most this many recently active lineages in the window are compared with a new article's quotes.
LINEAGE_CANDIDATES = 200


class _Matching:
    """Lineage matching for one transaction: the lock taken once, each lineage's texts read once."""

    def __init__(self) -> None:
        self.locked = False
        self.texts: dict[int, list[str]] = {}

    def lock(self) -> None:
        """Serialise lineage matching across workers for this transaction: two articles quoting the same new
        draft, ingested at once, must not each start a lineage of their own."""
        if not self.locked:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext('statements.lineage'))")
            self.locked = True

    def candidates(self, *, day: date | None, members: list[str]) -> list[tuple[int, list[str]]]:
        """Lineages a draft reported on ``day`` naming ``members`` may belong to, with their revisions' texts."""
        drafts = StatementDraft.objects.all()
        if day is not None:
            window = timedelta(days=LINEAGE_WINDOW_DAYS)
            drafts = drafts.filter(Q(statement_date__isnull=True)
                                   | Q(statement_date__lte=day + window, last_reported_on__gte=day - window))
        if members:
            drafts = drafts.filter(Q(member_codes__overlap=members) | Q(member_codes=[]))
        ids = list(drafts.order_by("-updated_at", "-id").values_list("id", flat=True)[:LINEAGE_CANDIDATES])
        unread = [pk for pk in ids if pk not in self.texts]
        for pk in unread:
            self.texts[pk] = []
        for draft_id, body in Revision.objects.filter(draft_id__in=unread).values_list("draft_id", "text"):
            self.texts[draft_id].append(body)
        return [(pk, self.texts[pk]) for pk in ids]

    def reported(self, draft_id: int, text: str) -> None:
        if draft_id in self.texts:
            self.texts[draft_id].append(text)


def draft_candidates_replace(*, items: Sequence[tuple[SourceText, extraction.ExtractedDocument]]) -> None:
    """``draft_candidate_replace`` for each (source, document) of an ingest batch, in order.

    The articles read before are found in one query; an article that quotes no draft and was not read as
    quoting one before costs nothing more. The caller holds the transaction.
    """
    reported = (Revision.objects.select_related("draft")
                .filter(source__in=[source for source, _ in items], kind=Revision.Kind.REPORTED))
    existing = {revision.source_id: revision for revision in reported}
    matching = _Matching()
    for source, document in items:
        if document.statement_draft or source.pk in existing:
            _draft_candidate_replace(source, document, existing.get(source.pk), matching)


def draft_candidate_replace(*, source: SourceText, document: extraction.ExtractedDocument) -> StatementDraft | None:
    """Record the draft statement an article quotes as a revision of its lineage (idempotent).

    An article that quotes the same wording as a lineage's revisions (``statements.text``), published within
    ``LINEAGE_WINDOW_DAYS`` of its articles and naming at least one of its members, adds a revision to it;
    otherwise it starts a lineage. A newly reported version sends an approved or in-review draft back to
    draft (the open review is closed as superseded). Re-ingesting finds the article's revision again: the
    same text changes nothing, a changed text replaces it only while nobody has worked on it. Editors'
    revisions are never touched. The caller holds the transaction.
    """
    existing = (Revision.objects.select_related("draft").filter(source=source, kind=Revision.Kind.REPORTED)
                .first())
    return _draft_candidate_replace(source, document, existing, _Matching())


def _draft_candidate_replace(source: SourceText, document: extraction.ExtractedDocument, existing: Revision | None,
                             matching: _Matching) -> StatementDraft | None:
    quotes = [q.strip() for q in document.quotes if q and q.strip()] if document.statement_draft else []
    body = "\n\n".join(quotes)[:MAX_TEXT_CHARS]
    if existing is not None:
        return _reported_again(existing, body=body, quotes=quotes)
    if not body:
        return None
    matching.lock()
    day = document.date or source.published_on
    members = sorted(set(document.members))
    key = statement_text.best_match(body, matching.candidates(day=day, members=members))
    if key is None:
        headline = document.events[0].headline if document.events else source.original_name
        draft = StatementDraft.objects.create(title=headline[:255] or source.original_name[:255], source=source,
                                              quotes=quotes, statement_date=day, last_reported_on=day,
                                              member_codes=members)
    else:
        draft = StatementDraft.objects.select_for_update().get(pk=key)
    revision = Revision.objects.create(
        draft=draft, number=next_revision_number(draft), kind=Revision.Kind.REPORTED, text=body, source=source,
        reported_on=day, note=(document.source or "")[:255],  # the agency; the revision links its article
        based_on=draft.current_revision.number if draft.current_revision else None,
    )
    matching.reported(draft.pk, body)
    old_status = draft.status
    draft.current_revision, draft.quotes = revision, quotes
    draft.member_codes = sorted(set(draft.member_codes) | set(members))
    if day is not None:
        draft.statement_date = min(filter(None, [draft.statement_date, day]))
        draft.last_reported_on = max(filter(None, [draft.last_reported_on, day]))
    if draft.status in (Status.APPROVED, Status.CHANGES_REQUESTED):
        draft.status = Status.DRAFT
    elif draft.status == Status.IN_REVIEW:
        Review.objects.filter(draft=draft, decision=Decision.PENDING).update(
            decision=Decision.SUPERSEDED, decided_at=timezone.now())
        draft.status = Status.DRAFT
    if key is None:
        draft.save(update_fields=["current_revision", "updated_at"])
    else:
        draft_save(draft, "current_revision", "quotes", "member_codes", "statement_date", "last_reported_on", "status")
    changes: dict[str, Any] = {"revision": revision.number, "source": source.pk, "lineage": key is not None}
    if old_status != draft.status:
        changes["status"] = [old_status, draft.status]
    draft_audit(actor=None, action="statement.report", draft=draft, **changes)
    return draft


def _reported_again(revision: Revision, *, body: str, quotes: list[str]) -> StatementDraft | None:
    """The article was read before: keep its revision, or bring it up to date while nobody has worked on it."""
    draft = StatementDraft.objects.select_for_update().get(pk=revision.draft_id)
    if body == revision.text:
        return draft
    untouched = (not revision.frozen and draft.current_revision_id == revision.pk and draft.status == Status.DRAFT
                 and not revision.reviews.exists() and not revision.comments.exists())
    if not untouched:
        return draft  # editors have worked on it: what the article said then stays on record
    if not body:  # the article is no longer read as quoting a draft
        if draft.revisions.count() == 1 and draft.created_by_id is None:
            audit_record(actor=None, action="statement.withdraw", obj=draft, changes={"source": revision.source_id})
            draft.delete()
            return None
        return draft
    revision.text = body
    revision.save(update_fields=["text"])
    draft.quotes = quotes
    draft_save(draft, "quotes")
    draft_audit(actor=None, action="statement.report", draft=draft, revision=revision.number, source=revision.source_id,
           rewritten=True)
    return draft


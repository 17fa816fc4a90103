"""Reads for the statement pages: keyset pages of drafts with counts per state, a draft with its revisions,
reviews and comment threads, comparisons, and the approved statements the timeline shows. Each is a
fixed number of queries, whatever the number of drafts, revisions or comments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from apps.core.models import AuditEntry
from apps.statements.models import Comment, Review, Revision, StatementDraft

if TYPE_CHECKING:
    from apps.sources.models import SourceText

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
LIST_FIELDS = ("id", "title", "status", "version", "updated_at", "statement_date", "member_codes",
               "approved_at", "current_revision_id", "approved_revision_id", "source_id")


@dataclass(frozen=True)
class DraftCursor:
    """The last row of a list page, (updated_at, id): where the next page starts."""

    updated_at: datetime
    id: int

    @classmethod
    def parse(cls, raw: str) -> DraftCursor | None:
        if not raw:
            return None
        micros, sep, ident = raw.partition("_")
        if not sep:
            raise ValueError(raw)
        return cls(_EPOCH + timedelta(microseconds=int(micros)), int(ident))

    def __str__(self) -> str:
        delta = self.updated_at - _EPOCH
        return f"{(delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds}_{self.id}"


@dataclass(frozen=True)
class DraftPage:
    drafts: Sequence[StatementDraft]
    next_cursor: DraftCursor | None


def drafts_page(*, status: str = "", after: DraftCursor | None = None, size: int = 50) -> DraftPage:
    """Drafts most recently changed first, in one state or all, with their revision and article counts; one query."""
    drafts = StatementDraft.objects.all()
    if status:
        drafts = drafts.filter(status=status)
    if after is not None:
        drafts = drafts.filter(Q(updated_at__lt=after.updated_at) | Q(updated_at=after.updated_at, id__lt=after.id))
    rows = list(drafts.order_by("-updated_at", "-id").only(*LIST_FIELDS).annotate(
        revision_count=Count("revisions"),
        article_count=Count("revisions", filter=Q(revisions__kind=Revision.Kind.REPORTED)),
    )[: size + 1])
    page = rows[:size]
    next_cursor = DraftCursor(page[-1].updated_at, page[-1].id) if len(rows) > size and page else None
    return DraftPage(page, next_cursor)


def status_counts() -> dict[str, int]:
    """How many drafts are in each state, and ``""`` for all of them; one query."""
    counts = {value: 0 for value in StatementDraft.Status.values}
    for row in StatementDraft.objects.order_by().values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    counts[""] = sum(counts.values())
    return counts


def draft_for_page(draft_id: int) -> StatementDraft:
    """The draft with its current and approved revisions and their authors (raises DoesNotExist)."""
    return StatementDraft.objects.select_related(
        "created_by", "current_revision__author", "approved_revision",
    ).get(pk=draft_id)


# A revision row shows its article's name and date, never the article itself (bytes, text and report are large).
SOURCE_FIELDS = ("source__id", "source__original_name", "source__published_on", "source__agency")
REVISION_FIELDS = ("id", "draft_id", "number", "kind", "text", "note", "created_at", "approved_at", "based_on",
                   "reported_on", "author__id", "author__username", *SOURCE_FIELDS)


def revisions_of(draft: StatementDraft) -> list[Revision]:
    """Every revision, newest first, with its author and article; one query."""
    return list(draft.revisions.select_related("author", "source").only(*REVISION_FIELDS).order_by("-number"))


def reviews_of(draft: StatementDraft) -> list[Review]:
    """The draft's reviews, newest first, with who asked, who decided and which revision; one query."""
    return list(draft.reviews.select_related("requested_by", "reviewer", "revision").only(
        "id", "decision", "reason", "created_at", "decided_at", "draft_id", "revision__number", "revision__author",
        "requested_by__username", "reviewer__username",
    ))


@dataclass
class Thread:
    """A comment and its replies, oldest first."""

    comment: Comment
    replies: list[Comment] = field(default_factory=list)


def comment_threads(draft: StatementDraft) -> dict[int, list[Thread]]:
    """The draft's comments as threads, by revision id; one query."""
    threads: dict[int, list[Thread]] = defaultdict(list)
    roots: dict[int, Thread] = {}
    replies: list[Comment] = []
    for comment in draft.comments.select_related("author").order_by("created_at", "id"):
        if comment.parent_id is None:
            roots[comment.pk] = thread = Thread(comment)
            threads[comment.revision_id].append(thread)
        else:
            replies.append(comment)
    for reply in replies:
        if reply.parent_id in roots:
            roots[reply.parent_id].replies.append(reply)
    return dict(threads)


def revisions_by_number(draft: StatementDraft, numbers: list[int]) -> dict[int, Revision]:
    """The draft's revisions with these numbers, with their authors and articles; one query."""
    rows = draft.revisions.filter(number__in=numbers).select_related("author", "source").only(*REVISION_FIELDS)
    return {revision.number: revision for revision in rows}


def revision_numbers(draft: StatementDraft) -> list[int]:
    return list(draft.revisions.order_by("number").values_list("number", flat=True))


def changes_since(draft: StatementDraft, version: int, *, limit: int = 10) -> list[AuditEntry]:
    """What was done to the draft after ``version`` (who, what, when), oldest first; one query."""
    return list(AuditEntry.objects.filter(object_type="statements.statementdraft", object_id=str(draft.pk),
                                          changes__version__gt=version)
                .select_related("actor").order_by("created_at", "id")[:limit])


def approved_statements(*, members: tuple[str, ...] = (), date_from: date | None = None,
                        date_to: date | None = None, limit: int = 5) -> list[StatementDraft]:
    """Drafts with an approved revision, the latest approval first (the timeline shows them); one query.

    Dated by the draft's date (when it was reported), or by the approval where it has none.
    """
    drafts = StatementDraft.objects.approved().select_related("approved_revision").only(
        "id", "title", "status", "statement_date", "approved_at", "member_codes", "approved_revision__number",
        "approved_revision__text",
    )
    if members:
        drafts = drafts.filter(member_codes__overlap=list(members))
    if date_from:
        drafts = drafts.filter(Q(statement_date__gte=date_from) | Q(statement_date__isnull=True,
                                                                     approved_at__date__gte=date_from))
    if date_to:
        drafts = drafts.filter(Q(statement_date__lte=date_to) | Q(statement_date__isnull=True,
                                                                   approved_at__date__lte=date_to))
    return list(drafts[:limit])


def drafts_citing(source: SourceText) -> QuerySet[StatementDraft]:
    """The drafts an article reported a version of (its source page lists them)."""
    return (StatementDraft.objects.filter(revisions__source=source).distinct().order_by("-updated_at", "-id")
            .only("id", "title", "status"))


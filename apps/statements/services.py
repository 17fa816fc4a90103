"""The statement-draft workflow: drafts reported by articles (linked into lineages), editors' revisions,
review and decision, comments.

Every write is one transaction that locks the draft row (``select_for_update``), checks the version
the user's form was based on (``DraftConflict`` when someone else changed the draft meanwhile: nothing
is overwritten), checks the actor's permission and the state, bumps the version, writes the audit log
and sends its e-mail only once the transaction has committed.

    draft ──submit──► in review ──approve──► approved ──edit──► draft (the approved revision stays frozen)
      ▲                   │ └──reject (reason)──► rejected
      └──edit── changes requested ◄──request changes
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps import extraction
from apps.accounts.models import User
from apps.accounts.permissions import can_decide_statements, can_edit_statements
from apps.core.exceptions import InvalidTransition
from apps.core.fragments import data_changed
from apps.core.services import audit_record
from apps.statements import text as statement_text
from apps.statements.models import Comment, Review, Revision, StatementDraft

if TYPE_CHECKING:
    from apps.sources.models import SourceText

logger = logging.getLogger(__name__)
Status = StatementDraft.Status
Decision = Review.Decision

# Articles quote the same draft when their wording matches (apps.statements.text) and they were published
# within this many days of the lineage's articles: a summit's draft is reported in the days around it.
LINEAGE_WINDOW_DAYS = 14
# At most this many recently active lineages in the window are compared with a new article's quotes.
LINEAGE_CANDIDATES = 200
MAX_TEXT_CHARS = 50_000
MAX_COMMENT_CHARS = 5_000
EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED, Status.APPROVED)
SELF_APPROVAL_REFUSED = gettext_lazy("You submitted or wrote this revision, so another editor must approve it.")


class DraftConflict(InvalidTransition):
    """The draft changed since the user's form was made (another editor, or a newly reported version)."""

    def __init__(self, *, draft: StatementDraft, base_version: int, base_revision: int | None = None,
                 base_status: str = "") -> None:
        super().__init__(_("Someone else changed this draft while you were working on it; nothing of yours was "
                           "saved. Here is what changed."))
        self.draft = draft
        self.base_version = base_version
        self.base_revision = base_revision
        self.base_status = base_status


@dataclass(frozen=True)
class Seen:
    """What the user's form was based on: the draft's version, and (to show what changed) its revision and state."""

    version: int
    revision: int | None = None
    status: str = ""


@dataclass(frozen=True)
class Actions:
    """What a user may do with a draft in its present state (the controls a page shows)."""

    edit: bool
    submit: bool
    decide: bool  # request changes or reject
    comment: bool
    approve: bool = False


def self_approval_refused(*, review: Review, actor: Any) -> bool:
    """Whether the actor may not approve this review: unless ``STATEMENTS_SELF_APPROVAL`` is on, the editor
    who submitted the revision, or wrote it, leaves its approval to another (a second pair of eyes)."""
    if settings.STATEMENTS_SELF_APPROVAL or actor.pk is None:
        return False
    return actor.pk in {review.requested_by_id, review.revision.author_id}


def draft_actions(*, user: Any, draft: StatementDraft, open_review: Review | None = None) -> Actions:
    """The controls to show (``open_review``: the draft's pending review, if any); the services check all of
    it again."""
    edit = can_edit_statements(user)
    decide = can_decide_statements(user) and draft.status == Status.IN_REVIEW
    return Actions(
        edit=edit and draft.status in EDITABLE,
        submit=edit and draft.status == Status.DRAFT,
        decide=decide,
        comment=edit,
        approve=decide and not (open_review and self_approval_refused(review=open_review, actor=user)),
    )


# --- Helpers -------------------------------------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _locked(draft: StatementDraft) -> StatementDraft:
    return StatementDraft.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=draft.pk)


def _check_seen(draft: StatementDraft, seen: Seen) -> None:
    if draft.version != seen.version:
        raise DraftConflict(draft=draft, base_version=seen.version, base_revision=seen.revision,
                            base_status=seen.status)


def _clean_text(text: str, *, limit: int = MAX_TEXT_CHARS, field: str = "text") -> str:
    # Browsers send CRLF; stored text uses LF so that diffs compare words, not line endings.
    cleaned = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not cleaned:
        raise ValidationError({field: _("This field is required.")})
    if len(cleaned) > limit:
        raise ValidationError({field: _("At most %(limit)d characters.") % {"limit": limit}})
    return cleaned


def _next_number(draft: StatementDraft) -> int:
    return (draft.revisions.aggregate(n=Max("number"))["n"] or 0) + 1


def _save(draft: StatementDraft, *fields: str) -> None:
    draft.version += 1
    draft.save(update_fields=["version", "updated_at", *fields])


def _audit(*, actor: Any, action: str, draft: StatementDraft, **changes: Any) -> None:
    audit_record(actor=actor, action=action, obj=draft, changes={"version": draft.version, **changes})


# --- Editors' drafts and revisions ----------------------------------------------------------------------


@transaction.atomic
def draft_create(*, title: str, text: str, actor: User, note: str = "",
                 statement_date: date | None = None) -> StatementDraft:
    """A new draft written by an editor, its text revision 1."""
    _require(can_edit_statements(actor))
    title = " ".join((title or "").split())[:255]
    if not title:
        raise ValidationError({"title": _("This field is required.")})
    body = _clean_text(text)
    draft = StatementDraft.objects.create(title=title, created_by=actor, statement_date=statement_date,
                                          last_reported_on=statement_date)
    revision = Revision.objects.create(draft=draft, number=1, kind=Revision.Kind.EDITED, text=body,
                                       note=(note or "").strip()[:255] or _("First version"), author=actor)
    draft.current_revision = revision
    draft.save(update_fields=["current_revision"])
    _audit(actor=actor, action="statement.create", draft=draft, revision=1, title=title)
    return draft


@transaction.atomic
def draft_edit(*, draft: StatementDraft, text: str, seen: Seen, actor: User, note: str = "",
               title: str | None = None) -> Revision | None:
    """Save an editor's text as a new revision (and the title, if changed); returns the revision, or None
    when only the title changed.

    The revision an editor based the edit on is kept, as is every earlier one: an approved revision stays
    frozen, editing after approval starts a new draft revision. ``seen.version`` must still be the draft's.
    """
    _require(can_edit_statements(actor))
    draft = _locked(draft)
    _check_seen(draft, seen)
    if draft.status == Status.REJECTED:
        raise InvalidTransition(_("This draft was rejected; it takes no more revisions."))
    if draft.status == Status.IN_REVIEW:
        raise InvalidTransition(_("This draft is in review: it can be edited once a reviewer has requested changes."))
    body = _clean_text(text)
    new_title = " ".join((title or "").split())[:255] if title is not None else draft.title
    if not new_title:
        raise ValidationError({"title": _("This field is required.")})
    current = draft.current_revision
    if current is not None and body == current.text:
        if new_title == draft.title:
            raise InvalidTransition(_("Nothing changed: the text is the same as revision %(number)d.")
                                    % {"number": current.number})
        old_title, draft.title = draft.title, new_title
        _save(draft, "title")
        _audit(actor=actor, action="statement.edit", draft=draft, title=[old_title, new_title])
        return None
    number = _next_number(draft)
    revision = Revision.objects.create(
        draft=draft, number=number, kind=Revision.Kind.EDITED, text=body, note=(note or "").strip()[:255],
        author=actor, based_on=current.number if current else None,
    )
    diff = statement_text.word_diff(current.text if current else "", body)
    old_status, old_title = draft.status, draft.title
    draft.current_revision, draft.status, draft.title = revision, Status.DRAFT, new_title
    _save(draft, "current_revision", "status", "title")
    changes: dict[str, Any] = {"revision": number, "based_on": revision.based_on,
                               "words_added": diff.words_added, "words_removed": diff.words_removed}
    if old_status != draft.status:
        changes["status"] = [old_status, draft.status]
    if old_title != new_title:
        changes["title"] = [old_title, new_title]
    _audit(actor=actor, action="statement.edit", draft=draft, **changes)
    return revision


# --- Review ------------------------------------------------------------------------------------------


@transaction.atomic
def draft_submit(*, draft: StatementDraft, seen: Seen, actor: User) -> Review:
    """Put the draft's current revision up for review; the editors who decide are told by e-mail."""
    _require(can_edit_statements(actor))
    draft = _locked(draft)
    _check_seen(draft, seen)
    if draft.status != Status.DRAFT:
        refusals: dict[str, str] = {
            Status.IN_REVIEW: _("This draft is already in review."),
            Status.CHANGES_REQUESTED: _("Changes were requested: edit the draft before submitting it again."),
            Status.APPROVED: _("This revision is approved already; edit the draft to start a new revision."),
            Status.REJECTED: _("This draft was rejected; it cannot be submitted again."),
        }
        raise InvalidTransition(refusals.get(draft.status, _("This draft cannot be submitted now.")))
    revision = draft.current_revision
    assert revision is not None, "every draft is created with its first revision"
    try:
        with transaction.atomic():  # the row lock makes this unlikely; the constraint makes it impossible
            review = Review.objects.create(draft=draft, revision=revision, requested_by=actor)
    except IntegrityError as error:
        raise InvalidTransition(_("This draft already has an open review.")) from error
    draft.status = Status.IN_REVIEW
    _save(draft, "status")
    _audit(actor=actor, action="statement.submit", draft=draft, revision=review.revision.number,
           status=[Status.DRAFT, Status.IN_REVIEW])
    recipients = _emails(User.objects.filter(
        Q(groups__permissions__codename="change_review", groups__permissions__content_type__app_label="statements")
        | Q(is_superuser=True), is_active=True).exclude(pk=actor.pk))
    _mail_on_commit("submitted", recipients, draft=draft, revision=review.revision, actor=actor, review=review)
    return review


DECISION_STATUS: dict[str, Status] = {Decision.APPROVED: Status.APPROVED,
                                      Decision.CHANGES_REQUESTED: Status.CHANGES_REQUESTED,
                                      Decision.REJECTED: Status.REJECTED}
DECISION_ACTION: dict[str, str] = {Decision.APPROVED: "statement.approve",
                                   Decision.CHANGES_REQUESTED: "statement.request_changes",
                                   Decision.REJECTED: "statement.reject"}


@transaction.atomic
def draft_decide(*, draft: StatementDraft, decision: str, seen: Seen, actor: User, reason: str = "") -> Review:
    """Approve the revision in review (freezing it), request changes, or reject the draft (a reason is required)."""
    _require(can_decide_statements(actor))
    if decision not in DECISION_STATUS:
        raise ValueError(f"Unknown decision {decision!r}")
    reason = (reason or "").replace("\r\n", "\n").strip()
    if decision == Decision.REJECTED and not reason:
        raise ValidationError({"reason": _("Say why the draft is rejected.")})
    if len(reason) > MAX_COMMENT_CHARS:
        raise ValidationError({"reason": _("At most %(limit)d characters.") % {"limit": MAX_COMMENT_CHARS}})
    draft = _locked(draft)
    _check_seen(draft, seen)
    if draft.status != Status.IN_REVIEW:
        raise InvalidTransition(_("Only a draft in review can be decided; this one is “%(status)s”.")
                                % {"status": draft.get_status_display()})
    review = draft.reviews.select_for_update(of=("self",)).select_related("revision", "requested_by").filter(
        decision=Decision.PENDING).first()
    if review is None:
        raise InvalidTransition(_("This draft has no open review."))
    if decision == Decision.APPROVED and self_approval_refused(review=review, actor=actor):
        raise InvalidTransition(SELF_APPROVAL_REFUSED)
    now = timezone.now()
    review.decision, review.reviewer, review.reason, review.decided_at = decision, actor, reason, now
    review.save(update_fields=["decision", "reviewer", "reason", "decided_at"])
    fields = ["status"]
    if decision == Decision.APPROVED:
        revision = review.revision
        revision.approved_at = now
        revision.save(update_fields=["approved_at"])
        draft.approved_revision, draft.approved_at = revision, now
        fields += ["approved_revision", "approved_at"]
        data_changed()  # the timeline lists approved statements
    draft.status = DECISION_STATUS[decision]
    _save(draft, *fields)
    _audit(actor=actor, action=DECISION_ACTION[decision], draft=draft, revision=review.revision.number,
           status=[Status.IN_REVIEW, draft.status], **({"reason": reason} if reason else {}))
    authors = Revision.objects.filter(draft=draft, author__isnull=False).values("author_id")
    recipients = _emails(User.objects.filter(
        Q(pk=draft.created_by_id) | Q(pk=review.requested_by_id) | Q(pk__in=authors), is_active=True,
    ).exclude(pk=actor.pk))
    _mail_on_commit("decided", recipients, draft=draft, revision=review.revision, actor=actor, review=review)
    return review


# --- Comments --------------------------------------------------------------------------------------------


@transaction.atomic
def comment_add(*, draft: StatementDraft, revision: Revision, text: str, actor: User,
                parent: Comment | None = None) -> Comment:
    """A comment on one revision of the draft, or a reply in a thread (a reply to a reply joins its thread)."""
    _require(can_edit_statements(actor))
    if revision.draft_id != draft.pk:
        raise ValidationError({"revision": _("That revision belongs to another draft.")})
    if parent is not None:
        if parent.draft_id != draft.pk or parent.revision_id != revision.pk:
            raise ValidationError({"parent": _("That comment is about another revision.")})
        if parent.parent_id is not None:
            parent = parent.parent
    comment = Comment.objects.create(draft=draft, revision=revision, parent=parent, author=actor,
                                     text=_clean_text(text, limit=MAX_COMMENT_CHARS))
    audit_record(actor=actor, action="statement.comment", obj=draft,
                 changes={"revision": revision.number, "comment": comment.pk,
                          **({"reply_to": parent.pk} if parent else {})})
    return comment


# --- Mail ------------------------------------------------------------------------------------------------


def _emails(users: Iterable[User]) -> list[str]:
    return sorted({user.email for user in users if user.email})


def _mail_on_commit(kind: str, recipients: list[str], **context: Any) -> None:
    if not recipients:
        return
    draft: StatementDraft = context["draft"]
    context["url"] = settings.SITE_URL + draft.get_absolute_url()
    subjects = {
        "submitted": _("Statement draft for review: %(title)s"),
        Status.APPROVED: _("Statement draft approved: %(title)s"),
        Status.CHANGES_REQUESTED: _("Changes requested to the statement draft: %(title)s"),
        Status.REJECTED: _("Statement draft rejected: %(title)s"),
    }
    subject = subjects[kind if kind == "submitted" else draft.status] % {"title": draft.title}
    body = render_to_string(f"statements/email/{kind}.txt", context)

    def send() -> None:
        try:
            EmailMessage(subject=subject.replace("\n", " ")[:200], body=body, to=recipients).send()
        except Exception:  # the decision is committed; a mail server that is down must not turn it into an error
            logger.exception("Could not send the %s mail of statement draft %s", kind, draft.pk)

    transaction.on_commit(send)


# --- Drafts reported by articles (called by the ingest, in its transaction) -------------------------------


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
        draft=draft, number=_next_number(draft), kind=Revision.Kind.REPORTED, text=body, source=source,
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
        _save(draft, "current_revision", "quotes", "member_codes", "statement_date", "last_reported_on", "status")
    changes: dict[str, Any] = {"revision": revision.number, "source": source.pk, "lineage": key is not None}
    if old_status != draft.status:
        changes["status"] = [old_status, draft.status]
    _audit(actor=None, action="statement.report", draft=draft, **changes)
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
    _save(draft, "quotes")
    _audit(actor=None, action="statement.report", draft=draft, revision=revision.number, source=revision.source_id,
           rewritten=True)
    return draft


"""The statement-draft workflow: editors' revisions, review and decision, comments (the drafts articles report
are linked into lineages by `lineage.py`).

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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accounts.models import User
from apps.accounts.permissions import can_decide_statements, can_edit_statements
from apps.core.exceptions import InvalidTransition
from apps.core.fragments import data_changed
from apps.core.services import audit_record
from apps.statements import text as statement_text
from apps.statements.models import Comment, Review, Revision, StatementDraft
from apps.statements.records import MAX_TEXT_CHARS, draft_audit, draft_save, next_revision_number

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)
Status = StatementDraft.Status
Decision = Review.Decision

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
    draft_audit(actor=actor, action="statement.create", draft=draft, revision=1, title=title)
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
        draft_save(draft, "title")
        draft_audit(actor=actor, action="statement.edit", draft=draft, title=[old_title, new_title])
        return None
    number = next_revision_number(draft)
    revision = Revision.objects.create(
        draft=draft, number=number, kind=Revision.Kind.EDITED, text=body, note=(note or "").strip()[:255],
        author=actor, based_on=current.number if current else None,
    )
    diff = statement_text.word_diff(current.text if current else "", body)
    old_status, old_title = draft.status, draft.title
    draft.current_revision, draft.status, draft.title = revision, Status.DRAFT, new_title
    draft_save(draft, "current_revision", "status", "title")
    changes: dict[str, Any] = {"revision": number, "based_on": revision.based_on,
                               "words_added": diff.words_added, "words_removed": diff.words_removed}
    if old_status != draft.status:
        changes["status"] = [old_status, draft.status]
    if old_title != new_title:
        changes["title"] = [old_title, new_title]
    draft_audit(actor=actor, action="statement.edit", draft=draft, **changes)
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
    draft_save(draft, "status")
    draft_audit(actor=actor, action="statement.submit", draft=draft, revision=review.revision.number,
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
    draft_save(draft, *fields)
    draft_audit(actor=actor, action=DECISION_ACTION[decision], draft=draft, revision=review.revision.number,
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

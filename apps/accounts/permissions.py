"""Plain predicates for what a user may do. Views and services both call them."""

from __future__ import annotations

from typing import Any


def can_browse(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("timeline.view_timelineevent"))


def can_upload(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("sources.add_sourcetext"))


def can_review(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("coalition.change_contribution"))


def can_review_contribution(user: Any, contribution: Any) -> bool:
    """Editors and admins: confirm, correct or reject this machine-read contribution.

    Today every editor may review every contribution; the review services ask with the object, so a
    narrower rule (per member, per source) would be written here once.
    """
    return contribution is not None and can_review(user)


def can_manage_names(user: Any) -> bool:
    """Admins: turn unknown names into aliases of people and members (or dismiss them)."""
    return bool(user.is_authenticated and user.has_perm("coalition.add_alias"))


def can_read_audit_log(user: Any) -> bool:
    """Admins: who did what, when."""
    return bool(user.is_authenticated and user.has_perm("core.view_auditentry"))


def can_view_statements(user: Any) -> bool:
    """Everyone with a role reads statement drafts, their revisions, diffs and comments."""
    return bool(user.is_authenticated and user.has_perm("statements.view_statementdraft"))


def can_edit_statements(user: Any) -> bool:
    """Editors: create drafts, add revisions, submit them for review, comment."""
    return bool(user.is_authenticated and user.has_perm("statements.change_statementdraft")
                and user.has_perm("statements.add_revision"))


def can_decide_statements(user: Any) -> bool:
    """Editors: approve a draft in review, request changes to it or reject it."""
    return bool(user.is_authenticated and user.has_perm("statements.change_review"))

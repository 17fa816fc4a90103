"""Plain predicates for what a user may do. Views and services both call them."""

from __future__ import annotations

from typing import Any


def can_browse(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("timeline.view_timelineevent"))


def can_upload(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("sources.add_sourcetext"))


def can_review(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm("coalition.change_contribution"))


def can_manage_names(user: Any) -> bool:
    """Admins: turn unknown names into aliases of people and members (or dismiss them)."""
    return bool(user.is_authenticated and user.has_perm("coalition.add_alias"))

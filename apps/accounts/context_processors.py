"""Template context every page needs: what the navigation may show this user."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from apps.accounts import permissions


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    can_upload = permissions.can_upload(user)
    can_review = permissions.can_review(user)
    # The role label comes from the permissions already loaded for the checks above: no extra query.
    role = (_("admin") if can_upload else _("editor") if can_review
            else _("analyst") if permissions.can_browse(user) else "")
    return {"nav_can_upload": can_upload, "nav_can_review": can_review, "nav_role": role, "nav_is_staff": user.is_staff,
            "nav_can_manage_names": permissions.can_manage_names(user),
            "nav_can_read_audit_log": permissions.can_read_audit_log(user)}

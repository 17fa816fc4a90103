"""Template context every page needs: what the navigation may show this user."""

from typing import Any

from django.http import HttpRequest

from apps.accounts import permissions


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_can_upload": permissions.can_upload(user), "nav_is_staff": user.is_staff}

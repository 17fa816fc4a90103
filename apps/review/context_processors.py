"""What the navigation shows of the review queue: how many machine-read commitments wait for an editor."""

from typing import Any

from django.http import HttpRequest

from apps.accounts import permissions
from apps.review.selectors import waiting_count


def review_navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not permissions.can_review(user):
        return {}
    # A callable: only a page showing it reads the count, from the cache (recounted after a minute or a review).
    return {"nav_review_waiting": waiting_count}

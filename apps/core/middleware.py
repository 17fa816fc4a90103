"""Request middleware of the platform."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from apps.core.services import acting_as


class AuditActorMiddleware:
    """Make the signed-in user the actor of audit entries that signal handlers write during the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # request.user is lazy: the actor is looked up only if an audit entry is written.
        with acting_as(lambda: request.user):
            return self.get_response(request)

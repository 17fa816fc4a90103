"""Request middleware of the platform."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control

from apps.core.services import acting_as


class AuditActorMiddleware:
    """Make the signed-in user the actor of audit entries that signal handlers write during the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # request.user is lazy: the actor is looked up only if an audit entry is written.
        with acting_as(lambda: request.user):
            return self.get_response(request)


class HtmxLoginRedirectMiddleware:
    """An htmx request whose session has expired gets the login page as a whole page, through HX-Redirect.

    Otherwise htmx follows the login redirect and swaps the login form into the part of the page it meant to
    update (a facet list, the review item). After logging in, the visitor comes back to the page they were on
    (HX-Current-URL), not to the partial's address.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.headers.get("HX-Request") != "true" or response.status_code != 302:
            return response
        login = resolve_url(settings.LOGIN_URL)
        if not response.get("Location", "").startswith(login + "?") and response.get("Location") != login:
            return response
        current = urlsplit(request.headers.get("HX-Current-URL", ""))
        back = f"{current.path}?{current.query}" if current.query else current.path
        location = redirect_to_login(back or request.get_full_path(), login)["Location"]
        return HttpResponse(status=204, headers={"HX-Redirect": location})


class PrivateCacheMiddleware:
    """Responses for a signed-in user (a session, or an API token) carry ``Cache-Control: private``.

    What they show depends on who asks (the role's links, the review count, the user's tokens), so no
    shared cache (a proxy, a CDN) may keep one for the next visitor. Directives a view set stay (``no-store``,
    a feed's ``max-age``). Anonymous answers, the health checks among them, are left as they are.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Authorization" in request.headers or request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response

"""The API's URL patterns: open to requests without a session, each one authenticating first.

LoginRequiredMiddleware would answer an API client with a redirect to the log-in page; the API authenticates
by itself (a token or the session) and answers 401 or 403 in JSON instead. Requests with a method the API
does not take are authenticated too before they get their 405, so that nobody learns anything without
credentials.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, reverse
from django.views.decorators.http import require_GET

from apps.api.api import api
from apps.api.auth import api_login_required

READ = ("GET", "HEAD", "OPTIONS")


def _guard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    return api_login_required(view, on_error=api.on_exception)


def _authenticated_first(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    guarded = _guard(view)

    @wraps(view)  # keeps ninja's csrf_exempt: the API takes no unsafe method anyway
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # GET: ninja's operation authenticates (and knows 401 from 403); anything else: here, then ninja's 405.
        return (view if request.method in READ else guarded)(request, *args, **kwargs)

    return wrapped


@require_GET
def _root(request: HttpRequest) -> HttpResponse:
    """/api/v1/ itself: the documentation."""
    return redirect(reverse(f"{api.urls_namespace}:openapi-view"))


def _open(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _open(pattern.url_patterns)
            continue
        if pattern.name == "api-root":  # ninja's raises 404; the name stays (ninja reverses it for the schema)
            pattern.callback = _guard(_root)
        elif pattern.name in ("openapi-json", "openapi-view"):  # the schema needs the data's credentials
            pattern.callback = _guard(require_GET(pattern.callback))
        else:
            pattern.callback = _authenticated_first(pattern.callback)
        login_not_required(pattern.callback)
    return patterns


_api_patterns, app_name, namespace = api.urls
urls = (_open(_api_patterns), app_name, namespace)

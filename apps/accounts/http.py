"""Typed requests and small helpers shared by views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django_htmx.middleware import HtmxDetails

from apps.accounts.models import User


class AuthedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails


def permission_required(predicate: Callable[[Any], bool]) -> Callable[..., Any]:
    """Refuse with 403 unless ``predicate(request.user)``; login is already required by middleware."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

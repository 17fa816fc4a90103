"""Who may call the API: a bearer API token, or a logged-in session; either way a user who can browse.

Nobody is redirected to the log-in page: no credentials answer 401 (with ``WWW-Authenticate: Bearer``),
credentials of a user without a role that browses answer 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer

from apps.accounts.models import AccessToken, User
from apps.accounts.permissions import can_browse
from apps.accounts.services import access_token_authenticate

NO_ROLE = gettext_lazy("This account has no role that may read the timeline.")
BAD_TOKEN = gettext_lazy("This token is unknown or was revoked.")


def _allowed(user: User) -> User:
    if not can_browse(user):
        raise AuthorizationError(message=str(NO_ROLE))
    return user


class BearerToken(HttpBearer):
    """``Authorization: Bearer <API token>``; tokens are issued on the Tokens page (/accounts/tokens/)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = access_token_authenticate(secret=token.strip(), kind=AccessToken.Kind.API)
        if user is None:
            raise AuthenticationError(message=str(BAD_TOKEN))
        return _allowed(user)


class Session(APIKeyCookie):
    """The browser's log-in session (the API is read-only: GET needs no CSRF token, and any unsafe method would
    still be checked, as ninja's APIKeyCookie does by default)."""

    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        return _allowed(user) if user.is_authenticated else None


# Bearer first: a request that sends a token is judged by its token (a bad one is a 401 at once), not by a
# browser cookie it may also carry.
API_AUTH = [BearerToken(), Session()]


def api_login_required(view: Callable[..., HttpResponse], *, on_error: Callable[[HttpRequest, HttpError],
                       HttpResponse]) -> Callable[..., HttpResponse]:
    """Guard a non-operation view (the OpenAPI schema, the docs page) with the API's own authentication."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        for auth in API_AUTH:
            try:
                user = auth(request)
            except HttpError as error:
                return on_error(request, error)
            if user:
                return view(request, *args, **kwargs)
        return on_error(request, AuthenticationError())

    return wrapped

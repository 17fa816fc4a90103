"""The NinjaAPI object: version 1, read-only, its authentication, and its error answers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from apps.api.auth import API_AUTH
from apps.api.views import InvalidInput, router

DESCRIPTION = """Read-only access to the Coalition Tracker's timeline: events, the commitments read from them
(contributions), members and people.

**Authentication**: `Authorization: Bearer <token>` with an API token from the Tokens page (`/accounts/tokens/`),
or a logged-in browser session. The account needs a role that may read the timeline (analyst, editor, admin).

**Filters** have the timeline's names and meanings (`member`, `person`, `type`, `status`, `lang`, `agency`,
`review`, `date_from`, `date_to`, `q`); a list filter takes several values, repeated or comma-separated.

**Paging** is by keyset: follow `next_cursor` until it is null. Cursors are opaque.
"""


api = NinjaAPI(
    title="Coalition Tracker API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=API_AUTH,  # the schema and the docs page need the same credentials (apps.api.urls guards them)
)
api.add_router("", router)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    # ninja's own AuthenticationError (no credentials at all) says only "Unauthorized": say what to send.
    message = error.message if error.message != "Unauthorized" else _("Log in, or send an API token as "
                                                                      "'Authorization: Bearer <token>'.")
    response = api.create_response(request, {"detail": message}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(InvalidInput)
def invalid_input(request: HttpRequest, error: InvalidInput) -> HttpResponse:
    loc = ["query", error.name] if error.name else ["query"]
    return api.create_response(
        request, {"detail": [{"type": "invalid_value", "loc": loc, "msg": message} for message in error.messages]},
        status=422)


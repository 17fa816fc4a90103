"""The tokens page (a user's API tokens and feed link, issued and revoked) and the audit log for admins."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from apps.accounts import services
from apps.accounts.forms import FeedLinkForm, TokenCreateForm
from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.models import AccessToken
from apps.accounts.permissions import can_browse, can_read_audit_log
from apps.core.audit_log import ACTION_HINTS, AuditFilter, audit_page, object_url
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.timeline.filters import TimelineFilter

TEMPLATE = "accounts/tokens.html"
# Live tokens are at most MAX_LIVE_API_TOKENS + 1; the page also shows the latest revoked ones, up to this many rows.
SHOWN = 50


def _filter_query(raw: str) -> str:
    """A timeline filter's query string, re-read by the timeline's own parser (unusable values dropped)."""
    return TimelineFilter.from_query(QueryDict(raw[:2000])).querystring()


def _context(request: AuthedRequest, **extra: Any) -> dict[str, Any]:
    tokens = list(AccessToken.objects.filter(user=request.user)
                  .order_by("-revoked_at", "-created_at", "-id")  # PostgreSQL puts NULLs first when descending
                  [:SHOWN])
    filter_query = extra.pop("filter_query", None)
    if filter_query is None:
        filter_query = _filter_query(request.GET.get("filter", ""))
    feed_path = reverse("timeline:feed")
    return {
        "api_tokens": [t for t in tokens if t.kind == AccessToken.Kind.API],
        "feed_tokens": [t for t in tokens if t.kind == AccessToken.Kind.FEED],
        "has_feed": any(t.kind == AccessToken.Kind.FEED and t.is_live for t in tokens),
        "form": TokenCreateForm(),
        "feed_form": FeedLinkForm(initial={"filter": filter_query}),
        "filter_query": filter_query,
        "feed_example": request.build_absolute_uri(feed_path) + "?token=…" + (f"&{filter_query}" if filter_query
                                                                              else ""),
        "api_root": request.build_absolute_uri(reverse("api:api-root")),
        "api_docs": reverse("api:openapi-view"),
        **extra,
    }


def _secret_page(request: AuthedRequest, context: dict[str, Any]) -> HttpResponse:
    # The secret is in this one response and nowhere else: no redirect (it would have to be stored), no caching.
    response = TemplateResponse(request, TEMPLATE, context)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@never_cache
@permission_required(can_browse)
def tokens(request: AuthedRequest) -> HttpResponse:
    """The user's API tokens and feed link."""
    return TemplateResponse(request, TEMPLATE, _context(request))


@require_POST
@permission_required(can_browse)
def token_create(request: AuthedRequest) -> HttpResponse:
    """Issue an API token and show its secret, once."""
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, {**_context(request), "form": form}, status=400)
    try:
        issued = services.access_token_issue(user=request.user, name=form.cleaned_data["name"], actor=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
        return redirect("accounts:tokens")
    return _secret_page(request, _context(request, new_token=issued.token, new_secret=issued.secret))


@require_POST
@permission_required(can_browse)
def feed_link_create(request: AuthedRequest) -> HttpResponse:
    """Issue a new feed link (the old one stops working) and show it, once."""
    form = FeedLinkForm(request.POST)
    filter_query = _filter_query(form.cleaned_data["filter"]) if form.is_valid() else ""
    issued = services.feed_link_reissue(user=request.user)
    query = QueryDict(mutable=True)
    query["token"] = issued.secret
    url = request.build_absolute_uri(reverse("timeline:feed")) + "?" + query.urlencode()
    if filter_query:
        url += "&" + filter_query
    return _secret_page(request, _context(request, filter_query=filter_query, new_feed_url=url))


@require_POST
@permission_required(can_browse)
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's tokens (another user's token is not found)."""
    token = get_object_or_404(AccessToken, pk=token_id, user=request.user)
    try:
        services.access_token_revoke(token=token, actor=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The token starting with %(prefix)s was revoked; it no longer works.")
                         % {"prefix": token.key_prefix})
    return redirect("accounts:tokens")


@require_GET
@permission_required(can_read_audit_log)
def audit_log(request: AuthedRequest) -> HttpResponse:
    """Every recorded action, newest first, filtered by action, actor, object type and date."""
    flt = AuditFilter.from_query(request.GET)
    raw_after = request.GET.get("after", "")
    if raw_after and not raw_after.isdigit():
        raise Http404("No such page of the audit log.")
    page = audit_page(flt, after=int(raw_after) if raw_after else None)
    for entry in page.entries:
        entry.url = object_url(entry)
    context = {
        "flt": flt, "page": page, "object_types": sorted(_known_object_types()), "actions": ACTION_HINTS,
        "next_query": flt.querystring(after=str(page.next_after)) if page.next_after else "",
    }
    return TemplateResponse(request, "accounts/audit_log.html", context)


def _known_object_types() -> list[tuple[str, str]]:
    """Model labels that audit entries name (from the installed models, not from the table: no query)."""
    return [(model._meta.label_lower, str(model._meta.verbose_name)) for model in apps.get_models()
            if model is not AuditEntry and model._meta.app_label in {"sources", "coalition", "names", "statements",
                                                                      "accounts", "auth", "timeline"}]

"""The timeline as an Atom feed: the newest events of any timeline filter, for feed readers.

``/timeline/feed.atom?token=<feed token>&member=DE&type=air_defence`` — the filter parameters are the
timeline's. Feed readers cannot log in, so the feed takes a feed token (issued on the Tokens page, kind
``feed``: it opens the feed and nothing else) in the URL, or in ``Authorization: Bearer``; a logged-in browser
needs none. No credentials: 401; a wrong, revoked or non-feed token, or a user without a role that browses: 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from apps.accounts.models import AccessToken
from apps.accounts.permissions import can_browse
from apps.accounts.services import access_token_authenticate
from apps.coalition.models import CommitmentStatus, CommitmentType
from apps.coalition.selectors import member_names, person_names
from apps.timeline.filters import TimelineFilter
from apps.timeline.models import TimelineEvent
from apps.timeline.selectors import EVENT_FIELDS, EVENT_ORDER, matching_events

FEED_SIZE = 50


def feed_path(flt: TimelineFilter | None = None) -> str:
    """The feed's path for a timeline filter (without a token: a browser session needs none)."""
    query = flt.querystring() if flt is not None else ""
    return reverse("timeline:feed") + (f"?{query}" if query else "")


@dataclass(frozen=True)
class FeedPage:
    flt: TimelineFilter
    events: list[TimelineEvent]
    host: str


def _plain(status: int, text: str) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


def _refusal(request: HttpRequest) -> HttpResponse | None:
    """None when the request may read the feed, else the 401/403 answer."""
    header = request.headers.get("Authorization", "")
    secret = request.GET.get("token") or (header[7:].strip() if header[:7].lower() == "bearer " else None)
    if secret is not None:
        user = access_token_authenticate(secret=secret, kind=AccessToken.Kind.FEED)
        if user is None:
            return _plain(403, _("This feed link is unknown or was replaced. Make a new one on the Tokens page."))
    elif request.user.is_authenticated:
        user = request.user
    else:
        response = _plain(401, _("This feed needs a feed link with its token (see the Tokens page), or a log-in."))
        response["WWW-Authenticate"] = 'Bearer realm="feed"'
        return response
    if not can_browse(user):
        return _plain(403, _("This account has no role that may read the timeline."))
    return None


class TimelineFeed(Feed):
    """The newest FEED_SIZE events of a timeline filter; one query (plus the token's)."""

    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refusal = _refusal(request)
        if refusal is not None:
            return refusal
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            return _plain(400, _("A filter value contains a NUL character."))
        response = super().__call__(request, *args, **kwargs)
        # Private: what a token or a session may read is nobody else's; readers re-poll, so a few minutes is fine.
        patch_cache_control(response, private=True, max_age=300)
        patch_vary_headers(response, ["Cookie", "Authorization"])
        return response

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FeedPage:
        query = request.GET.copy()
        query.pop("token", None)
        flt = TimelineFilter.from_query(query)
        # The timeline's order (events_page); created_at and ordinal too, which the page does not need.
        events = list(matching_events(flt).order_by(*EVENT_ORDER.ordering())
                      .only(*EVENT_FIELDS, "ordinal", "created_at")[:FEED_SIZE])
        return FeedPage(flt=flt, events=events, host=request.get_host().rsplit(":", 1)[0].strip("[]") or "localhost")

    def title(self, obj: FeedPage) -> str:
        return _("Coalition Tracker: %(what)s") % {"what": describe(obj.flt)}

    def subtitle(self, obj: FeedPage) -> str:
        return _("The newest %(count)d events on the Coalition Tracker timeline that match this filter.") % {
            "count": FEED_SIZE}

    def link(self, obj: FeedPage) -> str:
        query = obj.flt.querystring()
        return reverse("timeline:index") + (f"?{query}" if query else "")

    def feed_url(self, obj: FeedPage) -> str:
        return feed_path(obj.flt)  # rel="self" without the token: the reader has it, nobody else needs it

    def feed_guid(self, obj: FeedPage) -> str:
        return f"tag:{obj.host},2026:timeline-feed?{obj.flt.querystring()}"

    def items(self, obj: FeedPage) -> list[TimelineEvent]:
        return obj.events

    def item_title(self, item: TimelineEvent) -> str:
        # Escaped, as Django's default is: many readers show Atom titles as HTML.
        return escape(item.headline)

    def item_description(self, item: TimelineEvent) -> str:
        # Atom1Feed writes <summary type="html">: the text is escaped here so a reader shows it, never runs it.
        return escape(item.snippet)

    def item_link(self, item: TimelineEvent) -> str:
        return reverse("timeline:source_detail", args=[item.source_id]) + f"#event-{item.pk}"

    def item_guid(self, item: TimelineEvent) -> str:
        # An event gets a new id when its article is read again; (source, ordinal) stays, and so does the entry.
        return f"urn:coalition-tracker:event:{item.source_id}:{item.ordinal}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: TimelineEvent) -> datetime:
        if item.occurred_on is None:
            return item.created_at
        return datetime.combine(item.occurred_on, time.min, tzinfo=UTC)

    def item_updateddate(self, item: TimelineEvent) -> datetime:
        return item.created_at

    def item_author_name(self, item: TimelineEvent) -> str | None:
        return item.agency or None

    def item_categories(self, item: TimelineEvent) -> list[str]:
        return [*item.member_codes, *item.commitment_types]


def describe(flt: TimelineFilter) -> str:
    """The filter in words, for the feed's title (member and people names from the label cache)."""
    if flt.is_empty:
        return _("all events")
    members, people = member_names(), person_names()
    parts: list[str] = []
    parts += [members.get(code, code) for code in flt.members]
    parts += [people.get(slug, slug) for slug in flt.people]
    parts += [str(CommitmentType(t).label) for t in flt.types]
    parts += [str(CommitmentStatus(s).label).lower() for s in flt.statuses]
    parts += [lang.upper() for lang in flt.langs]
    parts += list(flt.agencies)
    parts += [_("review: %(state)s") % {"state": r} for r in flt.reviews]
    if flt.date_from:
        parts.append(_("from %(day)s") % {"day": flt.date_from.isoformat()})
    if flt.date_to:
        parts.append(_("to %(day)s") % {"day": flt.date_to.isoformat()})
    if flt.q:
        parts.append(f"“{flt.q}”")
    return ", ".join(parts)


timeline_feed = login_not_required(TimelineFeed())

"""The read-only endpoints: parse and check the query, call one selector, return typed rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Path, Query, Router, Status

from apps.api import cursors, selectors
from apps.api.schemas import (
    CODE_PATTERN,
    ERRORS,
    SLUG_PATTERN,
    ContributionList,
    ContributionQuery,
    EventList,
    EventOut,
    EventQuery,
    MemberDetail,
    MemberList,
    MemberQuery,
    Message,
    PersonList,
    PersonOut,
    PersonQuery,
)
from apps.coalition.models import Member
from apps.timeline.filters import TimelineFilter

router = Router()
# Messages follow the request's language (Accept-Language), as the timeline filter's own messages do.
BAD_CURSOR = gettext_lazy("The cursor is not one this API gave out for this list; start again without it.")
NOT_FOUND = {404: Message}


class InvalidInput(Exception):
    """Query values the API cannot use; answered 422 with one readable message each."""

    def __init__(self, messages: list[str] | tuple[str, ...], name: str | None = None) -> None:
        super().__init__(*messages)
        self.messages = list(messages)
        self.name = name


def _timeline_filter(query: Any) -> TimelineFilter:
    """The timeline's filter from the checked query; InvalidInput with TimelineFilter's messages if any is unusable."""
    data = query.model_dump(exclude={"updated_since", "cursor", "limit"})
    for name, value in data.items():
        if isinstance(value, bool):
            continue
        # PostgreSQL text cannot hold NUL: refused here, with a message, instead of failing in the database.
        if any("\x00" in item for item in (value if isinstance(value, list) else [value or ""])):
            raise InvalidInput([_("%(name)s contains a NUL character.") % {"name": name}], name)
    flt = TimelineFilter.from_query(data)
    if flt.errors:
        raise InvalidInput(flt.errors)
    return flt


def _since(raw: str | None) -> datetime | None:
    if raw is None or not raw.strip():
        return None
    raw = raw.strip()
    message = _("“%(value)s” is not a date and time (ISO 8601, such as 2026-03-01T12:00:00Z); updated_since "
                "cannot be used.") % {"value": raw[:40]}
    try:
        value = parse_datetime(raw) or datetime.combine(date.fromisoformat(raw), time.min)
    except ValueError as error:
        raise InvalidInput([message], "updated_since") from error
    if timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as error:  # 0001-01-01T00:00+05:00 is before the first representable moment
        raise InvalidInput([message], "updated_since") from error


def _cursor[T](parse: Callable[[str], T], raw: str | None) -> T | None:
    if not raw:
        return None
    try:
        return parse(raw)
    except cursors.CursorError as error:
        raise InvalidInput([str(BAD_CURSOR)], "cursor") from error


@router.get("/events", operation_id="events_list", tags=["events"], summary="Events matching the timeline's filters",
            response={200: EventList, **ERRORS})
def events(request: HttpRequest, query: Query[EventQuery]) -> dict[str, Any]:
    """Events newest first (by day, then id), a keyset page at a time, each with its commitments."""
    flt = _timeline_filter(query)
    page = selectors.events_page(flt=flt, updated_since=_since(query.updated_since),
                                 after=_cursor(cursors.event_cursor, query.cursor), size=query.limit)
    return {"items": page.items,
            "next_cursor": cursors.event_cursor_encode(page.next_key) if page.next_key else None}


@router.get("/events/{event_id}", operation_id="event_get", tags=["events"], summary="One event",
            response={200: EventOut, **ERRORS, **NOT_FOUND})
def event(request: HttpRequest, event_id: int = Path(..., ge=1, le=cursors.MAX_ID)) -> Any:
    """One event with the commitments read from it."""
    found = selectors.event_detail(event_id)
    return found if found is not None else Status(404, {"detail": _("No event has this id (events get new ids when "
                                                                    "their article is read again).")})


@router.get("/contributions", operation_id="contributions_list", tags=["contributions"],
            summary="Commitments matching filters", response={200: ContributionList, **ERRORS})
def contributions(request: HttpRequest, query: Query[ContributionQuery]) -> dict[str, Any]:
    """Commitments, newest row first, a keyset page at a time."""
    flt = _timeline_filter(query)
    after = _cursor(lambda raw: cursors.id_cursor("c", raw), query.cursor)
    page = selectors.contributions_page(flt=flt, updated_since=_since(query.updated_since), after=after,
                                        size=query.limit)
    return {"items": page.items, "next_cursor": cursors.encode("c", str(page.next_key)) if page.next_key else None}


@router.get("/members", operation_id="members_list", tags=["members"], summary="Members",
            response={200: MemberList, **ERRORS})
def members(request: HttpRequest, query: Query[MemberQuery]) -> dict[str, Any]:
    """Countries and organisations, by code."""
    roles = tuple(dict.fromkeys(v.strip().lower() for item in query.role for v in item.split(",") if v.strip()))
    unknown = [r for r in roles if r not in Member.Role.values]
    if unknown:
        raise InvalidInput([_("“%(value)s” is not a role; roles are %(roles)s.")
                            % {"value": r[:40], "roles": ", ".join(Member.Role.values)} for r in unknown], "role")
    page = selectors.members_page(roles=roles, after=_cursor(lambda raw: cursors.text_cursor("m", raw), query.cursor),
                                  size=query.limit)
    return {"items": page.items, "next_cursor": cursors.encode("m", page.next_key) if page.next_key else None}


@router.get("/members/{code}", operation_id="member_get", tags=["members"], summary="One member",
            response={200: MemberDetail, **ERRORS, **NOT_FOUND})
def member(request: HttpRequest, code: str = Path(..., pattern=CODE_PATTERN)) -> Any:
    """One member (the code in any case) with the people who speak for it."""
    found = selectors.member_detail(code)
    return found if found is not None else Status(404, {"detail": _("No member has this code.")})


@router.get("/people", operation_id="people_list", tags=["people"], summary="People",
            response={200: PersonList, **ERRORS})
def people(request: HttpRequest, query: Query[PersonQuery]) -> dict[str, Any]:
    """Named officials, by slug."""
    flt = TimelineFilter.from_query({"member": query.member})
    if flt.errors:
        raise InvalidInput(flt.errors, "member")
    page = selectors.people_page(members=flt.members,
                                 after=_cursor(lambda raw: cursors.text_cursor("p", raw), query.cursor),
                                 size=query.limit)
    return {"items": page.items, "next_cursor": cursors.encode("p", page.next_key) if page.next_key else None}


@router.get("/people/{slug}", operation_id="person_get", tags=["people"], summary="One person",
            response={200: PersonOut, **ERRORS, **NOT_FOUND})
def person(request: HttpRequest, slug: str = Path(..., pattern=SLUG_PATTERN)) -> Any:
    """One person and the member they speak for."""
    found = selectors.person_detail(slug)
    return found if found is not None else Status(404, {"detail": _("No person has this slug.")})

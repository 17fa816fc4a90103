"""The API's typed shapes: query parameters in, JSON out. Field descriptions end up in the OpenAPI schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.urls import reverse
from ninja import Field, Schema

from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution, Language, Member, Person
from apps.timeline.models import TimelineEvent

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
CODE_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
SLUG_PATTERN = r"^[-A-Za-z0-9_]{1,64}$"

_SEVERAL = " Several values: repeat the parameter or separate them with commas; any of them matches."


def _codes(description: str, values: list[str] | None = None) -> Any:
    """A list query parameter; ``values`` (if any) are the only ones the server accepts, documented as an enum."""
    items: dict[str, Any] = {"type": "string"}
    if values:
        items["enum"] = values
    else:
        items["pattern"] = CODE_PATTERN
    return Field(default_factory=list, description=description + _SEVERAL, json_schema_extra={"items": items})


def _string(**keywords: Any) -> Any:
    """The JSON schema of an optional query string: a plain string (a query string has no null), with keywords."""

    def rewrite(schema: dict[str, Any]) -> None:
        schema.pop("anyOf", None)
        schema.update(type="string", **keywords)

    return rewrite


def _day(description: str) -> Any:
    return Field(None, description=description + " (YYYY-MM-DD).", json_schema_extra=_string(format="date"))


_UPDATED_SINCE = Field(None, description="Only rows created or changed at or after this moment (ISO 8601; without an "
                                         "offset it is UTC). To keep a copy in sync, walk all pages, then ask again "
                                         "with the time the walk started.",
                       json_schema_extra=_string(format="date-time"))
_CURSOR = Field(None, description="The `next_cursor` of the previous page; leave out for the first page. Opaque.",
                max_length=200, json_schema_extra=_string(maxLength=200))
_LIMIT = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT}.")
_TYPES = [str(v) for v in CommitmentType.values]
_STATUSES = [str(v) for v in CommitmentStatus.values]
_REVIEWS = [str(v) for v in Contribution.ReviewState.values]
_LANGS = [str(v) for v in Language.values]


def _one_of(values: list[str]) -> str:
    # Plain strings, not enums, in responses: a value added later (or a row outside the list) must not turn a
    # whole page into a server error; the known values are listed for clients.
    return "Known values: " + ", ".join(values) + "."


class EventQuery(Schema):
    """The timeline's filters (the same names and meanings as the pages), with paging."""

    member: list[str] = _codes("Events naming any of these member codes; with `type` or `status`: events where one "
                               "of them committed that.")
    person: list[str] = _codes("Events naming any of these people (slugs).")
    type: list[str] = _codes("Events with a commitment of any of these types.", _TYPES)
    status: list[str] = _codes("Events with a commitment in any of these states.", _STATUSES)
    lang: list[str] = _codes("Events from articles in any of these languages.", _LANGS)
    agency: list[str] = Field(default_factory=list, description="Events reported by any of these agencies (as the "
                              "timeline shows them)." + _SEVERAL, json_schema_extra={"items": {"type": "string",
                                                                                               "maxLength": 64}})
    review: list[str] = _codes("Events with a commitment in any of these review states.", _REVIEWS)
    sure: bool = Field(False, description="Only commitments an editor confirmed or the machine read with high "
                       "confidence (events with one; with `member`, `type` or `status`, one of those).")
    date_from: str | None = _day("Events on or after this day")
    date_to: str | None = _day("Events on or before this day")
    q: str | None = Field(None, max_length=200, description="Words to search for, in any case form (Russian, "
                                                            "Ukrainian, English).",
                          json_schema_extra=_string(maxLength=200))
    updated_since: str | None = _UPDATED_SINCE
    cursor: str | None = _CURSOR
    limit: int = _LIMIT


class ContributionQuery(Schema):
    """Filters on commitments themselves (who, what, which state, reviewed how, stated when), and on their article."""

    member: list[str] = _codes("Commitments made by any of these members (codes).")
    type: list[str] = _codes("Commitments of any of these types.", _TYPES)
    status: list[str] = _codes("Commitments in any of these states.", _STATUSES)
    review: list[str] = _codes("Commitments in any of these review states.", _REVIEWS)
    sure: bool = Field(False, description="Only commitments an editor confirmed or the machine read with high "
                       "confidence.")
    date_from: str | None = _day("Commitments stated on or after this day")
    date_to: str | None = _day("Commitments stated on or before this day")
    person: list[str] = _codes("Commitments from events naming any of these people (slugs).")
    lang: list[str] = _codes("Commitments from articles in any of these languages.", _LANGS)
    agency: list[str] = Field(default_factory=list, description="Commitments from articles by any of these agencies."
                              + _SEVERAL, json_schema_extra={"items": {"type": "string", "maxLength": 64}})
    q: str | None = Field(None, max_length=200, description="Words the commitment's article contains.",
                          json_schema_extra=_string(maxLength=200))
    updated_since: str | None = _UPDATED_SINCE
    cursor: str | None = _CURSOR
    limit: int = _LIMIT


class MemberQuery(Schema):
    role: list[str] = _codes("Members with any of these roles.", [str(v) for v in Member.Role.values])
    cursor: str | None = _CURSOR
    limit: int = _LIMIT


class PersonQuery(Schema):
    member: list[str] = _codes("People who speak for any of these members (codes).")
    cursor: str | None = _CURSOR
    limit: int = _LIMIT


# --- responses ----------------------------------------------------------------------------------------------


class ContributionOut(Schema):
    """One commitment read from one article: who committed what, in which state, on what evidence."""

    id: int
    actor: str = Field(description="Code of the member who committed.")
    type: str = Field(description=_one_of(_TYPES))
    status: str = Field(description=_one_of(_STATUSES))
    review: str = Field(description="Whether an editor confirmed, corrected or rejected it, or added it (the "
                                    "machine missed it; it then has no confidence). " + _one_of(_REVIEWS))
    confidence: float | None = Field(description="How sure the machine was of this reading (0–1); null for a "
                                     "commitment an editor added.")
    stated_on: date | None = Field(description="The day the commitment was stated or the step taken: the "
                                   "article's (or its dated paragraph's) date, unless an editor dated it.")
    evidence: str = Field(description="The sentence it was read from.")
    source_id: int = Field(description="The article; its page is /sources/{source_id}/.")
    event_id: int | None = Field(description="The event of the article it belongs to.")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_actor(obj: Contribution) -> str:
        return obj.actor.code

    @staticmethod
    def resolve_review(obj: Contribution) -> str:
        return obj.review_state


class EventOut(Schema):
    """One event an article reports, with the commitments read from it.

    Events are replaced when their article is read again: `id` changes then, (`source_id`, `ordinal`) does not.
    """

    id: int
    source_id: int
    ordinal: int = Field(description="The event's place in its article; with source_id, a key that survives re-reads.")
    occurred_on: date | None
    headline: str
    snippet: str
    language: str
    agency: str
    members: list[str] = Field(description="Codes of the members the event names.")
    people: list[str] = Field(description="Slugs of the people the event names.")
    types: list[str] = Field(description="Types of the event's commitments. " + _one_of(_TYPES))
    statuses: list[str] = Field(description="States of the event's commitments. " + _one_of(_STATUSES))
    review: list[str] = Field(description="Review states of the event's commitments. " + _one_of(_REVIEWS))
    source_url: str = Field(description="Path of the article's page.")
    created_at: datetime = Field(description="When the event was (last) read from its article.")
    updated_at: datetime = Field(description="The latest of created_at and its commitments' updated_at.")
    contributions: list[ContributionOut]

    # The event's arrays are named as the timeline's parameters are (member, type, ...), in the plural.
    @staticmethod
    def resolve_members(obj: TimelineEvent) -> list[str]:
        return obj.member_codes

    @staticmethod
    def resolve_people(obj: TimelineEvent) -> list[str]:
        return obj.person_slugs

    @staticmethod
    def resolve_types(obj: TimelineEvent) -> list[str]:
        return obj.commitment_types

    @staticmethod
    def resolve_statuses(obj: TimelineEvent) -> list[str]:
        return obj.commitment_statuses

    @staticmethod
    def resolve_review(obj: TimelineEvent) -> list[str]:
        return obj.review_states

    @staticmethod
    def resolve_source_url(obj: TimelineEvent) -> str:
        return reverse("timeline:source_detail", args=[obj.source_id])

    @staticmethod
    def resolve_contributions(obj: TimelineEvent) -> list[Contribution]:
        return list(obj.contributions.all())  # prefetched by the selectors

    @staticmethod
    def resolve_updated_at(obj: TimelineEvent) -> datetime:
        # A review changes the event's commitments, not the event row: the latest of them is when it changed.
        return max([obj.created_at, *(c.updated_at for c in obj.contributions.all())])


class PersonRef(Schema):
    slug: str
    name_en: str


class MemberOut(Schema):
    """A country or organisation that can commit."""

    code: str
    name_en: str
    name_ru: str
    name_uk: str
    role: str = Field(description=_one_of([str(v) for v in Member.Role.values]))


class MemberDetail(MemberOut):
    people: list[PersonRef] = Field(description="The people who speak for the member.")


class PersonOut(Schema):
    """A named official."""

    slug: str
    name_en: str
    name_ru: str
    name_uk: str
    member: str | None = Field(description="Code of the member the person speaks for.")

    @staticmethod
    def resolve_member(obj: Person) -> str | None:
        return obj.member.code if obj.member is not None else None  # select_related: no query


class EventList(Schema):
    items: list[EventOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class ContributionList(Schema):
    items: list[ContributionOut]
    next_cursor: str | None


class MemberList(Schema):
    items: list[MemberOut]
    next_cursor: str | None


class PersonList(Schema):
    items: list[PersonOut]
    next_cursor: str | None


class Message(Schema):
    detail: str


class ErrorItem(Schema):
    type: str
    loc: list[str | int] = Field(description="Where the value was: [\"query\", name] when the name is known.")
    msg: str = Field(description="What is wrong, in a sentence.")


class ValidationErrors(Schema):
    detail: list[ErrorItem]


ERRORS: dict[int, type[Schema]] = {401: Message, 403: Message, 422: ValidationErrors}

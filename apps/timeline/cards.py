"""What an event card on the timeline shows, worked out once per page in Python; the template only prints it.

Rendered through template tags, a page of 50 cards cost about 70 ms (make bench): a URL reversed for every
member badge, a filter call for every label and date. Here a page reverses one URL, formats each date once
and builds each card's badges as one escaped string.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution
from apps.core.languages import language_name
from apps.extraction.search import QueryTerm, passage_around_match
from apps.timeline.models import TimelineEvent
from apps.timeline.search import highlighted


@dataclass(frozen=True, slots=True)
class EventCard:
    id: int
    occurred_on: date | None
    month: str  # "2025-08"; "" when the date is unknown
    month_label: str
    date_label: str
    language: str
    language_name: str
    agency: str
    source_url: str
    headline: SafeString
    snippet: SafeString
    # Where the search words are when they are in the article but not in its headline or snippet.
    passage: SafeString
    badges: SafeString
    confirmed: bool  # an editor confirmed or corrected what the machine read here
    added: bool  # an editor added a commitment the machine missed here


def event_cards(events: Iterable[TimelineEvent], *, terms: list[QueryTerm],
                member_names: Mapping[str, str]) -> list[EventCard]:
    """The cards of a page of events (search words highlighted); events of a search must carry source.text
    (see selectors.events_page) for the passage."""
    source_url = reverse("timeline:source_detail", args=[0]).removesuffix("0/")
    badges = _Badges(member_names)
    short_dates: dict[date, str] = {}
    months: dict[str, str] = {}
    cards: list[EventCard] = []
    for event in events:
        day = event.occurred_on
        month = day.strftime("%Y-%m") if day else ""
        if day and day not in short_dates:
            short_dates[day] = date_format(day, "SHORT_DATE_FORMAT")
        if day and month not in months:
            months[month] = date_format(day, "YEAR_MONTH_FORMAT")
        headline = highlighted(event.headline, event.language, terms)
        snippet = highlighted(event.snippet, event.language, terms)
        cards.append(EventCard(
            id=event.id, occurred_on=day, month=month, month_label=months.get(month, ""),
            date_label=short_dates.get(day, "") if day else "",
            language=event.language, language_name=language_name(event.language), agency=event.agency,
            source_url=f"{source_url}{event.source_id}/",
            headline=headline, snippet=snippet,
            # The text is escaped, so a <mark> can only be one the highlighting put there.
            passage=_passage(event, terms) if terms and "<mark>" not in headline + snippet else SafeString(""),
            badges=badges.of(event),
            confirmed=bool({Contribution.ReviewState.CONFIRMED, Contribution.ReviewState.CORRECTED}
                           & set(event.review_states)),
            added=Contribution.ReviewState.ADDED in event.review_states,
        ))
    return cards


def _passage(event: TimelineEvent, terms: list[QueryTerm]) -> SafeString:
    text = event.source.text
    span = passage_around_match(text, event.language, terms)
    if span is None:
        return SafeString("")
    start, end = span
    inner = highlighted(text[start:end].replace("\n", " "), event.language, terms)
    return format_html("{}{}{}", "… " if start > 0 else "", inner, " …" if end < len(text) else "")


class _Badges:
    """The badges of a page's cards: the same member, type and status recur on most of them."""

    def __init__(self, member_names: Mapping[str, str]) -> None:
        self.member_url = reverse("timeline:member_detail", args=["XX"]).removesuffix("XX/")
        self.member_names = member_names
        self.type_labels = {value: str(label) for value, label in CommitmentType.choices}
        self.status_labels = {value: str(label) for value, label in CommitmentStatus.choices}
        self.built: dict[tuple[str, str], str] = {}

    def of(self, event: TimelineEvent) -> SafeString:
        parts = [self._badge("member", code) for code in event.member_codes]
        parts += [self._badge("type", kind) for kind in event.commitment_types]
        parts += [self._badge("status", status) for status in event.commitment_statuses]
        return mark_safe("".join(parts))  # noqa: S308 — each badge is built by format_html, which escapes

    def _badge(self, kind: str, value: str) -> str:
        html = self.built.get((kind, value))
        if html is None:
            labels = {"member": self.member_names, "type": self.type_labels}.get(kind, self.status_labels)
            html = self.built[kind, value] = _badge_html(kind, value, labels.get(value, value), self.member_url)
        return html


@lru_cache(maxsize=4096)
def _badge_html(kind: str, value: str, label: str, member_url: str) -> str:
    """One badge, escaped; kept across pages (the label is in the key, so a renamed member gets a new one)."""
    if kind == "member":
        return format_html('<a class="badge member" href="{}{}/" title="{}">{}</a>', member_url, value, label, value)
    if kind == "type":
        return format_html('<span class="badge type type-{}">{}</span>', value, label)
    return format_html('<span class="status status-{}">{}</span>', value, label)

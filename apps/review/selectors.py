"""Reads for the review queue: filtered keyset pages of waiting contributions, one item in its paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.safestring import SafeString

from apps.coalition.models import HIGH_CONFIDENCE, CommitmentStatus, CommitmentType, Contribution, Language
from apps.coalition.selectors import member_names, person_names
from apps.core.keyset import Keyset, place_parse, place_text
from apps.extraction.commitments import split_sentences
from apps.timeline.highlighting import (
    Labels,
    evidence_anchor,
    highlighted_paragraphs,
    paragraph_ranges,
    part_of,
    spans_of,
    text_parts,
)
from apps.timeline.models import TimelineEvent

State = Contribution.ReviewState
WAITING_CACHE_KEY = "review:waiting:1"
WAITING_CACHE_SECONDS = 60  # as long as the label caches: new machine items show in the count within a minute
QUEUE_FIELDS = ("id", "version", "type", "status", "evidence", "stated_on", "confidence", "review_state", "source_id",
                "actor_id",
                "actor__code", "actor__name_en", "actor__name_ru", "actor__name_uk",
                "source__id", "source__original_name", "source__published_on", "source__language")


def waiting_count() -> int:
    """How many machine-read contributions wait for review: cached briefly (the review services forget it
    when they change a state), so a page pays at most one cheap count on the queue index for it."""
    count = cache.get(WAITING_CACHE_KEY)
    if count is None:
        count = Contribution.objects.filter(review_state=State.MACHINE).count()
        cache.set(WAITING_CACHE_KEY, count, timeout=WAITING_CACHE_SECONDS)
    return int(count)


# The queue's orders: the least sure first (the default: an editor's time goes where the machine was
# least sure), or the newest stated first.
UNSURE_FIRST = "unsure"
NEWEST = "newest"
ORDERS = (UNSURE_FIRST, NEWEST)
# Confidence bands an editor may pick: (lowest included, highest excluded).
BANDS: dict[str, tuple[float, float]] = {"low": (0.0, 0.5), "medium": (0.5, HIGH_CONFIDENCE),
                                         "high": (HIGH_CONFIDENCE, 1.01)}


@dataclass(frozen=True)
class QueueFilter:
    """The queue's filters and order, from and back into a query string: member, type, status, lang,
    confidence (a band) and order (one value each)."""

    member: str = ""
    type: str = ""
    status: str = ""
    lang: str = ""
    confidence: str = ""
    order: str = UNSURE_FIRST

    @classmethod
    def from_query(cls, query: QueryDict | dict[str, str]) -> QueueFilter:
        member = str(query.get("member") or "").strip().upper()[:16]
        type_ = str(query.get("type") or "").strip()
        status = str(query.get("status") or "").strip()
        lang = str(query.get("lang") or "").strip()
        band = str(query.get("confidence") or "").strip()
        order = str(query.get("order") or "").strip()
        return cls(member=member if member.replace("_", "").isalnum() else "",
                   type=type_ if type_ in CommitmentType.values else "",
                   status=status if status in CommitmentStatus.values else "",
                   lang=lang if lang in Language.values else "",
                   confidence=band if band in BANDS else "",
                   order=order if order in ORDERS else UNSURE_FIRST)

    def items(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in (("member", self.member), ("type", self.type), ("status", self.status),
                                    ("lang", self.lang), ("confidence", self.confidence),
                                    ("order", "" if self.order == UNSURE_FIRST else self.order)) if v]

    def querystring(self) -> str:
        return urlencode(self.items())

    @property
    def is_empty(self) -> bool:
        return not self.items()

    def without(self, name: str) -> QueueFilter:
        default: str = getattr(QueueFilter(), name)
        return replace(self, **{name: default})

    def apply(self, rows: QuerySet[Contribution]) -> QuerySet[Contribution]:
        if self.member:
            rows = rows.filter(actor__code=self.member)
        if self.type:
            rows = rows.filter(type=self.type)
        if self.status:
            rows = rows.filter(status=self.status)
        if self.lang:
            rows = rows.filter(source__language=self.lang)
        if self.confidence:
            low, high = BANDS[self.confidence]
            band = Q(confidence__gte=low, confidence__lt=high)
            rows = rows.filter(band | Q(confidence__isnull=True) if self.confidence == "low" else band)
        return rows


# The queue's orders: newest stated first (undated last), or least sure first (unscored first).
KEYSETS = {NEWEST: Keyset("stated_on", descending=True, nulls_last=True),
           UNSURE_FIRST: Keyset("confidence", descending=False, nulls_last=False)}
FORWARD = {order: keyset.ordering() for order, keyset in KEYSETS.items()}
BACKWARD = {order: keyset.reversed().ordering() for order, keyset in KEYSETS.items()}


@dataclass(frozen=True)
class QueueCursor:
    """A row's place in the queue order: its sort key (stated_on, or confidence) and id."""

    order: str
    key: date | float | None
    id: int

    @classmethod
    def parse(cls, raw: str, order: str) -> QueueCursor | None:
        place = place_parse(raw, date.fromisoformat if order == NEWEST else float)
        return cls(order, *place) if place else None

    @classmethod
    def of(cls, contribution: Contribution, order: str) -> QueueCursor:
        key = contribution.stated_on if order == NEWEST else contribution.confidence
        return cls(order, key, contribution.pk)

    def __str__(self) -> str:
        return place_text(self.key, self.id)

    def rows_after(self) -> Q:
        return KEYSETS[self.order].after(self.key, self.id)

    def rows_before(self) -> Q:
        return KEYSETS[self.order].before(self.key, self.id)


def waiting(flt: QueueFilter) -> QuerySet[Contribution]:
    return flt.apply(Contribution.objects.filter(review_state=State.MACHINE))


@dataclass(frozen=True)
class QueuePage:
    rows: list[Contribution]
    next_cursor: QueueCursor | None


def queue_page(*, flt: QueueFilter, after: QueueCursor | None, size: int) -> QueuePage:
    """One page of waiting contributions in the filter's order, on a review-queue index; one query."""
    rows_qs = waiting(flt).select_related("actor", "source").only(*QUEUE_FIELDS).order_by(*FORWARD[flt.order])
    if after is not None:
        rows_qs = rows_qs.filter(after.rows_after())
    rows = list(rows_qs[: size + 1])
    page = rows[:size]
    return QueuePage(page, QueueCursor.of(page[-1], flt.order) if len(rows) > size and page else None)


def queue_neighbours(contribution: Contribution, flt: QueueFilter) -> tuple[int | None, int | None]:
    """The waiting items just before and just after this one in the queue (two queries)."""
    here = QueueCursor.of(contribution, flt.order)
    others = waiting(flt).exclude(pk=contribution.pk)
    previous = others.filter(here.rows_before()).order_by(*BACKWARD[flt.order]).values_list("id", flat=True).first()
    following = others.filter(here.rows_after()).order_by(*FORWARD[flt.order]).values_list("id", flat=True).first()
    return previous, following


def queue_next(after: QueueCursor, flt: QueueFilter) -> int | None:
    """The next waiting item after a place in the queue; the first one when nothing waits after it."""
    forward = FORWARD[flt.order]
    following = waiting(flt).filter(after.rows_after()).order_by(*forward).values_list("id", flat=True).first()
    if following is None:
        following = waiting(flt).order_by(*forward).values_list("id", flat=True).first()
    return following


def review_item(contribution_id: int) -> Contribution | None:
    """One contribution with its actor, the machine's actor, its reviewer and its article (text, no bytes)."""
    return (Contribution.objects.select_related("actor", "machine_actor", "reviewed_by", "source")
            .defer("source__raw_bytes").filter(pk=contribution_id).first())


# --- The sentence in its paragraph ------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """The paragraph holding a contribution's evidence, escaped, the sentence marked up, names highlighted."""

    paragraphs: list[SafeString]  # empty: the evidence is not in the text (shown on its own)
    source_anchor: str  # the sentence's id on the source page, "" when it has none
    source_part: int = 1  # the part of a long text on the source page that shows it


def labels() -> Labels:
    return Labels(members=member_names(), people=person_names(), types=dict(CommitmentType.choices),
                  statuses=dict(CommitmentStatus.choices))


def passage(contribution: Contribution, text: str, rows: list[Any]) -> Passage:
    """Find the contribution's sentence (preferring the stored span that names its commitment), cut out its
    paragraph and mark it up with `highlighted_paragraphs`: only this sentence as evidence, plus the names
    and quotes the ingest found there."""
    spans = spans_of(rows, len(text))
    key = f"{(contribution.machine_actor or contribution.actor).code}:{contribution.machine_type or contribution.type}:"
    evidence = contribution.evidence
    stored = [s for s in spans if s.kind == "evidence" and text[s.start:s.end] == evidence]
    stored.sort(key=lambda s: (not any(k.startswith(key) for k in s.ident.split()), s.start))
    anchor = evidence_anchor(stored[0].index) if stored else ""
    start = stored[0].start if stored else text.find(evidence) if evidence else -1
    if start < 0:
        return Passage([], anchor)
    source_part = part_of(text_parts(text), start)
    end = start + len(evidence)
    para_start, para_end = next(((a, b) for a, b in paragraph_ranges(text) if a <= start < b), (start, end))
    para_end = max(para_end, end)  # evidence an editor chose may run past a paragraph break
    shifted: list[list[Any]] = [["evidence", start - para_start, end - para_start,
                                 f"{contribution.actor.code}:{contribution.type}:{contribution.status}"]]
    shifted += [[s.kind, s.start - para_start, s.end - para_start, s.ident] for s in spans
                if s.kind != "evidence" and s.start >= para_start and s.end <= para_end]
    return Passage(highlighted_paragraphs(text[para_start:para_end], shifted, labels()), anchor, source_part)


# --- Adding a commitment the machine missed: the article's sentences and events -----------------------

# An article with more sentences than this is not offered sentence by sentence (the page would weigh
# megabytes): the editor pastes the sentence instead, which the service finds in the text all the same.
PICK_SENTENCES_MAX = 800
# How much of a paragraph's start is compared with an event's headline (headlines are at most 200 characters).
_LEAD_CHARS = 1000


def paragraph_sentences(text: str) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Each paragraph's (start, end) with the (start, end) of its sentences, cut as the extraction cuts them
    (a sentence never runs over a paragraph break), without surrounding whitespace."""
    paragraphs = []
    for para_start, para_end in paragraph_ranges(text):
        spans = []
        for start, end in split_sentences(text[para_start:para_end]):
            chunk = text[para_start + start:para_start + end]
            left = para_start + start + len(chunk) - len(chunk.lstrip())
            right = para_start + start + len(chunk.rstrip())
            if right > left:
                spans.append((left, right))
        paragraphs.append(((para_start, para_end), spans))
    return paragraphs


def article_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the text, in order."""
    return [span for _paragraph, spans in paragraph_sentences(text) for span in spans]


def event_paragraphs(text: str, events: Sequence[TimelineEvent]) -> list[tuple[int, int, TimelineEvent]]:
    """Where the article's dated paragraphs stand, each with its own event (ordinal 1 on).

    Events do not store where they stand in the text; each dated paragraph's event is headed by the
    paragraph's first sentence, so the paragraphs are matched to the events in order by that headline.
    The article's own event (ordinal 0) holds everything else.
    """
    paragraphs = paragraph_ranges(text)
    found: list[tuple[int, int, TimelineEvent]] = []
    following = 1  # the first paragraph is always the article's own event
    for event in sorted(events, key=lambda e: e.ordinal):
        lead = " ".join(event.headline.split()).removesuffix("…").rstrip()
        if event.ordinal == 0 or not lead:
            continue
        for index in range(following, len(paragraphs)):
            start, end = paragraphs[index]
            if " ".join(text[start:min(end, start + _LEAD_CHARS)].split()).startswith(lead):
                found.append((start, end, event))
                following = index + 1
                break
    return found


def event_at(text: str, events: Sequence[TimelineEvent], position: int) -> TimelineEvent | None:
    """The event a sentence at ``position`` belongs to: its dated paragraph's own event, else the article's."""
    for start, end, event in event_paragraphs(text, events):
        if start <= position < end:
            return event
    return min(events, key=lambda e: e.ordinal, default=None)


@dataclass(frozen=True)
class PickSentence:
    """One sentence an editor may pick as a commitment's evidence."""

    value: str  # "start-end" in the text: what the form sends back
    gap: str  # the text between the previous sentence (or the paragraph's start) and this one
    text: str
    readings: tuple[str, ...]  # the commitments already read from it, "DE · Air defence · Pledged"
    checked: bool


@dataclass(frozen=True)
class PickParagraph:
    sentences: list[PickSentence]
    event_on: date | None  # the date of the paragraph's own event; None when it is the article's


def sentence_value(span: tuple[int, int]) -> str:
    return f"{span[0]}-{span[1]}"


def sentence_picker(text: str, events: Sequence[TimelineEvent], contributions: Sequence[Contribution],
                    picked: tuple[int, int] | None) -> list[PickParagraph] | None:
    """The article's paragraphs as sentences to pick, each with what is already read from it; None when the
    article has too many sentences to offer one by one."""
    by_paragraph = paragraph_sentences(text)
    if sum(len(spans) for _paragraph, spans in by_paragraph) > PICK_SENTENCES_MAX:
        return None
    types, statuses = dict(CommitmentType.choices), dict(CommitmentStatus.choices)
    read: list[tuple[int, int, str]] = []
    for c in contributions:
        start = text.find(c.evidence) if c.evidence and c.review_state != State.REJECTED else -1
        if start >= 0:
            label = f"{c.actor.code} · {types.get(c.type, c.type)} · {statuses.get(c.status, c.status)}"
            read.append((start, start + len(c.evidence), label))
    dated = event_paragraphs(text, events)
    paragraphs: list[PickParagraph] = []
    for (para_start, _para_end), inside in by_paragraph:
        if not inside:
            continue
        own = next((event.occurred_on for start, _end, event in dated if start == para_start), None)
        previous = para_start
        picks = []
        for start, end in inside:
            readings = tuple(dict.fromkeys(label for a, b, label in read if a < end and b > start))
            picks.append(PickSentence(sentence_value((start, end)), text[previous:start], text[start:end],
                                      readings, (start, end) == picked))
            previous = end
        paragraphs.append(PickParagraph(picks, own))
    return paragraphs


def sentence_of(text: str, evidence: str) -> tuple[int, int] | None:
    """The first sentence that a contribution's evidence starts in (to pick it again), if the text has it."""
    start = text.find(evidence) if evidence else -1
    if start < 0:
        return None
    return next(((a, b) for a, b in article_sentences(text) if a <= start < b), None)


def add_page_rows(source_id: int, from_id: int | None) -> tuple[list[TimelineEvent], list[Contribution],
                                                                Contribution | None]:
    """The article's events and contributions (with their actors), and the contribution the editor came from
    (when it is this article's): two queries."""
    events = list(TimelineEvent.objects.filter(source_id=source_id).order_by("ordinal")
                  .only("id", "ordinal", "occurred_on", "headline", "source_id"))
    contributions = list(Contribution.objects.filter(source_id=source_id).select_related("actor")
                         .order_by("event_ordinal", "actor__code", "type"))
    came_from = next((c for c in contributions if c.pk == from_id), None) if from_id else None
    return events, contributions, came_from

"""Timeline and source pages for analysts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.permissions import can_browse
from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution, Member, Person
from apps.coalition.selectors import commitment_histories, member_commitments, member_names, person_names
from apps.core.fragments import cached_fragment
from apps.core.languages import language_name
from apps.sources.models import SourceText
from apps.statements.selectors import approved_statements, drafts_citing
from apps.timeline import selectors
from apps.timeline.cards import event_cards
from apps.timeline.charts import stacked_months
from apps.timeline.filters import ATTRIBUTE_OF, TimelineFilter
from apps.timeline.highlighting import (
    KIND_ORDER,
    Labels,
    evidence_anchor,
    highlighted_paragraphs,
    part_of,
    spans_of,
    text_parts,
)
from apps.timeline.matrix import matrix_rows
from apps.timeline.overview import STATUS_ORDER, overview

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PAGE_SIZE = 50
TIMELINE_TEMPLATE = "timeline/timeline.html"
MEMBER_TEMPLATE = "timeline/member_detail.html"
OVERVIEW_TEMPLATE = "timeline/overview.html"
MEMBER_EVENTS = 10


@require_GET
@vary_on_headers("HX-Request", "HX-Target", "HX-History-Restore-Request")
@permission_required(can_browse)
def timeline(request: AuthedRequest) -> HttpResponse:
    """Events matching the filters in the URL, newest first (or by relevance), a keyset page at a time."""
    flt = TimelineFilter.from_query(request.GET)
    try:
        cursor = selectors.Cursor.parse(request.GET.get("after", ""))
    except ValueError as error:
        raise Http404("This page link is broken.") from error
    by_relevance = bool(flt.q) and request.GET.get("sort") == "relevance"
    address = _address(flt, by_relevance=by_relevance, cursor=cursor)
    if not request.htmx and not flt.errors and _has_blank_fields(request):
        return redirect(address)  # a plain form submit sends every field, chosen or not
    appended = bool(request.htmx) and cursor is not None and not request.htmx.history_restore_request
    part = "event-page" if appended else "timeline-body"

    def render() -> str:
        context = _timeline_context(flt, cursor=cursor, by_relevance=by_relevance, whole=not appended)
        return render_to_string(f"{TIMELINE_TEMPLATE}#{part}", context, request)

    # A filter with values it could not use shows why; its address has them left out, so it is not cached.
    html = render() if flt.errors else cached_fragment(f"timeline:{part}:{address}", render)
    if appended:
        return HttpResponse(html)  # the next page, appended
    if request.htmx and not request.htmx.history_restore_request:
        # The filters changed: the address bar gets the clean address, not every field the form sent.
        return push_url(HttpResponse(html), address)
    return TemplateResponse(request, TIMELINE_TEMPLATE, {"body": html})


def _timeline_context(flt: TimelineFilter, *, cursor: selectors.Cursor | None, by_relevance: bool,
                      whole: bool) -> dict[str, object]:
    """What the timeline's body shows: the events of this page and, for the whole body, facets, chips and the
    approved statements."""
    if by_relevance:
        page = selectors.events_by_relevance(flt=flt, size=PAGE_SIZE)
    else:
        page = selectors.events_page(flt=flt, after=cursor, size=PAGE_SIZE)
    names = member_names()
    context: dict[str, object] = {
        "flt": flt, "page": page, "by_relevance": by_relevance, "querystring": flt.querystring(),
        "cards": event_cards(page.events, terms=page.terms, member_names=names),
        "member_names": names, "person_names": person_names(),
        # The month of the event just before this page, so a page that goes on with it does not repeat it.
        "previous_month": cursor.occurred_on.strftime("%Y-%m") if cursor and cursor.occurred_on else "",
    }
    if not whole:
        return context
    facets = selectors.facet_counts(flt)
    context.update(facets=facets, facet_groups=facet_groups(flt, facets, context), chips=active_chips(flt, context))
    # Approved statement drafts are rows of their own above the events; they carry members and a date, nothing else.
    statements_apply = not (flt.people or flt.types or flt.statuses or flt.langs or flt.agencies or flt.reviews
                            or flt.q)
    context["approved_statements"] = approved_statements(
        members=flt.members, date_from=flt.date_from, date_to=flt.date_to) if statements_apply else []
    return context


def _has_blank_fields(request: AuthedRequest) -> bool:
    """Whether the query holds fields left empty or at their default, as a submitted form's does."""
    sort = request.GET.get("sort")
    return any(v == "" for _, values in request.GET.lists() for v in values) or sort == "newest" or (
        sort == "relevance" and not request.GET.get("q"))


def _address(flt: TimelineFilter, *, by_relevance: bool, cursor: selectors.Cursor | None) -> str:
    """The timeline's address for this filter and page: only the parameters in force, in a stable order."""
    items = flt.query_items()
    if by_relevance:
        items.append(("sort", "relevance"))
    if cursor is not None:
        items.append(("after", str(cursor)))
    index = reverse("timeline:index")
    return f"{index}?{urlencode(items)}" if items else index


@dataclass(frozen=True)
class FacetItem:
    value: str
    label: str
    count: int
    active: bool
    querystring: str


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: StrOrPromise
    items: list[FacetItem]


FACETS = (("member", gettext_lazy("Member")), ("type", gettext_lazy("Commitment")), ("status", gettext_lazy("Status")),
          ("person", gettext_lazy("Person")), ("lang", gettext_lazy("Language")), ("agency", gettext_lazy("Agency")),
          ("review", gettext_lazy("Review")))
FACET_VALUES_SHOWN = 12
REVIEW_NAMES = {"machine": gettext_lazy("Not reviewed"), "confirmed": gettext_lazy("Confirmed"),
                "corrected": gettext_lazy("Corrected"), "rejected": gettext_lazy("Rejected"),
                "added": gettext_lazy("Added by an editor")}


def _label(name: str, value: str, context: dict[str, object]) -> str:
    if name == "member":
        return context["member_names"].get(value, value)  # type: ignore[attr-defined]
    if name == "person":
        return context["person_names"].get(value, value)  # type: ignore[attr-defined]
    if name == "lang":
        return language_name(value)
    if name == "review":
        return str(REVIEW_NAMES.get(value, value))
    if name == "type" and value in CommitmentType.values:
        return str(CommitmentType(value).label)
    if name == "status" and value in CommitmentStatus.values:
        return str(CommitmentStatus(value).label)
    if name in ("type", "status"):
        return value.replace("_", " ").capitalize()
    return value


def facet_groups(flt: TimelineFilter, facets: selectors.Facets, context: dict[str, object]) -> list[FacetGroup]:
    """Each facet's values with counts and the link that adds or removes that value (most frequent first)."""
    groups = []
    for name, label in FACETS:
        counted = dict(facets.counts.get(name, []))
        chosen = getattr(flt, ATTRIBUTE_OF[name])
        values = [*chosen, *(v for v, _ in facets.counts.get(name, []) if v not in chosen)][:FACET_VALUES_SHOWN]
        items = [FacetItem(v, _label(name, v, context), counted.get(v, 0), v in chosen,
                           urlencode(flt.with_value(name, v).query_items())) for v in values]
        if items:
            groups.append(FacetGroup(name, label, items))
    return groups


@dataclass(frozen=True)
class Chip:
    label: str
    querystring: str


def active_chips(flt: TimelineFilter, context: dict[str, object]) -> list[Chip]:
    """The filters in force, each with the link that drops it."""
    chips = [Chip(f"{label}: {_label(name, v, context)}", urlencode(flt.with_value(name, v).query_items()))
             for name, label in FACETS for v in getattr(flt, ATTRIBUTE_OF[name])]
    if flt.date_from:
        chips.append(Chip(_("From %(date)s") % {"date": date_format(flt.date_from, "SHORT_DATE_FORMAT")},
                          flt.querystring(date_from=None)))
    if flt.date_to:
        chips.append(Chip(_("Until %(date)s") % {"date": date_format(flt.date_to, "SHORT_DATE_FORMAT")},
                          flt.querystring(date_to=None)))
    if flt.sure:
        chips.append(Chip(_("Confirmed or high confidence only"), flt.querystring(sure=False)))
    if flt.q:
        chips.append(Chip(f"“{flt.q}”", flt.querystring(q="")))
    return chips


@dataclass(frozen=True)
class EvidenceGroup:
    """One evidence sentence of a source and the contributions read from it."""

    evidence: str
    anchor: str  # the id of the sentence in the highlighted text; empty when it was not found there
    contributions: list[Contribution]
    start: int = -1  # where the sentence starts in the text
    part: int = 1  # the part of the text that shows it


@dataclass(frozen=True)
class TextPart:
    """Which part of a long text a page shows (an ordinary article is one part)."""

    number: int
    count: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None

    @property
    def numbers(self) -> range:
        return range(1, self.count + 1)


def _part_number(request: AuthedRequest, count: int) -> int:
    try:
        number = int(request.GET.get("part", "1"))
    except ValueError as error:
        raise Http404("This part of the text does not exist.") from error
    if not 1 <= number <= max(count, 1):
        raise Http404("This part of the text does not exist.")
    return number


SOURCE_TEMPLATE = "timeline/source_detail.html"


@require_GET
@vary_on_headers("HX-Request")
@permission_required(can_browse)
def source_detail(request: AuthedRequest, source_id: int) -> HttpResponse:
    """One source text, always escaped, its names, evidence and quotes highlighted, with what the ingest
    made of it: the report, the extraction, its events and contributions (each linked to its sentence).
    A long text is shown a part at a time (``?part=N``; htmx appends the next part to the page)."""
    source = get_object_or_404(SourceText.objects.select_related("upload", "duplicate_of").defer("raw_bytes"),
                               pk=source_id)
    contributions = list(source.contributions.select_related("actor", "machine_actor")
                         .order_by("actor__code", "type", "event_ordinal"))
    rows = list((source.report or {}).get("highlights") or [])
    spans = spans_of(rows, len(source.text))
    evidence_at: dict[str, tuple[int, str]] = {}  # evidence → (where it starts, its anchor)
    for span in spans:
        if span.kind == "evidence":
            evidence_at.setdefault(source.text[span.start : span.end], (span.start, evidence_anchor(span.index)))
    # What an editor added or corrected is not among the spans the ingest stored: marked up here, after them.
    for contribution in contributions:
        if contribution.evidence in evidence_at or contribution.review_state == Contribution.ReviewState.REJECTED:
            continue
        start = source.text.find(contribution.evidence) if contribution.evidence else -1
        if start >= 0:
            evidence_at[contribution.evidence] = (start, evidence_anchor(len(rows)))
            rows.append(["evidence", start, start + len(contribution.evidence),
                         f"{contribution.actor.code}:{contribution.type}:{contribution.status}"])
    parts = text_parts(source.text) if source.text else []
    part = TextPart(_part_number(request, len(parts)), len(parts))
    members, people = member_names(), person_names()
    labels = Labels(members=members, people=people, types=dict(CommitmentType.choices),
                    statuses=dict(CommitmentStatus.choices))
    paragraphs = highlighted_paragraphs(source.text, rows, labels, parts[part.number - 1]) if parts else []
    if request.htmx:  # the next part, appended below the one shown
        return TemplateResponse(request, SOURCE_TEMPLATE + "#source-text-part",
                                {"source": source, "paragraphs": paragraphs, "part": part})
    spans = spans_of(rows, len(source.text))
    histories = commitment_histories((c.actor_id, c.type) for c in contributions)
    by_evidence: dict[str, EvidenceGroup] = {}
    for contribution in contributions:
        contribution.history = histories.get((contribution.actor_id, contribution.type), [])
        start, anchor = evidence_at.get(contribution.evidence, (-1, ""))
        group = by_evidence.setdefault(contribution.evidence, EvidenceGroup(
            contribution.evidence, anchor, [], start, part_of(parts, start) if anchor else 1))
        group.contributions.append(contribution)
    extraction = (source.report or {}).get("extraction") or {}
    context = {
        "source": source,
        "paragraphs": paragraphs,
        "part": part,
        "highlight_counts": {kind: sum(1 for s in spans if s.kind == kind) for kind in KIND_ORDER},
        "events": list(source.events.all()),
        "contributions": contributions,
        # One sentence often states several commitments: shown once, with all of them, in the text's order.
        "evidence_groups": sorted(by_evidence.values(), key=lambda g: (g.anchor == "", g.start)),
        "extraction": extraction,
        "mentioned_members": [(code, members.get(code, code)) for code in extraction.get("members", [])],
        "mentioned_people": [(slug, people.get(slug, slug)) for slug in extraction.get("people", [])],
        "statement_drafts": list(drafts_citing(source)),  # every lineage the article reported a version of
    }
    return TemplateResponse(request, SOURCE_TEMPLATE, context)


@require_GET
@permission_required(can_browse)
def member_detail(request: AuthedRequest, code: str) -> HttpResponse:
    """One member: what it committed, type by type, each status dated with its evidence; its people; events."""
    member = get_object_or_404(Member, code=code.upper())

    def render() -> str:
        people = list(Person.objects.filter(member=member).order_by("name_en").only("slug", "name_en", "name_ru",
                                                                                   "name_uk"))
        flt = TimelineFilter(members=(member.code,))
        context = {
            "member": member, "commitments": member_commitments(member), "people": people,
            "events": list(selectors.events_page(flt=flt, size=MEMBER_EVENTS).events),
            "member_names": member_names(), "timeline_query": flt.querystring(),
        }
        return render_to_string(f"{MEMBER_TEMPLATE}#member-body", context, request)

    body = cached_fragment(f"member:{member.code}", render)
    return TemplateResponse(request, MEMBER_TEMPLATE, {"member": member, "body": body})


GAP_DAYS_DEFAULT = 90


@require_GET
@vary_on_headers("HX-Request")
@permission_required(can_browse)
def overview_page(request: AuthedRequest) -> HttpResponse:
    """Headline figures, the member × commitment-type matrix, the monthly chart, the gap list, latest events."""
    try:
        gap_days = max(0, min(3650, int(request.GET.get("gap_days", GAP_DAYS_DEFAULT))))
    except ValueError:
        gap_days = GAP_DAYS_DEFAULT
    part = "gap-list" if request.htmx else "overview-body"
    sure_only = request.GET.get("sure") == "1"

    def render() -> str:
        data = overview(gap_days=gap_days, sure_only=sure_only)
        context = {"o": data, "chart": stacked_months(data.months, STATUS_ORDER), "statuses": STATUS_ORDER,
                   "member_names": member_names(), "sure_only": sure_only,
                   "matrix_rows": matrix_rows(data.rows, sure_only=sure_only) if part == "overview-body" else []}
        return render_to_string(f"{OVERVIEW_TEMPLATE}#{part}", context, request)

    html = cached_fragment(f"overview:{part}:{gap_days}:{int(sure_only)}", render)
    return HttpResponse(html) if request.htmx else TemplateResponse(request, OVERVIEW_TEMPLATE, {"body": html})

"""Timeline and source pages for analysts."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from apps.accounts.permissions import can_browse
from apps.coalition.models import Member
from apps.coalition.selectors import commitment_histories
from apps.core.http import AuthedRequest, permission_required
from apps.sources.models import SourceText
from apps.timeline import selectors

PAGE_SIZE = 50


@require_GET
@vary_on_headers("HX-Request")
@permission_required(can_browse)
def timeline(request: AuthedRequest) -> HttpResponse:
    """Events newest first, a keyset page at a time."""
    try:
        cursor = selectors.Cursor.parse(request.GET.get("after", ""))
    except ValueError as error:
        raise Http404("This page link is broken.") from error
    page = selectors.events_page(after=cursor, size=PAGE_SIZE)
    context = {"page": page, "member_names": dict(Member.objects.values_list("code", "name_en"))}
    template = "timeline/timeline.html"
    return TemplateResponse(request, template + "#event-page" if request.htmx else template, context)


@require_GET
@permission_required(can_browse)
def source_detail(request: AuthedRequest, source_id: int) -> HttpResponse:
    """One source text, always escaped, with what the ingest made of it."""
    source = get_object_or_404(SourceText.objects.select_related("upload", "duplicate_of").defer("raw_bytes"),
                               pk=source_id)
    contributions = list(source.contributions.select_related("actor").order_by("actor__code", "type", "event_ordinal"))
    histories = commitment_histories((c.actor_id, c.type) for c in contributions)
    for contribution in contributions:
        contribution.history = histories.get((contribution.actor_id, contribution.type), [])
    context = {"source": source, "events": list(source.events.all()), "contributions": contributions}
    return TemplateResponse(request, "timeline/source_detail.html", context)

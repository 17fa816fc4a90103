"""CSV and JSON exports of the timeline's filter: events, or the contributions behind them.

Streamed a chunk of rows at a time from a server-side cursor, so a million rows cost no more memory
than fifty. The parameters are the timeline's (apps.timeline.filters) plus what=events|contributions.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.db.models import F
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.permissions import can_browse
from apps.timeline.filters import TimelineFilter
from apps.timeline.selectors import EVENT_ORDER, matching_contributions, matching_events

CHUNK = 2000
EVENT_COLUMNS = ("id", "occurred_on", "headline", "members", "people", "types", "statuses", "review", "language",
                 "agency", "source_id", "snippet")
CONTRIBUTION_COLUMNS = ("id", "stated_on", "actor", "type", "status", "review", "confidence", "evidence", "source_id",
                        "event_id")


def _events(flt: TimelineFilter) -> Iterator[dict[str, Any]]:
    rows = (matching_events(flt).order_by(*EVENT_ORDER.ordering())
            .values_list("id", "occurred_on", "headline", "member_codes", "person_slugs", "commitment_types",
                         "commitment_statuses", "review_states", "language", "agency", "source_id", "snippet"))
    for row in rows.iterator(chunk_size=CHUNK):
        yield dict(zip(EVENT_COLUMNS, row, strict=True))


def _contributions(flt: TimelineFilter) -> Iterator[dict[str, Any]]:
    rows = matching_contributions(flt)
    values = (rows.order_by(F("stated_on").desc(nulls_last=True), "-id")
              .values_list("id", "stated_on", "actor__code", "type", "status", "review_state", "confidence",
                           "evidence", "source_id", "event_id"))
    for row in values.iterator(chunk_size=CHUNK):
        yield dict(zip(CONTRIBUTION_COLUMNS, row, strict=True))


def _rows(request: AuthedRequest) -> tuple[str, tuple[str, ...], Iterator[dict[str, Any]]]:
    flt = TimelineFilter.from_query(request.GET)
    if request.GET.get("what") == "contributions":
        return "contributions", CONTRIBUTION_COLUMNS, _contributions(flt)
    return "events", EVENT_COLUMNS, _events(flt)


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


class _Echo:
    """A file-like object whose write returns what it was given: csv.writer then yields lines."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns)  # a BOM, so spreadsheets read the Cyrillic as UTF-8
    for row in rows:
        yield writer.writerow([_cell(row[c]) for c in columns])


def _json_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False, default=_cell)
    yield "\n]\n"


def _filename(kind: str, extension: str) -> str:
    return f"coalition-{kind}-{timezone.localdate().isoformat()}.{extension}"


@require_GET
@permission_required(can_browse)
def export_csv(request: AuthedRequest) -> StreamingHttpResponse:
    """The timeline's filter as CSV (events, or ?what=contributions), streamed."""
    kind, columns, rows = _rows(request)
    response = StreamingHttpResponse(_csv_lines(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(kind, "csv")}"'
    return response


@require_GET
@permission_required(can_browse)
def export_json(request: AuthedRequest) -> StreamingHttpResponse:
    """The timeline's filter as a JSON array (events, or ?what=contributions), streamed."""
    kind, _, rows = _rows(request)
    response = StreamingHttpResponse(_json_chunks(rows), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(kind, "json")}"'
    return response

"""GET /api/v1/contributions: the commitments, filtered like the export, paged by id, in bounded queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.api.tests.conftest import walk
from apps.coalition.models import Contribution
from apps.timeline.tests.test_dashboard import ingest

pytestmark = pytest.mark.django_db


def triples(response) -> list[tuple[str, str, str]]:
    assert response.status_code == 200, response.content
    return sorted((c["actor"], c["type"], c["status"]) for c in response.json()["items"])


ALL = [("DE", "air_defence", "delivered"), ("DE", "air_defence", "pledged"), ("FR", "multinational_force", "proposed"),
       ("PL", "training", "pledged")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("member=DE", ALL[:2]),
        ("member=de,pl", [*ALL[:2], ALL[3]]),
        ("member=DE&status=pledged", [ALL[1]]),
        ("type=training", [ALL[3]]),
        ("status=pledged&status=proposed", ALL[1:]),
        ("review=machine", ALL),
        ("review=confirmed", []),
        ("date_from=2026-03-01", ALL[:2]),
        ("date_to=2026-01-31", [ALL[2]]),
        ("lang=ru", [ALL[0]]),
        ("agency=Reuters", [ALL[1]]),
        ("q=Patriot", [ALL[0]]),
        ("person=pistorius", []),
    ],
)
def test_filters(api, articles, query, expected):
    assert triples(api.get(f"/api/v1/contributions?{query}")) == expected


def test_fields(api, articles):
    item = api.get("/api/v1/contributions?member=PL").json()["items"][0]
    contribution = Contribution.objects.get(pk=item["id"])
    assert item["source_id"] == articles["pl_training.txt"] and item["event_id"] == contribution.event_id
    assert item["stated_on"] == "2026-02-01" and item["review"] == "machine" and item["evidence"]


def test_updated_since_finds_reviewed_commitments(api, articles):
    Contribution.objects.update(updated_at=timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert triples(api.get("/api/v1/contributions", {"updated_since": since})) == []
    reviewed = Contribution.objects.get(actor__code="FR")
    reviewed.review_state = Contribution.ReviewState.CONFIRMED
    reviewed.save(update_fields=["review_state", "updated_at"])
    response = api.get("/api/v1/contributions", {"updated_since": since})
    assert triples(response) == [ALL[2]] and response.json()["items"][0]["review"] == "confirmed"


def test_cursor_walks_every_row_once(api):
    for day in range(1, 24):
        ingest(f"d{day}.txt", f"date 2026-02-{day:02d} Germany will send air defence systems, day {day}.")
    ids = walk(api, "/api/v1/contributions?member=DE&limit=5")
    assert ids == list(Contribution.objects.filter(actor__code="DE").order_by("-id").values_list("id", flat=True))
    assert len(ids) == 23


def test_unusable_values_are_422(api):
    for query in ("status=maybe", "member=D%20E", "review=perhaps", "date_to=tomorrow", "cursor=e30",
                  "updated_since=2026-02-30T00:00:00"):
        response = api.get(f"/api/v1/contributions?{query}")
        assert response.status_code == 422, (query, response.content)
        assert response.json()["detail"][0]["msg"]
    events_cursor = api.get("/api/v1/events?limit=1").json()["next_cursor"]
    assert events_cursor is None or api.get("/api/v1/contributions", {"cursor": events_cursor}).status_code == 422


def test_the_same_queries_for_3_or_30_rows(api, analyst_client):
    def count(client, url):
        client.get(url)  # warm: the token's last use is written at most once a minute, whatever the rows
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = ["/api/v1/contributions", "/api/v1/contributions?member=DE&lang=en&q=systems&limit=200"]
    for i in range(3):
        ingest(f"few{i}.txt", f"date 2026-03-{i + 1:02d} Germany will send air defence systems, part {i}.")
    few = [count(client, url) for url in urls for client in (api, analyst_client)]
    for i in range(27):
        ingest(f"more{i}.txt", f"date 2026-03-{i % 28 + 1:02d} Germany will send air defence systems, part {i}.")
    assert [count(client, url) for url in urls for client in (api, analyst_client)] == few
    assert max(few) <= 2, few  # the token or the user; the commitments with their actors

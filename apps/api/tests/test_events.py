"""GET /api/v1/events and /events/{id}: the timeline's filters, updated_since, keyset pages, errors, query counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.api.tests.conftest import first_words, walk
from apps.coalition.models import Contribution
from apps.timeline.models import TimelineEvent
from apps.timeline.tests.test_dashboard import ingest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [  # the same filters, the same answers as the timeline page (apps/timeline/tests/test_dashboard.py)
        ("", ["Германия", "Germany", "Польща", "France"]),
        ("member=DE", ["Германия", "Germany"]),
        ("member=de", ["Германия", "Germany"]),
        ("member=DE&status=delivered", ["Германия"]),
        ("type=air_defence&status=pledged", ["Germany"]),
        ("member=FR,PL", ["Польща", "France"]),
        ("member=FR&member=PL", ["Польща", "France"]),
        ("lang=uk", ["Польща"]),
        ("lang=ru&lang=uk", ["Германия", "Польща"]),
        ("agency=Reuters", ["Germany"]),
        ("date_from=2026-02-15", ["Германия", "Germany"]),
        ("date_to=2026-01-31", ["France"]),
        ("date_from=2026-02-01&date_to=2026-03-02", ["Germany", "Польща"]),
        ("review=machine&type=training", ["Польща"]),
        ("review=confirmed", []),
        ("person=pistorius", []),
        ("q=Германии", ["Германия"]),
        ("q=system", ["Germany"]),
    ],
)
def test_filters_match_the_timeline(api, articles, query, expected):
    assert first_words(api.get(f"/api/v1/events?{query}")) == expected


def test_an_event_carries_its_commitments(api, articles):
    item = next(i for i in api.get("/api/v1/events?member=DE&status=delivered").json()["items"])
    assert item["members"] == ["DE", "UA"] and item["statuses"] == ["delivered"] and item["language"] == "ru"
    assert item["source_id"] == articles["de_delivery.txt"] and item["source_url"] == f"/sources/{item['source_id']}/"
    assert [(c["actor"], c["type"], c["status"], c["review"]) for c in item["contributions"]] == [
        ("DE", "air_defence", "delivered", "machine")]
    assert item["contributions"][0]["event_id"] == item["id"]
    detail = api.get(f"/api/v1/events/{item['id']}")
    assert detail.status_code == 200 and detail.json() == item


def test_unknown_event_is_404(api, articles):
    response = api.get("/api/v1/events/999999999")
    assert response.status_code == 404 and "id" in response.json()["detail"]
    assert api.get("/api/v1/events/0").status_code == 422


def test_updated_since_covers_new_events_and_reviewed_commitments(api, articles):
    long_ago = timezone.now() - timedelta(days=30)
    TimelineEvent.objects.update(created_at=long_ago)
    Contribution.objects.update(updated_at=long_ago)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert first_words(api.get("/api/v1/events", {"updated_since": since})) == []
    TimelineEvent.objects.filter(source_id=articles["fr_troops.txt"]).update(created_at=timezone.now())
    pl = Contribution.objects.get(source_id=articles["pl_training.txt"])
    pl.review_state = Contribution.ReviewState.CONFIRMED
    pl.save(update_fields=["review_state", "updated_at"])  # a review changes the commitment, not the event row
    response = api.get("/api/v1/events", {"updated_since": since})
    assert first_words(response) == ["Польща", "France"]
    polish = response.json()["items"][0]
    assert datetime.fromisoformat(polish["updated_at"]) > datetime.fromisoformat(polish["created_at"])
    # Without an offset the moment is UTC; a day alone is its midnight.
    naive = (datetime.now(UTC) - timedelta(days=1)).replace(tzinfo=None).isoformat()
    assert first_words(api.get("/api/v1/events", {"updated_since": naive})) == ["Польща", "France"]
    assert first_words(api.get("/api/v1/events", {"updated_since": "2000-01-01"})) == [
        "Германия", "Germany", "Польща", "France"]


def test_cursor_walks_every_row_once_in_order(api):
    for day in range(1, 29):
        ingest(f"d{day}.txt", f"date 2026-02-{day:02d} Germany will send air defence systems, day {day}.")
    ingest("same_day.txt", "date 2026-02-10 Germany will send air defence systems again.")  # a tie on the day
    ingest("fr.txt", "date 2026-02-10 France will send troops.")
    ids = walk(api, "/api/v1/events?member=DE&limit=7")
    expected = list(TimelineEvent.objects.filter(member_codes__contains=["DE"]).newest_first()
                    .values_list("id", flat=True))
    assert len(expected) == 29 and ids == expected
    days = [e["occurred_on"] for e in api.get("/api/v1/events?member=DE&limit=200").json()["items"]]
    assert days == sorted(days, reverse=True)


def test_undated_events_come_last_and_page_too(api):
    ingest("dated.txt", "date 2026-02-01 Germany will send air defence systems.")
    undated = [ingest(f"u{i}.txt", f"Germany will send air defence systems, part {i}.") for i in range(3)]
    TimelineEvent.objects.filter(source_id__in=undated).update(occurred_on=None)
    pages = walk(api, "/api/v1/events?limit=2")
    assert len(pages) == len(set(pages)) == TimelineEvent.objects.count()
    assert TimelineEvent.objects.get(pk=pages[0]).occurred_on is not None
    assert all(TimelineEvent.objects.get(pk=i).occurred_on is None for i in pages[-3:])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=maybe", "“maybe” is not a status"),
        ("type=tanks", "“tanks” is not a type"),
        ("date_from=2026-13-01", "is not a date (YYYY-MM-DD)"),
        ("date_from=2026-03-01&date_to=2026-01-01", "The start date is after the end date"),
        ("member=D%20E", "is not a member"),
        ("updated_since=yesterday", "is not a date and time"),
        ("updated_since=0001-01-01T00:00:00%2B05:00", "is not a date and time"),
        ("cursor=garbage", "The cursor is not one this API gave out"),
        ("agency=A%00B", "NUL"),
        ("q=%00", "NUL"),
    ],
)
def test_unusable_values_are_422_with_readable_messages(api, query, message):
    response = api.get(f"/api/v1/events?{query}")
    assert response.status_code == 422, response.content
    assert any(message in error["msg"] for error in response.json()["detail"]), response.json()


def test_cursors_of_another_list_and_bad_limits_are_refused(api, articles):
    members_cursor = api.get("/api/v1/members?limit=1").json()["next_cursor"]
    assert api.get("/api/v1/events", {"cursor": members_cursor}).status_code == 422
    assert api.get("/api/v1/events?limit=0").status_code == 422
    assert api.get("/api/v1/events?limit=201").status_code == 422
    assert len(api.get("/api/v1/events?limit=200").json()["items"]) == 4


def _count(client, url: str) -> int:
    # Warm first: the session, the permissions and the token's last use are refreshed now and then, whatever the
    # number of rows (last_used_at once a minute; ingesting the rows may take longer than that).
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/api/v1/events", "/api/v1/events?member=DE&type=air_defence&q=systems&limit=200",
                                 "/api/v1/events?updated_since=2000-01-01T00:00:00Z"])
def test_list_takes_the_same_few_queries_for_3_or_30_events(api, analyst_client, url):
    for i in range(3):
        ingest(f"few{i}.txt", f"date 2026-03-{i + 1:02d} Germany will send air defence systems, part {i}.")
    few = [_count(api, url), _count(analyst_client, url)]
    for i in range(27):
        ingest(f"more{i}.txt", f"date 2026-03-{i % 28 + 1:02d} Germany will send air defence systems, part {i}.")
    assert [_count(api, url), _count(analyst_client, url)] == few
    assert max(few) <= 3, few  # the token or the user; the events; their commitments


def test_detail_takes_three_queries(api, articles):
    event_id = TimelineEvent.objects.values_list("id", flat=True).first()
    assert _count(api, f"/api/v1/events/{event_id}") <= 3

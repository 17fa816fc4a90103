"""Timeline and source pages: newest first, keyset pages, escaping, bounded queries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from apps.sources.tests.factories import SourceTextFactory
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def make_events(count: int, start: date = date(2026, 1, 1)) -> list[TimelineEvent]:
    events = []
    for i in range(count):
        source = SourceTextFactory.create(status="ingested")
        events.append(TimelineEvent.objects.create(
            source=source, occurred_on=start + timedelta(days=i), headline=f"Event {i}",
            snippet="France pledged air defence.", language="en", member_codes=["FR"],
            commitment_types=["air_defence"]))
    return events


def test_timeline_is_newest_first_with_badges(analyst_client):
    make_events(3)
    html = analyst_client.get(reverse("timeline:index")).content.decode()
    assert html.index("Event 2") < html.index("Event 1") < html.index("Event 0")
    assert 'class="badge member"' in html and "Air defence" in html


def test_timeline_pages_by_keyset_without_gaps_or_repeats(analyst_client):
    make_events(120)
    seen: list[str] = []
    url: str | None = reverse("timeline:index")
    while url:
        response = analyst_client.get(url, headers={"HX-Request": "true"})
        page = response.context["page"]
        seen += [e.headline for e in page.events]
        url = f"{reverse('timeline:index')}?after={page.next_cursor}" if page.next_cursor else None
    assert seen == [f"Event {i}" for i in reversed(range(120))]


def test_timeline_query_count_is_constant(analyst_client, django_assert_max_num_queries):
    make_events(60)
    analyst_client.get(reverse("timeline:index"))  # member and person labels come from a shared cache: fill it
    with django_assert_max_num_queries(6):
        analyst_client.get(reverse("timeline:index"))


def test_undated_events_come_last():
    make_events(2)
    undated = TimelineEvent.objects.create(source=SourceTextFactory.create(), headline="Undated")
    assert list(TimelineEvent.objects.newest_first())[-1] == undated


def test_broken_cursor_is_a_404(analyst_client):
    assert analyst_client.get(reverse("timeline:index") + "?after=garbage").status_code == 404


def test_source_text_is_always_escaped(analyst_client):
    source = SourceTextFactory.create(status="ingested", text="<script>alert(1)</script>\n\n<b>bold</b>")
    html = analyst_client.get(reverse("timeline:source_detail", args=[source.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_timeline_needs_login(client):
    assert client.get(reverse("timeline:index")).status_code == 302


def test_user_without_a_role_is_refused(django_user_model, client):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    assert client.get(reverse("timeline:index")).status_code == 403


def test_source_page_shows_each_commitments_history_in_bounded_queries(analyst_client, django_assert_max_num_queries):
    from apps.coalition.models import Contribution, Member

    germany = Member.objects.get(code="DE")
    sources = [SourceTextFactory.create(status="ingested", text=f"Article {i}") for i in range(3)]
    for source, (status, day) in zip(sources, [("proposed", 1), ("pledged", 5), ("approved", 9)], strict=True):
        Contribution.objects.create(source=source, actor=germany, type="air_defence", status=status,
                                    evidence=f"Germany {status} air defence.", stated_on=date(2026, 1, day))
        Contribution.objects.create(source=source, actor=germany, type="training", status="pledged",
                                    evidence="Germany will train pilots.", stated_on=date(2026, 1, day))
    url = reverse("timeline:source_detail", args=[sources[-1].pk])
    analyst_client.get(url)  # the labels are cached for a minute: a test run long enough may find them gone
    with django_assert_max_num_queries(8):
        html = analyst_client.get(url).content.decode()
    history = html[html.index('class="history"'):]
    assert history.index("Proposed") < history.index("Pledged") < history.index("Approved")
    assert "2026-01-01" in history and "(this article)" in history
    assert html.count('class="history"') == 1  # training never changed status: no history line

"""The analyst's pages on real ingested articles: filters, facets, search, exports, overview, member pages."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import CommitmentCell, StatementMonth
from apps.sources import receive
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest, source_reextract
from apps.timeline.filters import TimelineFilter

pytestmark = pytest.mark.django_db

ARTICLES = {
    "de_pledge.txt": "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.",
    "de_delivery.txt": "date 2026-03-10 Германия передала Украине систему противовоздушной обороны Patriot, "
                       "сообщает ТАСС.",
    "fr_troops.txt": "date 2026-01-05 France could send troops to Ukraine after a ceasefire, according to AFP.",
    "pl_training.txt": "date 2026-02-01 Польща пообіцяла навчати українських пілотів, повідомляє Укрінформ.",
}


def ingest(name: str, text: str) -> int:
    data = text.encode()
    source = receive.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))
    source_ingest(source_id=source.pk)
    return source.pk


@pytest.fixture
def articles() -> dict[str, int]:
    return {name: ingest(name, text) for name, text in ARTICLES.items()}


def headlines(client, query: str = "") -> list[str]:
    response = client.get(reverse("timeline:index") + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return [e.headline.split(" ")[0] for e in response.context["page"].events]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Германия", "Germany", "Польща", "France"]),
        ("member=DE", ["Германия", "Germany"]),
        ("member=DE&status=delivered", ["Германия"]),
        ("type=air_defence&status=pledged", ["Germany"]),
        ("member=FR,PL", ["Польща", "France"]),
        ("member=FR&member=PL", ["Польща", "France"]),
        ("lang=uk", ["Польща"]),
        ("agency=Reuters", ["Germany"]),
        ("date_from=2026-02-15", ["Германия", "Germany"]),
        ("date_to=2026-01-31", ["France"]),
        ("review=machine&type=training", ["Польща"]),
        ("person=pistorius", []),
    ],
)
def test_filters(analyst_client, articles, query, expected):
    assert headlines(analyst_client, query) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Германии", ["Германия"]),  # another case form of the Russian word
        ("пілотами", ["Польща"]),  # Ukrainian, instrumental
        ("system", ["Germany"]),  # English, stemmed by PostgreSQL: "systems"
        ("Patriot ТАСС", ["Германия"]),
        ("nothing-like-this", []),
    ],
)
def test_search_finds_any_case_form(analyst_client, articles, q, expected):
    assert headlines(analyst_client, f"q={q}") == expected


def test_search_highlights_escaped_matches(analyst_client, articles):
    ingest("evil.txt", "date 2026-04-01 <script>alert(1)</script> France will send troops to Ukraine.")
    html = analyst_client.get(reverse("timeline:index") + "?q=troops").content.decode()
    assert "<mark>troops</mark>" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_relevance_order_ranks_the_candidates(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:index") + "?q=send&sort=relevance")
    assert response.context["by_relevance"] and response.context["page"].next_cursor is None
    assert {e.headline.split(" ")[0] for e in response.context["page"].events} == {"Germany", "France"}


def test_unknown_filter_values_are_named_and_left_out(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:index") + "?status=maybe&date_from=2026-13-01&member=DE")
    assert response.status_code == 200
    html = response.content.decode()
    assert "“maybe” is not a status" in html and "is not a date" in html
    assert [e.headline.split(" ")[0] for e in response.context["page"].events] == ["Германия", "Germany"]


def test_facet_counts_and_toggle_links(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:index") + "?member=DE")
    facets = response.context["facets"]
    assert facets.total == 2 and not facets.capped
    assert dict(facets.counts["status"]) == {"pledged": 1, "delivered": 1}
    groups = {g.name: g for g in response.context["facet_groups"]}
    germany = next(i for i in groups["member"].items if i.value == "DE")
    assert germany.active and germany.count == 2 and "member=" not in germany.querystring  # the link removes it
    pledged = next(i for i in groups["status"].items if i.value == "pledged")
    assert pledged.querystring == "member=DE&status=pledged"


def test_htmx_filter_change_returns_the_body_and_more_returns_a_page(analyst_client, articles):
    url = reverse("timeline:index")
    body = analyst_client.get(url + "?member=DE", headers={"HX-Request": "true"}).content.decode()
    assert 'id="timeline-body"' in body and "<html" not in body and "Filters" in body
    first = analyst_client.get(url + "?member=DE").context["page"]
    assert first.next_cursor is None
    page = analyst_client.get(url + "?after=2026-03-02_999999999", headers={"HX-Request": "true"}).content.decode()
    assert 'id="timeline-body"' not in page and "<html" not in page
    restore = analyst_client.get(url + "?member=DE",
                                 headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert b"<html" in restore.content  # back and forward get the whole page


def test_filtered_pages_by_keyset_without_gaps(analyst_client):
    for day in range(1, 29):
        ingest(f"d{day}.txt", f"date 2026-02-{day:02d} Germany will send air defence systems, day {day}.")
    ingest("fr.txt", "date 2026-02-10 France will send troops.")
    seen: list[int] = []
    url: str | None = reverse("timeline:index") + "?member=DE"
    from apps.timeline import views

    views.PAGE_SIZE, saved = 10, views.PAGE_SIZE
    try:
        while url:
            page = analyst_client.get(url, headers={"HX-Request": "true"}).context["page"]
            seen += [e.occurred_on.day for e in page.events]
            url = (reverse("timeline:index") + f"?member=DE&after={page.next_cursor}") if page.next_cursor else None
    finally:
        views.PAGE_SIZE = saved
    assert seen == list(range(28, 0, -1))


def test_pages_take_a_bounded_number_of_queries(analyst_client, articles):
    pages = [reverse("timeline:index"), reverse("timeline:index") + "?member=DE&type=air_defence&q=Patriot",
             reverse("timeline:overview"), reverse("timeline:member_detail", args=["DE"])]
    few = {}
    for page in pages:
        analyst_client.get(page)  # warm the caches (session, permissions, labels)
        with CaptureQueriesContext(connection) as queries:
            assert analyst_client.get(page).status_code == 200
        few[page] = len(queries)
    for i in range(20):
        ingest(f"more{i}.txt", f"date 2026-03-{i % 28 + 1:02d} Germany will send air defence systems, part {i}.")
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            assert analyst_client.get(page).status_code == 200
        assert len(queries) == few[page] <= 6, (page, [q["sql"][:80] for q in queries.captured_queries])


def test_csv_and_json_exports_stream_the_filter(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:export_csv") + "?member=DE")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["headline"].split(" ")[0] for r in rows] == ["Германия", "Germany"]
    assert rows[0]["members"] == "DE UA" and rows[0]["statuses"] == "delivered"
    data = json.loads(b"".join(analyst_client.get(reverse("timeline:export_json") + "?lang=uk").streaming_content))
    assert [d["language"] for d in data] == ["uk"] and data[0]["types"] == ["training"]
    contributions = json.loads(b"".join(analyst_client.get(
        reverse("timeline:export_json") + "?what=contributions&member=DE").streaming_content))
    assert sorted((c["actor"], c["type"], c["status"]) for c in contributions) == [
        ("DE", "air_defence", "delivered"), ("DE", "air_defence", "pledged")]


def test_exports_need_a_login(client):
    assert client.get(reverse("timeline:export_csv")).status_code == 302


def test_overview_matrix_chart_and_gaps(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:overview") + "?gap_days=0")
    data = response.context["o"]
    rows = {r.member.code: r for r in data.rows}
    assert set(rows) == {"DE", "FR", "PL"}
    cell = {c.type: c for c in rows["DE"].cells if c}["air_defence"]
    assert cell.best_status == "delivered" and cell.statements == 2
    assert [(g.cell.actor.code, g.cell.type) for g in data.gaps] == [("PL", "training")]
    assert data.statements == 4 and data.members == 3
    html = response.content.decode()
    assert '<svg class="chart"' in html and "Pledged, not delivered" in html
    # Each cell: status, count and latest date, linking to the timeline of that member and type.
    assert ('<td class="cell cell-delivered"><a href="/timeline/?member=DE&amp;type=air_defence" '
            'title="Germany, air defence: delivered, 2 statements, latest 10 March 2026">') in html
    assert '<span class="cell-count">2</span><time class="cell-date" datetime="2026-03-10">Mar 26</time>' in html
    partial = analyst_client.get(reverse("timeline:overview") + "?gap_days=3650", headers={"HX-Request": "true"})
    assert b'id="gap-list"' in partial.content and b"<html" not in partial.content
    assert partial.context["o"].gaps == []


def test_tallies_kept_by_ingest_equal_a_rebuild(articles):
    def snapshot():
        return (sorted(CommitmentCell.objects.values_list("actor__code", "type", "sure", "proposed", "pledged",
                                                          "approved", "delivered", "withdrawn", "last_status")),
                sorted(StatementMonth.objects.filter(count__gt=0).values_list("month", "status", "count")))

    for source_id in articles.values():  # re-reading takes the old statements off before adding the new
        source_reextract(source_id=source_id)
    kept = snapshot()
    tallies_rebuild()
    assert snapshot() == kept


def test_member_page_shows_the_dated_history(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:member_detail", args=["de"]))
    assert response.status_code == 200
    commitments = {c.type: c for c in response.context["commitments"]}
    steps = commitments["air_defence"].steps
    assert [(s.status, s.first_on.isoformat()) for s in steps] == [("pledged", "2026-03-02"),
                                                                   ("delivered", "2026-03-10")]
    assert commitments["air_defence"].current.status == "delivered"
    assert analyst_client.get(reverse("timeline:member_detail", args=["ZZ"])).status_code == 404


def test_filter_round_trips_through_the_url():
    flt = TimelineFilter.from_query({"member": "DE,FR", "type": ["air_defence"], "q": "  Patriot  ",
                                     "date_from": "2026-01-01"})
    assert flt.querystring() == "member=DE&member=FR&type=air_defence&date_from=2026-01-01&q=Patriot"
    assert TimelineFilter.from_query(dict([("member", ["DE", "FR"]), ("type", "air_defence"), ("q", "Patriot"),
                                           ("date_from", "2026-01-01")])) == flt


def test_search_shows_where_in_the_article_the_words_are(analyst_client, articles):
    ingest("long.txt", "date 2026-04-02 Canada will train Ukrainian pilots, CBC reported.\n\n"
                       + "Officials met in Ottawa. " * 30 + "The package also covers demining equipment.")
    html = analyst_client.get(reverse("timeline:index") + "?q=demining").content.decode()
    assert "In the article:" in html and "<mark>demining</mark>" in html
    # A match in the headline needs no passage.
    assert "In the article:" not in analyst_client.get(reverse("timeline:index") + "?q=troops").content.decode()


def test_a_submitted_form_is_redirected_to_the_clean_address(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:index") + "?member=DE&q=&date_from=&date_to=&sort=newest")
    assert response.status_code == 302 and response["Location"] == reverse("timeline:index") + "?member=DE"
    htmx = analyst_client.get(reverse("timeline:index") + "?q=troops&date_from=&sort=newest",
                              headers={"HX-Request": "true", "HX-Target": "timeline-body"})
    assert htmx.status_code == 200 and htmx["HX-Push-Url"] == reverse("timeline:index") + "?q=troops"


def test_sure_only_keeps_editor_confirmed_and_high_confidence_commitments(analyst_client, articles, editor):
    """sure=1 (“confirmed by an editor or high confidence”) on the timeline, the overview's matrix and the
    exports; an editor's confirmation makes a commitment sure, and the tallies follow."""
    from apps.coalition.models import Contribution
    from apps.review import services as review
    from apps.timeline.services import events_commitments_refresh

    Contribution.objects.update(confidence=0.4)
    Contribution.objects.filter(actor__code="DE", status="delivered").update(confidence=0.95)
    events_commitments_refresh(event_ids=list(Contribution.objects.values_list("event_id", flat=True)))
    tallies_rebuild()
    assert headlines(analyst_client, "sure=1") == ["Германия"]
    assert headlines(analyst_client, "sure=1&member=DE&status=pledged") == []
    assert headlines(analyst_client, "sure=1&type=air_defence") == ["Германия"]

    pl = Contribution.objects.get(actor__code="PL")
    review.contribution_confirm(contribution=pl, version=pl.version, actor=editor)
    assert headlines(analyst_client, "sure=1") == ["Германия", "Польща"]
    assert headlines(analyst_client, "sure=1&member=PL&type=training") == ["Польща"]

    overview = analyst_client.get(reverse("timeline:overview") + "?sure=1&gap_days=0")
    rows = {r.member.code: r for r in overview.context["o"].rows}
    assert set(rows) == {"DE", "PL"}
    cell = {c.type: c for c in rows["DE"].cells if c}["air_defence"]
    assert cell.statements == 1 and cell.best_status == "delivered"
    assert 'href="/timeline/?sure=1&amp;member=DE&amp;type=air_defence"' in overview.content.decode()
    everything = {r.member.code: r for r in analyst_client.get(reverse("timeline:overview")).context["o"].rows}
    assert {c.type: c for c in everything["DE"].cells if c}["air_defence"].statements == 2
    kept = sorted(CommitmentCell.objects.values_list("actor__code", "type", "sure", "pledged", "delivered"))
    tallies_rebuild()
    assert sorted(CommitmentCell.objects.values_list("actor__code", "type", "sure", "pledged", "delivered")) == kept

    contributions = json.loads(b"".join(analyst_client.get(
        reverse("timeline:export_json") + "?what=contributions&sure=1").streaming_content))
    assert sorted((c["actor"], c["status"]) for c in contributions) == [("DE", "delivered"), ("PL", "pledged")]

"""The synthetic events generator (manage.py generate_events): rows as an ingest makes them, the same for
the same seed, removed by --clear and nothing else with them."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from apps import extraction
from apps.bench import articles, synthetic
from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import CommitmentCell, Contribution, StatementMonth
from apps.sources import ingest, receive
from apps.sources.archives import IncomingFile
from apps.sources.ingest import extraction_config
from apps.sources.models import SourceText
from apps.timeline.filters import TimelineFilter
from apps.timeline.models import TimelineEvent
from apps.timeline.selectors import facet_counts, matching_events

pytestmark = pytest.mark.django_db

COUNT = 300
REAL_ARTICLE = "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported."


def generate(count: int = COUNT, *, seed: int = 7, batch: int = 128, clear: bool = False) -> str:
    out = io.StringIO()
    call_command("generate_events", str(count), "--seed", str(seed), "--batch", str(batch),
                 *(["--clear"] if clear else []), stdout=out)
    return out.getvalue()


def synthetic_events():
    return TimelineEvent.objects.filter(source__original_name__startswith=synthetic.NAME_PREFIX)


def snapshot() -> list[tuple]:
    """Everything generated, without ids and timestamps."""
    events = list(synthetic_events().order_by("source__original_name").values_list(
        "source__original_name", "occurred_on", "headline", "snippet", "language", "agency", "member_codes",
        "person_slugs", "commitment_types", "commitment_statuses", "commitment_keys", "review_states",
        "source__sha256", "source__text"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT s.original_name, e.search_vector::text FROM timeline_timelineevent e "
                       "JOIN sources_sourcetext s ON s.id = e.source_id WHERE s.original_name LIKE 'synthetic-%' "
                       "ORDER BY 1")
        vectors = cursor.fetchall()
    contributions = sorted(Contribution.objects.filter(source__original_name__startswith=synthetic.NAME_PREFIX)
                           .values_list("source__original_name", "actor__code", "type", "status", "evidence",
                                        "stated_on", "review_state"))
    return [*events, *vectors, *contributions]


def tallies() -> tuple[list, list]:
    return (sorted(CommitmentCell.objects.values_list("actor__code", "type", "sure", "proposed", "pledged", "approved",
                                                      "delivered", "withdrawn", "first_pledged_on",
                                                      "first_delivered_on", "last_on", "last_status")),
            sorted(StatementMonth.objects.filter(count__gt=0).values_list("month", "status", "count")))


def ingest_real_article() -> SourceText:
    data = REAL_ARTICLE.encode()
    source = receive.source_receive(upload=None, item=IncomingFile("real.txt", data, None, len(data)))
    ingest.source_ingest(source_id=source.pk)
    return SourceText.objects.get(pk=source.pk)


def test_generates_sources_events_and_contributions():
    output = generate()
    assert f"generated {COUNT} events" in output and "events/s" in output
    sources = SourceText.objects.filter(original_name__startswith="synthetic-7-")
    assert sources.count() == COUNT and set(sources.values_list("status", flat=True)) == {"ingested"}
    assert sorted(sources.values_list("original_name", flat=True))[:2] == ["synthetic-7-00000000.txt",
                                                                        "synthetic-7-00000001.txt"]
    events = list(synthetic_events())
    assert len(events) == COUNT and {e.ordinal for e in events} == {0}
    assert {e.language for e in events} == {"ru", "uk", "en"}
    dated = [e.occurred_on for e in events if e.occurred_on]
    assert min(dated) >= articles.FIRST_DAY and max(dated) <= articles.LAST_DAY
    assert max(dated) - min(dated) > (articles.LAST_DAY - articles.FIRST_DAY) * 0.8  # spread over the years
    # Each event's commitments are its contributions, and its review states theirs.
    contributions: dict[int, set] = {}
    states: dict[int, set] = {}
    for event_id, actor, type_, status, state in Contribution.objects.filter(event__in=events).values_list(
            "event_id", "actor__code", "type", "status", "review_state"):
        contributions.setdefault(event_id, set()).add(f"{actor}:{type_}:{status}")
        states.setdefault(event_id, set()).add(state)
    for event in events:
        full_keys = {k for k in event.commitment_keys if not re.search(r"(^\+)|(^:)|(::)|(:$)", k)}
        assert contributions.get(event.id, set()) == full_keys
        assert set(event.review_states) == states.get(event.id, set())
        assert set(event.commitment_types) == {k.split(":")[1] for k in full_keys}
    assert sum(map(len, contributions.values())) > COUNT  # a few commitments an article, as in the corpus
    reviewed = Counter(s for e in events for s in e.review_states)
    assert reviewed["machine"] > reviewed["confirmed"] > 0


def test_rows_are_what_an_ingest_of_the_article_makes():
    """Read each synthetic article with the real pipeline: the same language, outlet, members, people, and
    exactly the search vector events_replace would store."""
    generate()
    config = extraction_config()
    ids, lemmas, latin = [], [], []
    same: Counter[str] = Counter()
    for event in synthetic_events().select_related("source"):
        document = extraction.extract(bytes(event.source.raw_bytes), filename="x.txt", config=config)
        assert document.ok and document.date == event.occurred_on and document.body == event.source.text
        ids.append(event.id)
        lemmas.append(document.search_lemmas)
        latin.append(document.search_latin)
        same["language"] += document.language == event.language
        same["agency"] += (document.source or "") == event.agency
        same["members"] += list(document.members) == event.member_codes
        same["people"] += list(document.people) == event.person_slugs
        same["headline"] += document.events[0].headline == event.headline
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS x(id, lemmas, latin) "
            "JOIN timeline_timelineevent e ON e.id = x.id "
            "WHERE e.search_vector = to_tsvector('simple', x.lemmas) || to_tsvector('english', x.latin)",
            [ids, lemmas, latin])
        assert cursor.fetchone()[0] == COUNT
    assert same["language"] == COUNT
    # Sentences read one by one see a little less context than the whole article.
    assert min(same.values()) >= 0.95 * COUNT, same


def test_filters_search_facets_and_pages_find_them(analyst_client):
    generate()
    events = list(synthetic_events())
    event = next(e for e in events if e.commitment_keys and e.person_slugs and e.agency and e.occurred_on)
    actor, type_, status = next(k for k in event.commitment_keys if not k.startswith((":", "+"))
                                and "::" not in k and not k.endswith(":")).split(":")
    filters = [
        TimelineFilter(members=(actor,), types=(type_,), statuses=(status,)),
        TimelineFilter(types=(type_,), statuses=(status,)), TimelineFilter(people=(event.person_slugs[0],)),
        TimelineFilter(langs=(event.language,), agencies=(event.agency,)),
        TimelineFilter(date_from=event.occurred_on, date_to=event.occurred_on),
        TimelineFilter(reviews=(event.review_states[0],)),
    ]
    for flt in filters:
        assert matching_events(flt).filter(pk=event.pk).exists(), flt
    word = next(w for w in re.findall(r"\w{6,}", event.headline) if not w.isdigit())
    assert matching_events(TimelineFilter(q=word)).filter(pk=event.pk).exists(), word
    facets = facet_counts(TimelineFilter())
    assert facets.total == COUNT and not facets.capped
    assert dict(facets.counts["lang"]) == dict(Counter(e.language for e in events))
    assert dict(facets.counts["member"])[actor] == sum(actor in e.member_codes for e in events)
    response = analyst_client.get(reverse("timeline:index") + f"?member={actor}&type={type_}&status={status}")
    assert response.status_code == 200 and response.context["page"].events
    assert analyst_client.get(reverse("timeline:member_detail", args=[actor])).status_code == 200
    assert analyst_client.get(reverse("timeline:overview")).status_code == 200


def test_tallies_are_rebuilt_from_the_contributions():
    generate()
    kept = tallies()
    assert kept[0] and kept[1]
    live = Contribution.objects.exclude(review_state="rejected")
    assert sum(sum(row[3:8]) for row in kept[0]) == live.count()
    assert sum(sum(row[3:8]) for row in kept[0] if row[2]) == live.sure().count() > 0
    tallies_rebuild()
    assert tallies() == kept


def test_the_same_seed_makes_the_same_articles_whatever_the_batch():
    generate()
    first = snapshot()
    generate(0, clear=True)
    assert not synthetic_events().exists()
    generate(batch=1000)
    assert snapshot() == first
    generate(50)  # more of the same seed follow on, different articles
    names = sorted(synthetic_events().values_list("source__original_name", flat=True))
    assert len(names) == COUNT + 50 and names[-1] == f"synthetic-7-{COUNT + 49:08d}.txt"
    other = SourceText.objects.filter(original_name__startswith="synthetic-7-").values_list("text", flat=True)
    assert len(set(other)) == COUNT + 50
    generate(20, seed=8)
    assert not {t for t in SourceText.objects.filter(original_name__startswith="synthetic-8-")
                .values_list("text", flat=True)} & set(other)


def test_clear_removes_the_synthetic_rows_only():
    real = ingest_real_article()
    before = tallies()
    generate()
    assert tallies() != before
    output = generate(0, clear=True)
    assert f"cleared {COUNT} synthetic sources" in output
    assert not SourceText.objects.filter(original_name__startswith=synthetic.NAME_PREFIX).exists()
    assert not synthetic_events().exists()
    assert not Contribution.objects.filter(source__original_name__startswith=synthetic.NAME_PREFIX).exists()
    assert TimelineEvent.objects.filter(source=real).count() == 1
    assert Contribution.objects.filter(source=real).exists()
    assert tallies() == before

"""Batched ingest on a real database: a batch's refusals stay its files' own, a batch twice is the same rows,
editors' reviews survive a batch re-extraction, the tallies stay exact, and a batch costs the same number of
queries however many files it holds."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from apps import extraction
from apps.coalition import services as coalition_services
from apps.coalition.models import CommitmentCell, Contribution, StatementMonth
from apps.core import fragments
from apps.core.models import AuditEntry
from apps.names.models import NameSighting
from apps.review import services as review_services
from apps.review.tests.helpers import ARTICLES, MISSED, correct, machine, tallies_match_a_rebuild
from apps.sources import ingest, receive
from apps.sources.archives import IncomingFile
from apps.sources.models import SourceText
from apps.statements.models import Revision
from apps.timeline.models import TimelineEvent
from tests.corpus import BAD, DEV

pytestmark = pytest.mark.django_db
Status = SourceText.Status


@pytest.fixture(autouse=True)
def fresh_gazetteer() -> Iterator[None]:
    coalition_services.gazetteer_invalidate()
    yield
    coalition_services.gazetteer_invalidate()


def received_ids(files: list[tuple[str, bytes]]) -> list[int]:
    """One chunk, as the receiver hands a batch to one task."""
    items = [IncomingFile(name, data, None, len(data)) for name, data in files]
    return [s.pk for s in receive.sources_receive(upload=None, items=items, queue=False)]


def texts(named: dict[str, str]) -> list[tuple[str, bytes]]:
    return [(name, text.encode()) for name, text in named.items()]


def rows() -> tuple[list[tuple], ...]:
    """Everything an ingest derives, without ids (a replace makes new ones)."""
    return (
        sorted(TimelineEvent.objects.values_list("source_id", "ordinal", "occurred_on", "headline", "member_codes",
                                                 "commitment_keys", "review_states")),
        sorted(Contribution.objects.values_list("source_id", "event_ordinal", "actor__code", "type", "status",
                                                "stated_on", "review_state", "event__ordinal")),
        sorted(NameSighting.objects.values_list("source_id", "candidate__key", "text")),
        sorted(Revision.objects.values_list("source_id", "draft_id", "number", "text")),
        sorted(CommitmentCell.objects.values_list("actor__code", "type", "sure", "proposed", "pledged", "approved",
                                                  "delivered", "withdrawn", "first_pledged_on", "last_on",
                                                  "last_status")),
        sorted(StatementMonth.objects.values_list("month", "status", "count")),
        sorted(SourceText.objects.values_list("pk", "status", "language", "published_on", "agency", "text")),
    )


def test_a_refused_file_is_its_own_outcome_and_the_batch_goes_on():
    png = (BAD / "b03_image_renamed.txt").read_bytes()
    ids = received_ids([*texts(ARTICLES), ("picture.txt", png), ("empty.txt", b" ")])
    assert ingest.sources_ingest(source_ids=ids) == []
    sources = {s.original_name: s for s in SourceText.objects.filter(pk__in=ids)}
    assert {name: s.status for name, s in sources.items() if s.status != Status.INGESTED} == {
        "picture.txt": Status.FAILED, "empty.txt": Status.FAILED}
    assert all(s.refusal_reason for s in sources.values() if s.status == Status.FAILED)
    assert all(s.attempts == 1 and s.processed_at for s in sources.values())
    for name in ARTICLES:
        assert TimelineEvent.objects.filter(source=sources[name]).exists()
    refused = AuditEntry.objects.filter(action="source.refuse").values_list("object_id", flat=True)
    assert sorted(refused) == sorted(str(sources[name].pk) for name in ("picture.txt", "empty.txt"))


def test_a_crash_of_the_extraction_refuses_that_file_alone(monkeypatch):
    real = extraction.extract

    def crashing(data: bytes, *, filename: str,
                 config: extraction.ExtractionConfig | None = None) -> extraction.ExtractedDocument:
        if filename == "fr_troops.txt":
            raise RuntimeError("a bug in a rule")
        return real(data, filename=filename, config=config)

    monkeypatch.setattr(extraction, "extract", crashing)
    ids = received_ids(texts(ARTICLES))
    ingest.sources_ingest(source_ids=ids)
    statuses = dict(SourceText.objects.filter(pk__in=ids).values_list("original_name", "status"))
    assert statuses.pop("fr_troops.txt") == Status.FAILED
    assert set(statuses.values()) == {Status.INGESTED}
    assert "internal error" in SourceText.objects.get(original_name="fr_troops.txt").refusal_reason


def test_a_batch_run_twice_leaves_the_same_rows():
    ids = received_ids([*texts(ARTICLES), *((p.name, p.read_bytes()) for p in sorted(DEV.glob("0*.txt"))[:12])])
    ingest.sources_ingest(source_ids=ids)
    first = rows()
    assert first[0] and first[1] and first[4]
    SourceText.objects.filter(pk__in=ids).update(status=Status.QUEUED)  # as if the task were delivered again
    ingest.sources_ingest(source_ids=ids)
    assert rows() == first
    ingest.sources_ingest(source_ids=ids)  # a late delivery: every source is done, nothing is read again
    assert set(SourceText.objects.filter(pk__in=ids).values_list("attempts", flat=True)) == {2}
    assert rows() == first
    assert tallies_match_a_rebuild()


def test_editors_reviews_survive_a_batch_re_extraction_and_the_tallies_stay_exact(editor):
    ids = received_ids(texts({**ARTICLES, "missed.txt": MISSED}))
    ingest.sources_ingest(source_ids=ids)
    by_name = dict(SourceText.objects.filter(pk__in=ids).values_list("original_name", "pk"))
    joint = by_name["joint.txt"]
    correct(machine("DE", "air_defence", joint), editor, status="delivered")
    rejected = machine("FR", "air_defence", joint)
    review_services.contribution_reject(contribution=rejected, version=rejected.version, actor=editor,
                                        note="A venue, not an actor.")
    confirmed = machine("PL", "training")
    review_services.contribution_confirm(contribution=confirmed, version=confirmed.version, actor=editor)
    reviewed = {c.pk: (c.review_state, c.status, c.type, c.actor_id) for c in
                Contribution.objects.exclude(review_state=Contribution.ReviewState.MACHINE)}
    assert len(reviewed) == 3
    assert tallies_match_a_rebuild()

    ingest.sources_reextract(source_ids=ids)
    kept = {c.pk: (c.review_state, c.status, c.type, c.actor_id) for c in
            Contribution.objects.exclude(review_state=Contribution.ReviewState.MACHINE)}
    assert kept == reviewed  # the same rows, as the editors left them
    assert not Contribution.objects.filter(pk__in=kept, event__isnull=True).exists()  # linked to the new events
    pairs = list(Contribution.objects.values_list("source_id", "event_ordinal", "actor_id", "type"))
    assert len(pairs) == len(set(pairs))
    # The machine's reading of the corrected pair is not read in again beside the correction.
    assert not Contribution.objects.filter(source_id=joint, actor__code="DE", type="air_defence",
                                           review_state=Contribution.ReviewState.MACHINE).exists()
    event = TimelineEvent.objects.get(source_id=joint)
    assert {"corrected", "rejected"} <= set(event.review_states)
    assert tallies_match_a_rebuild()
    before = rows()
    ingest.sources_reextract(source_ids=ids)  # read the same again: nothing moves
    assert rows()[:6] == before[:6]
    assert tallies_match_a_rebuild()


def test_tallies_after_batches_equal_a_rebuild():
    corpus = [(p.name, p.read_bytes()) for p in sorted(DEV.glob("*.txt"))]
    for start in range(0, len(corpus), 9):  # several batches touching the same cells and months
        ingest.sources_ingest(source_ids=received_ids(corpus[start:start + 9]))
    assert CommitmentCell.objects.count() > 10
    assert tallies_match_a_rebuild()
    ids = list(SourceText.objects.filter(status=Status.INGESTED).order_by("pk").values_list("pk", flat=True))
    ingest.sources_reextract(source_ids=ids[::2])
    assert tallies_match_a_rebuild()


def _plain_articles(count: int) -> list[tuple[str, bytes]]:
    """Dev articles that quote no draft statement: a draft costs a few queries of its own (its lineage)."""
    config = ingest.extraction_config()
    found = []
    for path in sorted(DEV.glob("*.txt")):
        data = path.read_bytes()
        if not extraction.extract(data, filename=path.name, config=config).statement_draft:
            found.append((path.name, data))
    assert len(found) >= count
    return found[:count]


def test_a_batch_takes_the_same_queries_for_3_files_or_15(monkeypatch):
    articles = _plain_articles(18)
    coalition_services.gazetteer_current()
    monkeypatch.setattr(coalition_services, "GAZETTEER_RECHECK_SECONDS", 3600.0)  # no stamp check mid-test

    def queries(files: list[tuple[str, bytes]]) -> tuple[int, int, int]:
        with CaptureQueriesContext(connection) as received:
            ids = received_ids(files)
        with CaptureQueriesContext(connection) as ingested:
            ingest.sources_ingest(source_ids=ids)
        with CaptureQueriesContext(connection) as reread:
            ingest.sources_reextract(source_ids=ids)
        return len(received), len(ingested), len(reread)

    few, many = queries(articles[:3]), queries(articles[3:])
    assert few == many
    # Receive and ingest of a whole batch, transactions' BEGIN and COMMIT included: under one query an article
    # for a batch of 50.
    assert many[0] + many[1] <= 36, many


def test_the_data_version_moves_once_per_batch(editor, django_capture_on_commit_callbacks):
    ids = received_ids(texts(ARTICLES))
    ingest.sources_ingest(source_ids=ids)
    item = machine("PL", "training")
    review_services.contribution_confirm(contribution=item, version=item.version, actor=editor)
    with django_capture_on_commit_callbacks() as callbacks:
        ingest.sources_reextract(source_ids=ids)  # events, contributions and the kept review's event: one bump
    assert [hook for hook in callbacks if hook is fragments._bump] == [fragments._bump]


# serialized_rollback: the flush after this test must leave the database as the transactional tests after it expect.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_batches_on_the_same_cells_never_deadlock_and_keep_the_tallies_exact():
    corpus = [(p.name, p.read_bytes()) for p in sorted(DEV.glob("*.txt"))]
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work(worker: int) -> None:
        try:
            start.wait()
            for round_ in range(3):  # fresh batches, then the same read again, on cells every worker touches
                files = [(f"{worker}-{round_}-{name}", data + f"\n\nCopy {worker}-{round_}.".encode())
                         for name, data in corpus[worker::4][:8]]
                ids = received_ids(files)
                ingest.sources_ingest(source_ids=ids)
                ingest.sources_reextract(source_ids=ids)
        except BaseException as error:  # re-raised in the test thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert SourceText.objects.filter(status=Status.INGESTED).count() == 4 * 3 * 8
    assert tallies_match_a_rebuild()

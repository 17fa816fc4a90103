"""The ingest service on a real database: durable receipt, duplicates, refusals, idempotent ingest."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.coalition.models import Contribution
from apps.sources import ingest, receive
from apps.sources.archives import IncomingFile
from apps.sources.models import Channel, SourceText
from apps.timeline.models import TimelineEvent
from tests.corpus import BAD, DEV, SEED

pytestmark = pytest.mark.django_db


def received(name: str, data: bytes) -> SourceText:
    return receive.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))


def test_receipt_stores_bytes_and_queues_the_task_after_commit(django_capture_on_commit_callbacks):
    data = SEED.read_bytes()
    with django_capture_on_commit_callbacks() as callbacks:
        source = received(SEED.name, data)
    source.refresh_from_db()
    assert source.status == SourceText.Status.QUEUED
    assert bytes(source.raw_bytes) == data
    assert len(callbacks) == 1  # the task is sent only once the row is committed


def test_same_bytes_twice_are_one_source_and_a_duplicate(django_capture_on_commit_callbacks):
    data = (DEV / "005_6a9cfcc0a2e7eea0.txt").read_bytes()
    with django_capture_on_commit_callbacks() as callbacks:
        first = received("005.txt", data)
        second = received("copy.txt", data)
    assert second.status == SourceText.Status.DUPLICATE
    assert second.duplicate_of == first
    assert "005.txt" in second.refusal_reason
    assert not second.raw_bytes
    assert len(callbacks) == 1


def test_oversized_file_is_refused_without_keeping_its_bytes(settings):
    settings.INGEST_MAX_FILE_BYTES = 100
    source = received("big.txt", b"x" * 101)
    assert source.status == SourceText.Status.FAILED
    assert "over the limit" in source.refusal_reason
    assert not source.raw_bytes


def test_ingest_twice_leaves_the_same_rows():
    source = received(SEED.name, SEED.read_bytes())
    ingest.source_ingest(source_id=source.pk)
    snapshot = (list(TimelineEvent.objects.values_list("source", "headline")),
                sorted(Contribution.objects.values_list("actor__code", "type", "status")))
    SourceText.objects.filter(pk=source.pk).update(status=SourceText.Status.QUEUED)
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.INGESTED
    assert (list(TimelineEvent.objects.values_list("source", "headline")),
            sorted(Contribution.objects.values_list("actor__code", "type", "status"))) == snapshot
    assert TimelineEvent.objects.count() == 1
    assert str(source.published_on) == "2026-01-07"
    assert source.language == "ru"


def test_a_finished_source_is_not_ingested_again():
    source = received(SEED.name, SEED.read_bytes())
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    processed_at = source.processed_at
    ingest.source_ingest(source_id=source.pk)  # a late second delivery of the same task
    source.refresh_from_db()
    assert source.processed_at == processed_at
    assert source.attempts == 1


def test_refusal_in_the_worker_records_a_reason_and_nothing_else():
    source = received("b03_image_renamed.txt", (BAD / "b03_image_renamed.txt").read_bytes())
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.FAILED
    assert "PNG" in source.refusal_reason
    assert not TimelineEvent.objects.filter(source=source).exists()
    assert not Contribution.objects.filter(source=source).exists()


def test_stuck_sources_are_requeued(django_capture_on_commit_callbacks):
    stuck = received(SEED.name, SEED.read_bytes())
    fresh = received("other.txt", b" date 2026-01-02 France pledged air defence to Ukraine.")
    SourceText.objects.filter(pk=stuck.pk).update(status=SourceText.Status.PROCESSING,
                                                  status_changed_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks() as callbacks:
        requeued = receive.sources_requeue_stuck()
    assert requeued == [stuck.pk]
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == SourceText.Status.QUEUED
    assert fresh.status == SourceText.Status.QUEUED


def test_retry_requeues_a_refused_source(admin_user, settings):
    source = received(SEED.name, SEED.read_bytes())
    settings.INGEST_MAX_FILE_BYTES = 1_000  # lowered after receipt: the worker refuses the file as too large
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.FAILED
    settings.INGEST_MAX_FILE_BYTES = 2_000_000
    receive.source_retry(source=source, actor=admin_user)
    source.refresh_from_db()
    assert source.status == SourceText.Status.QUEUED
    assert source.refusal_reason == ""


def test_zip_entries_are_received_one_by_one_and_traversal_is_refused_alone():
    upload = receive.upload_receive(actor=None, channel=Channel.WEB,
                                     files=[("b17_upload.zip", (BAD / "b17_upload.zip").read_bytes())])
    rows = {s.original_name: s for s in upload.sources.all()}
    assert set(rows) == {"a_ru.txt", "b_en.txt", "c_uk.txt", "../../evil.txt"}
    assert rows["../../evil.txt"].status == SourceText.Status.FAILED
    assert "outside the upload folder" in rows["../../evil.txt"].refusal_reason
    assert all(rows[name].status == SourceText.Status.QUEUED for name in ("a_ru.txt", "b_en.txt", "c_uk.txt"))


def test_files_over_the_per_upload_limit_are_refused_individually(settings):
    settings.INGEST_MAX_FILES_PER_UPLOAD = 2
    files = [(f"{i}.txt", f" date 2026-01-0{i + 1} Germany will send troops, said Merz {i}.".encode())
             for i in range(3)]
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=files)
    statuses = list(upload.sources.order_by("pk").values_list("status", flat=True))
    assert statuses == ["queued", "queued", "failed"]


def test_ingest_works_with_no_aliases_at_all():
    from apps.coalition.models import Alias

    Alias.objects.all().delete()  # an admin emptied the gazetteer
    source = received(SEED.name, SEED.read_bytes())
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.INGESTED
    assert TimelineEvent.objects.filter(source=source).count() == 1


def test_reextract_is_idempotent_and_keeps_reviewed_contributions():
    source = received(SEED.name, SEED.read_bytes())
    ingest.source_ingest(source_id=source.pk)
    reviewed = Contribution.objects.filter(source=source).first()
    assert reviewed is not None
    reviewed.review_state = Contribution.ReviewState.CORRECTED
    reviewed.status = "approved"
    reviewed.save()
    before = sorted(Contribution.objects.filter(source=source).values_list("actor__code", "type", "status"))
    ingest.source_reextract(source_id=source.pk)
    ingest.source_reextract(source_id=source.pk)
    after = sorted(Contribution.objects.filter(source=source).values_list("actor__code", "type", "status"))
    assert after == before
    reviewed.refresh_from_db()
    assert reviewed.status == "approved" and reviewed.review_state == Contribution.ReviewState.CORRECTED
    assert TimelineEvent.objects.filter(source=source).count() == 1


def test_reextract_picks_up_a_new_alias():
    from apps.coalition.models import Alias, Member

    data = b" date 2026-03-01 Freedonia pledged to train Ukrainian pilots, the ministry said."
    source = received("freedonia.txt", data)
    ingest.source_ingest(source_id=source.pk)
    assert "FD" not in TimelineEvent.objects.get(source=source).member_codes
    member = Member.objects.create(code="FD", name_en="Freedonia", role=Member.Role.COALITION_MEMBER)
    Alias.objects.create(text="Freedonia", language="en", member=member)
    from apps.coalition import services as coalition_services

    coalition_services.gazetteer_invalidate()  # skip the few-second recheck delay
    ingest.source_reextract(source_id=source.pk)
    assert "FD" in TimelineEvent.objects.get(source=source).member_codes


def test_an_article_reporting_a_draft_statement_becomes_a_draft_candidate():
    from apps.statements.models import StatementDraft

    source = received(SEED.name, SEED.read_bytes())
    ingest.source_ingest(source_id=source.pk)
    draft = StatementDraft.objects.get(source=source)
    assert draft.quotes and "мониторинга прекращения огня" in draft.quotes[0]
    assert draft.revisions.get(number=1).source == source
    ingest.source_reextract(source_id=source.pk)
    assert StatementDraft.objects.filter(source=source).count() == 1


RECALLED = (
    b" date 2026-01-07 Germany handed over two Patriot systems to Ukraine, the ministry said.\n\n"
    b"On 4 September, Germany had pledged the two Patriot systems at a meeting in Paris."
)


def test_a_recalled_step_is_an_event_and_a_dated_contribution_of_its_own():
    from apps.coalition.selectors import commitment_histories

    source = received("recalled.txt", RECALLED)
    ingest.source_ingest(source_id=source.pk)
    events = list(TimelineEvent.objects.filter(source=source).order_by("ordinal"))
    assert [(e.ordinal, str(e.occurred_on), e.commitment_statuses) for e in events] == [
        (0, "2026-01-07", ["delivered"]), (1, "2025-09-04", ["pledged"])]
    contributions = Contribution.objects.filter(source=source).order_by("stated_on")
    assert [(c.event_id, c.status, str(c.stated_on)) for c in contributions] == [
        (events[1].pk, "pledged", "2025-09-04"), (events[0].pk, "delivered", "2026-01-07")]
    # The commitment's history: pledged 2025-09-04 → delivered 2026-01-07, each step with its sentence.
    actor_id = contributions[0].actor_id
    history = commitment_histories([(actor_id, "air_defence")])[(actor_id, "air_defence")]
    assert [(step.status, str(step.stated_on)) for step in history] == [
        ("pledged", "2025-09-04"), ("delivered", "2026-01-07")]
    assert "4 September" in history[0].evidence


def test_a_reviewed_contribution_finds_its_event_again_after_reextraction():
    source = received("recalled.txt", RECALLED)
    ingest.source_ingest(source_id=source.pk)
    reviewed = Contribution.objects.get(source=source, status="pledged")
    reviewed.review_state = Contribution.ReviewState.CONFIRMED
    reviewed.save()
    ingest.source_reextract(source_id=source.pk)
    reviewed.refresh_from_db()
    assert reviewed.event is not None and reviewed.event.ordinal == 1 and reviewed.event.source_id == source.pk
    assert Contribution.objects.filter(source=source).count() == 2

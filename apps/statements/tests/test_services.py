"""The workflow services: lineage from ingested articles, transitions, conflicts, constraints, mail, audit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from apps import extraction
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.ingest import extraction_config, source_ingest, source_reextract
from apps.statements import lineage, services
from apps.statements.models import Comment, Review, Revision, StatementDraft
from apps.statements.services import DraftConflict, Seen
from apps.statements.tests.factories import DraftFactory, current

pytestmark = pytest.mark.django_db
Status = StatementDraft.Status

PARIS = (" date 2026-01-07 Союзники Украины согласовали проект заявления накануне саммита \"Коалиции желающих\" "
         "в Париже, сообщает Reuters.\n\n\"Будет создана постоянная, надежная система мониторинга прекращения огня. "
         "Ее будут возглавлять США при международном участии, в частности при содействии членов Коалиции "
         "желающих\", - говорится в проекте заявления.")
PARIS_NEXT_DAY = (" date 2026-01-08 Франция и Великобритания обсуждают обновленный проект заявления \"Коалиции "
                  "желающих\", сообщает AFP.\n\n\"Будет создана постоянная и надежная система мониторинга прекращения "
                  "огня. Ее возглавят США при международном участии, в частности при содействии членов Коалиции "
                  "желающих\", - говорится в новой версии проекта заявления.")
MECHANISM = (" date 2026-01-09 США и страны «коалиции желающих» готовят совместное заявление о механизме наблюдения "
             "за режимом прекращения огня на Украине, сообщает Reuters со ссылкой на проект документа.\n\n«Механизм "
             "будет работать круглосуточно, а информация о нарушениях будет оперативно передаваться всем "
             "сторонам», — говорится в проекте.")
PARIS_MONTHS_LATER = PARIS_NEXT_DAY.replace("2026-01-08", "2026-04-20")


def ingest(name: str, text: str) -> int:
    data = text.encode()
    source = source_services.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))
    source_ingest(source_id=source.pk)
    return source.pk


def seen(draft: StatementDraft) -> Seen:
    draft.refresh_from_db()
    return Seen(version=draft.version, revision=current(draft).number, status=draft.status)


# --- Lineage ----------------------------------------------------------------------------------------------


def test_articles_quoting_the_same_draft_are_one_lineage_and_an_unrelated_one_is_not():
    first, second, other = ingest("paris.txt", PARIS), ingest("paris2.txt", PARIS_NEXT_DAY), ingest("m.txt", MECHANISM)
    lineage = StatementDraft.objects.get(revisions__source_id=first)
    revisions = list(lineage.revisions.order_by("number"))
    assert [(r.number, r.kind, r.source_id) for r in revisions] == [(1, "reported", first), (2, "reported", second)]
    assert "будут возглавлять" in revisions[0].text and "возглавят" in revisions[1].text
    assert lineage.current_revision == revisions[1]
    assert str(lineage.statement_date) == "2026-01-07" and str(lineage.last_reported_on) == "2026-01-08"
    assert {"FR", "GB", "US"} <= set(lineage.member_codes)
    separate = StatementDraft.objects.get(revisions__source_id=other)
    assert separate != lineage and separate.revisions.count() == 1
    assert AuditEntry.objects.filter(action="statement.report").count() == 3


def test_the_same_wording_months_later_starts_a_lineage_of_its_own():
    ingest("paris.txt", PARIS)
    ingest("later.txt", PARIS_MONTHS_LATER)
    assert StatementDraft.objects.count() == 2


def test_reingesting_an_article_does_not_duplicate_its_revision():
    first = ingest("paris.txt", PARIS)
    second = ingest("paris2.txt", PARIS_NEXT_DAY)
    draft = StatementDraft.objects.get()
    version = draft.version
    for source_id in (first, second, first):
        source_reextract(source_id=source_id)
    draft.refresh_from_db()
    assert draft.revisions.count() == 2 and draft.version == version
    assert Revision.objects.filter(source_id=first).count() == 1


def _read_again(source_id: int, quotes: tuple[str, ...]) -> StatementDraft | None:
    """What a re-extraction would do if the article now read these quotes (rules or aliases changed)."""
    from apps.sources.models import SourceText

    source = SourceText.objects.get(pk=source_id)
    document = extraction.extract(bytes(source.raw_bytes), filename=source.original_name,
                                  config=extraction_config())
    with transaction.atomic():
        return lineage.draft_candidate_replace(source=source, document=replace(document, quotes=quotes))


def test_a_reported_revision_nobody_worked_on_follows_the_article_an_approved_one_stays(editor, second_editor):
    source_id = ingest("paris.txt", PARIS)
    draft = _read_again(source_id, ("Будет создана постоянная система мониторинга.",))
    assert draft is not None
    assert current(draft).text == "Будет создана постоянная система мониторинга."
    assert draft.revisions.count() == 1
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    services.draft_decide(draft=draft, decision="approved", seen=seen(draft), actor=second_editor)
    _read_again(source_id, ("Совсем другие слова.",))
    draft.refresh_from_db()
    assert current(draft).frozen
    assert current(draft).text == "Будет создана постоянная система мониторинга."
    assert _read_again(source_id, ()) == draft  # no longer read as quoting a draft: the approved draft stays
    assert StatementDraft.objects.filter(pk=draft.pk).exists()


def test_an_article_no_longer_quoting_a_draft_takes_its_untouched_candidate_away():
    source_id = ingest("paris.txt", PARIS)
    assert _read_again(source_id, ()) is None
    assert not StatementDraft.objects.exists()
    assert AuditEntry.objects.filter(action="statement.withdraw").count() == 1


def test_ingest_never_touches_an_editors_revision(editor):
    source_id = ingest("paris.txt", PARIS)
    draft = StatementDraft.objects.get()
    services.draft_edit(draft=draft, text="Editor's wording.", seen=seen(draft), note="tidied", actor=editor)
    source_reextract(source_id=source_id)
    draft.refresh_from_db()
    assert current(draft).text == "Editor's wording." and current(draft).author == editor
    assert draft.revisions.count() == 2


def test_a_new_version_reported_during_review_supersedes_the_review(editor):
    ingest("paris.txt", PARIS)
    draft = StatementDraft.objects.get()
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    ingest("paris2.txt", PARIS_NEXT_DAY)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and current(draft).number == 2
    assert draft.reviews.get().decision == Review.Decision.SUPERSEDED


# --- Transitions ----------------------------------------------------------------------------------------


def test_create_edit_submit_approve(editor, second_editor, django_capture_on_commit_callbacks):
    draft = services.draft_create(title="Paris declaration", text="We will help.", note="from the summit",
                                  actor=editor)
    assert draft.status == Status.DRAFT and current(draft).number == 1
    revision = services.draft_edit(draft=draft, text="We will help Ukraine.", seen=seen(draft), note="wording",
                                   actor=editor)
    assert revision is not None
    assert (revision.number, revision.based_on, revision.author, revision.note) == (2, 1, editor, "wording")
    with django_capture_on_commit_callbacks(execute=True):
        review = services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    assert review.revision == revision and review.requested_by == editor
    assert [m.to for m in mail.outbox] == [["editor-two@example.org"]]
    assert "submitted revision 2" in mail.outbox[0].body
    assert f"{settings.SITE_URL}/statements/{draft.pk}/" in mail.outbox[0].body  # absolute: a mail has no page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_decide(draft=draft, decision="approved", seen=seen(draft), actor=second_editor)
    draft.refresh_from_db()
    revision.refresh_from_db()
    assert draft.status == Status.APPROVED and draft.approved_revision == revision and revision.frozen
    assert [m.to for m in mail.outbox] == [["editor-one@example.org"]]
    assert "approved revision 2" in mail.outbox[0].body
    actions = list(AuditEntry.objects.filter(object_id=str(draft.pk)).order_by("id").values_list("action", flat=True))
    assert actions == ["statement.create", "statement.edit", "statement.submit", "statement.approve"]


def test_mail_is_sent_only_when_the_transaction_commits(editor, second_editor, django_capture_on_commit_callbacks):
    draft = DraftFactory.create(created_by=editor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    assert mail.outbox == [] and len(callbacks) == 1


def test_request_changes_then_edit_makes_it_a_draft_again(editor, second_editor, django_capture_on_commit_callbacks):
    draft = DraftFactory.create(created_by=editor)
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_decide(draft=draft, decision="changes_requested", reason="Point 3 is vague.", seen=seen(draft),
                              actor=second_editor)
    draft.refresh_from_db()
    assert draft.status == Status.CHANGES_REQUESTED
    assert "Point 3 is vague." in mail.outbox[0].body
    with pytest.raises(InvalidTransition, match="edit the draft"):
        services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    services.draft_edit(draft=draft, text="Point 3, precisely.", seen=seen(draft), actor=editor)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    assert draft.reviews.count() == 2 and draft.reviews.filter(decision="pending").count() == 1


def test_reject_needs_a_reason(editor, second_editor):
    draft = DraftFactory.create()
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    with pytest.raises(ValidationError):
        services.draft_decide(draft=draft, decision="rejected", reason="  ", seen=seen(draft), actor=second_editor)
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    services.draft_decide(draft=draft, decision="rejected", reason="Not a real draft.", seen=seen(draft),
                          actor=second_editor)
    draft.refresh_from_db()
    assert draft.status == Status.REJECTED
    entry = AuditEntry.objects.get(action="statement.reject")
    assert entry.changes["reason"] == "Not a real draft." and entry.actor == second_editor
    with pytest.raises(InvalidTransition, match="rejected"):
        services.draft_edit(draft=draft, text="again", seen=seen(draft), actor=editor)
    with pytest.raises(InvalidTransition):
        services.draft_submit(draft=draft, seen=seen(draft), actor=editor)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.CHANGES_REQUESTED, Status.APPROVED, Status.REJECTED])
@pytest.mark.parametrize("decision", ["approved", "changes_requested", "rejected"])
def test_only_a_draft_in_review_can_be_decided(editor, status, decision):
    draft = DraftFactory.create(status=status)
    with pytest.raises(InvalidTransition):
        services.draft_decide(draft=draft, decision=decision, reason="why", seen=seen(draft), actor=editor)
    assert not Review.objects.exists()


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED, Status.REJECTED])
def test_only_a_draft_can_be_submitted(editor, status):
    draft = DraftFactory.create(status=status)
    with pytest.raises(InvalidTransition):
        services.draft_submit(draft=draft, seen=seen(draft), actor=editor)


def test_a_draft_in_review_takes_no_edit(editor):
    draft = DraftFactory.create()
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    with pytest.raises(InvalidTransition, match="in review"):
        services.draft_edit(draft=draft, text="changed", seen=seen(draft), actor=editor)


def test_an_edit_that_changes_nothing_is_refused(editor):
    draft = DraftFactory.create()
    with pytest.raises(InvalidTransition, match="Nothing changed"):
        services.draft_edit(draft=draft, text="  Revision 1 of the text.\r\n", seen=seen(draft), actor=editor)


def test_approval_freezes_the_revision_and_an_edit_starts_a_new_one(editor, second_editor):
    draft = DraftFactory.create(revisions=2)
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    services.draft_decide(draft=draft, decision="approved", seen=seen(draft), actor=second_editor)
    approved = Revision.objects.get(draft=draft, number=2)
    new = services.draft_edit(draft=draft, text="Revision 2 of the text, amended.", seen=seen(draft), actor=editor)
    draft.refresh_from_db()
    approved.refresh_from_db()
    assert approved.text == "Revision 2 of the text." and approved.frozen
    assert new is not None
    assert (new.number, new.based_on, new.frozen) == (3, 2, False)
    assert draft.status == Status.DRAFT and draft.approved_revision == approved and draft.current_revision == new


# --- Two editors at once ----------------------------------------------------------------------------------


def test_a_stale_edit_is_refused_and_overwrites_nothing(editor, second_editor):
    draft = DraftFactory.create()
    opened_by_both = seen(draft)
    services.draft_edit(draft=draft, text="First editor's text.", seen=opened_by_both, actor=editor)
    with pytest.raises(DraftConflict) as refused:
        services.draft_edit(draft=draft, text="Second editor's text.", seen=opened_by_both, actor=second_editor)
    assert refused.value.base_revision == 1 and current(refused.value.draft).number == 2
    draft.refresh_from_db()
    assert current(draft).text == "First editor's text." and draft.revisions.count() == 2


def test_a_stale_decision_is_refused(editor, second_editor):
    draft = DraftFactory.create()
    services.draft_submit(draft=draft, seen=seen(draft), actor=editor)
    both = seen(draft)
    services.draft_decide(draft=draft, decision="approved", seen=both, actor=second_editor)
    with pytest.raises(DraftConflict):
        services.draft_decide(draft=draft, decision="rejected", reason="no", seen=both, actor=editor)
    draft.refresh_from_db()
    assert draft.status == Status.APPROVED
    review = Review.objects.get()
    assert review.decision == Review.Decision.APPROVED and review.reviewer == second_editor


def test_the_database_allows_one_open_review_per_draft():
    draft = DraftFactory.create()
    Review.objects.create(draft=draft, revision=current(draft))
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(draft=draft, revision=current(draft))
    Review.objects.filter(draft=draft).update(decision="approved")
    Review.objects.create(draft=draft, revision=current(draft))  # closed reviews do not count


def test_the_database_refuses_a_rejection_without_reason():
    draft = DraftFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(draft=draft, revision=current(draft), decision="rejected", reason="")


def test_the_database_allows_one_reported_revision_per_article():
    source_id = ingest("paris.txt", PARIS)
    draft = DraftFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(draft=draft, number=2, kind="reported", text="x", source_id=source_id)


# --- Permissions and comments ------------------------------------------------------------------------------


def test_analysts_cannot_write(analyst):
    draft = DraftFactory.create(status=Status.IN_REVIEW)
    calls = [
        lambda: services.draft_create(title="t", text="x", actor=analyst),
        lambda: services.draft_edit(draft=draft, text="x", seen=seen(draft), actor=analyst),
        lambda: services.draft_submit(draft=draft, seen=seen(draft), actor=analyst),
        lambda: services.draft_decide(draft=draft, decision="approved", seen=seen(draft), actor=analyst),
        lambda: services.comment_add(draft=draft, revision=current(draft), text="x", actor=analyst),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not AuditEntry.objects.filter(action__startswith="statement.").exists()


def test_comments_thread_by_revision(editor, second_editor):
    draft = DraftFactory.create(revisions=2)
    first, second = draft.revisions.order_by("number")
    root = services.comment_add(draft=draft, revision=first, text="Why this word?", actor=editor)
    reply = services.comment_add(draft=draft, revision=first, text="The summit used it.", parent=root,
                                 actor=second_editor)
    reply_to_reply = services.comment_add(draft=draft, revision=first, text="OK.", parent=reply, actor=editor)
    assert reply.parent == root and reply_to_reply.parent == root
    with pytest.raises(ValidationError):
        services.comment_add(draft=draft, revision=second, text="x", parent=root, actor=editor)
    other = DraftFactory.create()
    with pytest.raises(ValidationError):
        services.comment_add(draft=other, revision=first, text="x", actor=editor)
    with pytest.raises(ValidationError):
        services.comment_add(draft=draft, revision=second, text="   ", actor=editor)
    assert Comment.objects.count() == 3
    assert AuditEntry.objects.filter(action="statement.comment").count() == 3

"""The review transitions on ingested articles: states, versions, audit, tallies, event arrays, re-extraction."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError

from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import CommitmentCell, Contribution, Member, StatementMonth
from apps.coalition.selectors import commitment_histories
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.review import services
from apps.review.selectors import WAITING_CACHE_KEY
from apps.review.services import ReviewConflict
from apps.review.tests.helpers import (
    MISSED,
    RATIFIED,
    SIGNED,
    ingest,
    machine,
    tallies_match_a_rebuild,
)
from apps.sources.ingest import source_reextract
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db
State = Contribution.ReviewState



@pytest.fixture
def second_editor(db):
    from conftest import _user_with_role

    return _user_with_role("editor", "editor-two")


def audits(contribution: Contribution) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type="coalition.contribution", object_id=str(contribution.pk))
                .order_by("id"))


def event_of(contribution: Contribution) -> TimelineEvent:
    event = Contribution.objects.get(pk=contribution.pk).event
    assert event is not None
    return event


def test_confirm_keeps_the_reading_and_records_who_and_the_original(articles, editor):
    item = machine("DE", "air_defence", articles["de_pledge.txt"])
    done = services.contribution_confirm(contribution=item, version=1, actor=editor)
    done.refresh_from_db()
    assert done.review_state == State.CONFIRMED and done.version == 2
    assert done.reviewed_by == editor and done.reviewed_at is not None
    assert (done.machine_actor_id, done.machine_type, done.machine_status, done.machine_evidence) == (
        item.actor_id, "air_defence", "pledged", item.evidence)
    assert not done.machine_differs
    [entry] = audits(done)
    assert entry.action == "contribution.confirm" and entry.actor == editor
    assert entry.changes["before"]["state"] == "machine" and entry.changes["after"]["state"] == "confirmed"
    assert entry.changes["version"] == 2 and entry.changes["changed"] == ["state"]
    assert event_of(done).review_states == ["confirmed"]
    assert tallies_match_a_rebuild()


def test_correct_keeps_the_machine_reading_beside_and_moves_the_tallies_and_the_event(articles, editor):
    item = machine("DE", "air_defence", articles["de_pledge.txt"])
    done = services.contribution_correct(contribution=item, version=1, actor=editor, member=item.actor,
                                         type="air_defence", status="approved", evidence=item.evidence,
                                         note="The article says the systems were approved.")
    done.refresh_from_db()
    assert done.review_state == State.CORRECTED and done.status == "approved"
    assert done.machine_status == "pledged" and done.machine_differs
    assert done.review_note == "The article says the systems were approved."
    event = event_of(done)
    assert "DE:air_defence:approved" in event.commitment_keys and "DE:air_defence:pledged" not in event.commitment_keys
    assert event.commitment_statuses == ["approved"] and event.review_states == ["corrected"]
    [entry] = audits(done)
    assert entry.changes["before"]["status"] == "pledged" and entry.changes["after"]["status"] == "approved"
    assert entry.changes["changed"] == ["state", "status", "note"]
    assert tallies_match_a_rebuild()


def test_correcting_back_to_the_machine_reading_counts_as_confirmed(articles, editor):
    item = machine("FR", "multinational_force", articles["fr_troops.txt"])
    services.contribution_correct(contribution=item, version=1, actor=editor, member=item.actor,
                                  type="multinational_force", status="pledged", evidence=item.evidence)
    back = services.contribution_correct(contribution=item, version=2, actor=editor, member=item.actor,
                                         type="multinational_force", status="proposed", evidence=item.evidence)
    assert back.review_state == State.CONFIRMED and back.version == 3
    assert tallies_match_a_rebuild()


def test_corrected_evidence_must_be_words_of_the_article(articles, editor):
    item = machine("FR", "multinational_force", articles["fr_troops.txt"])
    with pytest.raises(ValidationError) as refused:
        services.contribution_correct(contribution=item, version=1, actor=editor, member=item.actor,
                                      type=item.type, status=item.status, evidence="France will send a fleet.")
    assert "evidence" in refused.value.message_dict
    # Whitespace does not matter; the evidence is stored as the article writes it.
    done = services.contribution_correct(contribution=item, version=1, actor=editor, member=item.actor,
                                         type=item.type, status=item.status,
                                         evidence="  The talks in Paris\n went on   late into the night. ")
    assert done.evidence == "The talks in Paris went on late into the night."
    assert done.machine_evidence.startswith("France could send troops")


def test_a_correction_cannot_take_a_pair_the_event_already_has(articles, editor):
    item = machine("DE", "air_defence", articles["joint.txt"])
    france = Member.objects.get(code="FR")
    with pytest.raises(ValidationError) as refused:
        services.contribution_correct(contribution=item, version=1, actor=editor, member=france,
                                      type="air_defence", status="pledged", evidence=item.evidence)
    assert "actor" in refused.value.message_dict
    assert Contribution.objects.get(pk=item.pk).version == 1


def test_a_correction_that_changes_nothing_is_refused(articles, editor):
    item = machine("DE", "air_defence", articles["de_pledge.txt"])
    with pytest.raises(ValidationError, match="confirm it"):
        services.contribution_correct(contribution=item, version=1, actor=editor, member=item.actor,
                                      type=item.type, status=item.status, evidence=item.evidence)


def test_reject_needs_a_note_stops_counting_and_leaves_the_event_arrays(articles, editor):
    item = machine("PL", "training", articles["pl_training.txt"])
    with pytest.raises(ValidationError):
        services.contribution_reject(contribution=item, version=1, actor=editor, note="   ")
    done = services.contribution_reject(contribution=item, version=1, actor=editor, note="A wish, not a pledge.")
    assert done.review_state == State.REJECTED and done.review_note == "A wish, not a pledge."
    event = event_of(done)
    assert event.commitment_keys == [] and event.commitment_types == [] and event.review_states == ["rejected"]
    assert "PL" in event.member_codes  # the article still names Poland
    assert tallies_match_a_rebuild()  # its cell is gone, as a rebuild would leave it
    with pytest.raises(InvalidTransition):
        services.contribution_reject(contribution=item, version=2, actor=editor, note="again")


def test_a_rejection_can_be_undone_by_confirming(articles, editor):
    item = machine("PL", "training", articles["pl_training.txt"])
    services.contribution_reject(contribution=item, version=1, actor=editor, note="Not sure.")
    done = services.contribution_confirm(contribution=item, version=2, actor=editor)
    assert done.review_state == State.CONFIRMED and done.version == 3
    assert "PL:training:pledged" in event_of(done).commitment_keys
    assert tallies_match_a_rebuild()


def test_a_stale_version_gets_a_conflict_saying_what_changed_and_overwrites_nothing(articles, editor, second_editor):
    item = machine("DE", "air_defence", articles["de_pledge.txt"])
    services.contribution_correct(contribution=item, version=1, actor=second_editor, member=item.actor,
                                  type=item.type, status="delivered", evidence=item.evidence)
    with pytest.raises(ReviewConflict) as conflict:
        services.contribution_reject(contribution=item, version=1, actor=editor, note="Looks wrong")
    message = str(conflict.value)
    assert "editor-two" in message and "corrected" in message and "Nothing you sent was saved" in message
    changes = {c.field: (c.before, c.after) for c in conflict.value.changes}
    assert changes == {"state": ("Machine-extracted", "Corrected"), "status": ("Pledged", "Delivered")}
    row = Contribution.objects.get(pk=item.pk)
    assert (row.review_state, row.status, row.version, row.reviewed_by) == (State.CORRECTED, "delivered", 2,
                                                                            second_editor)
    assert len(audits(item)) == 1
    with pytest.raises(ReviewConflict):
        services.contribution_confirm(contribution=item, version=1, actor=editor)


def test_a_contribution_replaced_meanwhile_is_gone(articles, editor):
    item = machine("DE", "air_defence", articles["de_pledge.txt"])
    source_reextract(source_id=articles["de_pledge.txt"])  # machine rows are re-created
    with pytest.raises(InvalidTransition, match="no longer exists"):
        services.contribution_confirm(contribution=item, version=1, actor=editor)


def test_analysts_and_nobody_are_refused_by_the_services_too(articles, analyst):
    item = machine("DE", "air_defence", articles["de_pledge.txt"])
    for actor in (analyst, None):
        with pytest.raises(PermissionDenied):
            services.contribution_confirm(contribution=item, version=1, actor=actor)
        with pytest.raises(PermissionDenied):
            services.contribution_reject(contribution=item, version=1, actor=actor, note="no")
        with pytest.raises(PermissionDenied):
            services.contribution_correct(contribution=item, version=1, actor=actor, member=item.actor,
                                          type=item.type, status="approved", evidence=item.evidence)
        with pytest.raises(PermissionDenied):
            services.contributions_bulk_confirm(items=[(item.pk, 1)], actor=actor)
    assert Contribution.objects.get(pk=item.pk).review_state == State.MACHINE
    assert not audits(item)


def test_bulk_confirm_skips_what_changed_meanwhile_and_says_so(articles, editor, second_editor):
    a = machine("DE", "air_defence", articles["de_pledge.txt"])
    b = machine("FR", "multinational_force", articles["fr_troops.txt"])
    c = machine("PL", "training", articles["pl_training.txt"])
    services.contribution_reject(contribution=b, version=1, actor=second_editor, note="Only a possibility.")
    outcome = services.contributions_bulk_confirm(items=[(a.pk, 1), (b.pk, 1), (c.pk, 1), (999_999, 1)], actor=editor)
    assert sorted(r.pk for r in outcome.done) == sorted([a.pk, c.pk])
    assert [pk for pk, _ in outcome.skipped] == [b.pk, 999_999]
    assert "2 commitments confirmed" in outcome.message and "rejected by editor-two" in outcome.message
    assert "no longer exists" in outcome.message
    states = dict(Contribution.objects.filter(pk__in=[a.pk, b.pk, c.pk]).values_list("pk", "review_state"))
    assert states == {a.pk: State.CONFIRMED, b.pk: State.REJECTED, c.pk: State.CONFIRMED}
    assert [e.action for e in audits(a)] == ["contribution.confirm"]
    assert audits(a)[0].changes["after"]["state"] == "confirmed"
    assert event_of(a).review_states == ["confirmed"]
    assert tallies_match_a_rebuild()


def test_bulk_reject_needs_a_note_and_takes_the_statements_off(articles, editor):
    joint = articles["joint.txt"]
    items = [(c.pk, c.version) for c in Contribution.objects.filter(source_id=joint)]
    assert len(items) == 4
    with pytest.raises(ValidationError):
        services.contributions_bulk_reject(items=items, actor=editor, note="")
    outcome = services.contributions_bulk_reject(items=items, actor=editor, note="A planning paper, not a pledge.")
    assert len(outcome.done) == 4 and not outcome.skipped
    event = TimelineEvent.objects.get(source_id=joint)
    assert event.commitment_keys == [] and event.review_states == ["rejected"]
    assert AuditEntry.objects.filter(action="contribution.reject").count() == 4
    assert tallies_match_a_rebuild()


def test_tallies_stay_equal_to_a_rebuild_through_many_reviews(articles, editor):
    de = machine("DE", "air_defence", articles["de_delivery.txt"])
    services.contribution_correct(contribution=de, version=1, actor=editor, member=de.actor, type="military_aid",
                                  status="delivered", evidence=de.evidence)
    fr = machine("FR", "training", articles["joint.txt"])
    services.contribution_correct(contribution=fr, version=1, actor=editor, member=Member.objects.get(code="PL"),
                                  type="training", status="approved", evidence=fr.evidence)
    pl = machine("PL", "training", articles["pl_training.txt"])
    services.contribution_reject(contribution=pl, version=1, actor=editor, note="duplicate")
    services.contribution_confirm(contribution=pl, version=2, actor=editor)
    assert tallies_match_a_rebuild()


def test_reextraction_keeps_reviewed_rows_untouched_and_does_not_bring_back_the_original_pair(articles, editor):
    joint = articles["joint.txt"]
    corrected = machine("DE", "training", joint)
    services.contribution_correct(contribution=corrected, version=1, actor=editor, member=corrected.actor,
                                  type="military_aid", status="approved", evidence=corrected.evidence,
                                  note="Pilots are trained on donated jets.")
    rejected = machine("FR", "air_defence", joint)
    services.contribution_reject(contribution=rejected, version=1, actor=editor, note="France did not pledge this.")
    confirmed = machine("DE", "air_defence", joint)
    services.contribution_confirm(contribution=confirmed, version=1, actor=editor)
    fields = ("actor_id", "type", "status", "evidence", "review_state", "machine_actor_id", "machine_type",
              "machine_status", "machine_evidence", "reviewed_by_id", "reviewed_at", "review_note", "version",
              "updated_at", "event_ordinal", "stated_on")
    reviewed_ids = [corrected.pk, rejected.pk, confirmed.pk]
    before = {row[0]: row[1:] for row in Contribution.objects.filter(pk__in=reviewed_ids).values_list("pk", *fields)}

    for _ in range(2):
        source_reextract(source_id=joint)

    after = {row[0]: row[1:] for row in Contribution.objects.filter(pk__in=reviewed_ids).values_list("pk", *fields)}
    assert after == before
    pairs = sorted(Contribution.objects.filter(source_id=joint).values_list("actor__code", "type", "review_state"))
    # DE training (corrected away) and FR air defence (rejected) are not read back in; FR training still is.
    assert pairs == [("DE", "air_defence", "confirmed"), ("DE", "military_aid", "corrected"),
                     ("FR", "air_defence", "rejected"), ("FR", "training", "machine")]
    event = TimelineEvent.objects.get(source_id=joint)
    assert all(c.event_id == event.pk for c in Contribution.objects.filter(source_id=joint))
    training = Contribution.objects.get(source_id=joint, actor__code="FR", type="training")
    sure_keys = ["+DE:air_defence:pledged", "+DE:air_defence:", "+DE::pledged", "+:air_defence:pledged", "+DE::",
                 "+:air_defence:", "+::pledged", "+::", "+DE:military_aid:approved", "+DE:military_aid:",
                 "+DE::approved", "+:military_aid:approved", "+:military_aid:", "+::approved"]
    if training.is_sure:  # read with high confidence: it is filed with the sure ones too
        sure_keys += ["+FR:training:pledged", "+FR:training:", "+FR::pledged", "+:training:pledged", "+FR::",
                      "+:training:"]
    assert sorted(event.commitment_keys) == sorted({
        "DE:air_defence:pledged", "DE:air_defence:", "DE::pledged", ":air_defence:pledged",
        "DE:military_aid:approved", "DE:military_aid:", "DE::approved", ":military_aid:approved",
        "FR:training:pledged", "FR:training:", "FR::pledged", ":training:pledged", *sure_keys})
    assert event.review_states == ["confirmed", "corrected", "machine", "rejected"]
    assert tallies_match_a_rebuild()


def test_contributions_replace_treats_the_original_pair_of_a_correction_as_taken(articles, editor):
    """The ingest's own replacement: a correction's original (actor, type) is not created again."""
    source_id = articles["de_pledge.txt"]
    item = machine("DE", "air_defence", source_id)
    services.contribution_correct(contribution=item, version=1, actor=editor, member=Member.objects.get(code="FR"),
                                  type="air_defence", status="pledged", evidence=item.evidence)
    source_reextract(source_id=source_id)
    assert list(Contribution.objects.filter(source_id=source_id).values_list("actor__code", "review_state")) == [
        ("FR", "corrected")]
    event = TimelineEvent.objects.get(source_id=source_id)
    assert "FR:air_defence:pledged" in event.commitment_keys and "DE:air_defence:pledged" not in event.commitment_keys
    assert {"DE", "FR"} <= set(event.member_codes)


# --- A commitment the machine missed, added by an editor -----------------------------------------------


@pytest.fixture
def missed(db) -> SourceText:
    cache.delete(WAITING_CACHE_KEY)
    return SourceText.objects.get(pk=ingest("missed.txt", MISSED))


def add(source: SourceText, actor, *, evidence: str = SIGNED, code: str = "NL", type_: str = "legal_guarantee",
        status: str = "approved", **extra) -> Contribution:
    return services.contribution_add(source=source, actor=actor, member=Member.objects.get(code=code), type=type_,
                                     status=status, evidence=evidence, **extra)


def test_an_added_commitment_joins_its_paragraphs_event_and_counts_as_an_editors_word(missed, editor):
    assert not Contribution.objects.filter(source=missed, event_ordinal=1, actor__code="NL").exists()
    done = add(missed, editor, at=missed.text.index(SIGNED), note="The signature is a ratification step.")
    done.refresh_from_db()
    september = TimelineEvent.objects.get(source=missed, ordinal=1)
    assert (done.review_state, done.editor_added, done.confidence, done.version) == (State.ADDED, True, None, 1)
    assert (done.event_id, done.event_ordinal, done.stated_on) == (september.pk, 1, date(2026, 9, 4))
    assert (done.evidence, done.reviewed_by, done.review_note) == (SIGNED, editor,
                                                                     "The signature is a ratification step.")
    assert done.is_sure and done.is_editor_approved and not done.machine_differs and not done.machine_type
    september.refresh_from_db()
    assert {"NL:legal_guarantee:approved", "+NL:legal_guarantee:approved", "+NL::"} <= set(september.commitment_keys)
    assert "NL" in september.member_codes and "legal_guarantee" in september.commitment_types
    assert september.review_states == ["added", "machine"]
    [entry] = audits(done)
    assert (entry.action, entry.actor, entry.changes["version"]) == ("contribution.add", editor, 1)
    assert entry.changes["before"] == {} and entry.changes["after"]["state"] == "added"
    assert entry.changes["after"]["stated_on"] == "2026-09-04" and "evidence" in entry.changes["changed"]
    assert StatementMonth.objects.get(month=date(2026, 9, 1), status="approved").count == 1
    assert tallies_match_a_rebuild()


def test_an_added_commitment_takes_the_date_the_editor_gives_and_pasted_words(missed, editor):
    done = add(missed, editor, evidence="  The talks in Paris went on\n late into the night. ", code="FR",
               type_="diplomatic", status="pledged", stated_on=date(2026, 11, 10))
    assert done.evidence == "The talks in Paris went on late into the night."
    assert (done.event_ordinal, done.stated_on) == (0, date(2026, 11, 10))  # the article's own event
    assert tallies_match_a_rebuild()


@pytest.mark.parametrize(("change", "field"), [
    ({"evidence": "The Netherlands sent jets."}, "evidence"),
    ({"evidence": "   "}, "evidence"),
    ({"type_": "jets"}, "type"),
    ({"status": "maybe"}, "status"),
    ({"stated_on": date(2026, 11, 13)}, "stated_on"),  # after the article that reports it
    ({"stated_on": date(1066, 10, 14)}, "stated_on"),
])
def test_an_addition_is_checked_like_a_correction(missed, editor, change, field):
    with pytest.raises(ValidationError) as refused:
        add(missed, editor, **change)
    assert field in refused.value.message_dict
    assert not Contribution.objects.filter(source=missed, review_state=State.ADDED).exists()
    assert not AuditEntry.objects.filter(action="contribution.add").exists()


def test_a_duplicate_is_refused_pointing_at_the_one_to_correct(missed, editor):
    ratified = machine("NL", "legal_guarantee", missed.pk)  # read by the machine, in the article's own event
    with pytest.raises(services.AlreadyStated) as refused:
        add(missed, editor, evidence=RATIFIED)
    assert refused.value.existing_id == ratified.pk
    assert "correct that one instead" in refused.value.message_dict["actor"][0]
    added = add(missed, editor)  # the same pair in the paragraph of 4 September is another event's
    with pytest.raises(services.AlreadyStated) as again:
        add(missed, editor, status="delivered")
    assert again.value.existing_id == added.pk and "added by an editor" in again.value.message_dict["actor"][0]
    assert Contribution.objects.filter(source=missed, actor__code="NL").count() == 2


def test_only_editors_add_and_only_to_an_article_that_was_read(missed, analyst, editor):
    for actor in (analyst, None):
        with pytest.raises(PermissionDenied):
            add(missed, actor)
    SourceText.objects.filter(pk=missed.pk).update(status=SourceText.Status.QUEUED)
    with pytest.raises(InvalidTransition, match="not been read yet"):
        add(missed, editor)
    assert not Contribution.objects.filter(review_state=State.ADDED).exists()


def test_reextraction_keeps_an_added_commitment_and_reads_no_duplicate_in_beside_it(missed, editor):
    # The machine missed the ratification the first time (as if its rules did not know it yet) ...
    Contribution.objects.filter(source=missed, actor__code="NL").delete()
    tallies_rebuild()
    added = add(missed, editor, evidence=RATIFIED, status="approved", stated_on=date(2026, 9, 20))
    fields = ("actor_id", "type", "status", "evidence", "stated_on", "review_state", "editor_added", "confidence",
              "reviewed_by_id", "reviewed_at", "version", "updated_at", "event_ordinal")
    before = Contribution.objects.filter(pk=added.pk).values_list(*fields).get()
    # ... and reads it now: the editor's stays, alone.
    for _ in range(2):
        source_reextract(source_id=missed.pk)
    assert Contribution.objects.filter(pk=added.pk).values_list(*fields).get() == before
    assert list(Contribution.objects.filter(source=missed, actor__code="NL").values_list("pk", flat=True)) == [
        added.pk]
    event = TimelineEvent.objects.get(source=missed, ordinal=0)
    assert Contribution.objects.get(pk=added.pk).event_id == event.pk
    assert "+NL:legal_guarantee:approved" in event.commitment_keys and "added" in event.review_states
    assert tallies_match_a_rebuild()


def test_an_added_commitment_stays_added_when_corrected_and_comes_back_added_after_a_rejection(missed, editor):
    added = add(missed, editor)
    with pytest.raises(InvalidTransition, match="already added"):
        services.contribution_confirm(contribution=added, version=1, actor=editor)
    corrected = services.contribution_correct(contribution=added, version=1, actor=editor, member=added.actor,
                                              type="legal_guarantee", status="pledged", evidence=SIGNED)
    assert (corrected.review_state, corrected.machine_type, corrected.machine_differs) == (State.ADDED, "", False)
    services.contribution_reject(contribution=added, version=2, actor=editor, note="Only initialled.")
    back = services.contribution_confirm(contribution=added, version=3, actor=editor)
    assert (back.review_state, back.status, back.machine_type) == (State.ADDED, "pledged", "")
    assert [e.action for e in audits(added)] == ["contribution.add", "contribution.correct", "contribution.reject",
                                                  "contribution.confirm"]
    assert tallies_match_a_rebuild()


# --- Correcting the date of a step ------------------------------------------------------------------------


def test_a_step_is_dated_otherwise_and_the_tallies_months_and_history_follow(missed, editor):
    ratified = machine("NL", "legal_guarantee", missed.pk)
    assert ratified.stated_on == date(2026, 11, 12)  # the article's date
    done = services.contribution_correct(contribution=ratified, version=1, actor=editor, member=ratified.actor,
                                         type=ratified.type, status=ratified.status, evidence=ratified.evidence,
                                         stated_on=date(2026, 9, 15))
    done.refresh_from_db()
    assert (done.review_state, done.stated_on, done.machine_stated_on) == (State.CORRECTED, date(2026, 9, 15),
                                                                           date(2026, 11, 12))
    assert done.machine_differs
    months = dict(StatementMonth.objects.filter(status="approved").values_list("month", "count"))
    assert months.get(date(2026, 9, 1)) == 1 and not months.get(date(2026, 11, 1))
    cell = CommitmentCell.objects.get(actor__code="NL", type="legal_guarantee", sure=True)
    assert (cell.approved, cell.last_on, cell.last_status) == (1, date(2026, 9, 15), "approved")
    assert not CommitmentCell.objects.filter(actor__code="NL", type="legal_guarantee", sure=False).exists()
    [step] = commitment_histories([(done.actor_id, done.type)])[(done.actor_id, done.type)]
    assert step.stated_on == date(2026, 9, 15)
    [entry] = audits(done)
    assert entry.changes["changed"] == ["state", "stated_on"]
    assert (entry.changes["before"]["stated_on"], entry.changes["after"]["stated_on"]) == ("2026-11-12",
                                                                                          "2026-09-15")
    assert tallies_match_a_rebuild()
    # Read again, the article keeps the editor's date; dated back as the machine read it, it is confirmed.
    source_reextract(source_id=missed.pk)
    assert Contribution.objects.get(pk=done.pk).stated_on == date(2026, 9, 15)
    back = services.contribution_correct(contribution=done, version=2, actor=editor, member=done.actor,
                                         type=done.type, status=done.status, evidence=done.evidence,
                                         stated_on=date(2026, 11, 12))
    assert back.review_state == State.CONFIRMED
    assert tallies_match_a_rebuild()


def test_a_date_after_the_article_is_refused_and_no_date_leaves_it(missed, editor):
    ratified = machine("NL", "legal_guarantee", missed.pk)
    with pytest.raises(ValidationError) as refused:
        services.contribution_correct(contribution=ratified, version=1, actor=editor, member=ratified.actor,
                                      type=ratified.type, status=ratified.status, evidence=ratified.evidence,
                                      stated_on=date(2026, 12, 1))
    assert "stated_on" in refused.value.message_dict
    with pytest.raises(ValidationError, match="confirm it"):  # no date given: nothing changed
        services.contribution_correct(contribution=ratified, version=1, actor=editor, member=ratified.actor,
                                      type=ratified.type, status=ratified.status, evidence=ratified.evidence)


def test_the_event_of_a_dated_paragraph_is_found_whatever_the_length_of_its_first_sentence(db, editor):
    # Its event's headline is that sentence cut at 200 characters ("…").
    lead = ("On 4 September Germany pledged training for Ukrainian pilots at bases in Poland and Romania, in a "
            "programme that the defence ministers of both countries said would run for at least three years and "
            "take in several hundred pilots and technicians.")
    source = SourceText.objects.get(pk=ingest("long-lead.txt", f"date 2026-11-12 Germany will send air defence "
                                              f"systems to Ukraine, Reuters reported.\n\n{lead} {SIGNED}\n\n"
                                              "The talks went on."))
    assert TimelineEvent.objects.get(source=source, ordinal=1).headline.endswith("…")
    done = add(source, editor)
    assert (done.event_ordinal, done.stated_on) == (1, date(2026, 9, 4))

"""The review transitions on ingested articles: states, versions, audit, tallies, event arrays, re-extraction."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.coalition.models import Contribution, Member
from apps.coalition.review import services
from apps.coalition.review.services import ReviewConflict
from apps.coalition.tests.review_helpers import ingest_all, machine, tallies_match_a_rebuild
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.sources import services as source_services
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db
State = Contribution.ReviewState


@pytest.fixture
def articles() -> dict[str, int]:
    return ingest_all()


@pytest.fixture
def second_editor(db):
    from conftest import _user_with_role

    return _user_with_role("editor", "editor-two")


def audits(contribution: Contribution) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type="coalition.contribution", object_id=str(contribution.pk))
                .order_by("id"))


def event_of(contribution: Contribution) -> TimelineEvent:
    return TimelineEvent.objects.get(pk=Contribution.objects.get(pk=contribution.pk).event_id)


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
    source_services.source_reextract(source_id=articles["de_pledge.txt"])  # machine rows are re-created
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
        source_services.source_reextract(source_id=joint)

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
    source_services.source_reextract(source_id=source_id)
    assert list(Contribution.objects.filter(source_id=source_id).values_list("actor__code", "review_state")) == [
        ("FR", "corrected")]
    event = TimelineEvent.objects.get(source_id=source_id)
    assert "FR:air_defence:pledged" in event.commitment_keys and "DE:air_defence:pledged" not in event.commitment_keys
    assert {"DE", "FR"} <= set(event.member_codes)

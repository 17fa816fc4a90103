"""State transitions of a machine-read contribution: confirm, correct, reject, one at a time or in bulk;
and a commitment the machine missed, added by an editor.

Every transition takes the version the editor saw and locks the row: an editor acting on a stale
item gets a `ReviewConflict` that says what changed meanwhile, and nothing is overwritten. In the
same transaction it keeps the machine's original reading beside the correction, updates the
member × type tallies and the event's filter arrays, and appends an audit entry with before/after.

States: machine → confirmed | corrected | rejected; an editor may correct or reject a reviewed
contribution again, and confirm or correct a rejected one back. After a confirmation or correction
the state says whether the reading differs from the machine's (corrected) or not (confirmed).
A contribution an editor added starts as added (it has no machine reading to differ from) and stays
added when corrected; rejected, it can be confirmed back to added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from apps.accounts.permissions import can_review, can_review_contribution
from apps.coalition.contributions import Statement, statement_of, tallies_recount
from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution, Member
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.core.services import audit_record, audit_record_many
from apps.review import readings
from apps.review.selectors import WAITING_CACHE_KEY, event_at
from apps.sources.models import SourceText
from apps.timeline.models import TimelineEvent
from apps.timeline.services import events_commitments_refresh

State = Contribution.ReviewState
EVIDENCE_MAX_CHARS = 2000
NOTE_MAX_CHARS = 1000
BULK_MAX = 200
# A step is dated no earlier than this: an earlier date is a typing slip, and it would open the monthly chart
# decades before anything it counts.
EARLIEST_STATED_ON = date(1991, 1, 1)


class ReviewConflict(InvalidTransition):
    """Someone changed the contribution since the editor loaded it; nothing of theirs was saved."""

    def __init__(self, message: str, *, contribution: Contribution, changes: list[readings.FieldChange]) -> None:
        super().__init__(message)
        self.contribution = contribution
        self.changes = changes


def _action_past(action: str) -> str:
    return {"contribution.confirm": gettext("confirmed"), "contribution.correct": gettext("corrected"),
            "contribution.reject": gettext("rejected"), "contribution.add": gettext("added")}.get(
        action, gettext("changed"))


def _conflict(row: Contribution, seen_version: int) -> ReviewConflict:
    """What happened to the row since ``seen_version``, from its audit entries (one query)."""
    entries = list(AuditEntry.objects.filter(object_type="coalition.contribution", object_id=str(row.pk),
                                             changes__version__gt=seen_version)
                   .select_related("actor").order_by("id"))
    before = entries[0].changes.get("before", {}) if entries else {}
    changes = readings.changes(before, readings.snapshot(row))
    who = ", ".join(dict.fromkeys(e.actor.get_username() if e.actor else gettext("the system") for e in entries))
    what = _action_past(entries[-1].action) if entries else gettext("changed")
    when = date_format(timezone.localtime(entries[-1].created_at), "SHORT_DATETIME_FORMAT") if entries else ""
    message = gettext("%(who)s %(what)s this commitment at %(when)s, while you had it open. Nothing you sent "
                      "was saved: here it is as it is now; decide again.") % {
        "who": who or gettext("Another editor"), "what": what, "when": when}
    return ReviewConflict(message, contribution=row, changes=changes)


# --- Locking and guards ---------------------------------------------------------------------------


def _require(actor: Any, contribution: Contribution | None = None) -> None:
    if actor is None or not (can_review_contribution(actor, contribution) if contribution is not None
                             else can_review(actor)):
        raise PermissionDenied(gettext("Only editors and admins review commitments."))


def _gone() -> InvalidTransition:
    return InvalidTransition(gettext("This commitment no longer exists: its article was read again and the "
                                     "machine's new reading replaced it. Nothing was changed."))


def _locked(contribution_id: int, version: int) -> Contribution:
    row = (Contribution.objects.select_for_update(of=("self",))
           .select_related("actor", "machine_actor", "reviewed_by").filter(pk=contribution_id).first())
    if row is None:
        raise _gone()
    if row.version != version:
        raise _conflict(row, version)
    return row


def _statement(contribution: Contribution) -> Statement | None:
    """The contribution as the tallies count it; None when rejected (not counted)."""
    if contribution.review_state == State.REJECTED:
        return None
    return statement_of(contribution)


def _keep_machine_reading(row: Contribution) -> None:
    # First review: the machine's reading, kept beside whatever the editor decides. One an editor added has none.
    if not row.machine_type and not row.editor_added:
        row.machine_actor_id, row.machine_actor = row.actor_id, row.actor
        row.machine_type, row.machine_status, row.machine_evidence = row.type, row.status, row.evidence
        row.machine_stated_on = row.stated_on


def _matches_machine(row: Contribution) -> bool:
    return (row.actor_id, row.type, row.status, row.evidence, row.stated_on) == (
        row.machine_actor_id, row.machine_type, row.machine_status, row.machine_evidence, row.machine_stated_on)


def _standing_state(row: Contribution) -> str:
    """The state of a contribution an editor let stand: added (one the machine missed), else confirmed when it
    reads as the machine read it, corrected when not."""
    if row.editor_added:
        return State.ADDED
    return State.CONFIRMED if _matches_machine(row) else State.CORRECTED


_SAVED = ["actor", "type", "status", "evidence", "stated_on", "review_state", "machine_actor", "machine_type",
          "machine_status", "machine_evidence", "machine_stated_on", "reviewed_by", "reviewed_at", "review_note",
          "version", "updated_at"]


def _decided(row: Contribution, *, actor: Any, state: str, note: str, now: Any) -> None:
    row.review_state = state
    row.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    row.reviewed_at = now
    row.review_note = note
    row.version += 1
    row.updated_at = now


def _audit_changes(row: Contribution, before: dict[str, str], from_version: int) -> dict[str, Any]:
    after = readings.snapshot(row)
    return {"version": row.version, "from_version": from_version, "before": before, "after": after,
            "changed": [c.field for c in readings.changes(before, after)]}


def _tallies_and_events(removed: Sequence[Statement], added: Sequence[Statement], event_ids: set[int | None]) -> None:
    # A statement both taken off and added back (only the evidence changed) changes no count.
    net_removed = [s for s in removed if s not in added]
    net_added = [s for s in added if s not in removed]
    if net_removed or net_added:
        tallies_recount(removed=net_removed, added=net_added)
    ids = {i for i in event_ids if i is not None}
    if ids:
        events_commitments_refresh(event_ids=ids)
    transaction.on_commit(waiting_count_forget)


def _clean_note(note: str, *, required: bool) -> str:
    note = " ".join(note.split())
    if required and not note:
        raise ValidationError({"note": gettext("Say why it is rejected (a few words are enough): "
                                               "the next editor reads it.")})
    if len(note) > NOTE_MAX_CHARS:
        raise ValidationError({"note": gettext("A note has at most %(count)d characters.") % {
            "count": NOTE_MAX_CHARS}})
    return note


# --- One at a time ----------------------------------------------------------------------------------


@transaction.atomic
def contribution_confirm(*, contribution: Contribution, version: int, actor: Any) -> Contribution:
    """The machine read it right (or a rejection was wrong): the contribution stands as it reads."""
    _require(actor)
    row = _locked(contribution.pk, version)
    _require(actor, row)
    if row.review_state not in (State.MACHINE, State.REJECTED):
        raise InvalidTransition(gettext("This commitment was already %(state)s; correct or reject it instead.")
                                % {"state": readings.display("state", row.review_state).lower()})
    before, old, from_version = readings.snapshot(row), _statement(row), row.version
    _keep_machine_reading(row)
    _decided(row, actor=actor, state=_standing_state(row), note="", now=timezone.now())
    row.save(update_fields=_SAVED)
    new = _statement(row)
    _tallies_and_events([old] if old and old != new else [], [new] if new and old != new else [], {row.event_id})
    audit_record(actor=actor, action="contribution.confirm", obj=row, changes=_audit_changes(row, before, from_version))
    return row


def evidence_span(evidence: str, text: str, *, at: int | None = None) -> tuple[int, int] | None:
    """Where ``text`` says what ``evidence`` quotes, whatever the whitespace: at ``at`` when it says it there,
    else the first place it does; None when it does not."""
    words = evidence.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    found = (pattern.match(text, at) if at is not None and 0 <= at < len(text) else None) or pattern.search(text)
    return found.span() if found else None


def evidence_in_text(evidence: str, text: str) -> str | None:
    """The passage of ``text`` that ``evidence`` quotes, whatever the whitespace, as the text writes it; else None.

    Evidence must be words of the article, so it can be checked and highlighted; it need not be exactly
    one sentence as the extraction cut it: the cut is sometimes wrong (an abbreviation like "U.S." ends
    a sentence for it), and a commitment sometimes runs over two sentences.
    """
    span = evidence_span(evidence, text)
    return text[span[0]:span[1]] if span else None


class AlreadyStated(ValidationError):
    """The article already has a commitment of this actor to this type for this event: the editor reviews
    that one instead (its id is ``existing_id``)."""

    def __init__(self, *, existing_id: int, member: Member, type: str, state: str) -> None:
        super().__init__({"actor": gettext(
            "This article already has a commitment of %(who)s to %(type)s for this event (%(state)s): correct "
            "that one instead.") % {"who": member.code, "type": CommitmentType(type).label,
                                    "state": readings.display("state", state).lower()}})
        self.existing_id = existing_id


def _already_stated(*, source_id: int, event_ordinal: int, member: Member, type: str,
                    excluding: int | None = None) -> AlreadyStated | None:
    same = Contribution.objects.filter(source_id=source_id, event_ordinal=event_ordinal, actor=member, type=type)
    if excluding is not None:
        same = same.exclude(pk=excluding)
    taken = same.values_list("pk", "review_state").first()
    if taken is None:
        return None
    return AlreadyStated(existing_id=taken[0], member=member, type=type, state=taken[1])


def _reading_errors(*, type: str, status: str, evidence: str, text: str,
                    at: int | None = None) -> tuple[dict[str, str], tuple[int, int] | None]:
    """What is wrong with a reading an editor gave (type, status, evidence), and where its evidence stands."""
    errors: dict[str, str] = {}
    if type not in CommitmentType.values:
        errors["type"] = gettext("Choose a commitment type from the list.")
    if status not in CommitmentStatus.values:
        errors["status"] = gettext("Choose a status from the list.")
    span = None
    if not evidence.strip():
        errors["evidence"] = gettext("Give the sentence of the article that states the commitment.")
    elif len(evidence) > EVIDENCE_MAX_CHARS:
        errors["evidence"] = gettext("Evidence has at most %(count)d characters: one or two sentences.") % {
            "count": EVIDENCE_MAX_CHARS}
    elif (span := evidence_span(evidence, text, at=at)) is None:
        errors["evidence"] = gettext("The evidence must be words of the article, copied as it writes them "
                                     "(a sentence of it, usually): this text is not in it.")
    return errors, span


def _stated_on_error(stated_on: date | None, *, published_on: date | None) -> str:
    """Why a date an editor gave a step cannot be (empty when it can): a step is stated by the time the article
    reports it, so not after the article's date (nor after today when that is unknown)."""
    if stated_on is None:
        return ""
    latest = published_on or timezone.localdate()
    if stated_on > latest:
        return gettext("A step is dated on or before the article that reports it (%(day)s).") % {
            "day": date_format(latest, "DATE_FORMAT")}
    if stated_on < EARLIEST_STATED_ON:
        return gettext("A step is dated from %(day)s on.") % {"day": date_format(EARLIEST_STATED_ON, "DATE_FORMAT")}
    return ""


def _other_errors(errors: dict[str, str], *, note: str, stated_on: date | None,
                  published_on: date | None) -> str:
    """Add the note's and the date's problems to ``errors``; return the cleaned note."""
    try:
        note = _clean_note(note, required=False)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if problem := _stated_on_error(stated_on, published_on=published_on):
        errors["stated_on"] = problem
    return note


@transaction.atomic
def contribution_correct(*, contribution: Contribution, version: int, actor: Any, member: Member, type: str,
                         status: str, evidence: str, note: str = "", stated_on: date | None = None) -> Contribution:
    """An editor's reading replaces the machine's (which is kept beside it).

    ``stated_on`` dates the step otherwise ("ratified in September", read in an article of 12 November);
    None leaves its date as it is.
    """
    _require(actor)
    row = _locked(contribution.pk, version)
    _require(actor, row)
    text, published_on = SourceText.objects.filter(pk=row.source_id).values_list("text", "published_on").first() or (
        "", None)
    errors, span = _reading_errors(type=type, status=status, evidence=evidence, text=text or "")
    quoted = (text or "")[span[0]:span[1]] if span else ""
    note = _other_errors(errors, note=note, stated_on=stated_on, published_on=published_on)
    stated_on = stated_on or row.stated_on
    if not errors and (member.pk, type) != (row.actor_id, row.type) and (taken := _already_stated(
            source_id=row.source_id, event_ordinal=row.event_ordinal, member=member, type=type, excluding=row.pk)):
        raise taken
    if not errors and row.review_state != State.REJECTED and (member.pk, type, status, quoted, stated_on) == (
            row.actor_id, row.type, row.status, row.evidence, row.stated_on) and note == row.review_note:
        errors["__all__"] = gettext("Nothing was changed: to keep it as it reads, confirm it.")
    if errors:
        raise ValidationError(errors)
    before, old, from_version = readings.snapshot(row), _statement(row), row.version
    _keep_machine_reading(row)
    row.actor_id, row.actor, row.type, row.status, row.evidence = member.pk, member, type, status, quoted
    row.stated_on = stated_on
    _decided(row, actor=actor, state=_standing_state(row), note=note, now=timezone.now())
    row.save(update_fields=_SAVED)
    new = _statement(row)
    # A new date is a new statement: the old one leaves its month and its cell's dates, the new one comes in.
    _tallies_and_events([old] if old else [], [new] if new else [], {row.event_id})
    audit_record(actor=actor, action="contribution.correct", obj=row, changes=_audit_changes(row, before, from_version))
    return row


@transaction.atomic
def contribution_add(*, source: SourceText, actor: Any, member: Member, type: str, status: str, evidence: str,
                     at: int | None = None, stated_on: date | None = None, note: str = "") -> Contribution:
    """A commitment the machine missed, added by an editor from its sentence in the article.

    It belongs to the event whose paragraph holds the sentence (a dated paragraph's own event, else the
    article's), is stated on ``stated_on`` or else on that event's date, has no confidence, and counts as
    an editor's word at once: in the tallies, in the event's filter arrays, wherever only sure commitments
    are shown. A re-extraction keeps it and does not read the same pair in again beside it. ``at`` is where
    the sentence the editor picked starts (a pasted one is looked for from the start of the text).
    """
    _require(actor)
    # The article's row lock, as an ingest takes it: a re-extraction replacing the article's events and
    # contributions waits for this one (or this one for it), and so does another editor adding to it.
    found = (SourceText.objects.select_for_update().filter(pk=source.pk)
             .values_list("status", "text", "published_on").first())
    if found is None:
        raise InvalidTransition(gettext("This article no longer exists."))
    source_status, text, published_on = found
    if source_status != SourceText.Status.INGESTED or not text:
        raise InvalidTransition(gettext("This article has not been read yet: commitments can be added once it "
                                        "has been."))
    errors, span = _reading_errors(type=type, status=status, evidence=evidence, text=text, at=at)
    note = _other_errors(errors, note=note, stated_on=stated_on, published_on=published_on)
    events = list(TimelineEvent.objects.filter(source_id=source.pk).only("id", "ordinal", "occurred_on", "headline"))
    event = event_at(text, events, span[0]) if span else None
    if span and event is None:
        errors["__all__"] = gettext("This article has no event to add a commitment to; read it again first.")
    if errors or event is None or span is None:
        raise ValidationError(errors)
    if taken := _already_stated(source_id=source.pk, event_ordinal=event.ordinal, member=member, type=type):
        raise taken
    now = timezone.now()
    row = Contribution(source_id=source.pk, event=event, event_ordinal=event.ordinal, actor=member, type=type,
                       status=status, evidence=text[span[0]:span[1]],
                       stated_on=stated_on or event.occurred_on or published_on, confidence=None,
                       review_state=State.ADDED, editor_added=True,
                       reviewed_by=actor if getattr(actor, "is_authenticated", False) else None, reviewed_at=now,
                       review_note=note)
    try:
        with transaction.atomic():  # a savepoint: the unique pair is the last word if a check above raced
            row.save(force_insert=True)
    except IntegrityError as error:
        taken = _already_stated(source_id=source.pk, event_ordinal=event.ordinal, member=member, type=type)
        raise (taken or ValidationError({"actor": gettext("This commitment was just added.")})) from error
    _tallies_and_events([], [statement_of(row)], {event.pk})
    audit_record(actor=actor, action="contribution.add", obj=row, changes=_audit_changes(row, {}, 0))
    return row


@transaction.atomic
def contribution_reject(*, contribution: Contribution, version: int, actor: Any, note: str) -> Contribution:
    """Not a commitment (or not this one): it stops counting, and a re-extraction does not bring it back."""
    _require(actor)
    note = _clean_note(note, required=True)
    row = _locked(contribution.pk, version)
    _require(actor, row)
    if row.review_state == State.REJECTED:
        raise InvalidTransition(gettext("This commitment was already rejected."))
    before, old, from_version = readings.snapshot(row), _statement(row), row.version
    _keep_machine_reading(row)
    _decided(row, actor=actor, state=State.REJECTED, note=note, now=timezone.now())
    row.save(update_fields=_SAVED)
    _tallies_and_events([old] if old else [], [], {row.event_id})
    audit_record(actor=actor, action="contribution.reject", obj=row, changes=_audit_changes(row, before, from_version))
    return row


# --- In bulk ------------------------------------------------------------------------------------------


@dataclass
class BulkOutcome:
    """What a bulk action did: the contributions it changed, and those it left alone with the reason."""

    action: str  # "confirm" or "reject"
    done: list[Contribution] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (id, why)

    @property
    def message(self) -> str:
        count = len(self.done)
        if self.action == "confirm":
            text = ngettext("%(count)d commitment confirmed.", "%(count)d commitments confirmed.", count)
        else:
            text = ngettext("%(count)d commitment rejected.", "%(count)d commitments rejected.", count)
        text %= {"count": count}
        if self.skipped:
            text += " " + ngettext("%(count)d was left as it is because it changed meanwhile:",
                                   "%(count)d were left as they are because they changed meanwhile:",
                                   len(self.skipped)) % {"count": len(self.skipped)}
            text += " " + "; ".join(why for _, why in self.skipped)
        return text


def _bulk(*, items: Sequence[tuple[int, int]], actor: Any, action: str, note: str) -> BulkOutcome:
    _require(actor)
    if not items:
        raise ValidationError({"items": gettext("Select at least one commitment.")})
    if len(items) > BULK_MAX:
        raise ValidationError({"items": gettext("At most %(count)d commitments at once.") % {"count": BULK_MAX}})
    wanted = dict(items)
    rows = {r.pk: r for r in Contribution.objects.select_for_update(of=("self",))
            .select_related("actor", "reviewed_by").filter(pk__in=wanted).order_by("pk")}
    outcome = BulkOutcome(action=action)
    now = timezone.now()
    removed: list[Statement] = []
    added: list[Statement] = []
    audits: list[tuple[Contribution, dict[str, Any]]] = []
    for pk, version in sorted(wanted.items()):
        row = rows.get(pk)
        if row is None:
            outcome.skipped.append((pk, gettext("#%(id)d no longer exists (its article was read again)") % {"id": pk}))
            continue
        if not can_review_contribution(actor, row):
            raise PermissionDenied(gettext("Only editors and admins review commitments."))
        if row.version != version or row.review_state != State.MACHINE:
            who = row.reviewed_by.get_username() if row.reviewed_by else gettext("another editor")
            state = readings.display("state", row.review_state).lower()
            outcome.skipped.append((pk, gettext("%(what)s was %(state)s by %(who)s") % {
                "what": readings.Reading.of(row).label, "state": state, "who": who}))
            continue
        before, old, from_version = readings.snapshot(row), _statement(row), row.version
        _keep_machine_reading(row)
        _decided(row, actor=actor, state=State.CONFIRMED if action == "confirm" else State.REJECTED, note=note, now=now)
        new = _statement(row)
        if old and old != new:  # rejected: no longer counted; confirmed: counted as sure now
            removed.append(old)
            if new:
                added.append(new)
        outcome.done.append(row)
        audits.append((row, _audit_changes(row, before, from_version)))
    if outcome.done:
        Contribution.objects.bulk_update(outcome.done, _SAVED)
        _tallies_and_events(removed, added, {row.event_id for row in outcome.done})
        audit_record_many(actor=actor, action=f"contribution.{action}", entries=audits)
    return outcome


@transaction.atomic
def contributions_bulk_confirm(*, items: Sequence[tuple[int, int]], actor: Any) -> BulkOutcome:
    """Confirm many machine-read contributions, each at the version the editor saw; changed ones are skipped."""
    return _bulk(items=items, actor=actor, action="confirm", note="")


@transaction.atomic
def contributions_bulk_reject(*, items: Sequence[tuple[int, int]], actor: Any, note: str) -> BulkOutcome:
    """Reject many machine-read contributions with one note; changed ones are skipped."""
    _require(actor)
    return _bulk(items=items, actor=actor, action="reject", note=_clean_note(note, required=True))


def waiting_count_forget() -> None:
    """The navigation's count of items waiting is read again on the next page (after a review commits)."""
    cache.delete(WAITING_CACHE_KEY)

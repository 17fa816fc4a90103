"""State transitions of a machine-read contribution: confirm, correct, reject, one at a time or in bulk.

Every transition takes the version the editor saw and locks the row: an editor acting on a stale
item gets a `ReviewConflict` that says what changed meanwhile, and nothing is overwritten. In the
same transaction it keeps the machine's original reading beside the correction, updates the
member × type tallies and the event's filter arrays, and appends an audit entry with before/after.

States: machine → confirmed | corrected | rejected; an editor may correct or reject a reviewed
contribution again, and confirm or correct a rejected one back. After a confirmation or correction
the state says whether the reading differs from the machine's (corrected) or not (confirmed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from apps.accounts.permissions import can_review, can_review_contribution
from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution, Member
from apps.coalition.review.selectors import WAITING_CACHE_KEY
from apps.coalition.services import Statement, statement_of, tallies_recount
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.core.services import audit_record, audit_record_many
from apps.timeline.services import events_commitments_refresh

State = Contribution.ReviewState
EVIDENCE_MAX_CHARS = 2000
NOTE_MAX_CHARS = 1000
BULK_MAX = 200
_READING_FIELDS = ("actor", "type", "status", "evidence")


# --- What a contribution says, and what changed --------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """Who committed what, in which state, on what evidence: a contribution's content, for audit and diffs."""

    actor: str  # member code
    type: str
    status: str
    evidence: str

    @classmethod
    def of(cls, contribution: Contribution) -> Reading:
        return cls(contribution.actor.code, contribution.type, contribution.status, contribution.evidence)

    def as_dict(self) -> dict[str, str]:
        return {"actor": self.actor, "type": self.type, "status": self.status, "evidence": self.evidence}

    @property
    def label(self) -> str:
        type_ = CommitmentType(self.type).label if self.type in CommitmentType.values else self.type
        status = CommitmentStatus(self.status).label if self.status in CommitmentStatus.values else self.status
        return f"{self.actor} · {type_} · {status}"


@dataclass(frozen=True)
class FieldChange:
    field: str  # "state", "actor", "type", "status", "evidence", "note"
    label: str
    before: str
    after: str


def _field_label(name: str) -> str:
    return {"state": gettext("Review"), "actor": gettext("Who"), "type": gettext("Commitment"),
            "status": gettext("Status"), "evidence": gettext("Evidence"), "note": gettext("Note")}[name]


def _display(name: str, value: str) -> str:
    if name == "type" and value in CommitmentType.values:
        return str(CommitmentType(value).label)
    if name == "status" and value in CommitmentStatus.values:
        return str(CommitmentStatus(value).label)
    if name == "state" and value in State.values:
        return str(State(value).label)
    return value


def _changes(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    return [FieldChange(name, _field_label(name), _display(name, before.get(name, "")), _display(name, after[name]))
            for name in ("state", *_READING_FIELDS, "note") if name in after and before.get(name, "") != after[name]]


def _snapshot(contribution: Contribution) -> dict[str, str]:
    return {"state": contribution.review_state, **Reading.of(contribution).as_dict(), "note": contribution.review_note}


class ReviewConflict(InvalidTransition):
    """Someone changed the contribution since the editor loaded it; nothing of theirs was saved."""

    def __init__(self, message: str, *, contribution: Contribution, changes: list[FieldChange]) -> None:
        super().__init__(message)
        self.contribution = contribution
        self.changes = changes


def _action_past(action: str) -> str:
    return {"contribution.confirm": gettext("confirmed"), "contribution.correct": gettext("corrected"),
            "contribution.reject": gettext("rejected")}.get(action, gettext("changed"))


def _conflict(row: Contribution, seen_version: int) -> ReviewConflict:
    """What happened to the row since ``seen_version``, from its audit entries (one query)."""
    entries = list(AuditEntry.objects.filter(object_type="coalition.contribution", object_id=str(row.pk),
                                             changes__version__gt=seen_version)
                   .select_related("actor").order_by("id"))
    before = entries[0].changes.get("before", {}) if entries else {}
    changes = _changes(before, _snapshot(row))
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
    if not row.machine_type:  # first review: the machine's reading, kept beside whatever the editor decides
        row.machine_actor_id, row.machine_actor = row.actor_id, row.actor
        row.machine_type, row.machine_status, row.machine_evidence = row.type, row.status, row.evidence


def _matches_machine(row: Contribution) -> bool:
    return (row.actor_id, row.type, row.status, row.evidence) == (
        row.machine_actor_id, row.machine_type, row.machine_status, row.machine_evidence)


_SAVED = ["actor", "type", "status", "evidence", "review_state", "machine_actor", "machine_type", "machine_status",
          "machine_evidence", "reviewed_by", "reviewed_at", "review_note", "version", "updated_at"]


def _decided(row: Contribution, *, actor: Any, state: str, note: str, now: Any) -> None:
    row.review_state = state
    row.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    row.reviewed_at = now
    row.review_note = note
    row.version += 1
    row.updated_at = now


def _audit_changes(row: Contribution, before: dict[str, str], from_version: int) -> dict[str, Any]:
    after = _snapshot(row)
    return {"version": row.version, "from_version": from_version, "before": before, "after": after,
            "changed": [c.field for c in _changes(before, after)]}


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
                                % {"state": _display("state", row.review_state).lower()})
    before, old, from_version = _snapshot(row), _statement(row), row.version
    _keep_machine_reading(row)
    _decided(row, actor=actor, state=State.CONFIRMED if _matches_machine(row) else State.CORRECTED, note="",
             now=timezone.now())
    row.save(update_fields=_SAVED)
    new = _statement(row)
    _tallies_and_events([old] if old and old != new else [], [new] if new and old != new else [], {row.event_id})
    audit_record(actor=actor, action="contribution.confirm", obj=row, changes=_audit_changes(row, before, from_version))
    return row


def evidence_in_text(evidence: str, text: str) -> str | None:
    """The passage of ``text`` that ``evidence`` quotes, whatever the whitespace, as the text writes it; else None.

    Evidence must be words of the article, so it can be checked and highlighted; it need not be exactly
    one sentence as the extraction cut it: the cut is sometimes wrong (an abbreviation like "U.S." ends
    a sentence for it), and a commitment sometimes runs over two sentences.
    """
    words = evidence.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return text[found.start():found.end()] if found else None


@transaction.atomic
def contribution_correct(*, contribution: Contribution, version: int, actor: Any, member: Member, type: str,
                         status: str, evidence: str, note: str = "") -> Contribution:
    """An editor's reading replaces the machine's (which is kept beside it)."""
    from apps.sources.models import SourceText

    _require(actor)
    row = _locked(contribution.pk, version)
    _require(actor, row)
    errors: dict[str, str] = {}
    if type not in CommitmentType.values:
        errors["type"] = gettext("Choose a commitment type from the list.")
    if status not in CommitmentStatus.values:
        errors["status"] = gettext("Choose a status from the list.")
    quoted = None
    if not evidence.strip():
        errors["evidence"] = gettext("Give the sentence of the article that states the commitment.")
    elif len(evidence) > EVIDENCE_MAX_CHARS:
        errors["evidence"] = gettext("Evidence has at most %(count)d characters: one or two sentences.") % {
            "count": EVIDENCE_MAX_CHARS}
    elif (quoted := evidence_in_text(evidence, SourceText.objects.filter(pk=row.source_id)
                                     .values_list("text", flat=True).first() or "")) is None:
        errors["evidence"] = gettext("The evidence must be words of the article, copied as it writes them "
                                     "(a sentence of it, usually): this text is not in it.")
    try:
        note = _clean_note(note, required=False)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if not errors and (member.pk, type) != (row.actor_id, row.type):
        taken = (Contribution.objects.filter(source_id=row.source_id, event_ordinal=row.event_ordinal,
                                             actor=member, type=type).exclude(pk=row.pk)
                 .values_list("review_state", flat=True).first())
        if taken is not None:
            errors["actor"] = gettext("This article already has a commitment of %(who)s to %(type)s for this event "
                                      "(%(state)s): review that one instead.") % {
                "who": member.code, "type": CommitmentType(type).label, "state": _display("state", taken).lower()}
    if not errors and row.review_state != State.REJECTED and (member.pk, type, status, quoted) == (
            row.actor_id, row.type, row.status, row.evidence) and note == row.review_note:
        errors["__all__"] = gettext("Nothing was changed: to keep it as it reads, confirm it.")
    if errors:
        raise ValidationError(errors)
    before, old, from_version = _snapshot(row), _statement(row), row.version
    _keep_machine_reading(row)
    row.actor_id, row.actor, row.type, row.status, row.evidence = member.pk, member, type, status, quoted or ""
    _decided(row, actor=actor, state=State.CONFIRMED if _matches_machine(row) else State.CORRECTED, note=note,
             now=timezone.now())
    row.save(update_fields=_SAVED)
    new = _statement(row)
    _tallies_and_events([old] if old else [], [new] if new else [], {row.event_id})
    audit_record(actor=actor, action="contribution.correct", obj=row, changes=_audit_changes(row, before, from_version))
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
    before, old, from_version = _snapshot(row), _statement(row), row.version
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
            outcome.skipped.append((pk, gettext("%(what)s was %(state)s by %(who)s") % {
                "what": Reading.of(row).label, "state": _display("state", row.review_state).lower(), "who": who}))
            continue
        before, old, from_version = _snapshot(row), _statement(row), row.version
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

"""Writes for unknown names: re-keying the candidates, and resolving them (an alias, a new person or member, or a
dismissal). A resolution returns the articles the name was seen in; the caller queues their re-reading.

The sightings each ingest writes, and the candidates' counts kept from them, are in ``apps.names.sightings``; the
people, members and aliases a resolution creates are written by ``apps.coalition.services``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from apps.accounts.permissions import can_manage_names
from apps.coalition import services as coalition_services
from apps.coalition.models import Alias, Member, Person
from apps.core.exceptions import InvalidTransition
from apps.core.services import audit_record, audit_record_many
from apps.extraction.names import text_key
from apps.names.models import NameCandidate, NameSighting
from apps.names.sightings import NAME_FIELD_CHARS, names_recount

# The most settled state wins when candidates become one: an alias, then a dismissal, then open.
_STATE_RANK: dict[str, int] = {NameCandidate.State.ALIASED: 0, NameCandidate.State.DISMISSED: 1,
                               NameCandidate.State.OPEN: 2}


@dataclass(frozen=True)
class NamesRekeyed:
    rekeyed: int  # candidates whose key changed
    merged: int  # candidates folded into another that now has the same key


@transaction.atomic
def name_candidates_rekey(*, actor: Any = None) -> NamesRekeyed:
    """Give every candidate the key today's extraction gives its name; candidates that now share a key become one.

    Run once after the key changes (`manage.py names_rekey`): otherwise the next reading of an article files
    its names under the new keys, and a name an admin dismissed comes back as a new, open candidate. The one
    kept is the most settled (aliased, then dismissed, then open; then the most seen); it takes the others'
    sightings, one per article. Safe to run twice: the second run changes nothing.
    """
    candidates = list(NameCandidate.objects.select_for_update().order_by("pk").only("id", "key", "text", "state",
                                                                                     "article_count"))
    groups: dict[str, list[NameCandidate]] = defaultdict(list)
    for candidate in candidates:
        key = text_key(candidate.text)
        groups[key if key and len(key) <= NAME_FIELD_CHARS else candidate.key].append(candidate)
    renamed: list[tuple[NameCandidate, str]] = []
    merged: list[int] = []
    for key, group in groups.items():
        group.sort(key=lambda c: (_STATE_RANK.get(c.state, 3), -c.article_count, c.pk))
        kept, others = group[0], [c.pk for c in group[1:]]
        if kept.key != key:
            renamed.append((kept, key))
        if others:
            _sightings_move(to=kept.pk, from_ids=others)
            merged.extend(others)
    NameCandidate.objects.filter(pk__in=merged).delete()  # their sightings left moved or went with them
    # Two steps, so no key is briefly held twice: a placeholder no name key can be ('#'), then the new key.
    for step in ("placeholder", "final"):
        for candidate, key in renamed:
            candidate.key = f"#{candidate.pk}" if step == "placeholder" else key
        NameCandidate.objects.bulk_update([c for c, _ in renamed], ["key"])
    names_recount([c.pk for c, _ in renamed] + [g[0].pk for g in groups.values() if len(g) > 1])
    outcome = NamesRekeyed(rekeyed=len(renamed), merged=len(merged))
    audit_record(actor=actor, action="name.rekey", changes={"candidates": len(candidates),
                                                            "rekeyed": outcome.rekeyed, "merged": outcome.merged})
    return outcome


def _sightings_move(*, to: int, from_ids: list[int]) -> None:
    """Move sightings to the kept candidate, one per article: its own first, then the latest of the others."""
    taken = set(NameSighting.objects.filter(candidate_id=to).values_list("source_id", flat=True))
    moved: list[int] = []
    for sighting_id, source_id in (NameSighting.objects.filter(candidate_id__in=from_ids).order_by("-id")
                                   .values_list("id", "source_id")):
        if source_id not in taken:
            taken.add(source_id)
            moved.append(sighting_id)
    NameSighting.objects.filter(pk__in=moved).update(candidate_id=to)


@dataclass(frozen=True)
class NameResolution:
    """What became of a candidate: the alias it now is, the articles it was seen in (which the caller has re-read:
    these services never queue; the names page queues the re-extraction through the sources app, in the same
    transaction), and how many were."""

    candidate: NameCandidate
    alias: Alias
    source_ids: tuple[int, ...] = ()
    queued: int = 0

    @property
    def target(self) -> str:
        return alias_target_label(self.alias)

    @property
    def message(self) -> str:
        values = {"alias": self.alias.text, "target": self.target, "count": self.queued}
        if not self.queued:
            return gettext("«%(alias)s» is now an alias of %(target)s; no article to re-read.") % values
        return ngettext("«%(alias)s» is now an alias of %(target)s; %(count)d article is being re-read.",
                        "«%(alias)s» is now an alias of %(target)s; %(count)d articles are being re-read.",
                        self.queued) % values


def alias_target_label(alias: Alias) -> str:
    """'Pål Jonson (SE)' for a person's alias, 'Sweden (SE)' for a member's."""
    if (person := alias.person) is not None:
        return f"{person.local_name} ({person.member.code})" if person.member is not None else person.local_name
    if (member := alias.member) is not None:
        return f"{member.local_name} ({member.code})"
    return str(alias.member)


def candidate_state_sentence(candidate: NameCandidate) -> str:
    """'«Saab» was already dismissed.' — what became of a candidate that is no longer open."""
    if candidate.state == NameCandidate.State.ALIASED:
        return gettext("«%(name)s» was already made an alias.") % {"name": candidate.text}
    if candidate.state == NameCandidate.State.DISMISSED:
        return gettext("«%(name)s» was already dismissed.") % {"name": candidate.text}
    return gettext("«%(name)s» is still open.") % {"name": candidate.text}


def _require(actor: Any, *permissions: str) -> None:
    if actor is None or not can_manage_names(actor) or not all(actor.has_perm(p) for p in permissions):
        raise PermissionDenied(gettext("Only admins can turn names into aliases."))


def _open_candidate_locked(candidate: NameCandidate) -> NameCandidate:
    candidate = NameCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.state != NameCandidate.State.OPEN:
        raise InvalidTransition(candidate_state_sentence(candidate))
    return candidate


@transaction.atomic
def name_candidate_alias(*, candidate: NameCandidate, actor: Any, text: str, language: str,
                         person: Person | None = None, member: Member | None = None) -> NameResolution:
    """Make the name an alias of an existing person or member, then re-read the articles it was seen in."""
    _require(actor, "coalition.add_alias")
    candidate = _open_candidate_locked(candidate)
    text, language = coalition_services.alias_fields_clean(text, language)
    if (person is None) == (member is None):
        raise ValidationError({"target": gettext("Choose one person or one member from the list.")})
    return _candidate_resolve(candidate=candidate, actor=actor, text=text, language=language, person=person,
                              member=member)


@transaction.atomic
def name_candidate_create_person(*, candidate: NameCandidate, actor: Any, slug: str, name_en: str, name_ru: str = "",
                                 name_uk: str = "", member: Member | None = None, text: str | None = None,
                                 language: str = "") -> NameResolution:
    """Create a person named by the candidate, with the name as an alias; re-read the articles."""
    _require(actor, "coalition.add_alias", "coalition.add_person")
    candidate = _open_candidate_locked(candidate)
    text, language = coalition_services.alias_fields_clean(candidate.text if text is None else text, language)
    person = coalition_services.person_create(actor=actor, slug=slug, name_en=name_en, name_ru=name_ru,
                                              name_uk=name_uk, member=member)
    return _candidate_resolve(candidate=candidate, actor=actor, text=text, language=language, person=person)


@transaction.atomic
def name_candidate_create_member(*, candidate: NameCandidate, actor: Any, code: str, name_en: str, name_ru: str = "",
                                 name_uk: str = "", role: str = Member.Role.OTHER, text: str | None = None,
                                 language: str = "") -> NameResolution:
    """Create a member named by the candidate, with the name as an alias; re-read the articles."""
    _require(actor, "coalition.add_alias", "coalition.add_member")
    candidate = _open_candidate_locked(candidate)
    text, language = coalition_services.alias_fields_clean(candidate.text if text is None else text, language)
    member = coalition_services.member_create(actor=actor, code=code, name_en=name_en, name_ru=name_ru,
                                              name_uk=name_uk, role=role)
    return _candidate_resolve(candidate=candidate, actor=actor, text=text, language=language, member=member)


def _candidate_resolve(*, candidate: NameCandidate, actor: Any, text: str, language: str,
                       person: Person | None = None, member: Member | None = None) -> NameResolution:
    """Create (or reuse) the alias and mark the candidate aliased (caller is atomic); the resolution names the
    articles to re-read."""
    alias = coalition_services.alias_ensure(text=text, language=language, person=person, member=member)
    candidate.state = NameCandidate.State.ALIASED
    candidate.alias = alias
    candidate.resolved_by = actor if getattr(actor, "is_authenticated", False) else None
    candidate.resolved_at = timezone.now()
    candidate.save(update_fields=["state", "alias", "resolved_by", "resolved_at", "updated_at"])
    audit_record(actor=actor, action="name.alias", obj=candidate, changes={
        "alias": alias.pk, "text": text, "language": language,
        "person": person.slug if person else None, "member": member.code if member else None,
    })
    source_ids = tuple(candidate.sightings.values_list("source_id", flat=True))
    return NameResolution(candidate=candidate, alias=alias, source_ids=source_ids)


@transaction.atomic
def name_candidate_dismiss(*, candidate: NameCandidate, actor: Any) -> NameCandidate:
    """Not a name worth an alias ("Saab", "Bundeswehr"): stop listing it, even when seen again."""
    _require(actor, "names.change_namecandidate")
    candidate = _open_candidate_locked(candidate)
    candidate.state = NameCandidate.State.DISMISSED
    candidate.resolved_by = actor if getattr(actor, "is_authenticated", False) else None
    candidate.resolved_at = timezone.now()
    candidate.save(update_fields=["state", "resolved_by", "resolved_at", "updated_at"])
    audit_record(actor=actor, action="name.dismiss", obj=candidate)
    return candidate


@transaction.atomic
def name_candidate_reopen(*, candidate: NameCandidate, actor: Any) -> NameCandidate:
    """List a dismissed name again."""
    _require(actor, "names.change_namecandidate")
    candidate = NameCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.state != NameCandidate.State.DISMISSED:
        raise InvalidTransition(gettext("«%(name)s» is not dismissed.") % {"name": candidate.text})
    candidate.state = NameCandidate.State.OPEN
    candidate.resolved_by = None
    candidate.resolved_at = None
    candidate.save(update_fields=["state", "resolved_by", "resolved_at", "updated_at"])
    audit_record(actor=actor, action="name.reopen", obj=candidate)
    return candidate


@dataclass(frozen=True)
class NamesChange:
    """What a bulk dismissal or reopening did: the candidates it changed, and how many of the chosen it left."""

    changed: list[NameCandidate]
    skipped: int  # chosen but no longer in the state the action starts from (or deleted meanwhile)

    @property
    def ids(self) -> list[int]:
        return [c.pk for c in self.changed]


@transaction.atomic
def name_candidates_dismiss(*, candidate_ids: Sequence[int], actor: Any) -> NamesChange:
    """Dismiss the chosen names that are still open, all at once; one audit row each, as for one name.

    Four queries however many names: the open ones are locked in id order (as `name_sightings_replace` locks
    them, so the two never wait on each other in a cycle), updated in one statement, audited in one insert.
    """
    _require(actor, "names.change_namecandidate")
    return _names_move(candidate_ids=candidate_ids, actor=actor, state=NameCandidate.State.OPEN,
                       to=NameCandidate.State.DISMISSED, action="name.dismiss")


@transaction.atomic
def name_candidates_reopen(*, candidate_ids: Sequence[int], actor: Any) -> NamesChange:
    """List the chosen dismissed names again (the undo of a bulk dismissal); one audit row each."""
    _require(actor, "names.change_namecandidate")
    return _names_move(candidate_ids=candidate_ids, actor=actor, state=NameCandidate.State.DISMISSED,
                       to=NameCandidate.State.OPEN, action="name.reopen")


def _names_move(*, candidate_ids: Sequence[int], actor: Any, state: str, to: str, action: str) -> NamesChange:
    chosen = set(candidate_ids)
    changed = list(NameCandidate.objects.select_for_update().filter(pk__in=chosen, state=state).order_by("pk")
                   .only("id", "key", "text", "hint", "state", "article_count"))
    if changed:
        dismissed = to == NameCandidate.State.DISMISSED
        resolved_by = actor if dismissed and getattr(actor, "is_authenticated", False) else None
        resolved_at = timezone.now() if dismissed else None
        NameCandidate.objects.filter(pk__in=[c.pk for c in changed]).update(
            state=to, resolved_by=resolved_by, resolved_at=resolved_at, updated_at=timezone.now())
        for candidate in changed:
            candidate.state = to
        audit_record_many(actor=actor, action=action, entries=[(c, {"bulk": len(changed)}) for c in changed])
    return NamesChange(changed=changed, skipped=len(chosen) - len(changed))

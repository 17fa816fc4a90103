"""Writes for members, people and unknown names, and the gazetteer built from the aliases.

Contributions and their tallies are written by ``apps.coalition.contributions``.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, ProgrammingError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from apps import extraction
from apps.accounts.permissions import can_manage_names
from apps.coalition.models import (
    Alias,
    Language,
    Member,
    NameCandidate,
    NameSighting,
    Person,
)
from apps.coalition.naming import CODE_RE, SLUG_RE
from apps.coalition.sightings import NAME_FIELD_CHARS, names_recount
from apps.core.exceptions import InvalidTransition
from apps.core.services import audit_record, audit_record_many
from apps.extraction.lexicon import AliasEntry, MemberEntry, PersonEntry
from apps.extraction.names import text_key

if TYPE_CHECKING:
    pass

# Per process: the gazetteer, the table stamp it was built from, and when that stamp was last checked.
GAZETTEER_RECHECK_SECONDS = 5.0
logger = logging.getLogger(__name__)
_gazetteer_cache: dict[str, Any] = {"stamp": None, "gazetteer": None, "checked": float("-inf")}


def _gazetteer_stamp() -> str:
    return repr((
        Alias.objects.aggregate(n=Count("id"), last=Max("id")),
        Member.objects.aggregate(n=Count("id"), last=Max("id")),
        Person.objects.aggregate(n=Count("id"), last=Max("id")),
    ))


def gazetteer_invalidate() -> None:
    """Look at the tables again on the next call (this process only; workers notice within seconds)."""
    _gazetteer_cache["checked"] = float("-inf")


def gazetteer_current() -> extraction.Gazetteer:
    """The gazetteer for the current aliases, rebuilt (under 1 s) when they changed.

    The tables are looked at no more than every few seconds, so a busy worker does not pay
    three queries per article; an alias added in the admin applies within that delay.
    """
    cache = _gazetteer_cache
    now = time.monotonic()
    if cache["gazetteer"] is None or now - cache["checked"] >= GAZETTEER_RECHECK_SECONDS:
        try:
            stamp = _gazetteer_stamp()
        except ProgrammingError:
            # No tables yet (`manage.py extract` on a fresh clone before `migrate`): the built-in lexicon,
            # which is what the migrations load.
            logger.warning("The alias tables do not exist yet; extracting with the built-in lexicon.")
            return extraction.default_gazetteer()
        if stamp != cache["stamp"]:
            cache.update(stamp=stamp, gazetteer=gazetteer_build())
        cache["checked"] = now
    return cache["gazetteer"]


def gazetteer_build() -> extraction.Gazetteer:
    aliases_by_member: dict[int, list[AliasEntry]] = {}
    aliases_by_person: dict[int, list[AliasEntry]] = {}
    for alias in Alias.objects.all():
        entry = AliasEntry(text=alias.text, language=alias.language)
        if alias.member_id:
            aliases_by_member.setdefault(alias.member_id, []).append(entry)
        elif alias.person_id:
            aliases_by_person.setdefault(alias.person_id, []).append(entry)
    members = [
        MemberEntry(code=m.code, role=m.role, name_en=m.name_en, name_ru=m.name_ru, name_uk=m.name_uk,
                    aliases=tuple(aliases_by_member.get(m.pk, ())))
        for m in Member.objects.all()
    ]
    people = [
        PersonEntry(slug=p.slug, member_code=p.member.code if p.member else "", name_en=p.name_en,
                    name_ru=p.name_ru, name_uk=p.name_uk, aliases=tuple(aliases_by_person.get(p.pk, ())))
        for p in Person.objects.select_related("member")
    ]
    return extraction.Gazetteer.build(members, people)


def members_ensure(codes: Sequence[str]) -> dict[str, Member]:
    """Members by code, creating any the extraction named that the table lacks (any ISO country)."""
    found = {m.code: m for m in Member.objects.filter(code__in=codes)}
    for code in set(codes) - found.keys():
        found[code], _ = Member.objects.get_or_create(code=code, defaults={"name_en": code})
    return found


# --- Unknown names ---------------------------------------------------------------------------

ALIAS_TEXT_CHARS = Alias._meta.get_field("text").max_length or 120


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
    the sources app queues re-extraction, and it depends on this one, not the other way), and how many were."""

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


def _alias_fields_clean(text: str, language: str) -> tuple[str, str]:
    text = " ".join(text.split())
    errors: dict[str, str] = {}
    if not text:
        errors["text"] = gettext("Write the alias as the news writes the name.")
    elif len(text) > ALIAS_TEXT_CHARS:
        errors["text"] = gettext("An alias has at most %(count)d characters.") % {"count": ALIAS_TEXT_CHARS}
    if language not in {"", *Language.values}:
        errors["language"] = gettext("Choose English, Russian, Ukrainian or any language.")
    if errors:
        raise ValidationError(errors)
    return text, language


def _names_clean(name_en: str, name_ru: str, name_uk: str) -> dict[str, str]:
    names = {"name_en": " ".join(name_en.split()), "name_ru": " ".join(name_ru.split()),
             "name_uk": " ".join(name_uk.split())}
    errors = {field: gettext("At most 120 characters.") for field, value in names.items() if len(value) > 120}
    if not names["name_en"]:
        errors["name_en"] = gettext("The English name is required.")
    if errors:
        raise ValidationError(errors)
    return names


@transaction.atomic
def name_candidate_alias(*, candidate: NameCandidate, actor: Any, text: str, language: str,
                         person: Person | None = None, member: Member | None = None) -> NameResolution:
    """Make the name an alias of an existing person or member, then re-read the articles it was seen in."""
    _require(actor, "coalition.add_alias")
    candidate = _open_candidate_locked(candidate)
    text, language = _alias_fields_clean(text, language)
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
    text, language = _alias_fields_clean(candidate.text if text is None else text, language)
    slug = slug.strip()
    errors: dict[str, str] = {}
    names: dict[str, str] = {}  # stays empty only when the names are refused (errors raised below)
    try:
        names = _names_clean(name_en, name_ru, name_uk)
    except ValidationError as error:
        errors.update({field: messages[0] for field, messages in error.message_dict.items()})
    if not SLUG_RE.fullmatch(slug):
        errors["slug"] = gettext("A slug is lowercase ASCII letters and underscores only, e.g. “jonson” or "
                                 "“kosiniak_kamysz”.")
    elif len(slug) > 64:
        errors["slug"] = gettext("A slug has at most 64 characters.")
    elif (taken := Person.objects.filter(slug=slug).first()) is not None:
        errors["slug"] = gettext("The slug “%(slug)s” is already %(name)s’s; choose another.") % {
            "slug": slug, "name": taken.local_name}
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():  # savepoint: a concurrent admin may take the slug first
            person = Person.objects.create(slug=slug, member=member, **names)
    except IntegrityError as error:
        taken_now = gettext("The slug “%(slug)s” was just taken; choose another.") % {"slug": slug}
        raise ValidationError({"slug": taken_now}) from error
    audit_record(actor=actor, action="person.create", obj=person, changes={"slug": slug, **names})
    return _candidate_resolve(candidate=candidate, actor=actor, text=text, language=language, person=person)


@transaction.atomic
def name_candidate_create_member(*, candidate: NameCandidate, actor: Any, code: str, name_en: str, name_ru: str = "",
                                 name_uk: str = "", role: str = Member.Role.OTHER, text: str | None = None,
                                 language: str = "") -> NameResolution:
    """Create a member named by the candidate, with the name as an alias; re-read the articles."""
    _require(actor, "coalition.add_alias", "coalition.add_member")
    candidate = _open_candidate_locked(candidate)
    text, language = _alias_fields_clean(candidate.text if text is None else text, language)
    code = code.strip()
    errors: dict[str, str] = {}
    names: dict[str, str] = {}  # stays empty only when the names are refused (errors raised below)
    try:
        names = _names_clean(name_en, name_ru, name_uk)
    except ValidationError as error:
        errors.update({field: messages[0] for field, messages in error.message_dict.items()})
    if code != code.upper():
        errors["code"] = gettext("A code is uppercase: “%(upper)s”, not “%(code)s”.") % {
            "upper": code.upper(), "code": code}
    elif not CODE_RE.fullmatch(code):
        errors["code"] = gettext("A code is 2 to 16 uppercase letters, digits or underscores starting with a letter, "
                           "e.g. “SE” or “NATO”.")
    elif (taken := Member.objects.filter(code=code).first()) is not None:
        errors["code"] = gettext("The code “%(code)s” is already %(name)s’s; choose another.") % {
            "code": code, "name": taken.local_name}
    if role not in Member.Role.values:
        errors["role"] = gettext("Choose a role from the list.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            member = Member.objects.create(code=code, role=role, **names)
    except IntegrityError as error:
        taken_now = gettext("The code “%(code)s” was just taken; choose another.") % {"code": code}
        raise ValidationError({"code": taken_now}) from error
    audit_record(actor=actor, action="member.create", obj=member, changes={"code": code, "role": role, **names})
    return _candidate_resolve(candidate=candidate, actor=actor, text=text, language=language, member=member)


def _candidate_resolve(*, candidate: NameCandidate, actor: Any, text: str, language: str,
                       person: Person | None = None, member: Member | None = None) -> NameResolution:
    """Create (or reuse) the alias and mark the candidate aliased (caller is atomic); the resolution names the
    articles to re-read."""
    alias, _ = Alias.objects.get_or_create(text=text, language=language, person=person, member=member)
    candidate.state = NameCandidate.State.ALIASED
    candidate.alias = alias
    candidate.resolved_by = actor if getattr(actor, "is_authenticated", False) else None
    candidate.resolved_at = timezone.now()
    candidate.save(update_fields=["state", "alias", "resolved_by", "resolved_at", "updated_at"])
    audit_record(actor=actor, action="name.alias", obj=candidate, changes={
        "alias": alias.pk, "text": text, "language": language,
        "person": person.slug if person else None, "member": member.code if member else None,
    })
    # After commit: a rebuild started earlier in this process must not cache the tables without the alias.
    transaction.on_commit(gazetteer_invalidate)
    source_ids = tuple(candidate.sightings.values_list("source_id", flat=True))
    return NameResolution(candidate=candidate, alias=alias, source_ids=source_ids)


@transaction.atomic
def name_candidate_dismiss(*, candidate: NameCandidate, actor: Any) -> NameCandidate:
    """Not a name worth an alias ("Saab", "Bundeswehr"): stop listing it, even when seen again."""
    _require(actor, "coalition.change_namecandidate")
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
    _require(actor, "coalition.change_namecandidate")
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
    _require(actor, "coalition.change_namecandidate")
    return _names_move(candidate_ids=candidate_ids, actor=actor, state=NameCandidate.State.OPEN,
                       to=NameCandidate.State.DISMISSED, action="name.dismiss")


@transaction.atomic
def name_candidates_reopen(*, candidate_ids: Sequence[int], actor: Any) -> NamesChange:
    """List the chosen dismissed names again (the undo of a bulk dismissal); one audit row each."""
    _require(actor, "coalition.change_namecandidate")
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

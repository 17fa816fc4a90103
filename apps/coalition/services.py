"""Writes for members, people and contributions, and the gazetteer built from their aliases."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max

from apps import extraction
from apps.coalition.models import Alias, Contribution, Member, Person

if TYPE_CHECKING:
    from apps.sources.models import SourceText
    from apps.timeline.models import TimelineEvent

# Per process: the gazetteer, the table stamp it was built from, and when that stamp was last checked.
GAZETTEER_RECHECK_SECONDS = 5.0
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
        stamp = _gazetteer_stamp()
        if stamp != cache["stamp"]:
            cache.update(stamp=stamp, gazetteer=gazetteer_build())
        cache["checked"] = now
    return cache["gazetteer"]


def gazetteer_build() -> extraction.Gazetteer:
    from apps.extraction.lexicon import AliasEntry, MemberEntry, PersonEntry

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


def contributions_replace(*, source: SourceText, document: extraction.ExtractedDocument,
                          events: Sequence[TimelineEvent]) -> list[Contribution]:
    """Replace the machine-extracted contributions of one source (the caller holds the transaction).

    Pairs an editor confirmed, corrected or rejected are kept as they are and not re-created.
    """
    Contribution.objects.filter(source=source, review_state=Contribution.ReviewState.MACHINE).delete()
    reviewed = set(Contribution.objects.filter(source=source).values_list("actor__code", "type"))
    items = [c for c in document.commitments if (c.actor, c.type) not in reviewed]
    members = members_ensure([c.actor for c in items])
    event = events[0] if events else None
    return Contribution.objects.bulk_create(
        Contribution(source=source, event=event, actor=members[c.actor], type=c.type, status=c.status,
                     evidence=c.evidence, stated_on=document.date)
        for c in items
    )

"""Writes for the reference data (members, people, aliases), and the gazetteer built from the aliases.

Contributions and their tallies are written by ``apps.coalition.contributions``. Callers above this app (the
names page turning an unknown name into a person, a member or an alias) create reference rows through the
functions here, which check the values and record the audit entry; the caller checks the permission.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, ProgrammingError, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext

from apps import extraction
from apps.coalition.models import CODE_RE, SLUG_RE, Alias, Language, Member, Person
from apps.core.services import audit_record
from apps.extraction.lexicon import AliasEntry, MemberEntry, PersonEntry

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


# --- People, members and aliases -------------------------------------------------------------------

ALIAS_TEXT_CHARS = Alias._meta.get_field("text").max_length or 120


def alias_fields_clean(text: str, language: str) -> tuple[str, str]:
    """An alias's text (spaces collapsed) and language, or a ValidationError naming the field that is wrong."""
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


def _names_clean(name_en: str, name_ru: str, name_uk: str) -> tuple[dict[str, str], dict[str, str]]:
    """The names with spaces collapsed, and the errors of those that are wrong."""
    names = {"name_en": " ".join(name_en.split()), "name_ru": " ".join(name_ru.split()),
             "name_uk": " ".join(name_uk.split())}
    errors = {field: gettext("At most 120 characters.") for field, value in names.items() if len(value) > 120}
    if not names["name_en"]:
        errors["name_en"] = gettext("The English name is required.")
    return names, errors


def person_create(*, actor: Any, slug: str, name_en: str, name_ru: str = "", name_uk: str = "",
                  member: Member | None = None) -> Person:
    """A new person, or a ValidationError with every field that is wrong (a slug taken meanwhile included)."""
    slug = slug.strip()
    names, errors = _names_clean(name_en, name_ru, name_uk)
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
    return person


def member_create(*, actor: Any, code: str, name_en: str, name_ru: str = "", name_uk: str = "",
                  role: str = Member.Role.OTHER) -> Member:
    """A new member, or a ValidationError with every field that is wrong (a code taken meanwhile included)."""
    code = code.strip()
    names, errors = _names_clean(name_en, name_ru, name_uk)
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
    return member


def alias_ensure(*, text: str, language: str, person: Person | None = None, member: Member | None = None) -> Alias:
    """The alias of exactly one person or member (created when missing); the gazetteer follows once it commits."""
    alias, _ = Alias.objects.get_or_create(text=text, language=language, person=person, member=member)
    # After commit: a rebuild started earlier in this process must not cache the tables without the alias.
    transaction.on_commit(gazetteer_invalidate)
    return alias

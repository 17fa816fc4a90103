"""Reads for the names page: keyset pages of open candidates, where each was seen, the alias pickers' lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from apps.coalition.models import Member, Person
from apps.core.keyset import Keyset, place_parse, place_text
from apps.names.models import NameCandidate, NameSighting
from apps.sources.models import SourceText

# Most seen first, then the oldest, on the (state, count, id) index.
NAMES_ORDER = Keyset("article_count", descending=True, id_descending=False)


@dataclass(frozen=True)
class NameCursor:
    """The last candidate of a page in (article_count desc, id asc) order: where the next page starts."""

    article_count: int
    id: int

    @classmethod
    def parse(cls, raw: str) -> NameCursor | None:
        place = place_parse(raw, int)
        return cls(*place) if place else None

    def __str__(self) -> str:
        return place_text(self.article_count, self.id)

    def rows_after(self) -> Q:
        return NAMES_ORDER.after_with_key(self.article_count, self.id)


@dataclass(frozen=True)
class NamePage:
    candidates: list[NameCandidate]
    next_cursor: NameCursor | None


def open_names(*, hint: str = "", search: str = "") -> models.QuerySet[NameCandidate]:
    """Open candidates still seen somewhere, optionally of one kind and matching a search."""
    queryset = NameCandidate.objects.filter(state=NameCandidate.State.OPEN, article_count__gt=0)
    if hint:
        queryset = queryset.filter(hint=hint)
    if search:
        queryset = queryset.filter(Q(text__icontains=search) | Q(key__icontains=search.lower()))
    return queryset


def names_page(*, hint: str = "", search: str = "", after: NameCursor | None, size: int) -> NamePage:
    """One keyset page of open candidates, most seen first (the (state, count, id) index); one query."""
    queryset = open_names(hint=hint, search=search).order_by(*NAMES_ORDER.ordering()).only(
        "id", "key", "text", "hint", "state", "article_count")
    if after is not None:
        queryset = queryset.filter(after.rows_after())
    rows = list(queryset[: size + 1])
    candidates = rows[:size]
    has_more = len(rows) > size
    next_cursor = NameCursor(candidates[-1].article_count, candidates[-1].id) if has_more and candidates else None
    return NamePage(candidates=candidates, next_cursor=next_cursor)


def name_examples(candidate_ids: Iterable[int], *, per_candidate: int = 2) -> dict[int, list[NameSighting]]:
    """The latest sightings of each candidate (sentence and article), at most ``per_candidate`` each; one query."""
    ids = list(candidate_ids)
    examples: dict[int, list[NameSighting]] = defaultdict(list)
    if not ids:
        return examples
    rows = (
        NameSighting.objects.filter(candidate_id__in=ids)
        .select_related("source").only("id", "candidate_id", "text", "sentence", "source__id",
                                       "source__original_name", "source__published_on")
        .annotate(rank=Window(RowNumber(), partition_by=[F("candidate_id")], order_by=F("id").desc()))
        .filter(rank__lte=per_candidate)
        .order_by("candidate_id", "rank")
    )
    for sighting in rows:
        examples[sighting.candidate_id].append(sighting)
    return examples


def alias_targets() -> tuple[list[Person], list[Member]]:
    """Every person (with the member they speak for) and every member, for the alias pickers; two queries."""
    people = list(Person.objects.select_related("member").only(
        "id", "slug", "name_en", "name_ru", "name_uk", "member__code", "member__name_en", "member__name_ru",
        "member__name_uk").order_by("name_en", "slug"))
    members = list(Member.objects.only("id", "code", "name_en", "name_ru", "name_uk").order_by("name_en", "code"))
    return people, members


def alias_target_resolve(value: str) -> Person | Member | None:
    """What an "Alias of" field names: "person:slug" or "member:CODE" as the list offers, else an exact
    code, slug or English name typed by hand (when only one thing has it)."""
    value = " ".join(value.split())
    kind, _, ident = value.partition(":")
    if kind == "person" and ident:
        return Person.objects.select_related("member").filter(slug=ident).first()
    if kind == "member" and ident:
        return Member.objects.filter(code=ident).first()
    if not value:
        return None
    matches: list[Person | Member] = [
        *Member.objects.filter(Q(code=value.upper()) | Q(name_en__iexact=value)),
        *Person.objects.select_related("member").filter(Q(slug=value.lower()) | Q(name_en__iexact=value)),
    ]
    return matches[0] if len(matches) == 1 else None


def name_reextract_waiting(candidate: NameCandidate) -> int:
    """Articles where the name was seen that have not been re-read since it was resolved; one query."""
    if candidate.resolved_at is None:
        return 0
    before = Q(source__processed_at__lt=candidate.resolved_at) | Q(source__processed_at__isnull=True)
    return candidate.sightings.filter(before, source__status=SourceText.Status.INGESTED).count()

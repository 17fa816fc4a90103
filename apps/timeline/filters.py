"""The timeline's filters: parsed from query parameters, applied to events, written back into URLs.

The parameter names are the public interface (pages, exports, the API and the feed share them):
member, person, type, status, lang, agency, date_from, date_to, review, sure, q. A filter may be given
several times or comma-separated (?member=DE&member=FR, ?member=DE,FR): its values are alternatives;
different filters all apply. member alone means events naming the member; with type or status it
means what the member committed ("what has Germany pledged on air defence"). sure=1 keeps only
commitments an editor confirmed or the machine read with high confidence (and with member, type or
status, those of them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution

LIST_PARAMS = ("member", "person", "type", "status", "lang", "agency", "review")
MAX_VALUES = 30
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class FilterError(ValueError):
    """A parameter the timeline cannot use, with a sentence saying why."""


@dataclass(frozen=True)
class TimelineFilter:
    members: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    reviews: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sure: bool = False
    q: str = ""
    errors: tuple[str, ...] = field(default=(), compare=False)

    # --- reading and writing query strings ---------------------------------------------------------

    @classmethod
    def from_query(cls, query: QueryDict | dict[str, Any]) -> TimelineFilter:
        """The filter a query string asks for; values it cannot use are dropped and named in `errors`."""
        errors: list[str] = []

        def values(name: str) -> tuple[str, ...]:
            raw = query.getlist(name) if isinstance(query, QueryDict) else _as_list(query.get(name))
            found: list[str] = []
            for item in raw:
                for value in str(item).split(","):
                    value = value.strip().replace("\x00", "")  # PostgreSQL text cannot hold NUL
                    if value and value not in found:
                        found.append(value)
            return tuple(found[:MAX_VALUES])

        def checked(name: str, allowed: set[str] | None = None, *, upper: bool = False,
                    lower: bool = False) -> tuple[str, ...]:
            kept: list[str] = []
            for value in values(name):
                value = value.upper() if upper else value.lower() if lower else value
                if (allowed is not None and value not in allowed) or (allowed is None and not _CODE.match(value)):
                    # The parameter's name stays as the URL writes it (member, status, …) in every language.
                    errors.append(_("“%(value)s” is not a %(name)s the timeline knows; it was left out.")
                                  % {"value": value, "name": name})
                    continue
                kept.append(value)
            return tuple(kept)

        def day(name: str) -> date | None:
            raw = (query.get(name) or "").strip() if not isinstance(query, QueryDict) else query.get(name, "").strip()
            if not raw:
                return None
            try:
                return date.fromisoformat(raw)
            except ValueError:
                errors.append(_("“%(value)s” is not a date (YYYY-MM-DD); %(name)s was left out.")
                              % {"value": raw, "name": name})
                return None

        agencies = tuple(v for v in values("agency") if len(v) <= 64)
        q = (query.get("q") or "") if not isinstance(query, QueryDict) else query.get("q", "")
        result = cls(
            members=checked("member", upper=True),
            people=checked("person", lower=True),
            types=checked("type", set(CommitmentType.values), lower=True),
            statuses=checked("status", set(CommitmentStatus.values), lower=True),
            langs=checked("lang", lower=True),
            agencies=agencies,
            reviews=checked("review", set(Contribution.ReviewState.values), lower=True),
            date_from=day("date_from"),
            date_to=day("date_to"),
            sure=str(query.get("sure") or "").strip().lower() in ("1", "true", "on"),
            q=" ".join(str(q).replace("\x00", "").split())[:200],
        )
        if result.date_from and result.date_to and result.date_from > result.date_to:
            errors.append(_("The start date is after the end date: nothing can match."))
        return replace(result, errors=tuple(errors))

    def query_items(self) -> list[tuple[str, str]]:
        """(name, value) pairs of this filter, in a stable order, for URLs."""
        items: list[tuple[str, str]] = []
        for name, values in (("member", self.members), ("person", self.people), ("type", self.types),
                             ("status", self.statuses), ("lang", self.langs), ("agency", self.agencies),
                             ("review", self.reviews)):
            items.extend((name, v) for v in values)
        if self.date_from:
            items.append(("date_from", self.date_from.isoformat()))
        if self.date_to:
            items.append(("date_to", self.date_to.isoformat()))
        if self.sure:
            items.append(("sure", "1"))
        if self.q:
            items.append(("q", self.q))
        return items

    def querystring(self, **changes: Any) -> str:
        """This filter as a query string, with some values changed (for facet links, 'remove' chips)."""
        from urllib.parse import urlencode

        return urlencode(replace(self, **changes).query_items()) if changes else urlencode(self.query_items())

    def with_value(self, name: str, value: str) -> TimelineFilter:
        """The filter with `value` added to the list parameter `name` (or removed when present)."""
        attr = ATTRIBUTE_OF[name]
        current: tuple[str, ...] = getattr(self, attr)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        change: dict[str, Any] = {attr: new}  # one of the tuple fields, named at run time
        return replace(self, **change)

    @property
    def is_empty(self) -> bool:
        return not self.query_items()

    # --- applying to events ------------------------------------------------------------------------

    def apply(self, events: QuerySet[Any]) -> QuerySet[Any]:
        """Events matching every filter; each one uses a GIN or B-tree index of TimelineEvent."""
        condition = Q()
        if self.sure:
            # "+actor:type:status" keys, any part left open, stand for the sure commitments (commitment_keys).
            condition &= Q(commitment_keys__overlap=[f"+{m}:{t}:{s}" for m in (self.members or ("",))
                                                     for t in (self.types or ("",)) for s in (self.statuses or ("",))])
        elif self.members and (self.types or self.statuses):
            keys = [f"{m}:{t}:{s}" for m in self.members for t in (self.types or ("",))
                    for s in (self.statuses or ("",))]
            condition &= Q(commitment_keys__overlap=keys)
        else:
            if self.members:
                condition &= Q(member_codes__overlap=list(self.members))
            if self.types and self.statuses:
                condition &= Q(commitment_keys__overlap=[f":{t}:{s}" for t in self.types for s in self.statuses])
            elif self.types:
                condition &= Q(commitment_types__overlap=list(self.types))
            elif self.statuses:
                condition &= Q(commitment_statuses__overlap=list(self.statuses))
        if self.people:
            condition &= Q(person_slugs__overlap=list(self.people))
        if self.langs:
            condition &= Q(language__in=self.langs)
        if self.agencies:
            condition &= Q(agency__in=self.agencies)
        if self.reviews:
            condition &= Q(review_states__overlap=list(self.reviews))
        if self.date_from:
            condition &= Q(occurred_on__gte=self.date_from)
        if self.date_to:
            condition &= Q(occurred_on__lte=self.date_to)
        return events.filter(condition)


# The TimelineFilter attribute of each list parameter.
ATTRIBUTE_OF = {"member": "members", "person": "people", "type": "types", "status": "statuses", "lang": "langs",
          "agency": "agencies", "review": "reviews"}


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]

"""Keyset pagination, written once: an order on one sort key and the row id, the rows after (or before) a row's
place in it, and that place as the text a page's "next" link carries.

A page never counts or skips rows: it asks for the rows after the last one shown, on the index the order
reads, so every page costs the same however deep it is. The timeline, the review queue, the names page and the
API all page this way; each names its order here (`Keyset`) and keeps its own cursor type around it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F, Q
from django.db.models.expressions import OrderBy

Key = date | float | int | None
NONE = "none"  # the text of a null key in a place


@dataclass(frozen=True)
class Keyset:
    """Rows ordered by ``field`` (where rows without a value sort first or last), then by id.

    The id runs the same way as the key unless ``id_descending`` says otherwise ("most seen first, then the
    oldest": count descending, id ascending).
    """

    field: str
    descending: bool
    nulls_last: bool = True
    id_descending: bool | None = None

    @property
    def _ids_descending(self) -> bool:
        return self.descending if self.id_descending is None else self.id_descending

    def ordering(self) -> tuple[OrderBy, OrderBy]:
        """The ``order_by`` arguments of this order."""
        nulls = {"nulls_last": True} if self.nulls_last else {"nulls_first": True}
        key = F(self.field).desc(**nulls) if self.descending else F(self.field).asc(**nulls)
        return key, (F("id").desc() if self._ids_descending else F("id").asc())

    def reversed(self) -> Keyset:
        """The same rows read the other way (for the row before a given one)."""
        ids = None if self.id_descending is None else not self.id_descending
        return Keyset(self.field, not self.descending, not self.nulls_last, ids)

    def after(self, key: Key, ident: int) -> Q:
        """Every row after the one at (key, ident) in this order."""
        later_id = Q(id__lt=ident) if self._ids_descending else Q(id__gt=ident)
        if key is None:
            among_nulls = Q(**{f"{self.field}__isnull": True}) & later_id
            return among_nulls if self.nulls_last else among_nulls | Q(**{f"{self.field}__isnull": False})
        rows = self.after_with_key(key, ident)
        return rows | Q(**{f"{self.field}__isnull": True}) if self.nulls_last else rows

    def after_with_key(self, key: Key, ident: int) -> Q:
        """The rows that have a key and come after (key, ident), written as a range of the (key, id) index:
        ``key <= k`` (or ``>=``) is where the scan starts, and the key's own rows up to the cursor are dropped.
        (OR-ing in the rows without a key, as `after` does, makes PostgreSQL read the index from its start and
        filter, which costs as much as the page is deep: a caller on a large table reads those rows apart.)"""
        later_id = Q(id__lt=ident) if self._ids_descending else Q(id__gt=ident)
        start, later = ("lte", "lt") if self.descending else ("gte", "gt")
        return Q(**{f"{self.field}__{start}": key}) & (Q(**{f"{self.field}__{later}": key}) | later_id)

    def before(self, key: Key, ident: int) -> Q:
        """Every row before the one at (key, ident) in this order."""
        return self.reversed().after(key, ident)


def place_text(key: Key, ident: int) -> str:
    """A row's place as link text: "2026-03-02_51", "0.73_12", "4_7", "none_3"."""
    if key is None:
        return f"{NONE}_{ident}"
    return f"{key.isoformat() if isinstance(key, date) else repr(key)}_{ident}"


def place_parse(raw: str, read_key: Callable[[str], Any]) -> tuple[Any, int] | None:
    """A place from its link text (None for an empty one); ValueError when it is not one."""
    if not raw:
        return None
    value, _, ident = raw.rpartition("_")
    if not value:
        raise ValueError(f"not a page place: {raw!r}")
    return (None if value == NONE else read_key(value)), int(ident)

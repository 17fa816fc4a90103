"""Reads that span contributions: a commitment's history is its chain of dated statuses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from apps.coalition.models import Contribution


@dataclass(frozen=True)
class HistoryStep:
    status: str
    stated_on: date | None
    evidence: str
    source_id: int


def commitment_histories(pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], list[HistoryStep]]:
    """For each (actor id, type), its live contributions oldest first — one query for all pairs."""
    condition = Q()
    for actor_id, type_ in set(pairs):
        condition |= Q(actor_id=actor_id, type=type_)
    histories: dict[tuple[int, str], list[HistoryStep]] = defaultdict(list)
    if not condition:
        return histories
    rows = (Contribution.objects.live().filter(condition)
            .order_by("actor_id", "type", "stated_on", "id")
            .values_list("actor_id", "type", "status", "stated_on", "evidence", "source_id"))
    for actor_id, type_, status, stated_on, evidence, source_id in rows:
        steps = histories[(actor_id, type_)]
        if not steps or steps[-1].status != status:  # a repeated status is not a new step
            steps.append(HistoryStep(status, stated_on, evidence, source_id))
    return histories

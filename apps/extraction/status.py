"""The one rule of status precedence (spec §5, §8), for an article and for a commitment's history.

A commitment moves proposed → pledged → approved → delivered; a text may also report it withdrawn.
What state it is in, given everything said of it, is decided here and nowhere else:

- the most advanced live status stated wins (proposed < pledged < approved < delivered);
- but when the latest word on it is a withdrawal, it is withdrawn — unless it was delivered: a pause
  announced after a delivery does not undo the delivery (spec §8: "one battery handed over and a second
  refused → delivered").

Within one article everything is said at once, so a withdrawal stated anywhere in it is its latest word
(spec §8: "an earlier proposal or pledge that the withdrawal cancels does not override it"). Across
articles the latest word is the most recently dated statement.

The extraction's merge, the matrix cells, member pages and the API all call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

PROPOSED = "proposed"
PLEDGED = "pledged"
APPROVED = "approved"
DELIVERED = "delivered"
WITHDRAWN = "withdrawn"
LIVE_STATUSES: tuple[str, ...] = (PROPOSED, PLEDGED, APPROVED, DELIVERED)  # in the order a commitment moves
STATUSES: tuple[str, ...] = (*LIVE_STATUSES, WITHDRAWN)
RANK: dict[str, int] = {status: rank for rank, status in enumerate(LIVE_STATUSES)}


def most_advanced(statuses: Iterable[str]) -> str | None:
    """The most advanced live status among these, or None when there is none."""
    live = [s for s in statuses if s in RANK]
    return max(live, key=RANK.__getitem__) if live else None


def settled(best: str | None, latest: str | None) -> str:
    """THE rule: the state of a commitment whose most advanced live status is `best` and latest word `latest`.

    Withdrawn when the latest word is a withdrawal and nothing was delivered; else the most advanced live
    status ("" when nothing at all was said).
    """
    if latest == WITHDRAWN and best != DELIVERED:
        return WITHDRAWN
    return best or (WITHDRAWN if latest == WITHDRAWN else "")


def article_status(statuses: Iterable[str]) -> str:
    """The status of one (actor, type) in one article, from every status the article states for it."""
    said = list(statuses)
    return settled(most_advanced(said), WITHDRAWN if WITHDRAWN in said else None)


def history_status(steps: Iterable[tuple[date | None, str]]) -> str:
    """The current status of a commitment from its dated statements, given in the order they were recorded.

    Undated statements count as the oldest; of statements on the same day, the last recorded is the latest.
    """
    latest_on, latest, said = date.min, None, []
    for on, status in steps:
        said.append(status)
        if (on or date.min) >= latest_on:
            latest_on, latest = on or date.min, status
    return settled(most_advanced(said), latest)

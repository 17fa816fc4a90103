"""Rendered page fragments cached by the version of the data they show.

Analysts ask the same questions (the first timeline page, a member, a common search) far more often than
articles arrive, and rendering a timeline page costs its queries plus ~5 ms of template work. A fragment is
kept under the data version: whatever changes what the pages show (an ingest, a review, an approval) calls
``data_changed()``, which bumps the version when its transaction commits, so the next request renders
afresh and the old entries are never read again (they expire). What no service announces (an admin deleting
a row by hand, a member renamed) shows after ``FRAGMENT_CACHE_SECONDS`` at the latest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

VERSION_KEY = "fragments:data-version"


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def data_changed() -> None:
    """Call within the transaction that changes what pages show: the version moves on once it commits (a page
    rendered before the commit is then under the old version, which nobody asks for again). However many
    writers of one transaction call it (an ingest batch: events, contributions, …), it moves on once."""
    connection = transaction.get_connection()
    open_savepoints = set(connection.savepoint_ids)
    # Already registered here or further out (not in a savepoint that may still be rolled back alone).
    if any(hook is _bump and set(sids) <= open_savepoints for sids, hook, _ in connection.run_on_commit):
        return
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value does, the old entries stay unreachable
        cache.set(VERSION_KEY, data_version() + 1, timeout=None)


def cached_fragment(key: str, render: Callable[[], str]) -> str:
    """The HTML `render()` makes for `key` (which must hold everything the fragment depends on besides the data
    and the language), from the cache when this data version and language rendered it already."""
    return _cached(f"fragment:{data_version()}:{get_language()}", key, render, settings.FRAGMENT_CACHE_SECONDS)


def cached_value[T](key: str, compute: Callable[[], T], seconds: int) -> T:
    """What `compute()` returns for `key`, kept `seconds` under this data version (one copy for every language).

    For results that cost seconds rather than milliseconds, such as the review's quality figures, which are
    computed once and rendered in each language. The value must pickle and must not be None. 0 seconds: computed
    on every call.
    """
    return _cached(f"value:{data_version()}", key, compute, seconds)


def _cached[T](prefix: str, key: str, compute: Callable[[], T], seconds: int) -> T:
    if seconds <= 0:
        return compute()
    full_key = f"{prefix}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, seconds)
    return value

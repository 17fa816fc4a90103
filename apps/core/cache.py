"""Django's Redis cache backend, keeping one redis-py client per connection pool, and carrying on without Redis.

Django's client builds a new ``redis.Redis`` for every cache call, and building one fills its table of
response callbacks: about 0.2 ms, five times on a page served from the fragment cache, a third of its server
time. A client is only a pool and that table, safe to share between threads (the pool hands out
connections, and resets them in a forked child), so one per pool does.

Nothing the cache holds is the only copy: sessions are in PostgreSQL too (``cached_db``), permissions, labels
and rendered fragments are recomputed on a miss. So while Redis is down, every cache call answers as a miss
(a read finds nothing, a write is dropped, ``incr`` finds no key) instead of failing the request: pages render
from the database, logins work. The outage is logged once when it starts and once when Redis answers again;
in between the cache is not even tried for ``RETRY_AFTER_SECONDS`` after each failure, so a page does not pay
a failed connection per cache call.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.client import Redis
from redis.connection import ConnectionPool
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0


class _Outage:
    """Whether the Redis at one location is taken to be down, shared by every thread of the process."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.retry_at = 0.0  # monotonic time before which the cache is not tried; 0: up
        self.down = False

    def skipping(self) -> bool:
        return self.down and time.monotonic() < self.retry_at

    def failed(self, error: RedisError) -> None:
        self.retry_at = time.monotonic() + RETRY_AFTER_SECONDS
        if not self.down:
            self.down = True
            logger.warning("The cache at %s is unavailable (%s): pages are served without it until it answers "
                           "again.", self.location, error)

    def answered(self) -> None:
        if self.down:
            self.down = False
            self.retry_at = 0.0
            logger.info("The cache at %s answers again.", self.location)


_outages: dict[str, _Outage] = {}


def outage_for(servers: Iterable[str]) -> _Outage:
    location = ",".join(servers)
    outage = _outages.get(location)
    if outage is None:
        outage = _outages[location] = _Outage(location)
    return outage


_MISS = object()


class _SharedClientRedisCacheClient(RedisCacheClient):
    # Set up by RedisCacheClient; django-stubs leaves its private members out.
    _client: type[Redis]
    _get_connection_pool: Callable[[bool], ConnectionPool]

    def __init__(self, servers: list[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(servers, *args, **kwargs)
        self._clients: dict[int, Any] = {}
        self._outage = outage_for(servers)

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _tolerant(self, operation: Callable[..., Any], miss: Any, *args: Any) -> Any:
        """``operation(*args)``, or ``miss`` when Redis does not answer (or failed a moment ago)."""
        if self._outage.skipping():
            return miss
        try:
            result = operation(*args)
        except RedisError as error:
            self._outage.failed(error)
            return miss
        self._outage.answered()
        return result

    def add(self, key: Any, value: Any, timeout: Any) -> bool:
        return self._tolerant(super().add, False, key, value, timeout)

    def get(self, key: Any, default: Any) -> Any:
        return self._tolerant(super().get, default, key, default)

    def set(self, key: Any, value: Any, timeout: Any) -> None:
        self._tolerant(super().set, None, key, value, timeout)

    def touch(self, key: Any, timeout: Any) -> bool:
        return self._tolerant(super().touch, False, key, timeout)

    def delete(self, key: Any) -> bool:
        return self._tolerant(super().delete, False, key)

    def get_many(self, keys: Any) -> dict[Any, Any]:
        return self._tolerant(super().get_many, {}, keys)

    def has_key(self, key: Any) -> bool:
        return self._tolerant(super().has_key, False, key)

    def incr(self, key: Any, delta: int) -> Any:
        result = self._tolerant(super().incr, _MISS, key, delta)
        if result is _MISS:  # as for a key that is not there: callers set it afresh, which is dropped too
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def set_many(self, data: Mapping[Any, Any], timeout: Any) -> None:
        self._tolerant(super().set_many, None, data, timeout)

    def delete_many(self, keys: Any) -> None:
        self._tolerant(super().delete_many, None, keys)

    def clear(self) -> bool:
        return self._tolerant(super().clear, False)


class SharedClientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _SharedClientRedisCacheClient

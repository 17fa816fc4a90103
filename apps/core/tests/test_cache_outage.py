"""Redis down is not the site down: sessions, logins and pages carry on without the cache."""

from __future__ import annotations

import logging
import socket

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from apps.core import cache as tolerant_cache
from apps.core.cache import SharedClientRedisCache

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A local port nothing listens on (bound a moment ago, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The cache pointed at a closed port, as when the Redis server is killed; fragments cached as in production."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}
    settings.FRAGMENT_CACHE_SECONDS = 60
    with pytest.raises(ValueError):  # the fixture really took Redis away
        cache.incr("anything")


def test_a_logged_in_analyst_keeps_browsing_when_redis_goes_down(analyst, settings):
    client = Client()
    client.force_login(analyst)  # while Redis is up: the session is in the cache and in PostgreSQL
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}
    settings.FRAGMENT_CACHE_SECONDS = 60
    for name in ("timeline:index", "timeline:overview"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
    assert client.get(reverse("timeline:index"), headers={"HX-Request": "true"}).status_code == 200


def test_logging_in_and_out_works_while_redis_is_down(redis_down, analyst):
    client = Client()
    assert client.get(reverse("login")).status_code == 200
    response = client.post(reverse("login"), {"username": analyst.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get(reverse("timeline:index")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("timeline:index")).status_code == 302  # logged out: the login page again


def test_an_outage_is_a_miss_for_every_cache_call_and_is_logged_once(redis_down, caplog):
    caplog.set_level(logging.INFO, logger="apps.core.cache")
    assert cache.get("key") is None and cache.get("key", "fallback") == "fallback"
    cache.set("key", 1)
    assert cache.add("key", 1) is False and cache.has_key("key") is False and cache.delete("key") is False
    assert cache.get_many(["a", "b"]) == {} and cache.set_many({"a": 1}) == []
    cache.delete_many(["a"])
    with pytest.raises(ValueError):
        cache.incr("counter")
    warnings = [r for r in caplog.get_records("setup") + caplog.records if r.name == "apps.core.cache"]
    assert len(warnings) == 1 and "unavailable" in warnings[0].getMessage()


def test_the_cache_is_tried_again_after_a_failure_and_the_recovery_is_logged(caplog):
    # A cache of its own on the test Redis (its own location, so its outage state is its own).
    location = settings.REDIS_URL.rsplit("/", 1)[0] + "/13"
    backend = SharedClientRedisCache(location, {"KEY_PREFIX": "outage-test"})
    backend.set("kept", "value")
    outage = tolerant_cache.outage_for([location])
    caplog.set_level(logging.INFO, logger="apps.core.cache")
    outage.failed(RedisConnectionError("simulated"))
    assert backend.get("kept") is None  # not even tried while the last failure is recent
    outage.retry_at = 0.0  # the pause is over
    assert backend.get("kept") == "value"
    assert not outage.down
    messages = [r.getMessage() for r in caplog.records if r.name == "apps.core.cache"]
    assert len(messages) == 2 and "answers again" in messages[1]
    backend.delete("kept")

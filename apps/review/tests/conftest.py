from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from apps.accounts.models import User
from apps.coalition.services import gazetteer_invalidate
from apps.review.selectors import WAITING_CACHE_KEY
from apps.review.tests.helpers import ingest_all


@pytest.fixture(autouse=True)
def fresh_gazetteer() -> Iterator[None]:
    """Aliases made by one test are rolled back: no test may reuse a gazetteer cached by another."""
    gazetteer_invalidate()
    yield
    gazetteer_invalidate()


@pytest.fixture(autouse=True)
def fresh_count() -> Iterator[None]:
    """The review queue's waiting count is cached, and the cache outlives each test's rolled-back data."""
    cache.delete(WAITING_CACHE_KEY)
    yield
    cache.delete(WAITING_CACHE_KEY)


@pytest.fixture
def articles(db) -> dict[str, int]:
    """The review helpers' articles, ingested: their ids by file name."""
    return ingest_all()


@pytest.fixture
def editor_client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client

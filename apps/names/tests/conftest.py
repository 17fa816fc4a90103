from __future__ import annotations

from collections.abc import Iterator

import pytest

from apps.coalition.services import gazetteer_invalidate


@pytest.fixture(autouse=True)
def fresh_gazetteer() -> Iterator[None]:
    """Aliases made by one test are rolled back: no test may reuse a gazetteer cached by another."""
    gazetteer_invalidate()
    yield
    gazetteer_invalidate()

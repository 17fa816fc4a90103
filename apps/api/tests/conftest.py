"""API fixtures: the timeline's test articles, ingested for real, and an analyst's bearer token."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client

from apps.accounts import services as accounts
from apps.timeline.tests.test_dashboard import ARTICLES, ingest


@pytest.fixture
def articles(db) -> dict[str, int]:
    return {name: ingest(name, text) for name, text in ARTICLES.items()}


@pytest.fixture
def secret(analyst) -> str:
    return accounts.access_token_issue(user=analyst, name="tests", actor=analyst).secret


@pytest.fixture
def api(secret) -> Client:
    """A client that sends the analyst's API token and has no session."""
    return Client(headers={"Authorization": f"Bearer {secret}"})


def first_words(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["headline"].split(" ")[0] for item in response.json()["items"]]


def walk(client: Client, url: str, key: str = "id") -> list:
    """Every item of a list endpoint, page after page, following next_cursor."""
    seen, cursor = [], None
    while True:
        # The cursor joins the URL's own query (a data argument would replace it).
        response = client.get(url + (("&" if "?" in url else "?") + urlencode({"cursor": cursor}) if cursor else ""))
        assert response.status_code == 200, response.content
        body = response.json()
        seen += [item[key] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen

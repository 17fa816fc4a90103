"""A signed-in user's pages are private to them: no shared cache keeps one. Health checks stay as they are."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.cache import get_max_age

from apps.accounts import services as accounts
from apps.accounts.models import AccessToken

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",") if part.strip()}


def test_logged_in_pages_and_partials_send_cache_control_private(analyst_client):
    for url, headers in [(reverse("timeline:overview"), {}), (reverse("timeline:index"), {}),
                         (reverse("timeline:index") + "?member=DE", {"HX-Request": "true"}),
                         (reverse("timeline:export_csv"), {}), (reverse("accounts:tokens"), {})]:
        response = analyst_client.get(url, headers=headers)
        assert response.status_code == 200, url
        assert "private" in directives(response), url
        assert "public" not in directives(response)


def test_a_view_s_own_directives_are_kept(analyst_client, analyst):
    tokens = analyst_client.get(reverse("accounts:tokens"))
    assert {"private", "no-store", "no-cache"} <= directives(tokens)  # never_cache's, and private
    feed_token = accounts.access_token_issue(user=analyst, kind=AccessToken.Kind.FEED, actor=analyst).secret
    feed = Client().get(reverse("timeline:feed") + f"?token={feed_token}")
    assert feed.status_code == 200 and "private" in directives(feed) and get_max_age(feed) == 300


def test_api_answers_to_a_token_are_private(analyst):
    secret = accounts.access_token_issue(user=analyst, name="tests", actor=analyst).secret
    response = Client(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/events")
    assert response.status_code == 200 and "private" in directives(response)


def test_health_checks_are_unchanged(client, analyst_client):
    for path in ("/healthz", "/readyz"):
        anonymous, signed_in = client.get(path), analyst_client.get(path)
        assert anonymous.headers["Cache-Control"] == signed_in.headers["Cache-Control"] == (
            "max-age=0, no-cache, no-store, must-revalidate, private")  # never_cache's, as before

"""Who may read the API: bearer tokens and sessions of users who can browse; JSON answers, never redirects."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from apps.accounts import services as accounts
from apps.accounts.models import AccessToken, User
from apps.accounts.roles import ANALYST

pytestmark = pytest.mark.django_db

PATHS = ["/api/v1/events", "/api/v1/contributions", "/api/v1/members", "/api/v1/people", "/api/v1/members/DE",
         "/api/v1/openapi.json", "/api/v1/docs"]


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_gets_401_json_not_a_login_redirect(client, path):
    response = client.get(path)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in response.json()["detail"]


@pytest.mark.parametrize("path", PATHS)
def test_bearer_token_and_analyst_session_are_let_in(api, analyst_client, path):
    assert api.get(path).status_code == 200
    assert analyst_client.get(path).status_code == 200


def test_unknown_revoked_and_feed_tokens_are_401(analyst, secret):
    assert Client(headers={"Authorization": "Bearer cta_not-a-token"}).get("/api/v1/events").status_code == 401
    feed = accounts.feed_link_reissue(user=analyst).secret
    assert Client(headers={"Authorization": f"Bearer {feed}"}).get("/api/v1/events").status_code == 401
    token = AccessToken.objects.get(key_prefix=secret[:12])
    accounts.access_token_revoke(token=token, actor=analyst)
    response = Client(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/events")
    assert response.status_code == 401 and response.json()["detail"] == "This token is unknown or was revoked."


def test_a_bad_token_is_not_rescued_by_a_session(analyst_client):
    response = analyst_client.get("/api/v1/events", headers={"Authorization": "Bearer cta_wrong"})
    assert response.status_code == 401


def test_users_without_a_role_get_403(analyst, secret):
    nobody = User.objects.create_user(username="nobody", password="correct horse battery")
    client = Client()
    client.force_login(nobody)
    response = client.get("/api/v1/events")
    assert response.status_code == 403 and "no role" in response.json()["detail"]
    analyst.groups.remove(Group.objects.get(name=ANALYST))  # the token outlives the role: it stops opening the API
    assert Client(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/events").status_code == 403


def test_inactive_users_tokens_stop_working(analyst, api):
    analyst.is_active = False
    analyst.save(update_fields=["is_active"])
    assert api.get("/api/v1/members").status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(analyst, secret, api):
    token = AccessToken.objects.get(key_prefix=secret[:12])
    assert token.last_used_at is None
    api.get("/api/v1/members")
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    api.get("/api/v1/members")
    token.refresh_from_db()
    assert token.last_used_at == first
    AccessToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    api.get("/api/v1/members")
    token.refresh_from_db()
    assert token.last_used_at > first - timedelta(seconds=1) and token.last_used_at <= timezone.now()


def test_the_api_is_read_only(api):
    assert api.post("/api/v1/events", {}).status_code == 405  # after the token was checked
    assert api.delete("/api/v1/members/DE").status_code == 405


def test_credentials_come_before_the_method_check(client, analyst_client):
    assert client.post("/api/v1/events").status_code == 401
    assert client.post("/api/v1/openapi.json").status_code == 401
    assert analyst_client.post("/api/v1/openapi.json").status_code == 405


def test_the_root_leads_to_the_documentation(client, analyst_client):
    assert client.get("/api/v1/").status_code == 401
    response = analyst_client.get("/api/v1/")
    assert response.status_code == 302 and response.url == "/api/v1/docs"

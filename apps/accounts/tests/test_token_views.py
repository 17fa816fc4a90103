"""The tokens page: create (secret shown once), revoke, CSRF, other users' tokens, the feed link."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts import services
from apps.accounts.models import AccessToken, User

pytestmark = pytest.mark.django_db
PAGE = "/accounts/tokens/"


def found(pattern: str, html: str) -> str:
    """The first group of ``pattern`` in ``html``, which must be there."""
    match = re.search(pattern, html)
    assert match, pattern
    return match[1]


def test_page_lists_tokens_without_secrets(analyst_client, analyst):
    issued = services.access_token_issue(user=analyst, name="nightly sync", actor=analyst)
    response = analyst_client.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200 and "nightly sync" in html and issued.token.key_prefix in html
    assert issued.secret not in html
    assert "Create API token" in html and "Create feed link" in html
    assert 'href="/accounts/tokens/"' in html  # the navigation links here
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_create_shows_the_secret_once(analyst_client):
    response = analyst_client.post(reverse("accounts:token_create"), {"name": "report"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store, private"
    secret = found(r'value="(cta_[^"]+)"', response.content.decode())
    token = AccessToken.objects.get()
    assert token.name == "report" and services.access_token_authenticate(secret=secret, kind="api") is not None
    assert secret not in analyst_client.get(PAGE).content.decode()
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    assert api.get("/api/v1/members").status_code == 200


def test_revoke(analyst_client, analyst):
    issued = services.access_token_issue(user=analyst, actor=analyst)
    response = analyst_client.post(reverse("accounts:token_revoke", args=[issued.token.pk]), follow=True)
    assert response.status_code == 200 and "was revoked" in response.content.decode()
    issued.token.refresh_from_db()
    assert not issued.token.is_live
    again = analyst_client.post(reverse("accounts:token_revoke", args=[issued.token.pk]), follow=True)
    assert "already revoked" in again.content.decode()


def test_another_users_token_cannot_be_revoked(analyst_client, editor):
    theirs = services.access_token_issue(user=editor, actor=editor)
    response = analyst_client.post(reverse("accounts:token_revoke", args=[theirs.token.pk]))
    assert response.status_code == 404
    theirs.token.refresh_from_db()
    assert theirs.token.is_live


def test_posts_without_csrf_are_refused(analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    issued = services.access_token_issue(user=analyst, actor=analyst)
    assert client.post(reverse("accounts:token_create"), {"name": "x"}).status_code == 403
    assert client.post(reverse("accounts:token_revoke", args=[issued.token.pk])).status_code == 403
    assert client.post(reverse("accounts:feed_link_create")).status_code == 403
    assert AccessToken.objects.count() == 1 and AccessToken.objects.get().is_live
    page = client.get(PAGE)
    token = found(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert client.post(reverse("accounts:token_create"), {"name": "x", "csrfmiddlewaretoken": token}).status_code == 200


def test_feed_link_for_a_filter_shown_once_and_working(analyst_client):
    page = analyst_client.get(PAGE + "?filter=member%3DDE%26status%3Dnope%26type%3Dair_defence").content.decode()
    assert 'value="member=DE&amp;type=air_defence"' in page  # re-read by the timeline's parser: bad values gone
    response = analyst_client.post(reverse("accounts:feed_link_create"), {"filter": "member=DE&type=air_defence"})
    assert response["Cache-Control"] == "no-store, private"
    url = found(r'value="(http://testserver/timeline/feed\.atom\?token=ctf_[^"]+)"', response.content.decode())
    url = url.replace("&amp;", "&")
    assert url.endswith("&member=DE&type=air_defence")
    assert Client().get(url.removeprefix("http://testserver")).status_code == 200
    assert "Replace feed link" in analyst_client.get(PAGE).content.decode()


def test_users_without_a_role_are_refused_and_anonymous_sent_to_log_in(client):
    assert client.get(PAGE).status_code == 302
    nobody = User.objects.create_user(username="nobody", password="correct horse battery")
    client.force_login(nobody)
    assert client.get(PAGE).status_code == 403
    assert client.post(reverse("accounts:token_create")).status_code == 403


def test_the_page_takes_a_bounded_number_of_queries(analyst_client, analyst, django_assert_max_num_queries):
    analyst_client.get(PAGE)
    for _ in range(15):
        services.access_token_issue(user=analyst, actor=analyst)
    with django_assert_max_num_queries(3):
        assert analyst_client.get(PAGE).status_code == 200

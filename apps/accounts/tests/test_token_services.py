"""Issuing, revoking and checking access tokens: secrets shown once, stored hashed."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import PermissionDenied

from apps.accounts import services
from apps.accounts.models import AccessToken, User
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_issue_keeps_only_the_hash_and_audits(analyst):
    issued = services.access_token_issue(user=analyst, name=" report script ", actor=analyst)
    assert issued.secret.startswith("cta_") and len(issued.secret) > 40
    token = AccessToken.objects.get()
    assert token.key_hash == hashlib.sha256(issued.secret.encode()).hexdigest()
    assert issued.secret not in {token.key_hash, token.key_prefix, token.name}
    assert token.key_prefix == issued.secret[:12] and token.name == "report script" and token.is_live
    assert AuditEntry.objects.filter(action="token.issue", actor=analyst).exists()
    assert services.access_token_authenticate(secret=issued.secret, kind=AccessToken.Kind.API) == analyst
    assert services.access_token_authenticate(secret=issued.secret, kind=AccessToken.Kind.FEED) is None


def test_revoke_stops_the_token_and_twice_is_refused(analyst):
    issued = services.access_token_issue(user=analyst, actor=analyst)
    services.access_token_revoke(token=issued.token, actor=analyst)
    assert services.access_token_authenticate(secret=issued.secret, kind=AccessToken.Kind.API) is None
    with pytest.raises(InvalidTransition):
        services.access_token_revoke(token=issued.token, actor=analyst)
    assert AuditEntry.objects.filter(action="token.revoke").count() == 1


def test_only_the_owner_may_issue_or_revoke(analyst, editor):
    with pytest.raises(PermissionDenied):
        services.access_token_issue(user=analyst, actor=editor)
    issued = services.access_token_issue(user=analyst, actor=analyst)
    with pytest.raises(PermissionDenied):
        services.access_token_revoke(token=issued.token, actor=editor)
    nobody = User.objects.create_user(username="nobody", password="correct horse battery")
    with pytest.raises(PermissionDenied):
        services.access_token_issue(user=nobody, actor=nobody)  # no role that browses, no token


def test_a_feed_link_is_reissued_not_added(analyst):
    first = services.feed_link_reissue(user=analyst)
    second = services.feed_link_reissue(user=analyst)
    assert first.secret.startswith("ctf_") and first.secret != second.secret
    assert services.access_token_authenticate(secret=first.secret, kind=AccessToken.Kind.FEED) is None
    assert services.access_token_authenticate(secret=second.secret, kind=AccessToken.Kind.FEED) == analyst
    assert AccessToken.objects.filter(kind="feed", revoked_at__isnull=True).count() == 1


def test_live_api_tokens_are_capped(analyst, monkeypatch):
    monkeypatch.setattr(services, "MAX_LIVE_API_TOKENS", 2)
    services.access_token_issue(user=analyst, actor=analyst)
    services.access_token_issue(user=analyst, actor=analyst)
    with pytest.raises(InvalidTransition):
        services.access_token_issue(user=analyst, actor=analyst)


@pytest.mark.parametrize("secret", ["", "cta_nope", "x" * 500, "cta_\x00"])
def test_junk_never_authenticates(db, secret):
    assert services.access_token_authenticate(secret=secret, kind=AccessToken.Kind.API) is None

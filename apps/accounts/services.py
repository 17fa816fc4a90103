"""Demo users for the dev/demo stack; API tokens and feed links (issued, revoked, checked)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import AccessToken, User
from apps.accounts.permissions import can_browse
from apps.accounts.roles import ADMIN, ROLES
from apps.core.exceptions import InvalidTransition
from apps.core.services import audit_record


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str | None  # None: it existed already and keeps its password


@transaction.atomic
def demo_users_ensure(*, password: str = "") -> list[DemoUser]:
    """One user per role, named after it. A new user gets ``password`` or a generated one, printed once."""
    made = []
    for role in ROLES:
        user = User.objects.filter(username=role).first()
        if user is not None:
            made.append(DemoUser(role, None))
            continue
        chosen = password or secrets.token_urlsafe(12)
        user = User.objects.create_user(username=role, password=chosen, is_staff=(role == ADMIN))
        user.groups.add(Group.objects.get(name=role))
        made.append(DemoUser(role, chosen))
    return made


# --- Access tokens ---------------------------------------------------------------------------------------

# A user may hold this many live API tokens: enough for every script and machine, few enough to review.
MAX_LIVE_API_TOKENS = 20
# last_used_at is written at most this often: a busy client must not cost a write per request.
LAST_USED_EVERY = timedelta(minutes=1)
_SECRET_PREFIX = {AccessToken.Kind.API: "cta_", AccessToken.Kind.FEED: "ctf_"}


@dataclass(frozen=True)
class IssuedToken:
    """A token just issued, with its secret: the only moment the secret is known."""

    token: AccessToken
    secret: str


def token_hash(secret: str) -> str:
    """The stored form of a secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def access_token_issue(*, user: User, kind: str = AccessToken.Kind.API, name: str = "", actor: User) -> IssuedToken:
    """Issue a token to ``user`` (who must be able to browse) and return its secret, once.

    Issuing a feed token revokes the user's earlier one: a feed link is re-issued, not added to.
    The secret starts with ``cta_`` (API) or ``ctf_`` (feed) so that secret scanners and people can tell them apart.
    """
    if actor.pk != user.pk or not can_browse(user):
        raise PermissionDenied
    kind = AccessToken.Kind(kind)
    # The user row is locked so that two concurrent requests cannot both pass the checks below.
    User.objects.select_for_update().filter(pk=user.pk).first()
    live = AccessToken.objects.filter(user=user, kind=kind, revoked_at__isnull=True)
    if kind == AccessToken.Kind.API and live.count() >= MAX_LIVE_API_TOKENS:
        raise InvalidTransition(_("You already have %(count)d live API tokens; revoke one you no longer use first.")
                                % {"count": MAX_LIVE_API_TOKENS})
    if kind == AccessToken.Kind.FEED:
        for old in live:
            _revoke(old, actor=actor)
    secret = _SECRET_PREFIX[kind] + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(user=user, kind=kind, name=name.strip()[:100], key_prefix=secret[:12],
                                       key_hash=token_hash(secret))
    audit_record(actor=actor, action="token.issue", obj=token, changes={"kind": kind.value, "name": token.name})
    return IssuedToken(token=token, secret=secret)


def feed_link_reissue(*, user: User) -> IssuedToken:
    """The user's feed token, new: any earlier feed link stops working.

    Why a feed secret cannot simply be shown again: only its hash is stored, so that a copy of the database
    or a backup opens no feed. Feed links leak more easily than API tokens (they sit in feed readers, shared
    OPML files, proxy logs), so the remedy for a leaked or forgotten link is the same: issue a new one, shown
    once, which revokes the old. Feed tokens are a kind of their own and open only the feed, never the API.
    """
    return access_token_issue(user=user, kind=AccessToken.Kind.FEED, name="Feed", actor=user)


@transaction.atomic
def access_token_revoke(*, token: AccessToken, actor: User) -> AccessToken:
    """Revoke one of the actor's own tokens; it stops working at once."""
    if actor.pk != token.user_id:
        raise PermissionDenied
    token = AccessToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise InvalidTransition(_("This token was already revoked."))
    _revoke(token, actor=actor)
    return token


def _revoke(token: AccessToken, *, actor: User) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action="token.revoke", obj=token, changes={"kind": token.kind})


def access_token_authenticate(*, secret: str, kind: str) -> User | None:
    """The active user a live token of this kind belongs to, or None; one query (two once a minute)."""
    if not secret or len(secret) > 200 or "\x00" in secret:
        return None
    token = (AccessToken.objects.select_related("user")
             .filter(key_hash=token_hash(secret), kind=kind, revoked_at__isnull=True).first())
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user

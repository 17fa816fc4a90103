"""A custom user from day one, so later fields need no painful migration; the tokens that stand in for a session."""

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person using Coalition Tracker; their role is the group they belong to."""

    # The permission flags as stored, kept by apps.accounts.audit from pre_save to post_save (never a column).
    _audit_flags_before: dict[str, Any] | None


class AccessToken(models.Model):
    """A secret that authenticates one user without a session: the JSON API (``api``) or the Atom feed (``feed``).

    Only the SHA-256 of the secret is kept. The secrets are 256 random bits, so a fast hash is enough (nothing to
    brute-force, unlike a password) and it can be looked up through a unique index in one query; a copy of the
    database therefore lets nobody in. The secret is shown once, when it is issued (``accounts.services``).
    """

    class Kind(models.TextChoices):
        API = "api", _("API token")
        FEED = "feed", _("Feed link")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.API)
    name = models.CharField(_("name"), max_length=100, blank=True)
    # The first characters of the secret, so its owner can tell which token a client holds.
    key_prefix = models.CharField(_("starts with"), max_length=16)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
        constraints = [
            # A feed link is re-issued, never added to: one live feed token per user.
            models.UniqueConstraint(fields=["user"], condition=models.Q(kind="feed", revoked_at__isnull=True),
                                    name="accesstoken_one_live_feed_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key_prefix}… ({self.user_id})"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None

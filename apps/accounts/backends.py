"""The model backend, with each user's permissions kept in the cache instead of read on every request.

Every change of a user's groups or permissions, or of a group's permissions, bumps one version number,
so a revoked permission stops working at once, not when a cache entry expires.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from apps.accounts.models import User

_VERSION_KEY = "perm-version"
PERMISSIONS_TTL = 300


def _version() -> int:
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, 1, timeout=None)
        version = cache.get(_VERSION_KEY, 1)
    return int(version)


def permissions_changed(**kwargs: Any) -> None:
    """Forget every cached permission set (called on any change of groups or permissions)."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, timeout=None)


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if hasattr(user_obj, "_perm_cache"):
            return user_obj._perm_cache
        key = f"perms:{user_obj.pk}:{_version()}"
        permissions = cache.get(key)
        if permissions is None:
            permissions = super().get_all_permissions(user_obj)
            cache.set(key, permissions, timeout=PERMISSIONS_TTL)
        user_obj._perm_cache = set(permissions)
        return user_obj._perm_cache


for relation in (User.groups.through, User.user_permissions.through, Group.permissions.through):
    m2m_changed.connect(permissions_changed, sender=relation, dispatch_uid=f"perms-{relation.__name__}")


@receiver(post_save, sender=User, dispatch_uid="perms-user-save")
@receiver(post_delete, sender=User, dispatch_uid="perms-user-delete")
@receiver(post_delete, sender=Group, dispatch_uid="perms-group-delete")
def _user_or_group_changed(**kwargs: Any) -> None:
    # is_superuser or is_active may have changed; a deleted group takes its permissions with it.
    permissions_changed()

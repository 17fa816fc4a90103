"""Audit entries for what happens to accounts outside the project's services: failed logins, and role,
permission and staff changes however they are made (the Django admin, the shell, a migration).

The actor is whoever is signed in for the request (apps.core.middleware.AuditActorMiddleware), or the
system when there is no request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest

from apps.accounts.models import User
from apps.core.services import audit_record, current_actor

# Changes to these fields change what a user may do.
WATCHED_USER_FIELDS = ("is_active", "is_staff", "is_superuser")
_M2M_ACTIONS = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}


@receiver(user_login_failed, dispatch_uid="audit-login-failed")
def login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    # Never the password: Django already masks it in `credentials`, and only the username is kept here.
    changes = {"username": str(credentials.get("username", ""))[:150]}
    if request is not None:
        changes["ip"] = request.META.get("REMOTE_ADDR", "")
    audit_record(actor=None, action="login.failed", changes=changes)


@receiver(pre_save, sender=User, dispatch_uid="audit-user-flags-before")
def _remember_flags(sender: type[User], instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    if instance.pk is None or (update_fields is not None and not set(update_fields) & set(WATCHED_USER_FIELDS)):
        instance._audit_flags_before = None
        return
    instance._audit_flags_before = (User.objects.filter(pk=instance.pk).values(*WATCHED_USER_FIELDS).first())


@receiver(post_save, sender=User, dispatch_uid="audit-user-flags-after")
def _record_flags(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    before = getattr(instance, "_audit_flags_before", None)
    if created:
        flags = {name: getattr(instance, name) for name in WATCHED_USER_FIELDS if getattr(instance, name)}
        if flags != {"is_active": True}:  # a plain new account is not a permission change
            audit_record(actor=current_actor(), action="permission.change", obj=instance, changes=flags)
        return
    if before is None:
        return
    changed = {name: [before[name], getattr(instance, name)] for name in WATCHED_USER_FIELDS
               if before[name] != getattr(instance, name)}
    if changed:
        audit_record(actor=current_actor(), action="permission.change", obj=instance, changes=changed)


def _names(model: type[Any], pks: set[int] | None) -> list[str]:
    if not pks:
        return []
    if model is Permission:
        rows = Permission.objects.filter(pk__in=pks).values_list("content_type__app_label", "codename")
        return sorted(f"{app}.{codename}" for app, codename in rows)
    field = "name" if model is Group else "username"
    return sorted(model.objects.filter(pk__in=pks).values_list(field, flat=True))


def _related_pks(through: type[Any], instance: Any, model: type[Any]) -> set[int]:
    """The pks of `model` rows linked to `instance` through the m2m table (read before a clear)."""
    own = next(f.name for f in through._meta.fields if f.is_relation and f.related_model is type(instance))
    other = next(f.attname for f in through._meta.fields if f.is_relation and f.related_model is model
                 and f.name != own)
    return set(through.objects.filter(**{own: instance}).values_list(other, flat=True))


def _membership_changed(*, relation: str, sender: type[Any], instance: Any, action: str, reverse: bool,
                        model: type[Any], pk_set: set[int] | None, **kwargs: Any) -> None:
    if action == "pre_clear":  # after the clear nobody can say what was there
        instance._audit_cleared = _related_pks(sender, instance, model)
        return
    if action not in _M2M_ACTIONS:
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_audit_cleared", None)
    verb = _M2M_ACTIONS[action]
    audit_record(actor=current_actor(), action="permission.change", obj=instance,
                 changes={f"{relation} {verb}" if not reverse else f"{verb} to {relation} of": _names(model, pk_set)})


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="audit-user-groups")
def _user_groups(**kwargs: Any) -> None:
    _membership_changed(relation="roles", **kwargs)


@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="audit-user-permissions")
def _user_permissions(**kwargs: Any) -> None:
    _membership_changed(relation="permissions", **kwargs)


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="audit-group-permissions")
def _group_permissions(**kwargs: Any) -> None:
    _membership_changed(relation="permissions", **kwargs)

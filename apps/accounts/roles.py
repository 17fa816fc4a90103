"""The three roles as Django groups and the model permissions each one holds.

Roles are cumulative: an editor can do everything an analyst can, an admin everything an
editor can. ``roles_sync`` is idempotent; migrations call it whenever permissions change.
"""

from __future__ import annotations

from typing import Any

ANALYST = "analyst"
EDITOR = "editor"
ADMIN = "admin"
ROLES = (ANALYST, EDITOR, ADMIN)

_ANALYST_PERMISSIONS = [
    "coalition.view_member",
    "coalition.view_person",
    "coalition.view_alias",
    "coalition.view_contribution",
    "sources.view_sourcetext",
    "timeline.view_timelineevent",
    "statements.view_statementdraft",
    "statements.view_revision",
    "statements.view_review",
]
_EDITOR_PERMISSIONS = [
    *_ANALYST_PERMISSIONS,
    "coalition.change_contribution",
    "statements.add_statementdraft",
    "statements.change_statementdraft",
    "statements.add_revision",
    "statements.add_review",
    "statements.change_review",
]
_ADMIN_APPS = ("coalition", "names", "sources", "timeline", "statements")
_ADMIN_EXTRA_PERMISSIONS = [
    "accounts.view_user", "accounts.add_user", "accounts.change_user",
    "auth.view_group", "auth.change_group",
    "core.view_auditentry",
    "axes.view_accessattempt", "axes.delete_accessattempt",
]


def role_permissions(role: str) -> list[str]:
    """Permission names ``app_label.codename`` of one role (the admin's app-wide ones excluded)."""
    return {ANALYST: _ANALYST_PERMISSIONS, EDITOR: _EDITOR_PERMISSIONS, ADMIN: [
        *_EDITOR_PERMISSIONS, *_ADMIN_EXTRA_PERMISSIONS]}[role]


def roles_sync(apps: Any) -> None:
    """Create the role groups and give each exactly its permissions (``apps`` is a migration registry)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; a fresh database needs them now.
    # create_permissions skips an app without models_module (always None in a migration registry); put back
    # what was there, so that a call with the project's registry (tests do so) leaves it as it was.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        wanted = role_permissions(role)
        query = Permission.objects.none()
        for name in wanted:
            app_label, codename = name.split(".")
            query = query | Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        if role == ADMIN:
            query = query | Permission.objects.filter(content_type__app_label__in=_ADMIN_APPS)
        group.permissions.set(query.distinct())

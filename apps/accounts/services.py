"""Demo users for the dev/demo stack."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from apps.accounts.models import User
from apps.accounts.roles import ADMIN, ROLES


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

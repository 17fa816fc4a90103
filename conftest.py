"""Personas and shared fixtures. Tests run on real PostgreSQL and Redis (embedded unless the env says otherwise)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from apps.accounts.models import User
from apps.accounts.roles import ADMIN, ANALYST, EDITOR


def _user_with_role(role: str, username: str | None = None) -> User:
    user = User.objects.create_user(username=username or f"{role}-user", password="correct horse battery",
                                    is_staff=(role == ADMIN))
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def analyst(db) -> User:
    return _user_with_role(ANALYST)


@pytest.fixture
def editor(db) -> User:
    return _user_with_role(EDITOR)


@pytest.fixture
def admin_user(db) -> User:
    return _user_with_role(ADMIN)


@pytest.fixture
def analyst_client(analyst) -> Client:
    client = Client()
    client.force_login(analyst)
    return client


@pytest.fixture
def admin_client_(admin_user) -> Client:
    """A client logged in as a user of the admin role (not a superuser)."""
    client = Client()
    client.force_login(admin_user)
    return client

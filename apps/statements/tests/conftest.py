from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from apps.accounts.models import User
from apps.accounts.roles import EDITOR


@pytest.fixture
def editor(db) -> User:
    """The root persona, with an address: the workflow's mail goes to editors."""
    user = User.objects.create_user(username="editor-one", password="correct horse battery",
                                    email="editor-one@example.org")
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def second_editor(db) -> User:
    user = User.objects.create_user(username="editor-two", password="correct horse battery",
                                    email="editor-two@example.org")
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def editor_client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def second_client(second_editor: User) -> Client:
    client = Client()
    client.force_login(second_editor)
    return client

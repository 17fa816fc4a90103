"""Personas and shared fixtures. Tests run on real PostgreSQL and Redis (embedded unless the env says otherwise)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from apps.accounts.models import User
from apps.accounts.roles import ADMIN, ANALYST, EDITOR
from config.celery import app as celery_app
from tests.worker import CeleryWorker


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


@pytest.fixture
def worker_factory(tmp_path: Path) -> Iterator[Callable[..., CeleryWorker]]:
    celery_app.control.purge()  # messages other tests queued for rows that no longer exist
    started: list[CeleryWorker] = []

    def make(**kwargs: object) -> CeleryWorker:
        worker = CeleryWorker(tmp_path / f"worker-{len(started)}.log", **kwargs)  # type: ignore[arg-type]
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()




def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Tests render templates without running collectstatic: no manifest needed.
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True

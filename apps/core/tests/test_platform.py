"""Health checks, security baseline, deploy checks and the compose file."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from config.celery import app as celery_app
from tests.worker import database_url_of_test_db

ROOT = Path(settings.BASE_DIR)
pytestmark = pytest.mark.django_db


def settings_env_names() -> set[str]:
    source = (ROOT / "config" / "settings.py").read_text()
    return set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', source)) | {"DATABASE_URL", "REDIS_URL"}


def test_healthz_needs_no_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_is_503_without_a_live_worker(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] is True and body["checks"]["broker"] is True
    assert body["checks"]["worker"] is False


def test_pages_carry_a_strict_csp_with_a_nonce(analyst_client):
    response = analyst_client.get(reverse("timeline:index"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    found = re.search(r"'nonce-([^']+)'", policy)
    assert found
    nonce = found.group(1)
    html = response.content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all(f'nonce="{nonce}"' in tag or "src=" in tag for tag in scripts)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html), "inline script body found"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler found"


def test_login_page_and_lockout_after_repeated_failures(client, analyst):
    assert client.get(reverse("login")).status_code == 200
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": analyst.username, "password": "wrong"})
    response = client.post(reverse("login"), {"username": analyst.username, "password": "correct horse battery"})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()


def test_login_works_with_the_right_password(client, analyst):
    response = client.post(reverse("login"), {"username": analyst.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get(reverse("timeline:index")).status_code == 200


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": database_url_of_test_db(),
        "REDIS_URL": settings.REDIS_URL,
        "ALLOWED_HOSTS": "tracker.example.org",
    }
    env.pop("HTTPS_ONLY", None)
    env.pop("DEV_APPS", None)  # the production image's apps: no apps.bench
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests' thread only
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    # The development-only app is not installed with real servers, and the image does not carry it.
    commands = subprocess.run([sys.executable, "manage.py", "help", "--commands"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    assert "ingest" in commands.stdout.split() and "generate_events" not in commands.stdout.split()
    assert "apps/bench" in (ROOT / ".dockerignore").read_text().split()


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DEBUG": "0", "DATABASE_URL": database_url_of_test_db(), "REDIS_URL": settings.REDIS_URL}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_compose_file_sets_only_variables_the_settings_read():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    known = settings_env_names()
    for name in ("web", "worker", "reextract-worker", "beat"):
        service = services[name]
        environment = dict(service.get("environment") or {})
        unknown = set(environment) - known
        assert not unknown, f"{name} sets variables the settings never read: {unknown}"
        assert "healthcheck" in service or name == "beat"
    assert "appendonly" in " ".join(services["redis"]["command"])
    # Queues by kind: `--scale worker=N` adds ingest hosts; re-extraction has a worker of its own.
    queues = {name: _queues_of(services[name]["command"]) for name in ("worker", "reextract-worker")}
    assert queues == {"worker": {"ingest", "housekeeping"}, "reextract-worker": {"reextract"}}
    assert {queue.name for queue in settings.CELERY_TASK_QUEUES} == {"ingest", "reextract", "housekeeping"}
    for name in ("postgres", "redis"):
        assert "healthcheck" in services[name]


def _queues_of(command: list[str]) -> set[str]:
    return set(command[command.index("--queues") + 1].split(","))


def test_tasks_are_routed_to_the_queue_of_their_kind():
    router = celery_app.amqp.router
    assert router.route({}, "apps.sources.tasks.sources_ingest")["queue"].name == "ingest"
    assert router.route({}, "apps.sources.tasks.sources_reextract")["queue"].name == "reextract"
    for beat in settings.CELERY_BEAT_SCHEDULE.values():  # the reconciler, the inbox scan, ...
        assert router.route({}, beat["task"])["queue"].name == "housekeeping"


def test_env_example_documents_every_setting():
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert settings_env_names() <= documented, settings_env_names() - documented


def test_an_htmx_request_without_a_session_is_sent_to_the_login_page_whole(client):
    response = client.get("/timeline/?member=DE", headers={
        "HX-Request": "true", "HX-Current-URL": "http://testserver/timeline/?type=sanctions"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == "/accounts/login/?next=/timeline/%3Ftype%3Dsanctions"
    plain = client.get("/timeline/")
    assert plain.status_code == 302 and "HX-Redirect" not in plain


def test_the_cache_keeps_one_redis_client_per_pool():
    from django.core.cache import cache, caches

    backend = caches["default"]  # the backend itself: `cache` is a proxy to it
    assert isinstance(backend, RedisCache)
    client = backend._cache.get_client(write=True)
    assert backend._cache.get_client() is client  # one server: reads and writes share the pool
    cache.set("platform:shared-client", 1, 5)
    assert cache.get("platform:shared-client") == 1

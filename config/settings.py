"""Coalition Tracker settings: one module, everything from the environment.

Defaults are safe for production (DEBUG off, HTTPS-only cookies, HSTS). With
``DATABASE_URL`` / ``REDIS_URL`` unset, the embedded PostgreSQL and Redis start on demand
(see apps/core/embedded.py). Every variable is documented in ``.env.example``.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from kombu import Queue
from psycopg_pool import ConnectionPool

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
EMBEDDED_DIR = Path(env_str("EMBEDDED_DIR", str(BASE_DIR / ".embedded")))
DATABASE_URL = env_str("DATABASE_URL")
REDIS_URL = env_str("REDIS_URL")
USES_EMBEDDED_STACK = not DATABASE_URL or not REDIS_URL


def _secret_key() -> str:
    if key := env_str("SECRET_KEY"):
        return key
    if not (DEBUG or USES_EMBEDDED_STACK):
        raise ImproperlyConfigured("SECRET_KEY must be set when DATABASE_URL and REDIS_URL point at real servers.")
    # Dev/demo: a random key kept beside the embedded data, so sessions survive restarts.
    key_file = EMBEDDED_DIR / "secret_key"
    if not key_file.exists():
        EMBEDDED_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "axes",
    "apps.core",
    "apps.accounts",
    "apps.coalition",
    "apps.names",
    "apps.review",
    "apps.sources",
    "apps.timeline",
    "apps.statements",
    "apps.api",
    "ninja",  # its own static copy of the Swagger UI for /api/v1/docs (a CDN copy would break the CSP)
]

# Development-only apps: apps.bench (synthetic events, the bench_* commands). On by default with the embedded
# stack (make run, make test, make bench), off when DATABASE_URL and REDIS_URL point at real servers; the
# production image does not carry apps/bench at all (.dockerignore), so DEV_APPS=1 there is refused here.
DEV_APPS = env_bool("DEV_APPS", USES_EMBEDDED_STACK)
if DEV_APPS:
    if not (BASE_DIR / "apps" / "bench").is_dir():
        raise ImproperlyConfigured("DEV_APPS=1 but apps/bench is not here (the production image leaves it out).")
    INSTALLED_APPS.append("apps.bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the visitor's choice (the cookie set_language writes), else Accept-Language. URLs carry no
    # language prefix: timeline links are shared, and the same link must work in every language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.core.middleware.HtmxLoginRedirectMiddleware",  # sees LoginRequiredMiddleware's redirect on its way out
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "apps.core.middleware.AuditActorMiddleware",
    "apps.core.middleware.PrivateCacheMiddleware",  # a signed-in user's pages are never kept by shared caches
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": [
                "apps.core.templatetags.ui", "apps.coalition.templatetags.labels", "apps.sources.templatetags.refusals",
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.accounts.context_processors.navigation",
                "apps.review.context_processors.review_navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# Django's psycopg 3 connection pool (https://docs.djangoproject.com/en/6.1/ref/databases/#connection-pool).
DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 4)
# ``check`` tests each connection as it leaves the pool, so a database restart or a dropped
# connection costs one reconnect instead of a failed request or task.
_pool_options = {
    "pool": {"min_size": 1, "max_size": DB_POOL_MAX_SIZE, "timeout": 10, "check": ConnectionPool.check_connection}
}

if DATABASE_URL:
    _database: dict[str, Any] = dict(dj_database_url.parse(DATABASE_URL, conn_max_age=0))
    # dj-database-url ignores "?host=/socket/dir"; libpq URLs use it for Unix sockets.
    from urllib.parse import parse_qs, urlsplit

    if _socket_host := parse_qs(urlsplit(DATABASE_URL).query).get("host"):
        _database["HOST"] = _socket_host[0]
else:
    from apps.core import embedded

    _database = {"ENGINE": "django.db.backends.postgresql", **embedded.postgres_params(EMBEDDED_DIR / "postgres")}

_database.setdefault("OPTIONS", {}).update(_pool_options)
_database["CONN_MAX_AGE"] = 0  # the pool keeps connections; CONN_MAX_AGE must stay 0 with it
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if not REDIS_URL:
    from apps.core import embedded

    REDIS_URL = embedded.redis_url(EMBEDDED_DIR / "redis")

# --- Cache: Redis (the broker's server, its own key prefix) ---------------------------------
# https://docs.djangoproject.com/en/6.1/topics/cache/#redis — sessions are read from it (cached_db
# keeps PostgreSQL as the durable copy), and so are each user's permissions, so a page spends its
# queries on what it shows. Nothing in it is the only copy: while Redis is down every cache call is a
# miss (apps/core/cache.py), so pages render from the database and logins work; the timeouts keep an
# unreachable host from holding a request.
CACHES = {
    "default": {
        "BACKEND": "apps.core.cache.SharedClientRedisCache",  # Django's, one client per pool, misses when down
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "ct-cache",
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
}
# https://docs.djangoproject.com/en/6.1/topics/http/sessions/#using-cached-sessions — PostgreSQL is the truth.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Rendered timeline and overview fragments are kept this long per data version (apps/core/fragments.py);
# 0 renders every request (the test suite's default: a test asks for the caching when it checks it).
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 60)
# The review's quality page reads the newest QUALITY_MAX_SOURCES reviewed articles again with the current rules
# (1–2 s for 300) and keeps the result per data version and rules this long (0: every request).
QUALITY_MAX_SOURCES = env_int("QUALITY_MAX_SOURCES", 300)
QUALITY_CACHE_SECONDS = env_int("QUALITY_CACHE_SECONDS", 3600)

# --- Auth -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "apps.accounts.backends.CachedPermissionsBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "timeline:overview"
LOGOUT_REDIRECT_URL = "login"

# django-axes: lock an account/IP pair out after repeated failures (https://django-axes.readthedocs.io/).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"

# --- Security -------------------------------------------------------------------------
# make run serves plain HTTP on loopback and sets HTTPS_ONLY=0; everything else is HTTPS.
HTTPS_ONLY = env_bool("HTTPS_ONLY", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes talk plain HTTP inside the network
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Django's built-in CSP (https://docs.djangoproject.com/en/6.1/ref/csp/): no inline script, nonces only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Internationalisation -------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/topics/i18n/translation/ — the UI in English, Russian and Ukrainian;
# the compiled catalogues (locale/*/LC_MESSAGES/django.mo) are committed, so no gettext tools are needed to run.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("uk", "Українська")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date formats per language (config/formats/<lang>/formats.py) before Django's own.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS_ONLY

# --- Ingest limits --------------------------------------------------------------------
INGEST_MAX_FILE_BYTES = env_int("INGEST_MAX_FILE_BYTES", 2_000_000)
INGEST_MAX_FILES_PER_UPLOAD = env_int("INGEST_MAX_FILES_PER_UPLOAD", 500)
INGEST_MAX_ZIP_ENTRIES = env_int("INGEST_MAX_ZIP_ENTRIES", 1_000)
INGEST_MAX_ZIP_TOTAL_BYTES = env_int("INGEST_MAX_ZIP_TOTAL_BYTES", 200_000_000)
INGEST_MAX_ZIP_RATIO = env_int("INGEST_MAX_ZIP_RATIO", 100)
INGEST_INBOX_DIR = Path(env_str("INGEST_INBOX_DIR", str(BASE_DIR / "inbox")))
# A source still queued/processing after this long is re-queued by the reconciler.
INGEST_STUCK_AFTER = timedelta(seconds=env_int("INGEST_STUCK_AFTER_SECONDS", 120))
# One worker task reads a batch of at most this many files and about this many bytes (a larger file is a
# batch of its own), and writes what it read with a few statements per table for the whole batch.
INGEST_BATCH_SIZE = env_int("INGEST_BATCH_SIZE", 50)
INGEST_BATCH_BYTES = env_int("INGEST_BATCH_BYTES", 1_000_000)
# A source whose reading stopped the worker this many times (killed, out of memory) is refused.
INGEST_MAX_ATTEMPTS = env_int("INGEST_MAX_ATTEMPTS", 5)
# The request body must fit a full upload; each file is checked against its own limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 10_000_000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = INGEST_MAX_FILES_PER_UPLOAD

# --- Celery ---------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True  # outcomes live in PostgreSQL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 90)
# Longer than the longest time limit, or Redis re-delivers a task that is still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 600)}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_SEND_TASK_EVENTS = False
# Queues by kind (https://docs.celeryq.dev/en/stable/userguide/routing.html): new uploads, re-extraction and
# the periodic housekeeping each wait only behind their own kind. `make run` and docker-compose.yml start a
# worker for ingest and housekeeping and another, at a lower CPU priority, for re-extraction; a worker
# started without -Q serves all three.
CELERY_TASK_QUEUES = [Queue("ingest"), Queue("reextract"), Queue("housekeeping")]
CELERY_TASK_DEFAULT_QUEUE = "housekeeping"
CELERY_TASK_ROUTES = {
    "apps.sources.tasks.sources_ingest": {"queue": "ingest"},
    "apps.sources.tasks.sources_reextract": {"queue": "reextract"},
}
CELERY_BEAT_SCHEDULE = {
    "requeue-stuck-sources": {
        "task": "apps.sources.beat.sources_requeue_stuck",
        "schedule": float(env_int("INGEST_REQUEUE_EVERY_SECONDS", 60)),
    },
    "scan-inbox": {"task": "apps.sources.beat.inbox_scan", "schedule": env_int("INGEST_INBOX_SCAN_SECONDS", 30)},
    "purge-old-axes-attempts": {"task": "apps.accounts.tasks.access_attempts_purge", "schedule": crontab(minute=17)},
    # The matrix and chart counts are kept up to date by every ingest; once a night they are made exact.
    "rebuild-tallies": {"task": "apps.coalition.tasks.tallies_rebuild", "schedule": crontab(hour=3, minute=41)},
}

# --- Statements -----------------------------------------------------------------------
# Off: the editor who submitted a revision for review, or wrote it, cannot approve it (a second editor must).
STATEMENTS_SELF_APPROVAL = env_bool("STATEMENTS_SELF_APPROVAL", False)

# --- Demo -----------------------------------------------------------------------------
DEMO_PASSWORD = env_str("DEMO_PASSWORD")

# --- Mail and logging -----------------------------------------------------------------
# Django 6.1 mailers (https://docs.djangoproject.com/en/6.1/topics/email/): the console in dev/demo, SMTP otherwise.
_default_mail_backend = "django.core.mail.backends." + ("console" if DEBUG or USES_EMBEDDED_STACK else "smtp")
EMAIL_BACKEND_PATH = env_str("EMAIL_BACKEND", _default_mail_backend + ".EmailBackend")
MAILERS: dict[str, dict[str, Any]] = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 587),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_str("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "coalition-tracker@localhost")
# Links in e-mails are absolute: a mail client has no page to resolve "/statements/3/" against.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"pgserver": {"level": "WARNING"}},
}

"""mypy's entry to the django-stubs plugin, with settings that start nothing when imported.

The plugin imports ``config.settings``; with ``DATABASE_URL`` / ``REDIS_URL`` unset, settings would start the
embedded PostgreSQL and Redis (and write a secret key beside them). Placeholder values stop that: settings only
read them, nothing connects while mypy runs. Values already in the environment are kept.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgresql://mypy@localhost/mypy")
os.environ.setdefault("REDIS_URL", "redis://localhost:6379/0")
os.environ.setdefault("SECRET_KEY", "mypy-only-never-used-to-sign")

from mypy_django_plugin.main import plugin  # after the environment above: it imports the settings

__all__ = ["plugin"]

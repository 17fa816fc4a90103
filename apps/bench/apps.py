from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Development only: synthetic data and the ``bench_*`` commands. In ``INSTALLED_APPS`` when ``DEV_APPS``
    is on (config/settings.py); the production image leaves the folder out (.dockerignore)."""

    name = "apps.bench"
    label = "bench"

"""The benchmarks still run (their figures are read by people, never asserted): small sizes, in-process.

bench_ingest starts a worker of its own against the configured database, so it is run by ``make bench`` only;
its article generator is checked here.
"""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from apps.bench.management.commands.bench_ingest import generated_articles


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_bench_is_installed_for_development_only():
    assert settings.DEV_APPS and "apps.bench" in settings.INSTALLED_APPS


@pytest.mark.django_db
def test_bench_extract_reports_articles_per_second():
    output = run("bench_extract", "--articles", "20")
    assert "extraction alone:         20 articles" in output and "articles/s" in output and "peak RSS" in output


@pytest.mark.django_db
def test_bench_pages_measures_every_page_on_synthetic_events():
    output = run("bench_pages", "--events", "60", "--samples", "1", "--warmup", "0", "--export-samples", "1",
                 "--skip-load")
    assert "events: 60 (60 synthetic)" in output
    assert "overview" in output and "timeline" in output and "export" in output.lower()


def test_bench_ingest_generates_distinct_dated_articles():
    articles = generated_articles(30, seed=3)
    assert len({data for _, data in articles}) == 30
    assert all(data.startswith(b" date 20") for _, data in articles)

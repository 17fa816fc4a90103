"""The analyst pages cached per data version: a repeat costs no page query, and every change shows at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.coalition.models import Contribution
from apps.core.fragments import data_version
from apps.review.services import contribution_confirm
from apps.sources import receive
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_on")]


@pytest.fixture
def cache_on():
    with override_settings(FRAGMENT_CACHE_SECONDS=60):
        yield


def ingest(name: str, text: str, capture) -> None:
    data = text.encode()
    with capture(execute=True):  # the version moves on when the ingest commits
        source = receive.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))
        source_ingest(source_id=source.pk)


def page_queries(client, url: str, **headers: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def test_a_repeat_reads_no_event_and_an_ingest_shows_at_once(analyst_client, django_capture_on_commit_callbacks):
    ingest("de.txt", "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.",
           django_capture_on_commit_callbacks)
    url = reverse("timeline:index")
    first, _ = page_queries(analyst_client, url)
    again, queries = page_queries(analyst_client, url)
    assert "Germany will send" in first and "Germany will send" in again
    assert not [sql for sql in queries if "timeline_timelineevent" in sql]  # from the cache
    assert "<a class=\"badge member\"" in again  # the cached body is HTML, not escaped text

    before = data_version()
    ingest("fr.txt", "date 2026-03-05 France will send troops to Ukraine, AFP reported.",
           django_capture_on_commit_callbacks)
    assert data_version() > before
    fresh, _ = page_queries(analyst_client, url)
    assert "France will send" in fresh and "Germany will send" in fresh


def test_a_review_shows_at_once(analyst_client, editor, django_capture_on_commit_callbacks):
    ingest("de.txt", "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.",
           django_capture_on_commit_callbacks)
    timeline, overview = reverse("timeline:index"), reverse("timeline:overview")
    assert "confirmed by editor" not in page_queries(analyst_client, timeline)[0]
    page_queries(analyst_client, overview)
    assert not [sql for sql in page_queries(analyst_client, overview)[1] if "coalition_commitmentcell" in sql]
    row = Contribution.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        contribution_confirm(contribution=row, version=row.version, actor=editor)
    assert "confirmed by editor" in page_queries(analyst_client, timeline)[0]
    assert [sql for sql in page_queries(analyst_client, overview)[1] if "coalition_commitmentcell" in sql]


def test_a_language_and_a_filter_each_have_their_own_copy(analyst_client, django_capture_on_commit_callbacks):
    ingest("de.txt", "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.",
           django_capture_on_commit_callbacks)
    english, _ = page_queries(analyst_client, reverse("timeline:index"))
    analyst_client.cookies["django_language"] = "ru"
    russian, _ = page_queries(analyst_client, reverse("timeline:index"))
    assert "Germany" in english and "Германия" in russian
    none, _ = page_queries(analyst_client, reverse("timeline:index") + "?member=FR")
    assert "Germany will send" not in none

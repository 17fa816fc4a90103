"""Upload pages: permissions, CSRF, the htmx status partial, retry."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.sources import ingest
from apps.sources.models import SourceText
from apps.sources.tests.factories import SourceTextFactory, UploadFactory
from config.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("sources:upload_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_analyst_cannot_upload(analyst_client):
    assert analyst_client.get(reverse("sources:upload_list")).status_code == 403
    response = analyst_client.post(reverse("sources:upload_list"),
                                   {"files": [SimpleUploadedFile("a.txt", b" date 2026-01-01 France.")]})
    assert response.status_code == 403
    assert not SourceText.objects.exists()


def test_upload_without_csrf_token_is_refused(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(reverse("sources:upload_list"),
                           {"files": [SimpleUploadedFile("a.txt", b" date 2026-01-01 France.")]},
                           headers={"HX-Request": "true"})
    assert response.status_code == 403
    assert not SourceText.objects.exists()


def test_htmx_upload_answers_with_a_client_redirect(admin_client_):
    response = admin_client_.post(reverse("sources:upload_list"),
                                  {"files": [SimpleUploadedFile("a.txt", b" date 2026-01-01 France pledged.")]},
                                  headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.headers["HX-Redirect"].startswith("/uploads/")


def test_upload_without_files_shows_the_error(admin_client_):
    response = admin_client_.post(reverse("sources:upload_list"), {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_status_partial_polls_while_pending_and_stops_when_done(admin_client_, django_assert_max_num_queries):
    upload = UploadFactory.create()
    SourceTextFactory.create_batch(3, upload=upload)
    url = reverse("sources:upload_detail", args=[upload.pk])
    with django_assert_max_num_queries(8):
        response = admin_client_.get(url, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="upload-files"' in html and "<html" not in html
    assert 'hx-trigger="every 1s"' in html
    SourceText.objects.update(status=SourceText.Status.INGESTED)
    html = admin_client_.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "every 1s" not in html
    assert response.headers["Vary"].count("HX-Request") == 1


def test_upload_detail_queries_do_not_grow_with_files(admin_client_, django_assert_max_num_queries):
    upload = UploadFactory.create()
    SourceTextFactory.create_batch(40, upload=upload)
    with django_assert_max_num_queries(8):
        assert admin_client_.get(upload.get_absolute_url()).status_code == 200


def test_retry_button_requeues_a_refused_file(admin_client_):
    source = SourceTextFactory.create(status=SourceText.Status.FAILED, upload=UploadFactory.create(),
                               refusal_reason="The file could not be read because of an internal error; it was "
                                              "logged. Retry it later.")
    assert source.upload is not None
    page = admin_client_.get(source.upload.get_absolute_url()).content.decode()
    assert reverse("sources:source_retry", args=[source.pk]) in page
    response = admin_client_.post(reverse("sources:source_retry", args=[source.pk]))
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.status == SourceText.Status.QUEUED


def test_upload_list_shows_counts(admin_client_):
    upload = UploadFactory.create(label="march batch")
    SourceTextFactory.create(upload=upload, status=SourceText.Status.INGESTED)
    SourceTextFactory.create(upload=upload, status=SourceText.Status.FAILED)
    html = admin_client_.get(reverse("sources:upload_list")).content.decode()
    assert "march batch" in html and "1 ingested" in html and "1 refused" in html


def test_reextraction_progress_page(admin_client_, analyst_client, django_assert_max_num_queries):
    from apps.sources import receive
    from apps.sources.tests.test_receive import received
    from tests.corpus import SEED

    source = received(SEED.name, SEED.read_bytes())
    ingest.source_ingest(source_id=source.pk)
    run = receive.sources_reextract_queue(actor=None, source_ids=[source.pk])
    url = reverse("sources:reextraction_detail", args=[run.pk])
    assert analyst_client.get(url).status_code == 403
    page = admin_client_.get(url)
    assert page.status_code == 200
    assert b"0 of 1 source read again" in page.content and b'hx-trigger="every 2s"' in page.content
    ingest.source_reextract(source_id=source.pk)
    with django_assert_max_num_queries(8):
        partial = admin_client_.get(url, headers={"HX-Request": "true"})
    assert b"<html" not in partial.content and b"1 of 1 source read again" in partial.content
    assert b"hx-trigger" not in partial.content  # done: it stops polling


def test_admin_action_redirects_to_the_progress(admin_user):
    from apps.sources.tests.test_receive import received
    from tests.corpus import SEED

    source = received(SEED.name, SEED.read_bytes())
    SourceText.objects.filter(pk=source.pk).update(status=SourceText.Status.INGESTED)
    admin_user.is_staff = True
    admin_user.save()
    client = Client()
    client.force_login(admin_user)
    response = client.post(reverse("admin:sources_sourcetext_changelist"),
                           {"action": "reextract_selected", "_selected_action": [source.pk]})
    assert response.status_code == 302
    assert "/uploads/reextractions/" in response["Location"]


@pytest.fixture
def broker_unreachable() -> Iterator[None]:
    """The broker's address points at a port where nothing listens; the cache (and the sessions) still work."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = celery_app.conf.broker_url
    celery_app.conf.broker_url = f"redis://127.0.0.1:{port}/0"
    celery_app._after_fork()  # the connection pools are made again from the address (as in a forked worker)
    yield
    celery_app.conf.broker_url = url
    celery_app._after_fork()


# serialized_rollback: the flush after this test must leave the database as the tests after it expect.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_upload_while_the_broker_is_down_is_stored_and_says_processing_will_follow(broker_unreachable,
                                                                                      admin_user):
    client = Client()
    client.force_login(admin_user)
    files = [SimpleUploadedFile(f"{i}.txt", f" date 2026-01-0{i + 1} France will send troops, AFP said. {i}".encode())
             for i in range(3)]
    response = client.post(reverse("sources:upload_list"), {"files": files}, follow=True)
    assert response.status_code == 200
    assert "Processing will start by itself once it is back" in response.content.decode().replace("\n", " ")
    # Stored and queued: the reconciler sends them once the broker answers (apps/sources/tests/test_worker.py).
    assert sorted(SourceText.objects.values_list("status", flat=True)) == [SourceText.Status.QUEUED] * 3
    assert all(bytes(s.raw_bytes) for s in SourceText.objects.all())

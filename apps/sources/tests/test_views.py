"""Upload pages: permissions, CSRF, the htmx status partial, retry."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.sources.models import SourceText
from apps.sources.tests.factories import SourceTextFactory, UploadFactory

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
    upload = UploadFactory()
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
    upload = UploadFactory()
    SourceTextFactory.create_batch(40, upload=upload)
    with django_assert_max_num_queries(8):
        assert admin_client_.get(upload.get_absolute_url()).status_code == 200


def test_retry_button_requeues_a_refused_file(admin_client_):
    source = SourceTextFactory(status=SourceText.Status.FAILED, refusal_reason="The file is empty.",
                               upload=UploadFactory())
    page = admin_client_.get(source.upload.get_absolute_url()).content.decode()
    assert reverse("sources:source_retry", args=[source.pk]) in page
    response = admin_client_.post(reverse("sources:source_retry", args=[source.pk]))
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.status == SourceText.Status.QUEUED


def test_upload_list_shows_counts(admin_client_):
    upload = UploadFactory(label="march batch")
    SourceTextFactory(upload=upload, status=SourceText.Status.INGESTED)
    SourceTextFactory(upload=upload, status=SourceText.Status.FAILED)
    html = admin_client_.get(reverse("sources:upload_list")).content.decode()
    assert "march batch" in html and "1 ingested" in html and "1 refused" in html

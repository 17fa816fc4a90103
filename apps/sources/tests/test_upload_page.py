"""The upload page: its form's descriptions exist, and the recent uploads come newest first."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.sources.models import Upload
from apps.sources.tests.factories import SourceTextFactory, UploadFactory

pytestmark = pytest.mark.django_db


def dangling_references(html: str) -> list[str]:
    """The ids that aria-describedby / aria-labelledby / label for= name but no element carries."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    named = [name for value in re.findall(r'\s(?:aria-describedby|aria-labelledby|for)="([^"]+)"', html)
             for name in value.split()]
    return [name for name in named if name not in ids]


def test_the_file_input_is_described_by_elements_that_exist(admin_client_):
    html = admin_client_.get(reverse("sources:upload_list")).content.decode()
    describedby = re.search(r'<input[^>]*type="file"[^>]*aria-describedby="([^"]+)"', html)
    assert describedby and describedby.group(1) == "id_files_helptext"
    assert dangling_references(html) == []
    refused = admin_client_.post(reverse("sources:upload_list"), {}).content.decode()  # no file: the error too
    assert 'aria-describedby="id_files_helptext id_files_error"' in refused
    assert dangling_references(refused) == []


def test_recent_uploads_are_listed_newest_first(admin_client_):
    now = timezone.now()
    # Made in one order, dated in another: only an ORDER BY can list them right.
    for label, hours_ago in [("middle", 2), ("newest", 1), ("oldest", 3)]:
        upload = UploadFactory.create(label=label)
        SourceTextFactory.create(upload=upload)
        Upload.objects.filter(pk=upload.pk).update(created_at=now - timedelta(hours=hours_ago))
    html = admin_client_.get(reverse("sources:upload_list")).content.decode()
    shown = re.findall(r'<td><a href="/uploads/\d+/">([^<]+)</a></td>', html)
    assert shown == ["newest", "middle", "oldest"]
    assert "ORDER BY" in str(Upload.objects.with_counts().newest_first().query)

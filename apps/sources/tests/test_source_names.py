"""No server path in any message: files from the command line and the inbox are named without where they lay."""

from __future__ import annotations

import importlib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import reverse

from apps.sources.inbox import inbox_scan
from apps.sources.models import SourceText
from tests.corpus import SEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "deep" / "server" / "folder"
    folder.mkdir(parents=True)
    path = folder / "article.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def test_a_duplicate_of_a_command_line_file_names_it_without_its_path(article, tmp_path, admin_client_):
    call_command("ingest", str(article.resolve()), "--inline", stdout=StringIO())
    out = StringIO()
    call_command("ingest", str(article.resolve()), "--inline", stdout=out)
    original = SourceText.objects.get(status=SourceText.Status.INGESTED)
    duplicate = SourceText.objects.get(status=SourceText.Status.DUPLICATE)
    assert original.original_name == "article.txt"
    assert duplicate.refusal_reason == "The same file was already received as “article.txt”."
    assert str(tmp_path) not in out.getvalue()
    assert duplicate.upload is not None
    for url in (duplicate.upload.get_absolute_url(), reverse("sources:upload_list"), original.get_absolute_url()):
        html = admin_client_.get(url).content.decode()
        assert str(tmp_path) not in html, url
    upload_page = admin_client_.get(duplicate.upload.get_absolute_url()).content.decode()
    assert f'href="{original.get_absolute_url()}"' in upload_page  # the original is linked, by its page


def test_files_of_a_folder_are_named_by_their_place_in_it(tmp_path):
    folder = tmp_path / "articles"
    (folder / "2026" / "march").mkdir(parents=True)
    (folder / "2026" / "march" / "a.txt").write_bytes(SEED.read_bytes())
    call_command("ingest", str(folder), "--no-wait", stdout=StringIO())
    assert SourceText.objects.get().original_name == "2026/march/a.txt"


def test_a_duplicate_of_an_inbox_file_names_it_without_its_path(tmp_path, article):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "dropped.txt").write_bytes(SEED.read_bytes())
    inbox_scan(inbox, settle_seconds=0)
    call_command("ingest", str(article), "--inline", stdout=StringIO())
    duplicate = SourceText.objects.get(status=SourceText.Status.DUPLICATE)
    assert duplicate.refusal_reason == "The same file was already received as “dropped.txt”."


def test_the_migration_takes_the_paths_out_of_names_stored_before():
    original = SourceText.objects.create(original_name="/srv/import/2026/a.txt", sha256="a" * 64,
                                         status=SourceText.Status.INGESTED)
    windows = SourceText.objects.create(original_name="C:\\Users\\me\\b.txt", sha256="b" * 64,
                                        status=SourceText.Status.FAILED)
    duplicate = SourceText.objects.create(
        original_name="copy.txt", sha256="a" * 64, status=SourceText.Status.DUPLICATE, duplicate_of=original,
        refusal_reason="The same file was already received as “/srv/import/2026/a.txt”.")
    kept = SourceText.objects.create(original_name="zip/entry.txt", sha256="c" * 64, status=SourceText.Status.FAILED)
    migration = importlib.import_module("apps.sources.migrations.0004_source_names_without_paths")
    migration.names_without_paths(django_apps, None)
    names = dict(SourceText.objects.values_list("pk", "original_name"))
    assert names == {original.pk: "a.txt", windows.pk: "b.txt", duplicate.pk: "copy.txt", kept.pk: "zip/entry.txt"}
    duplicate.refresh_from_db()
    assert duplicate.refusal_reason == "The same file was already received as “a.txt”."


def test_a_command_line_file_s_name_and_upload_label_lose_bidi_controls(tmp_path):
    path = tmp_path / "invoice\u202egpj.txt"
    path.write_bytes(SEED.read_bytes())
    call_command("ingest", str(path), "--no-wait", stdout=StringIO())
    source = SourceText.objects.get()
    assert source.upload is not None
    assert source.original_name == source.upload.label == "invoicegpj.txt"

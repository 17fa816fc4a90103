"""The analyst's data for browser tests: the dev corpus ingested inline, an upload, a user per role.

Building it takes seconds (reference data, gazetteer, 40 articles); the browser tests are transactional
(the live server reads committed rows) and each one ends with a flush. So the first test builds the
data once per process and keeps a serialized copy; each later test restores that copy, about three
times faster than building it again (measured: 7.7 s against 23-27 s on a busy 2-core machine).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from apps.accounts.models import User
from apps.accounts.roles import roles_sync
from apps.coalition.reference import reference_data_load_all
from apps.sources import ingest
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.models import SourceText, Upload
from tests.browser.conftest import PASSWORD
from tests.corpus import BAD, DEV, SEED

ARTICLES = 40


@dataclass(frozen=True)
class Dataset:
    analyst: str
    admin: str
    upload_id: int


_snapshot: dict[str, str] = {}


def _ingest(upload: Upload | None, path_name: str, data: bytes) -> None:
    source = source_services.source_receive(upload=upload, item=IncomingFile(path_name, data, None, len(data)))
    if source.status == SourceText.Status.QUEUED:
        ingest.source_ingest(source_id=source.pk)  # inline: no worker needed for the pages


def _build() -> None:
    roles_sync(django_apps)
    reference_data_load_all(django_apps)
    for role in ("analyst", "admin"):
        user = User.objects.create_user(username=f"{role}-a11y", password=PASSWORD, is_staff=role == "admin")
        user.groups.add(Group.objects.get(name=role))
    admin = User.objects.get(username="admin-a11y")
    upload = source_services.upload_open(actor=admin, channel="web", label="browser tests")
    _ingest(upload, SEED.name, SEED.read_bytes())
    _ingest(upload, "b03_image_renamed.txt", (BAD / "b03_image_renamed.txt").read_bytes())  # refused, with a reason
    for path in sorted(DEV.glob("*.txt"))[:ARTICLES]:
        _ingest(None, path.name, path.read_bytes())


def dataset_load() -> Dataset:
    """Build the data (first call in this process) or restore the copy of it (every later call)."""
    if "data" in _snapshot:
        # Empty the tables first (content types and permissions too): the copy is a whole database, and
        # its rows must not meet ids that whatever ran before this test gave the same content types. The
        # sequences go on from where they are: rows that signals write while the copy loads (the audit
        # entry of a user's groups) must not take the ids of the copy's own rows.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False)
        connection.creation.deserialize_db_from_string(_snapshot["data"])
    else:
        _build()
        _snapshot["data"] = connection.creation.serialize_db_to_string()
    upload = Upload.objects.get(label="browser tests")
    return Dataset(analyst="analyst-a11y", admin="admin-a11y", upload_id=upload.pk)

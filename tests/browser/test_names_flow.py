"""An admin sorts out unknown names in the browser: axe passes, one click dismisses or aliases a name,
several are dismissed at once and undone, and the row follows a real worker re-reading the articles."""

from __future__ import annotations

import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from apps.accounts.models import User
from apps.accounts.roles import roles_sync
from apps.coalition.reference import reference_data_load_all
from apps.names.models import NameCandidate
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest
from tests.browser.conftest import PASSWORD, axe_violations, log_in, screenshot
from tests.corpus import DEV

pytestmark = [pytest.mark.browser, pytest.mark.worker,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ARTICLES = [
    b" date 2026-03-02 Swedish Deputy Defence Minister Ingrid Halvorsen said Sweden will send air defence "
    b"systems to Ukraine.",
    b" date 2026-03-04 Sweden will train Ukrainian pilots, Ingrid Halvorsen told reporters in Stockholm.",
]


def ingest(name: str, data: bytes) -> None:
    source = source_services.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))
    source_ingest(source_id=source.pk)  # inline: no worker needed for the page


def test_admin_dismisses_and_aliases_unknown_names(page, live_server, worker_factory):
    roles_sync(django_apps)
    reference_data_load_all(django_apps)
    admin = User.objects.create_user(username="admin-names", password=PASSWORD, is_staff=True)
    admin.groups.add(Group.objects.get(name="admin"))
    for i, data in enumerate(ARTICLES):
        ingest(f"halvorsen_{i}.txt", data)
    for path in sorted(DEV.glob("*.txt"))[:20]:
        ingest(path.name, path.read_bytes())
    halvorsen = NameCandidate.objects.get(key="ingrid halvorsen")
    first = (NameCandidate.objects.filter(state="open", article_count__gt=0).exclude(pk=halvorsen.pk)
             .order_by("-article_count", "id").first())
    assert first is not None

    log_in(page, live_server.url, admin.username)
    page.get_by_role("link", name="Names").click()
    page.wait_for_url(re.compile(r"/names/"))
    assert page.get_by_role("heading", name="Unknown names").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "names")

    row = page.locator(f"#name-{first.pk}")
    row.get_by_role("button", name=re.compile(r"^Dismiss")).click()
    confirmation = page.locator(f"#name-{first.pk}")
    confirmation.get_by_text("was dismissed").wait_for()  # swapped in by htmx, no page load
    assert page.url.endswith("/names/")
    # Announced by the live region, which the script fills once the swap has settled.
    page.locator("#names-status").get_by_text("was dismissed").wait_for()

    # Several at once: tick two names, dismiss them in one go, then undo it.
    select_all = page.get_by_label("Select all on this page")  # shown by the script, which ticks every row
    select_all.check()
    assert page.locator('input[form="names-bulk"]:checked').count() == page.locator("tr.name-row").count() > 2
    select_all.uncheck()
    pair = list(NameCandidate.objects.filter(state="open", article_count__gt=0).exclude(pk=halvorsen.pk)
                .order_by("-article_count", "id")[:2])
    for candidate in pair:
        page.locator(f"#pick-{candidate.pk}").check()
    page.get_by_role("button", name="Dismiss selected").click()
    page.locator("#names-list").get_by_text("2 names were dismissed").wait_for()
    assert page.locator(f"#name-{pair[0].pk}").count() == 0 and page.locator(f"#name-{pair[1].pk}").count() == 0
    page.locator("#names-status").get_by_text("2 names were dismissed").wait_for()
    assert {c.state for c in NameCandidate.objects.filter(pk__in=[c.pk for c in pair])} == {"dismissed"}
    assert axe_violations(page) == []
    screenshot(page, "names-bulk-dismissed")
    page.get_by_role("button", name=re.compile(r"^Undo")).click()
    page.locator("#names-list").get_by_text("2 names are listed again").wait_for()
    page.locator(f"#name-{pair[0].pk}").wait_for()
    assert page.locator(f"#name-{pair[1].pk}").count() == 1
    assert {c.state for c in NameCandidate.objects.filter(pk__in=[c.pk for c in pair])} == {"open"}
    assert page.url.endswith("/names/")

    worker = worker_factory().start()
    row = page.locator(f"#name-{halvorsen.pk}")
    row.get_by_label("Alias of").fill("member:SE")
    row.get_by_role("button", name="Make alias").click()
    page.locator(f"#name-{halvorsen.pk}").get_by_text("is now an alias of Sweden (SE)").wait_for()
    try:  # the worker re-reads both articles; the row polls until it has
        page.locator(f"#name-{halvorsen.pk}").get_by_text("All 2 articles re-read.").wait_for(timeout=60_000)
    except Exception as error:
        raise AssertionError(worker.log()) from error
    page.locator("#names-status").get_by_text("2 of 2 articles re-read").wait_for()
    another = page.locator("tr.name-row").first
    another.get_by_text("New person…").click()  # a <details>: no script needed to unfold it
    assert another.get_by_label(re.compile(r"^Slug")).input_value()
    assert axe_violations(page) == []
    screenshot(page, "names-after")
    assert page.console_errors == []  # no CSP violation, no failed request, no script error
    halvorsen.refresh_from_db()
    assert halvorsen.state == "aliased" and halvorsen.alias and halvorsen.alias.member
    assert halvorsen.alias.member.code == "SE"
    assert halvorsen.article_count == 0  # the name is now a mention of Sweden, no longer an unknown name

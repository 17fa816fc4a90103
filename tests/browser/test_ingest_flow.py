"""An admin uploads files in the browser and watches them finish; an analyst reads the timeline."""

from __future__ import annotations

import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from apps.accounts.models import User
from apps.accounts.roles import roles_sync
from apps.coalition.reference import reference_data_load_all
from tests.browser.conftest import PASSWORD, axe_violations, log_in, screenshot
from tests.corpus import BAD, SEED

pytestmark = [pytest.mark.browser, pytest.mark.worker,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def make_user(role: str) -> User:
    # Transactional tests flush the tables; make sure the reference data is there whatever ran before.
    roles_sync(django_apps)
    reference_data_load_all(django_apps)
    user = User.objects.create_user(username=f"{role}-browser", password=PASSWORD, is_staff=role == "admin")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_admin_uploads_and_watches_the_status_live(page, live_server, worker_factory):
    admin = make_user("admin")
    analyst = make_user("analyst")
    log_in(page, live_server.url, admin.username)
    page.get_by_role("link", name="Uploads").click()
    assert axe_violations(page) == []
    worker = worker_factory().start()
    page.set_input_files("input[type=file]", [str(SEED), str(BAD / "b03_image_renamed.txt")])
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(re.compile(r"/uploads/\d+/"))
    files = page.locator("#upload-files")
    try:
        files.get_by_text("Ingested", exact=True).wait_for(timeout=60_000)  # swapped in by htmx polling
    except Exception as error:
        raise AssertionError(worker.log()) from error
    assert files.get_by_text("The file is a PNG image, not text.").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "upload-detail")
    page.reload()  # the status is durable, not held by the page
    assert page.locator("#upload-files").get_by_text("Ingested", exact=True).is_visible()

    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, analyst.username)
    page.get_by_role("link", name="Timeline", exact=True).click()
    page.wait_for_url(re.compile(r"/timeline/"))
    headline = page.locator(".event-headline a").first
    assert "Союзники Украины" in headline.inner_text()
    assert axe_violations(page) == []
    screenshot(page, "timeline")
    headline.click()
    page.wait_for_url(re.compile(r"/sources/\d+/"))
    assert page.get_by_text("сообщает Reuters", exact=False).first.is_visible()
    assert axe_violations(page) == []
    screenshot(page, "source")
    assert page.console_errors == []  # no CSP violation, no failed request, no script error
    response = page.goto(f"{live_server.url}/uploads/")
    assert response.status == 403

"""axe-core (WCAG 2.0, 2.1, 2.2 A and AA) on every page an analyst or an admin sees, the error pages
included, at a desktop and a phone size; on a phone no page is wider than the screen."""

from __future__ import annotations

from typing import Any

import pytest

from apps.sources.models import SourceText
from tests.browser.conftest import axe_violations, log_in, screenshot
from tests.browser.dataset import Dataset, dataset_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def data() -> Dataset:
    return dataset_load()


def source_path() -> str:
    source = SourceText.objects.filter(upload=None, status=SourceText.Status.INGESTED).order_by("pk").first()
    assert source, "the seed was ingested"
    return f"/sources/{source.pk}/"


def check(page: Any, base: str, path: str, status: int = 200, shot: str = "") -> None:
    response = page.goto(base + path)
    assert response.status == status, path
    assert axe_violations(page) == [], path
    if shot:
        screenshot(page, shot)


def every_page(page: Any, base: str, data: Dataset, role: str) -> None:
    log_in(page, base, getattr(data, role))  # the login page is checked on the way
    check(page, base, "/")
    check(page, base, "/timeline/", shot=f"{role}-timeline" if role == "analyst" else "")
    check(page, base, "/timeline/?q=nothing-reads-like-this")  # no result
    check(page, base, "/timeline/?status=maybe&date_from=2026-13-01")  # filter errors named in an alert
    check(page, base, "/members/FR/", shot="analyst-member" if role == "analyst" else "")
    check(page, base, source_path())
    check(page, base, "/sources/99999999/", 404)
    check(page, base, "/no-such-page/", 404)
    if role == "admin":
        check(page, base, "/uploads/")
        check(page, base, f"/uploads/{data.upload_id}/", shot="admin-upload-detail")
        check(page, base, "/names/")
        check(page, base, f"/review/sources/{source_path().split('/')[2]}/add/")  # editors' and admins' page
    else:
        check(page, base, "/uploads/", 403)
        check(page, base, "/names/", 403)
    page.goto(base + "/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{base}/accounts/login/")  # LOGOUT_REDIRECT_URL
    assert axe_violations(page) == []


def phone_pages(page: Any, base: str, data: Dataset) -> None:
    log_in(page, base, data.analyst)
    pages = [("/", "phone-overview"), ("/timeline/", "phone-timeline"),
             ("/timeline/?member=FR&type=multinational_force", "phone-timeline-filtered"),
             ("/timeline/?q=Германия", "phone-search"), ("/members/FR/", "phone-member"),
             (source_path(), "phone-source"), ("/uploads/", "")]
    for path, shot in pages:
        check(page, base, path, 403 if path == "/uploads/" else 200, shot)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide"


def test_every_page_passes_axe_for_each_role_and_on_a_phone(browser, live_server, data):
    # One test, so the data is restored once: an analyst and an admin at a desktop size, an analyst on a phone.
    for role, options in (("analyst", {"viewport": {"width": 1280, "height": 900}}),
                          ("admin", {"viewport": {"width": 1280, "height": 900}}),
                          ("phone", {"viewport": PHONE, "is_mobile": True, "has_touch": True})):
        context = browser.new_context(**options)
        page = context.new_page()
        page.set_default_timeout(20_000)
        errors: list[str] = []
        page.on("console", lambda message, errors=errors: errors.append(message.text)
                if message.type == "error" else None)
        try:
            if role == "phone":
                phone_pages(page, live_server.url, data)
            else:
                every_page(page, live_server.url, data, role)
        finally:
            context.close()
        assert [e for e in errors if "Content Security Policy" in e] == [], role

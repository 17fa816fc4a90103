"""No Content-Security-Policy violation anywhere: a walk through the main pages of every part of the product, as
an admin (who sees the editors' pages too), with htmx swaps on the way — after one of the swapped elements got an
inline style from the browser's side (a resized textarea, a screenshot tool's hidden caret)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from apps.coalition.models import Contribution
from apps.sources.models import SourceText
from tests.browser.conftest import log_in
from tests.browser.dataset import dataset_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CSP = "Content Security Policy"


def violations(page: Any) -> list[str]:
    return [error for error in page.console_errors if CSP in error]


def test_a_walk_through_the_main_pages_meets_no_csp_violation(page, live_server):
    data = dataset_load()
    base = live_server.url
    source = SourceText.objects.filter(upload=None, status=SourceText.Status.INGESTED).order_by("pk").first()
    contribution = Contribution.objects.order_by("pk").first()
    assert source and contribution, "the seed was ingested"
    log_in(page, base, data.admin)

    # htmx's indicator <style> stays out of the page, and its classes are styled by the stylesheet.
    assert page.evaluate("() => [htmx.config.includeIndicatorStyles, document.querySelectorAll('style').length]") \
        == [False, 0]
    assert page.evaluate("() => htmx.config.attributesToSettle.includes('style')") is False

    # The overview's gap list: an htmx swap.
    page.locator("#gap-days").fill("400")
    page.locator("#gap-days").press("Enter")
    page.locator("#gap-status").get_by_text("pledged more than 400 days ago").wait_for()

    # The timeline: the search box gets an inline style the way a browser or a tool gives one (CSSOM, which the
    # CSP allows); the facet swap then replaces it, and htmx must not copy the style onto the new box.
    page.goto(f"{base}/timeline/")
    page.locator("#timeline-q").evaluate("box => { box.style.caretColor = 'transparent'; }")
    page.locator("#timeline-body a.facet-value[href*='status=']").first.click()
    page.wait_for_url(re.compile(r"status="))
    page.locator("#timeline-body a.facet-value.is-active").first.wait_for()
    page.go_back()  # htmx restores the page from its history cache
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.locator("#events .event").first.wait_for()

    pages = ["/members/FR/", f"/sources/{source.pk}/", "/uploads/", f"/uploads/{data.upload_id}/", "/names/",
             "/review/", f"/review/{contribution.pk}/", "/review/quality/", f"/review/sources/{source.pk}/add/",
             "/statements/", "/statements/new/", "/audit/", "/accounts/tokens/", "/api/v1/docs",
             "/admin/sources/sourcetext/", "/no-such-page/"]
    for path in pages:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path

    # A statement draft: written, then submitted through an htmx swap of the draft's body.
    page.goto(f"{base}/statements/new/")
    page.get_by_label("Title").fill("Walk-through draft")
    page.get_by_label("Text").fill("The coalition will support Ukraine.")
    page.get_by_label("Text").evaluate("area => { area.style.height = '12rem'; }")  # the reader resized it
    page.get_by_role("button", name=re.compile("Save|Create")).click()
    page.get_by_role("button", name="Submit revision 1 for review").click()
    page.get_by_text("Revision 1 is in review").wait_for()
    assert violations(page) == []

"""An analyst's session in the browser, on the dev corpus: overview, matrix cell, filters through htmx and
history, case-form search in Russian and English, scrolling, a source, the CSV export, the keyboard; and
the same timeline without JavaScript. axe-core checks every page and every htmx swap."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from apps.timeline import views
from tests.browser.conftest import PASSWORD, axe_violations, log_in, screenshot
from tests.browser.dataset import Dataset, dataset_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def data() -> Dataset:
    return dataset_load()


# Functions, not expressions: Playwright evaluates an expression string with eval(), which the CSP refuses.
MORE_THAN = "shown => document.querySelectorAll('#events .event').length > shown"


def events_shown(page: Any) -> int:
    return page.locator("#events .event").count()


def results_heading(page: Any) -> str:
    return " ".join(page.locator("#results-heading").inner_text().split())


def mark_texts(page: Any) -> list[str]:
    return page.locator("#events mark").all_inner_texts()


def test_analyst_session(page, live_server, data):
    base = live_server.url
    log_in(page, base, data.analyst)
    assert page.get_by_role("heading", name="Overview", level=1).is_visible()
    assert axe_violations(page) == []
    screenshot(page, "analyst-overview")

    page.locator("#gap-days").fill("400")  # the gap list's N: an htmx swap of #gap-list
    page.locator("#gap-days").press("Enter")
    page.locator("#gap-status").get_by_text("pledged more than 400 days ago").wait_for()  # announced
    assert page.evaluate("document.activeElement.id") == "gap-days"  # focus kept through the swap
    assert axe_violations(page) == []

    # A matrix cell opens the timeline filtered by that member and that type.
    page.locator("table.matrix a[href*='member=FR'][href*='type=multinational_force']").click()
    page.wait_for_url(re.compile(r"/timeline/\?member=FR&type=multinational_force$"))
    total = events_shown(page)
    assert total > 1 and results_heading(page).startswith(f"{total} events match")
    for badges in page.locator("#events .event .badges").all():
        assert "FR" in badges.locator(".badge.member").all_inner_texts()
    assert axe_violations(page) == []
    screenshot(page, "analyst-timeline-filtered")

    # A status facet narrows the results through htmx: no page load, the URL pushed, the count announced.
    page.evaluate("window.sameDocument = true")
    facet = page.locator("#timeline-body a.facet-value[href*='status=']:not(.is-active)").first
    facet_count = int(facet.locator(".facet-count").inner_text())
    found = re.search(r"status=(\w+)", facet.get_attribute("href") or "")
    assert found
    status = found.group(1)
    assert 0 < facet_count < total
    facet.click()
    page.wait_for_url(re.compile(rf"member=FR&type=multinational_force&status={status}$"))
    page.locator("#results-heading").get_by_text(f"{facet_count} event").wait_for()
    assert events_shown(page) == facet_count
    assert page.evaluate("window.sameDocument") is True
    page.locator("#timeline-status").get_by_text(results_heading(page)).wait_for()  # the live region said it
    assert page.locator("#timeline-body a.facet-value.is-active[href$='type=multinational_force']").count() == 1
    assert axe_violations(page) == []

    # The export link follows the swapped filter.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.reader(io.StringIO(Path(download_info.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["id", "occurred_on", "headline"]
    assert len(rows) - 1 == facet_count
    assert all("FR" in row[3].split() and status in row[6].split() for row in rows[1:])

    # Back restores the previous filter and its results.
    page.go_back()
    page.wait_for_url(re.compile(r"/timeline/\?member=FR&type=multinational_force$"))
    page.locator("#results-heading").get_by_text(f"{total} events").wait_for()
    assert events_shown(page) == total

    # Clear the filters, then search in Russian with another case form than the text's ("Германии").
    page.locator("#timeline-body").get_by_role("link", name="Clear all").click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    page.get_by_label("Search the articles").fill("Германия")
    page.get_by_label("Search the articles").press("Enter")
    page.wait_for_url(re.compile(r"/timeline/\?q=%D0%93"))
    assert "member=" not in page.url  # the form was swapped with the results: no stale hidden filters
    page.locator("#events mark").first.wait_for()
    assert "Германии" in mark_texts(page)
    assert page.evaluate("window.sameDocument") is True
    assert axe_violations(page) == []
    screenshot(page, "analyst-search-russian")

    # English, another inflection than the text's.
    page.get_by_label("Search the articles").fill("delivering")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"\?q=delivering$"))  # the clean address: no empty dates, no default order
    page.locator("#events mark").first.wait_for()
    marks = {m.lower() for m in mark_texts(page)}
    assert marks and all(m.startswith("deliver") for m in marks) and "delivering" not in marks
    assert axe_violations(page) == []
    screenshot(page, "analyst-search-english")

    # An event opens its source.
    headline = page.locator("#events .event-headline a").first
    source_href = headline.get_attribute("href")
    headline.click()
    page.wait_for_url(re.compile(re.escape(source_href) + "$"))
    assert page.get_by_role("heading", level=1).is_visible()
    assert axe_violations(page) == []
    screenshot(page, "analyst-source")
    assert page.console_errors == []  # no CSP violation, no failed request, no script error


def scroll_to_the_end(page: Any, base: str) -> None:
    """Infinite scroll loads every event once, in order; a keyboard "more" moves focus to the new events."""
    page.goto(f"{base}/timeline/")
    total = int(results_heading(page).split()[0])
    assert events_shown(page) == 12 < total
    for _ in range(total):  # bounded: a page that loaded itself again would otherwise scroll forever
        if not page.locator("#events .more").count():
            break
        shown = events_shown(page)
        assert shown < total, "more events than the timeline has"
        page.mouse.wheel(0, 20_000)  # infinite scroll: the "more" item loads the next page once revealed
        page.wait_for_function(MORE_THAN, arg=shown)
    assert events_shown(page) == total
    texts = page.locator("#events .event").all_inner_texts()
    assert len(set(texts)) == total  # no event twice
    months = page.locator("#events .month-heading").all_inner_texts()
    assert len(set(months)) == len(months)  # a page that goes on with a month does not repeat its heading
    dates = page.locator("#events .event time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    assert f"{total}" in page.locator("#timeline-status").inner_text()  # "Events shown: 40"
    assert axe_violations(page) == []

    # Keyboard: tabbing to "Older events" scrolls it into view, which loads the next page; focus moves on to
    # the first new event rather than being lost with the link.
    page.goto(f"{base}/timeline/?lang=ru")
    page.locator("#events .more a").focus()
    page.wait_for_function(MORE_THAN, arg=12)
    # The focus moves once htmx has settled the new page, a moment after the swap.
    page.wait_for_function("() => [...document.querySelectorAll('#events .event')].indexOf("
                           "document.activeElement.closest('.event')) === 12")


def focused(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const e = document.activeElement, s = getComputedStyle(e);
            // Chromium's date input: after day, month and year, Tab reaches its calendar button, inside the
            // input's own shadow tree (the input is then not :focus); the browser draws that ring itself.
            const picker = e.type === "date" && !e.matches(":focus");
            return {id: e.id, tag: e.tagName.toLowerCase(), type: e.type || "", text: e.textContent.trim(),
                    visible: picker || e.matches(":focus-visible") && (s.outlineStyle !== "none"
                             && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== "none")};
        }"""
    )


def tab_through_the_filters(page: Any, base: str) -> None:
    """Tab reaches the filter form's controls in order, then the facets, each with a visible focus ring."""
    page.goto(f"{base}/timeline/?member=FR")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to content" and skip["visible"]
    assert page.get_by_role("link", name="Skip to content").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    order: list[str] = []
    for _ in range(30):  # a date input takes one Tab per part (day, month, year)
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["visible"], now
        name = now["id"] or f"{now['tag']}:{now['type']}"
        if not order or order[-1] != name:
            order.append(name)
        if now["id"].startswith("facet-value-"):
            break
    assert order[:6] == ["timeline-q", "timeline-from", "timeline-to", "timeline-sort", "timeline-sure",
                         "button:submit"]
    assert order[6].startswith("facet-value-member-FR")  # then the facets, the chosen value first

    # Enter on a facet swaps the results and keeps the focus on that facet (now chosen, or no longer).
    page.keyboard.press("Tab")
    facet = focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"member=FR&member="))
    page.wait_for_function("id => document.activeElement.id === id", arg=facet["id"])
    assert focused(page)["visible"]
    assert page.locator(f"#{facet['id']}").get_attribute("aria-current") == "true"
    assert axe_violations(page) == []


def without_javascript(browser: Any, base: str, username: str) -> None:
    """The plain next link pages; facet links and the form filter by loading pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        # No axe here: page.evaluate never returns where scripts are off (the pages were checked with them on).
        page.goto(f"{base}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{base}/")
        page.goto(f"{base}/timeline/")
        first = page.locator("#events .event").all_inner_texts()
        assert len(first) == 12
        page.get_by_role("link", name="Older events").click()  # the plain next link
        page.wait_for_url(re.compile(r"after="))
        second = page.locator("#events .event").all_inner_texts()
        assert len(second) == 12 and not set(first) & set(second)

        page.goto(f"{base}/timeline/")
        page.locator("#timeline-body a.facet-value[href*='lang=en']").click()  # a facet is a plain link too
        page.wait_for_url(re.compile(r"\?lang=en$"))
        page.get_by_label("Search the articles").fill("delivering")
        page.get_by_role("button", name="Show").click()  # the form submits as a GET
        page.wait_for_url(re.compile(r"\?lang=en&q=delivering$"))  # redirected to the clean address
        assert "lang=en" in page.url and events_shown(page) > 0
        assert all(lang == "English" for lang in (t.split()[0] for t in page.locator(
            "#events .event-meta").all_inner_texts()))
        assert page.locator("#events mark").count() > 0
    finally:
        context.close()


def test_paging_keyboard_and_no_javascript(page, browser, live_server, data, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 12)  # the live server runs in this process: pages of 12 events
    log_in(page, live_server.url, data.analyst)
    scroll_to_the_end(page, live_server.url)
    tab_through_the_filters(page, live_server.url)
    assert page.console_errors == []
    without_javascript(browser, live_server.url, data.analyst)

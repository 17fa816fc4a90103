"""Statement drafts in the browser: an editor edits a draft reported by two articles, reads the diff, submits
it (and may not approve it); two other editors decide at once and the second gets the conflict message; an
analyst sees no controls and a direct POST is refused. axe-core checks every page and every htmx swap."""

from __future__ import annotations

import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from apps.accounts.models import User
from apps.accounts.roles import roles_sync
from apps.coalition.reference import reference_data_load_all
from apps.statements.models import StatementDraft
from apps.statements.tests.test_services import MECHANISM, PARIS, PARIS_NEXT_DAY, ingest
from tests.browser.conftest import PASSWORD, axe_violations, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def user(username: str, role: str) -> User:
    made = User.objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    made.groups.add(Group.objects.get(name=role))
    return made


def test_editors_and_an_analyst_work_on_a_draft(page, browser, live_server):
    roles_sync(django_apps)
    reference_data_load_all(django_apps)
    user("editor-a", "editor"), user("editor-b", "editor"), user("analyst-c", "analyst"), user("editor-d", "editor")
    ingest("paris.txt", PARIS)
    ingest("paris-next-day.txt", PARIS_NEXT_DAY)
    ingest("mechanism.txt", MECHANISM)
    draft = StatementDraft.objects.get(revisions__number=2)
    base = live_server.url

    log_in(page, base, "editor-a")
    page.get_by_role("link", name="Statements").click()
    page.wait_for_url(re.compile(r"/statements/$"))
    assert page.get_by_role("heading", name="Statement drafts").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "statements-list")

    page.get_by_role("link", name=draft.title).click()
    page.wait_for_url(re.compile(rf"/statements/{draft.pk}/$"))
    assert page.get_by_role("heading", name="Current text (revision 2)").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "statements-draft")

    page.get_by_role("link", name="Edit", exact=True).click()
    text = page.get_by_label("Text")
    text.fill(text.input_value().replace("международном участии", "широком международном участии"))
    page.get_by_label("What changed").fill("“широком”, as the delegations agreed")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save as a new revision").click()
    page.get_by_text("Revision 3 was saved.").wait_for()
    revision = page.locator("#revision-3")
    revision.locator("summary", has_text="Comment on revision 3").click()  # a <details>: no script to unfold it
    revision.get_by_label("Your comment").fill("Is “широком” the word the delegations used?")
    revision.get_by_role("button", name="Add comment").click()
    page.get_by_text("Your comment on revision 3 was added.").wait_for()  # an htmx swap of #draft-body
    thread = page.locator("#revision-3 .comment").first
    thread.locator("summary", has_text="Reply").click()
    thread.get_by_label("Your reply").fill("Yes: the French and British drafts both have it.")
    thread.get_by_role("button", name="Reply").click()
    page.locator("#revision-3 .comment.reply").get_by_text("the French and British drafts").wait_for()
    assert axe_violations(page) == []
    screenshot(page, "statements-comments")

    page.get_by_role("link", name="Compare with the previous revision").click()
    page.wait_for_url(re.compile(r"/compare/\?a=2&b=3$"))
    assert page.locator(".inline-diff ins").all_inner_texts() == ["широком "]
    assert axe_violations(page) == []
    screenshot(page, "statements-diff-inline")
    page.get_by_role("link", name="Show side by side").click()
    page.locator(".side-by-side").wait_for()
    assert axe_violations(page) == []
    screenshot(page, "statements-diff-side")

    page.get_by_role("link", name=draft.title).click()
    page.get_by_role("button", name="Submit revision 3 for review").click()
    page.get_by_text("Revision 3 is in review").wait_for()  # an htmx swap of #draft-body
    assert axe_violations(page) == []

    # Who submitted it leaves the approval to another editor (STATEMENTS_SELF_APPROVAL is off).
    assert page.get_by_role("button", name="Approve revision 3").count() == 0
    assert page.get_by_text("another editor must approve it").is_visible()

    second = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(second, base, "editor-b")
    second.goto(f"{base}/statements/{draft.pk}/")
    third = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(third, base, "editor-d")
    third.goto(f"{base}/statements/{draft.pk}/")
    third.get_by_role("button", name="Approve revision 3").click()
    third.get_by_text("Approved. The approved revision is frozen").wait_for()
    second.get_by_role("button", name="Approve revision 3").click()  # its page is stale now
    second.get_by_text("changed this draft while you were working on it").wait_for()
    assert "approved revision 3" in second.locator(".conflict").inner_text()
    assert axe_violations(second) == []
    screenshot(second, "statements-conflict")
    second.context.close()
    third.context.close()

    analyst = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(analyst, base, "analyst-c")
    analyst.goto(f"{base}/statements/{draft.pk}/")
    assert analyst.get_by_role("button", name=re.compile("Approve|Submit|Reject|Add comment")).count() == 0
    assert analyst.get_by_role("link", name=re.compile("^Edit|new revision")).count() == 0
    token = analyst.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    refused = analyst.request.post(f"{base}/statements/{draft.pk}/reject/",
                                   form={"csrfmiddlewaretoken": token, "version": "9", "reason": "no"},
                                   headers={"Referer": f"{base}/statements/{draft.pk}/"})
    assert refused.status == 403
    analyst.goto(f"{base}/timeline/")
    assert analyst.get_by_role("heading", name="Approved statements").is_visible()
    assert axe_violations(analyst) == []
    screenshot(analyst, "statements-timeline")
    assert page.console_errors == []
    analyst.context.close()

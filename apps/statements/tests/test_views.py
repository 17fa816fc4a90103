"""The statement pages through the client: permissions, CSRF, htmx partials, conflicts, escaping, queries."""

from __future__ import annotations

import re
from typing import TypedDict

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.statements import services
from apps.statements.models import Review, StatementDraft
from apps.statements.services import Seen
from apps.statements.tests.factories import CommentFactory, DraftFactory, current

pytestmark = pytest.mark.django_db
Status = StatementDraft.Status
POSTS = ("submit", "approve", "request_changes", "reject", "comment")


def url(name: str, draft: StatementDraft | None = None) -> str:
    return reverse(f"statements:{name}", args=[draft.pk] if draft is not None else [])


class SeenFields(TypedDict):
    version: int
    revision: int
    seen_status: str


def seen(draft: StatementDraft) -> SeenFields:
    draft.refresh_from_db()
    return {"version": draft.version, "revision": current(draft).number, "seen_status": draft.status}


def in_review(editor) -> StatementDraft:
    draft = DraftFactory.create(created_by=editor)
    draft.refresh_from_db()
    services.draft_submit(draft=draft, seen=Seen(draft.version), actor=editor)
    draft.refresh_from_db()
    return draft


# --- Who may do what -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    draft = DraftFactory.create()
    for name, target in [("list", None), ("new", None), ("detail", draft), ("edit", draft), ("compare", draft)]:
        response = client.get(url(name, target))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    for name in POSTS:
        response = client.post(url(name, draft), {"version": 1})
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_analysts_read_but_see_no_controls_and_every_post_is_refused(analyst_client, editor):
    draft = in_review(editor)
    CommentFactory.create(draft=draft, revision=current(draft), author=editor)
    for name, target in [("list", None), ("detail", draft), ("compare", draft)]:
        assert analyst_client.get(url(name, target)).status_code == 200
    page = analyst_client.get(url("detail", draft)).content.decode()
    for name in ("edit", *POSTS):
        assert url(name, draft) not in page
    assert url("new") not in analyst_client.get(url("list")).content.decode()
    assert analyst_client.get(url("new")).status_code == 403
    assert analyst_client.get(url("edit", draft)).status_code == 403
    assert analyst_client.post(url("new"), {"title": "t", "text": "x"}).status_code == 403
    assert analyst_client.post(url("edit", draft), {**seen(draft), "title": "t", "text": "x"}).status_code == 403
    for name in POSTS:
        response = analyst_client.post(url(name, draft), {**seen(draft), "reason": "r", "text": "t", "revision": 1})
        assert response.status_code == 403, name
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW and draft.comments.count() == 1


def test_editors_see_the_controls_the_state_allows(editor_client, editor, second_client):
    draft = DraftFactory.create()
    page = editor_client.get(url("detail", draft)).content.decode()
    assert url("edit", draft) in page and url("submit", draft) in page and url("approve", draft) not in page
    draft = in_review(editor)
    page = second_client.get(url("detail", draft)).content.decode()
    assert url("approve", draft) in page and url("reject", draft) in page and url("submit", draft) not in page
    assert url("edit", draft) not in page
    page = editor_client.get(url("detail", draft)).content.decode()  # who submitted it leaves approving to another
    assert url("approve", draft) not in page and url("reject", draft) in page


def test_every_post_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    draft = DraftFactory.create()
    assert client.post(url("submit", draft), seen(draft)).status_code == 403
    assert client.post(url("submit", draft), seen(draft), headers={"HX-Request": "true"}).status_code == 403
    page = client.get(url("detail", draft)).content.decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found
    token = found.group(1)
    # htmx sends the token as a header (base.html's hx-headers); plain forms in the body.
    response = client.post(url("submit", draft), seen(draft), headers={"HX-Request": "true", "X-CSRFToken": token})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    for name in ("approve", "request_changes", "reject", "comment", "edit", "new"):
        target = None if name == "new" else draft
        assert client.post(url(name, target), {**seen(draft), "reason": "r", "text": "t"}).status_code == 403, name


# --- The workflow through the pages ---------------------------------------------------------------------


def test_an_editor_creates_edits_submits_and_another_approves(editor_client, second_client, editor,
                                                               django_capture_on_commit_callbacks):
    response = editor_client.post(url("new"), {"title": "Paris declaration", "text": "We will help.",
                                               "statement_date": "2026-01-06", "note": "from the summit"})
    draft = StatementDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", draft)
    edit_page = editor_client.get(url("edit", draft))
    assert edit_page.status_code == 200 and b"We will help." in edit_page.content
    response = editor_client.post(url("edit", draft), {**seen(draft), "title": draft.title,
                                                       "text": "We will help Ukraine.\r\n", "note": "wording"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert current(draft).number == 2 and current(draft).text == "We will help Ukraine."
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url("submit", draft), seen(draft), headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="draft-body"' in body and "<html" not in body and "is in review" in body
    response = second_client.post(url("approve", draft), seen(draft))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.APPROVED and draft.approved_revision and draft.approved_revision.number == 2
    page = editor_client.get(url("detail", draft)).content.decode()
    assert "Approved, frozen" in page and "Start a new revision" in page


def test_reject_without_reason_is_refused_on_the_page(editor_client, editor):
    draft = in_review(editor)
    response = editor_client.post(url("reject", draft), {**seen(draft), "reason": "  "})
    assert response.status_code == 400 and "Say why the draft is rejected." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    response = editor_client.post(url("reject", draft), {**seen(draft), "reason": "Not a draft."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REJECTED
    assert "Not a draft." in editor_client.get(url("detail", draft)).content.decode()


def test_an_illegal_transition_says_why(editor_client):
    draft = DraftFactory.create(status=Status.APPROVED)
    response = editor_client.post(url("submit", draft), seen(draft))
    assert response.status_code == 409 and "approved already" in response.content.decode()


def test_comments_and_replies_thread_under_their_revision(editor_client, second_client):
    draft = DraftFactory.create(revisions=2)
    response = editor_client.post(url("comment", draft), {"revision": 1, "text": "Why <b>this</b> word?"},
                                  headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'id="draft-body"' in response.content.decode()
    root = draft.comments.get()
    second_client.post(url("comment", draft), {"revision": 1, "parent": root.pk, "text": "The summit used it."})
    page = editor_client.get(url("detail", draft)).content.decode()
    section = page[page.index('id="revision-1"'):]
    assert "Why &lt;b&gt;this&lt;/b&gt; word?" in section and "The summit used it." in section
    assert section.index("Why &lt;b&gt;") < section.index('class="comment reply"')
    assert editor_client.post(url("comment", draft), {"revision": 1, "text": " "}).status_code == 400
    assert editor_client.post(url("comment", draft), {"revision": 99, "text": "x"}).status_code == 404


# --- Two editors at once -------------------------------------------------------------------------------


def test_a_stale_edit_shows_what_changed_and_keeps_the_text(editor_client, second_client):
    draft = DraftFactory.create()
    both = seen(draft)
    second_client.post(url("edit", draft), {**both, "title": draft.title, "text": "Revision 1 of the new text."})
    response = editor_client.post(url("edit", draft), {**both, "title": draft.title, "text": "My own words.",
                                                       "note": "mine"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "changed this draft while you were working on it" in page
    assert "editor-two" in page and "saved revision 2" in page
    assert "<ins>new </ins>" in page  # the diff between the revision they based on and the current one
    assert "My own words." in page and f'name="version" value="{both["version"] + 1}"' in page
    draft.refresh_from_db()
    assert current(draft).text == "Revision 1 of the new text." and draft.revisions.count() == 2


def test_a_stale_decision_shows_the_message(editor_client, second_client, editor):
    draft = in_review(editor)
    both = seen(draft)
    assert second_client.post(url("approve", draft), both).status_code == 302
    response = editor_client.post(url("reject", draft), {**both, "reason": "No."})
    page = response.content.decode()
    assert response.status_code == 409 and "changed this draft while you were working on it" in page
    assert "approved revision 1" in page and "editor-two" in page
    draft.refresh_from_db()
    reviewer = Review.objects.get().reviewer
    assert draft.status == Status.APPROVED and reviewer and reviewer.username == "editor-two"
    htmx = editor_client.post(url("approve", draft), {**both}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and "changed this draft while you were working on it" in htmx.content.decode()


# --- Comparing and escaping ------------------------------------------------------------------------------


def test_compare_inline_and_side_by_side_and_with_the_last_approved(editor_client, editor, second_editor):
    draft = services.draft_create(title="Т", text="Будет создана постоянная, надежная система.", actor=editor)
    services.draft_submit(draft=draft, seen=Seen(draft.version), actor=editor)
    draft.refresh_from_db()
    services.draft_decide(draft=draft, decision="approved", seen=Seen(draft.version), actor=second_editor)
    draft.refresh_from_db()
    services.draft_edit(draft=draft, text="Будет создана постоянная и надежная система.", seen=Seen(draft.version),
                        actor=editor)
    services.draft_edit(draft=draft, text="Будет создана постоянная и надежная система мониторинга.",
                        seen=Seen(draft.version + 1), actor=editor)
    page = editor_client.get(url("detail", draft)).content.decode()
    link = url("compare", draft) + "?a=1&amp;b=3"
    assert link in page and "Compare with last approved (revision 1)" in page
    response = editor_client.get(url("compare", draft), {"a": 1, "b": 3})
    body = response.content.decode()
    assert response.status_code == 200
    assert "постоянная<del>,</del><ins> и</ins> надежная система<ins> мониторинга</ins>." in body
    side = editor_client.get(url("compare", draft), {"a": 1, "b": 3, "view": "side"}).content.decode()
    assert "постоянная<del>,</del> надежная" in side and "постоянная<ins> и</ins> надежная" in side
    default = editor_client.get(url("compare", draft)).content.decode()
    assert "Revision 2 → revision 3" in default
    assert editor_client.get(url("compare", draft), {"a": 1, "b": 9}).status_code == 404
    assert editor_client.get(url("compare", draft), {"a": "x", "b": 1}).status_code == 400


def test_revision_text_is_always_escaped(editor_client, editor):
    draft = services.draft_create(title="<i>Title</i>", text="<script>alert(1)</script> one", actor=editor)
    services.draft_edit(draft=draft, text="<script>alert(2)</script> one <b>two</b>", seen=Seen(draft.version),
                        actor=editor)
    for response in (editor_client.get(url("detail", draft)), editor_client.get(url("compare", draft)),
                     editor_client.get(url("compare", draft), {"view": "side"}), editor_client.get(url("list"))):
        body = response.content.decode()
        assert "<script>alert" not in body and "<b>two</b>" not in body and "<i>Title</i>" not in body
    assert "&lt;b&gt;two&lt;/b&gt;" in editor_client.get(url("compare", draft)).content.decode()


# --- The list ------------------------------------------------------------------------------------------


def test_the_list_filters_by_state_counts_and_pages(editor_client, monkeypatch):
    monkeypatch.setattr("apps.statements.views.PAGE_SIZE", 2)
    drafts = [DraftFactory.create(title=f"Draft {n}") for n in range(3)]
    DraftFactory.create(title="Approved one", status=Status.APPROVED)
    response = editor_client.get(url("list"))
    assert [d.title for d in response.context["page"].drafts] == ["Approved one", "Draft 2"]
    assert response.context["counts"][""] == 4 and response.context["counts"]["approved"] == 1
    second = editor_client.get(response.context["next_url"])
    assert [d.title for d in second.context["page"].drafts] == ["Draft 1", "Draft 0"]
    assert second.context["next_url"] == ""
    only = editor_client.get(url("list"), {"state": "approved"})
    assert [d.title for d in only.context["page"].drafts] == ["Approved one"]
    assert editor_client.get(url("list"), {"after": "garbage"}).status_code == 404
    assert drafts  # the three drafts above


# --- Bounded queries ------------------------------------------------------------------------------------


def _queries(client: Client, path: str, query: dict | None = None) -> int:
    client.get(path, query)  # warm the session and the permission cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, query).status_code == 200
    return len(captured)


def _populated(editor, size: int) -> StatementDraft:
    """A draft with ``size`` revisions, each with a comment and a reply, among ``size`` other drafts."""
    draft = DraftFactory.create(revisions=size)
    for revision in draft.revisions.all():
        root = CommentFactory.create(draft=draft, revision=revision, author=editor)
        CommentFactory.create(draft=draft, revision=revision, author=editor, parent=root)
    for _ in range(size):
        DraftFactory.create(revisions=2)
    return draft


def test_pages_take_a_fixed_number_of_queries(editor_client, editor):
    counts = {}
    for size in (3, 30):
        StatementDraft.objects.all().delete()
        draft = _populated(editor, size)
        counts[size] = (_queries(editor_client, url("detail", draft)), _queries(editor_client, url("list")),
                        _queries(editor_client, url("compare", draft), {"a": 1, "b": size}))
    assert counts[3] == counts[30], counts
    assert max(counts[3]) <= 8, counts

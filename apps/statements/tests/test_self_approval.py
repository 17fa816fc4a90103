"""A second pair of eyes: unless STATEMENTS_SELF_APPROVAL is on, who submitted or wrote a revision cannot approve it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from apps.core.exceptions import InvalidTransition
from apps.statements import services
from apps.statements.models import Review, StatementDraft
from apps.statements.services import SELF_APPROVAL_REFUSED, Seen
from apps.statements.tests.factories import DraftFactory, current

pytestmark = pytest.mark.django_db
Status = StatementDraft.Status


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):  # whatever language a test before left active
        yield


def submitted(by, *, author=None) -> StatementDraft:
    draft = DraftFactory.create(revisions__author=author)
    draft.refresh_from_db()
    services.draft_submit(draft=draft, seen=Seen(draft.version), actor=by)
    draft.refresh_from_db()
    return draft


def approve(draft: StatementDraft, by) -> Review:
    return services.draft_decide(draft=draft, decision=Review.Decision.APPROVED, seen=Seen(draft.version), actor=by)


def test_the_editor_who_submitted_a_draft_cannot_approve_it_another_can(editor, second_editor):
    draft = submitted(editor)
    with pytest.raises(InvalidTransition, match="another editor must approve it"):
        approve(draft, editor)
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW and draft.approved_revision is None
    assert approve(draft, second_editor).reviewer == second_editor
    draft.refresh_from_db()
    assert draft.status == Status.APPROVED


def test_the_author_of_the_revision_cannot_approve_it_either(editor, second_editor):
    draft = submitted(second_editor, author=editor)
    with pytest.raises(InvalidTransition):
        approve(draft, editor)


def test_the_submitter_may_still_send_it_back_or_reject_it(editor):
    draft = submitted(editor)
    services.draft_decide(draft=draft, decision=Review.Decision.CHANGES_REQUESTED, seen=Seen(draft.version),
                          actor=editor)
    draft.refresh_from_db()
    assert draft.status == Status.CHANGES_REQUESTED


def test_the_setting_allows_self_approval(editor, settings):
    settings.STATEMENTS_SELF_APPROVAL = True
    draft = submitted(editor)
    assert approve(draft, editor).reviewer == editor


def test_the_page_hides_the_button_and_refuses_the_post_with_a_translated_reason(editor, settings, client):
    client.force_login(editor)
    draft = submitted(editor)
    detail = reverse("statements:detail", args=[draft.pk])
    approve_url = reverse("statements:approve", args=[draft.pk])
    page = client.get(detail).content.decode()
    assert approve_url not in page and str(SELF_APPROVAL_REFUSED) in page
    response = client.post(approve_url, {"version": draft.version, "revision": current(draft).number,
                                         "seen_status": draft.status}, headers={"HX-Request": "true"})
    assert "another editor must approve it" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    with translation.override("ru"):
        russian = str(SELF_APPROVAL_REFUSED)
    with translation.override("uk"):
        ukrainian = str(SELF_APPROVAL_REFUSED)
    assert len({russian, ukrainian, str(SELF_APPROVAL_REFUSED)}) == 3
    settings.STATEMENTS_SELF_APPROVAL = True
    assert approve_url in client.get(detail).content.decode()

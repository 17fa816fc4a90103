"""Approved statements on the timeline, and an article's source page linking the draft it reported."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from apps.statements import services
from apps.statements.models import StatementDraft
from apps.statements.services import Seen
from apps.statements.tests.test_services import PARIS, PARIS_NEXT_DAY, ingest

pytestmark = pytest.mark.django_db


def approve(draft: StatementDraft, editor, second_editor) -> None:
    draft.refresh_from_db()
    services.draft_submit(draft=draft, seen=Seen(draft.version), actor=editor)
    draft.refresh_from_db()
    services.draft_decide(draft=draft, decision="approved", seen=Seen(draft.version), actor=second_editor)


def test_approved_statements_show_on_the_timeline(analyst_client, editor, second_editor):
    first = ingest("paris.txt", PARIS)
    ingest("paris2.txt", PARIS_NEXT_DAY)
    draft = StatementDraft.objects.get()
    pending = services.draft_create(title="Not approved yet", text="Words.", actor=editor)
    timeline = reverse("timeline:index")
    assert analyst_client.get(timeline).context["approved_statements"] == []
    approve(draft, editor, second_editor)
    response = analyst_client.get(timeline)
    assert response.context["approved_statements"] == [draft]
    page = response.content.decode()
    assert reverse("statements:detail", args=[draft.pk]) in page and "revision 2 approved" in page
    assert reverse("statements:detail", args=[pending.pk]) not in page
    # Members and dates filter them as they filter events; filters statements do not carry hide them.
    assert analyst_client.get(timeline, {"member": "GB"}).context["approved_statements"] == [draft]
    assert analyst_client.get(timeline, {"member": "DE"}).context["approved_statements"] == []
    assert analyst_client.get(timeline, {"date_from": "2026-01-01", "date_to": "2026-01-31"}).context[
        "approved_statements"] == [draft]
    assert analyst_client.get(timeline, {"date_from": "2026-02-01"}).context["approved_statements"] == []
    assert analyst_client.get(timeline, {"type": "intelligence"}).context["approved_statements"] == []
    htmx = analyst_client.get(timeline, {"member": "GB"}, headers={"HX-Request": "true"})
    assert reverse("statements:detail", args=[draft.pk]) in htmx.content.decode()
    # An edit after approval keeps the approved revision on the timeline.
    draft.refresh_from_db()
    services.draft_edit(draft=draft, text="Changed wording.", seen=Seen(draft.version), actor=editor)
    assert analyst_client.get(timeline).context["approved_statements"] == [draft]
    source_page = analyst_client.get(reverse("timeline:source_detail", args=[first])).content.decode()
    assert reverse("statements:detail", args=[draft.pk]) in source_page
    assert draft.statement_date == datetime.date(2026, 1, 7)

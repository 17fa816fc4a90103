"""The Django admin for unknown names: admins list, filter and dismiss them in bulk."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.coalition.models import NameCandidate
from apps.coalition.tests.factories import NameCandidateFactory, NameSightingFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_filters_and_dismisses_names(admin_client_):
    open_one, other = NameCandidateFactory.create_batch(2)
    NameSightingFactory.create(candidate=open_one)
    done = NameCandidateFactory.create(state=NameCandidate.State.DISMISSED)
    changelist = reverse("admin:coalition_namecandidate_changelist")
    assert admin_client_.get(changelist + "?state__exact=open&q=unknown").status_code == 200
    assert admin_client_.get(reverse("admin:coalition_namecandidate_change", args=[open_one.pk])).status_code == 200
    response = admin_client_.post(changelist, {"action": "dismiss", "_selected_action": [open_one.pk, done.pk]},
                                  follow=True)
    assert "Dismissed 1 name(s). 1 left as they were" in response.content.decode()
    open_one.refresh_from_db()
    other.refresh_from_db()
    assert (open_one.state, other.state) == ("dismissed", "open")
    admin_client_.post(changelist, {"action": "reopen", "_selected_action": [done.pk]})
    done.refresh_from_db()
    assert done.state == "open"

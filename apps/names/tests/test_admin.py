"""The Django admin for unknown names: admins list, filter and dismiss them in bulk; its old addresses redirect."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from apps.accounts.roles import ADMIN
from apps.names.models import NameCandidate
from apps.names.tests.factories import NameCandidateFactory, NameSightingFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_filters_and_dismisses_names(admin_client_):
    open_one, other = NameCandidateFactory.create_batch(2)
    NameSightingFactory.create(candidate=open_one)
    done = NameCandidateFactory.create(state=NameCandidate.State.DISMISSED)
    changelist = reverse("admin:names_namecandidate_changelist")
    assert admin_client_.get(changelist + "?state__exact=open&q=unknown").status_code == 200
    assert admin_client_.get(reverse("admin:names_namecandidate_change", args=[open_one.pk])).status_code == 200
    response = admin_client_.post(changelist, {"action": "dismiss", "_selected_action": [open_one.pk, done.pk]},
                                  follow=True)
    assert "Dismissed 1 name(s). 1 left as they were" in response.content.decode()
    open_one.refresh_from_db()
    other.refresh_from_db()
    assert (open_one.state, other.state) == ("dismissed", "open")
    admin_client_.post(changelist, {"action": "reopen", "_selected_action": [done.pk]})
    done.refresh_from_db()
    assert done.state == "open"


def test_the_old_admin_addresses_lead_to_the_names_app(admin_client_):
    response = admin_client_.get("/admin/coalition/namecandidate/?state__exact=open")
    assert response.status_code == 301
    assert response["Location"] == "/admin/names/namecandidate/?state__exact=open"
    assert admin_client_.get(response["Location"]).status_code == 200


def test_the_moved_models_kept_their_content_types_and_the_admin_role_its_permissions():
    """names/0002 renamed the content types the coalition app had made: no stale rows, the same permissions."""
    assert not ContentType.objects.filter(app_label="coalition", model__in=["namecandidate", "namesighting"]).exists()
    held = set(Group.objects.get(name=ADMIN).permissions.filter(content_type__app_label="names")
               .values_list("codename", flat=True))
    assert {"view_namecandidate", "change_namecandidate", "view_namesighting"} <= held

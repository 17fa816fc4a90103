"""The audit log: failed logins and permission changes recorded with their actor, and a page for admins
that filters and pages through the entries in a bounded number of queries."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.models import User
from apps.core.models import AuditEntry
from apps.core.services import acting_as, audit_record

pytestmark = pytest.mark.django_db
PAGE = reverse("audit:log")


def test_a_failed_login_is_recorded_without_the_password(client):
    client.post(reverse("login"), {"username": "mallory", "password": "guess-123"})
    entry = AuditEntry.objects.get(action="login.failed")
    assert entry.changes["username"] == "mallory" and "guess-123" not in str(entry.changes)
    assert entry.actor is None


def test_role_changes_are_recorded_with_the_admin_who_made_them(admin_user, analyst):
    editors = Group.objects.get(name="editor")
    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with acting_as(admin_user):
        analyst.groups.add(editors)
        analyst.groups.remove(editors)
        analyst.groups.clear()
    entries = list(AuditEntry.objects.filter(action="permission.change", object_id=str(analyst.pk), id__gt=before)
                   .order_by("id"))
    assert [e.changes for e in entries] == [{"roles added": ["editor"]}, {"roles removed": ["editor"]},
                                            {"roles cleared": ["analyst"]}]
    assert {e.actor for e in entries} == {admin_user}


def test_group_permission_and_staff_flag_changes_are_recorded(analyst):
    group = Group.objects.get(name="analyst")
    permission = Permission.objects.get(codename="add_sourcetext")
    group.permissions.add(permission)
    analyst.is_staff = True
    analyst.save()
    analyst.save(update_fields=["last_login"])  # logging in is not a permission change
    changes = list(AuditEntry.objects.filter(action="permission.change").order_by("id")
                   .values_list("changes", flat=True))
    assert changes[-2:] == [{"permissions added": ["sources.add_sourcetext"]}, {"is_staff": [False, True]}]


def test_changes_made_in_the_django_admin_name_the_admin(admin_client_, admin_user, analyst):
    admin_user.is_superuser = True  # the Django admin's user form needs the full auth permissions
    admin_user.save()
    response = admin_client_.post(reverse("admin:accounts_user_change", args=[analyst.pk]), {
        "username": analyst.username, "is_active": "on", "is_staff": "on", "groups": [
            Group.objects.get(name="editor").pk], "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00",
    })
    assert response.status_code == 302, response.content[:2000]
    entries = AuditEntry.objects.filter(action="permission.change", object_id=str(analyst.pk))
    assert entries.filter(actor=admin_user).count() >= 2  # the staff flag and the role


def test_only_admins_read_the_log(client, analyst_client, admin_client_):
    assert client.get(PAGE).status_code == 302
    assert analyst_client.get(PAGE).status_code == 403
    assert admin_client_.get(PAGE).status_code == 200


def _entries(count: int, actor: User | None = None, action: str = "source.refuse") -> None:
    for i in range(count):
        audit_record(actor=actor, action=action, changes={"reason": f"<b>reason {i}</b>"})


def test_filters_and_escaping(admin_client_, admin_user):
    _entries(2, admin_user, "upload.create")
    _entries(3, None, "source.refuse")
    def actions(query: str) -> list[str]:
        response = admin_client_.get(f"{PAGE}?{query}")
        assert response.status_code == 200
        return [e.action for e in response.context["page"].entries]

    assert actions("action=upload.") == ["upload.create"] * 2
    assert actions("actor=-&action=source.") == ["source.refuse"] * 3
    assert actions(f"actor={admin_user.username}&action=upload") == ["upload.create"] * 2
    assert actions("date_from=2000-01-01&date_to=2000-01-02") == []
    response = admin_client_.get(f"{PAGE}?date_from=yesterday")
    assert "is not a date" in response.content.decode()
    html = admin_client_.get(PAGE).content.decode()
    assert "&lt;b&gt;reason 0&lt;/b&gt;" in html and "<b>reason 0</b>" not in html


def test_pages_walk_every_entry_once_in_constant_queries(admin_client_: Client):
    _entries(120)
    seen: list[int] = []
    counts: list[int] = []
    url = f"{PAGE}?action=source."
    while url:
        with CaptureQueriesContext(connection) as captured:
            response = admin_client_.get(url)
        counts.append(len(captured))
        seen += [e.id for e in response.context["page"].entries]
        url = f"{PAGE}?{response.context['next_query']}" if response.context["next_query"] else ""
    assert len(seen) == len(set(seen)) == 120 and seen == sorted(seen, reverse=True)
    assert len(set(counts[1:])) == 1 and max(counts) <= 6
    assert admin_client_.get(f"{PAGE}?after=x").status_code == 404


def test_entries_cannot_be_changed_or_deleted():
    entry = audit_record(actor=None, action="source.refuse")
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).delete()

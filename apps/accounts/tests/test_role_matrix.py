"""Every URL pattern × {anonymous, analyst, editor, admin} × {GET, POST}: the answer each one gets.

The matrix below is the access policy, written down once. A URL pattern the matrix does not name fails
the test, so a new page cannot ship without deciding who may use it. POSTs carry no form data: a role
that may act gets its form back with errors (200), a redirect (302) or a refusal of the input (400/409),
never a 403; a role that may not gets 403; a method a view does not take gets 405.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from apps.accounts.models import User
from apps.accounts.roles import ADMIN, ANALYST, EDITOR
from apps.accounts.services import access_token_issue
from apps.coalition.models import Contribution, Member
from apps.names.models import NameCandidate
from apps.sources.models import Reextraction, SourceText, Upload
from apps.statements.models import Revision, StatementDraft
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

ANON = "anonymous"
PUBLIC = "public"
ROLES = (ANON, ANALYST, EDITOR, ADMIN)
RANK = {ANON: 0, ANALYST: 1, EDITOR: 2, ADMIN: 3, PUBLIC: 0}
NO = None  # the method is not allowed

# url name: (who may GET, who may POST). JSON/feed endpoints answer 401 instead of a log-in redirect.
MATRIX: dict[str, tuple[str | None, str | None]] = {
    "healthz": (PUBLIC, NO),
    "readyz": (PUBLIC, NO),
    "set_language": (PUBLIC, PUBLIC),
    "login": (PUBLIC, PUBLIC),
    "logout": (NO, PUBLIC),
    "password_change": (ANALYST, ANALYST),
    "password_change_done": (ANALYST, NO),
    "password_reset": (PUBLIC, PUBLIC),
    "password_reset_done": (PUBLIC, NO),
    "password_reset_confirm": (PUBLIC, PUBLIC),
    "password_reset_complete": (PUBLIC, NO),
    "api:openapi-json": (ANALYST, NO),
    "api:openapi-view": (ANALYST, NO),
    "api:api-root": (ANALYST, NO),
    "api:events": (ANALYST, NO),
    "api:event": (ANALYST, NO),
    "api:contributions": (ANALYST, NO),
    "api:members": (ANALYST, NO),
    "api:member": (ANALYST, NO),
    "api:people": (ANALYST, NO),
    "api:person": (ANALYST, NO),
    "accounts:tokens": (ANALYST, NO),
    "accounts:token_create": (NO, ANALYST),
    "accounts:feed_link_create": (NO, ANALYST),
    "accounts:token_revoke": (NO, ANALYST),  # the token is the admin's own: others get 404, see OWN_OBJECTS
    "sources:upload_list": (ADMIN, ADMIN),
    "sources:upload_detail": (ADMIN, NO),
    "sources:source_retry": (NO, ADMIN),
    "sources:reextraction_detail": (ADMIN, NO),
    "names:name_candidates": (ADMIN, NO),
    "names:name_alias": (NO, ADMIN),
    "names:name_new_person": (NO, ADMIN),
    "names:name_new_member": (NO, ADMIN),
    "names:name_dismiss": (NO, ADMIN),
    "names:names_dismiss": (NO, ADMIN),
    "names:names_reopen": (NO, ADMIN),
    "names:name_progress": (ADMIN, NO),
    "audit:log": (ADMIN, NO),
    "statements:list": (ANALYST, NO),
    "statements:new": (EDITOR, EDITOR),
    "statements:detail": (ANALYST, NO),
    "statements:edit": (EDITOR, EDITOR),
    "statements:compare": (ANALYST, NO),
    "statements:submit": (NO, EDITOR),
    "statements:approve": (NO, EDITOR),
    "statements:request_changes": (NO, EDITOR),
    "statements:reject": (NO, EDITOR),
    "statements:comment": (NO, EDITOR),
    "review:queue": (EDITOR, NO),
    "review:bulk": (NO, EDITOR),
    "review:item": (EDITOR, NO),
    "review:confirm": (NO, EDITOR),
    "review:correct": (NO, EDITOR),
    "review:reject": (NO, EDITOR),
    "review:add": (EDITOR, EDITOR),
    "review:quality": (EDITOR, NO),
    "timeline:overview": (ANALYST, NO),
    "timeline:index": (ANALYST, NO),
    "timeline:export_csv": (ANALYST, NO),
    "timeline:export_json": (ANALYST, NO),
    "timeline:feed": (ANALYST, NO),
    "timeline:member_detail": (ANALYST, NO),
    "timeline:source_detail": (ANALYST, NO),
}
# Answers 401 (JSON or plain text) to anonymous requests rather than redirecting to the log-in page.
NO_REDIRECT = ("api:", "timeline:feed")
# Answers that differ from the rule, and why.
EXCEPTIONS: dict[tuple[str, str, str], set[int]] = {
    # No worker runs in this test: readiness is honestly "not ready".
    **{("readyz", "GET", role): {200, 503} for role in ROLES},
    # Django's LogoutView is open to POST only; an anonymous GET meets the log-in requirement first.
    ("logout", "GET", ANON): {302},
}
# Objects that belong to one user: another user who may use the page in general gets 404 for them.
OWN_OBJECTS = {"accounts:token_revoke": ADMIN}


def url_names() -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern outside the Django admin, with its namespaced name."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name:
                yield f"{namespace}{pattern.name}", pattern

    yield from walk(get_resolver().url_patterns, "")


@pytest.fixture
def objects(admin_user: User) -> dict[str, Any]:
    """One object of each kind the URL patterns name, so every pattern resolves to a real page."""
    upload = Upload.objects.create(label="Matrix")
    source = SourceText.objects.create(sha256="0" * 64, original_name="matrix.txt", status="ingested", text="Text.",
                                       upload=upload)
    event = TimelineEvent.objects.create(source=source, headline="Matrix event")
    germany = Member.objects.get(code="DE")
    contribution = Contribution.objects.create(source=source, event=event, actor=germany, type="troops",
                                               status="pledged", evidence="Text.")
    draft = StatementDraft.objects.create(title="Matrix draft")
    Revision.objects.create(draft=draft, number=1, text="Matrix text.")
    token = access_token_issue(user=admin_user, actor=admin_user, name="matrix").token
    return {
        "upload_id": upload.pk, "source_id": source.pk, "reextraction_id": Reextraction.objects.create(total=0).pk,
        "candidate_id": NameCandidate.objects.create(key="matrix name", text="Matrix Name").pk,
        "code": "DE", "slug": person.slug if (person := germany.people.first()) else "scholz",
        "event_id": event.pk, "contribution_id": contribution.pk, "draft_id": draft.pk, "statement_id": draft.pk,
        "token_id": token.pk, "uidb64": "MQ", "token": "set-password",
    }


def path_of(name: str, pattern: URLPattern, objects: dict[str, Any]) -> str:
    """The pattern's path with its parameters filled from `objects` (ninja's `{id}` style included)."""
    parameters = re.findall(r"<(?:\w+:)?(\w+)>|\{(\w+)\}", str(pattern.pattern))
    return reverse(name, kwargs={key: objects[key] for pair in parameters for key in pair if key})


def expected(name: str, method: str, role: str) -> set[int]:
    if (name, method, role) in EXCEPTIONS:
        return EXCEPTIONS[(name, method, role)]
    allowed = MATRIX[name][0 if method == "GET" else 1]
    public = MATRIX[name][0] == PUBLIC or MATRIX[name][1] == PUBLIC
    if role == ANON and not public:
        return {401} if name.startswith(NO_REDIRECT) else {302}
    if allowed is NO:
        return {405}
    if RANK[role] < RANK[allowed]:
        return {403}
    if name in OWN_OBJECTS and role != OWN_OBJECTS[name]:
        return {404}
    return {200, 302} if method == "GET" else {200, 302, 400, 409}


def client_for(role: str, users: dict[str, User]) -> Client:
    client = Client()
    if role != ANON:
        client.force_login(users[role])
    return client


@pytest.fixture
def users(admin_user: User) -> dict[str, User]:
    made = {ADMIN: admin_user}
    for role in (ANALYST, EDITOR):
        made[role] = User.objects.create_user(username=f"matrix-{role}", password="x")
        made[role].groups.add(Group.objects.get(name=role))
    return made


def test_every_url_pattern_is_in_the_matrix():
    names = {name for name, _pattern in url_names()}
    assert names - set(MATRIX) == set(), "decide who may use these pages: add them to MATRIX"
    assert set(MATRIX) - names == set(), "these pages are gone: take them out of MATRIX"


def test_every_role_gets_the_expected_answer(users, objects):
    wrong = []
    for role in ROLES:
        client = client_for(role, users)
        for name, pattern in url_names():
            path = path_of(name, pattern, objects)
            for method in ("GET", "POST"):
                if role != ANON and "_auth_user_id" not in client.session:
                    client.force_login(users[role])  # POST /accounts/logout/ ended the session
                response = client.get(path) if method == "GET" else client.post(path, {})
                want = expected(name, method, role)
                if response.status_code not in want:
                    wrong.append(f"{method} {path} ({name}) as {role}: {response.status_code}, expected {sorted(want)}")
                elif (response.status_code == 302 and role == ANON and PUBLIC not in MATRIX[name]
                      and not (location := response["Location"]).startswith(reverse("login"))):
                    wrong.append(f"{method} {path} as {role}: redirected to {location}, not the log-in page")
    assert not wrong, "\n".join(wrong)


def test_an_analyst_sees_no_write_controls(users, objects):
    client = client_for(ANALYST, users)
    for name in ("timeline:overview", "timeline:index", "timeline:source_detail", "timeline:member_detail"):
        pattern = dict(url_names())[name]
        html = client.get(path_of(name, pattern, objects)).content.decode()
        forms = html.count('method="post"')
        # The only POST forms an analyst sees are logging out and choosing the language.
        assert forms == html.count('action="/accounts/logout/"') + html.count('action="/i18n/setlang/"'), name

"""GET /api/v1/members and /people (and one of each): the reference data, paged by code and slug."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.api.tests.conftest import walk
from apps.coalition.models import Member, Person
from apps.coalition.tests.factories import MemberFactory, PersonFactory

pytestmark = pytest.mark.django_db


def count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_members_walk_by_code(api):
    codes = walk(api, "/api/v1/members?limit=7", key="code")
    assert codes == list(Member.objects.order_by("code").values_list("code", flat=True)) and len(codes) > 7


def test_members_by_role(api):
    roles = {item["role"] for item in api.get("/api/v1/members?role=organisation&role=coalition&limit=200")
             .json()["items"]}
    assert roles == {"organisation", "coalition"}
    response = api.get("/api/v1/members?role=enemy")
    assert response.status_code == 422 and "“enemy” is not a role" in response.json()["detail"][0]["msg"]


def test_one_member_with_its_people(api):
    germany = Member.objects.get(code="DE")
    PersonFactory.create(slug="zz_minister", name_en="A Minister", member=germany)
    body = api.get("/api/v1/members/de").json()
    assert body["code"] == "DE" and body["name_en"] == germany.name_en
    assert "zz_minister" in [p["slug"] for p in body["people"]]
    assert api.get("/api/v1/members/ZZZZ").status_code == 404
    assert api.get("/api/v1/members/a%20b").status_code == 422


def test_people_walk_by_slug_and_filter_by_member(api):
    slugs = walk(api, "/api/v1/people?limit=9", key="slug")
    assert slugs == list(Person.objects.order_by("slug").values_list("slug", flat=True))
    france = Member.objects.get(code="FR")
    PersonFactory.create(slug="zz_french", member=france)
    items = api.get("/api/v1/people?member=FR&limit=200").json()["items"]
    assert "zz_french" in [p["slug"] for p in items] and {p["member"] for p in items} == {"FR"}
    assert api.get("/api/v1/people?member=a%20b").status_code == 422


def test_one_person(api):
    PersonFactory.create(slug="zz_nobody", name_en="Nobody", member=None)
    assert api.get("/api/v1/people/zz_nobody").json() == {"slug": "zz_nobody", "name_en": "Nobody", "name_ru": "",
                                                          "name_uk": "", "member": None}
    assert api.get("/api/v1/people/zz_unknown").status_code == 404


def test_bounded_queries_whatever_the_number_of_rows(api):
    urls = ["/api/v1/members?limit=200", "/api/v1/people?limit=200", "/api/v1/members/DE", "/api/v1/people/zz_p0"]
    PersonFactory.create(slug="zz_p0", member=Member.objects.get(code="DE"))
    few = [count(api, url) for url in urls]
    MemberFactory.create_batch(30)
    PersonFactory.create_batch(30, member=Member.objects.get(code="DE"))
    assert [count(api, url) for url in urls] == few
    assert few == [2, 2, 3, 2], few  # the token; the rows (a member's people: one more)

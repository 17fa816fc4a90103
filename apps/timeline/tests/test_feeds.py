"""The Atom feed of a timeline filter: feed tokens, filters, escaping, bounded queries."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts import services as accounts
from apps.accounts.models import User
from apps.accounts.roles import ANALYST
from apps.timeline.feeds import describe, feed_path
from apps.timeline.filters import TimelineFilter
from apps.timeline.tests.test_dashboard import ARTICLES, ingest

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/timeline/feed.atom"


@pytest.fixture
def articles() -> dict[str, int]:
    return {name: ingest(name, text) for name, text in ARTICLES.items()}


@pytest.fixture
def feed_secret(analyst) -> str:
    return accounts.feed_link_reissue(user=analyst).secret


def atom(response) -> ET.Element:
    return ET.fromstring(response.content)  # noqa: S314 -- the feed this test asked for, not untrusted input


def entries(response) -> list[ET.Element]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = atom(response)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def titles(response) -> list[str]:
    return [e.findtext(f"{ATOM}title", "").split(" ")[0] for e in entries(response)]


def test_a_feed_token_opens_a_valid_atom_feed(client, articles, feed_secret):
    response = client.get(FEED, {"token": feed_secret})
    root = atom(response)
    assert root.findtext(f"{ATOM}title", "") == "Coalition Tracker: all events"
    assert titles(response) == ["Германия", "Germany", "Польща", "France"]
    first = entries(response)[0]
    link = first.find(f"{ATOM}link")
    assert link is not None
    href = link.get("href", "")
    source_id = articles["de_delivery.txt"]
    assert href.startswith(f"http://testserver/sources/{source_id}/#event-")
    assert first.findtext(f"{ATOM}id", "") == f"urn:coalition-tracker:event:{source_id}:0"
    assert first.findtext(f"{ATOM}published", "").startswith("2026-03-10T00:00:00")
    assert first.findtext(f"{ATOM}updated", "") and first.findtext(f"{ATOM}summary", "")
    assert {c.get("term") for c in first.findall(f"{ATOM}category")} >= {"DE", "air_defence"}
    self_link = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self").get("href", "")
    assert "token" not in self_link  # the secret stays in the reader
    assert response["Cache-Control"].startswith("private") or "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("query", "expected", "title"),
    [
        ("member=DE", ["Германия", "Germany"], "Germany"),
        ("member=DE&status=delivered", ["Германия"], "Germany, delivered"),
        ("type=air_defence&status=pledged", ["Germany"], "Air defence, pledged"),
        ("lang=uk", ["Польща"], "UK"),
        ("date_to=2026-01-31", ["France"], "to 2026-01-31"),
        ("q=Patriot", ["Германия"], "“Patriot”"),
    ],
)
def test_the_timeline_filters_apply(client, articles, feed_secret, query, expected, title):
    response = client.get(f"{FEED}?token={feed_secret}&{query}")
    assert titles(response) == expected
    assert title in atom(response).findtext(f"{ATOM}title", "")


def test_text_is_escaped_for_readers(client, feed_secret):
    ingest("evil.txt", "date 2026-04-01 <script>alert(1)</script> France will send troops to Ukraine.")
    response = client.get(FEED, {"token": feed_secret})
    entry = entries(response)[0]
    # Parsed once (XML), the summary is still escaped HTML: a reader shows the tag, it does not run it.
    assert "<script>" not in entry.findtext(f"{ATOM}summary", "") + entry.findtext(f"{ATOM}title", "")
    assert "&lt;script&gt;" in entry.findtext(f"{ATOM}title", "")


def test_a_logged_in_browser_needs_no_token(analyst_client, articles):
    assert titles(analyst_client.get(FEED + "?member=FR")) == ["France"]


def test_a_feed_token_in_the_authorization_header_works_too(articles, feed_secret):
    assert len(titles(Client(headers={"Authorization": f"Bearer {feed_secret}"}).get(FEED))) == 4


def test_no_credentials_401_wrong_ones_403(client, analyst, feed_secret):
    response = client.get(FEED)
    assert response.status_code == 401 and response["Content-Type"].startswith("text/plain")
    assert "Location" not in response  # not a log-in redirect
    assert client.get(FEED, {"token": "ctf_wrong"}).status_code == 403
    api_secret = accounts.access_token_issue(user=analyst, actor=analyst).secret
    assert client.get(FEED, {"token": api_secret}).status_code == 403  # an API token is not a feed link
    newer = accounts.feed_link_reissue(user=analyst).secret  # re-issuing retires the old link
    assert client.get(FEED, {"token": feed_secret}).status_code == 403
    assert client.get(FEED, {"token": newer}).status_code == 200


def test_users_without_a_role_are_refused(client, analyst, feed_secret):
    analyst.groups.remove(Group.objects.get(name=ANALYST))
    assert client.get(FEED, {"token": feed_secret}).status_code == 403
    nobody = User.objects.create_user(username="nobody", password="correct horse battery")
    client.force_login(nobody)
    assert client.get(FEED).status_code == 403


def test_bounded_queries_for_3_or_50_events(client, feed_secret):
    url = f"{FEED}?token={feed_secret}&member=DE"
    for i in range(3):
        ingest(f"few{i}.txt", f"date 2026-03-{i + 1:02d} Germany will send air defence systems, part {i}.")

    def count() -> tuple[int, int]:
        # Warm first: the label cache and the token's last use are refreshed once a minute, whatever the data.
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            found = len(entries(client.get(url)))
        return found, len(queries)

    found, few = count()
    for i in range(60):
        ingest(f"more{i}.txt", f"date 2026-04-{i % 28 + 1:02d} Germany will send air defence systems, part {i}.")
    assert count() == (50, few) and found == 3 and few <= 2, few  # the token; the events


def test_feed_path_and_description():
    flt = TimelineFilter.from_query({"member": "DE", "status": "pledged"})
    assert feed_path(flt) == reverse("timeline:feed") + "?member=DE&status=pledged"
    assert feed_path() == "/timeline/feed.atom"
    assert describe(TimelineFilter()) == "all events"


def test_the_feed_is_read_only(analyst_client, client):
    assert client.post(FEED).status_code == 401  # credentials first
    assert analyst_client.post(FEED).status_code == 405

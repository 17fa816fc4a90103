"""The review pages: who may use them, the queue and its filters, one item, htmx and plain POSTs, CSRF,
conflicts, bulk actions, the navigation count, the dashboard badges and bounded queries."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.coalition.models import Contribution
from apps.core.models import AuditEntry
from apps.review import services
from apps.review.selectors import WAITING_CACHE_KEY
from apps.review.tests.helpers import ingest, machine
from apps.sources.ingest import source_reextract

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
QUEUE = reverse("review:queue")
State = Contribution.ReviewState




@pytest.fixture
def item(articles) -> Contribution:
    return machine("DE", "air_defence", articles["de_pledge.txt"])


def write_urls(item: Contribution) -> dict[str, tuple[str, dict[str, str]]]:
    return {
        "confirm": (reverse("review:confirm", args=[item.pk]), {"version": "1"}),
        "reject": (reverse("review:reject", args=[item.pk]), {"version": "1", "note": "no"}),
        "correct": (reverse("review:correct", args=[item.pk]),
                    {"version": "1", "actor": "DE", "type": "air_defence", "status": "approved",
                     "evidence": item.evidence}),
        "bulk": (reverse("review:bulk"), {"item": f"{item.pk}:1", "action": "confirm"}),
    }


# --- Who may use the pages ------------------------------------------------------------------------


def test_anonymous_is_sent_to_log_in_everywhere(client, item):
    for url in (QUEUE, reverse("review:item", args=[item.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for url, data in write_urls(item).values():
        response = client.post(url, data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Contribution.objects.get(pk=item.pk).version == 1


def test_analysts_get_403_on_every_page_and_write_and_see_no_link(analyst_client, item):
    assert analyst_client.get(QUEUE).status_code == 403
    assert analyst_client.get(reverse("review:item", args=[item.pk])).status_code == 403
    for url, data in write_urls(item).values():
        assert analyst_client.post(url, data).status_code == 403
        assert analyst_client.post(url, data, headers=HTMX).status_code == 403
    assert Contribution.objects.get(pk=item.pk).review_state == State.MACHINE
    assert not AuditEntry.objects.filter(action__startswith="contribution.").exists()
    page = analyst_client.get(reverse("timeline:index")).content.decode()
    assert reverse("review:queue") not in page and 'id="nav-review-count"' not in page
    source = analyst_client.get(reverse("timeline:source_detail", args=[item.source_id])).content.decode()
    assert reverse("review:item", args=[item.pk]) not in source


def test_reads_are_get_only_and_writes_post_only(editor_client, item):
    assert editor_client.post(QUEUE).status_code == 405
    assert editor_client.get(reverse("review:confirm", args=[item.pk])).status_code == 405
    assert editor_client.get(reverse("review:bulk")).status_code == 405


def test_editors_see_the_count_of_items_waiting_in_the_navigation(editor_client, articles):
    waiting = Contribution.objects.filter(review_state=State.MACHINE).count()
    html = editor_client.get(reverse("timeline:index")).content.decode()
    count = re.search(r'id="nav-review-count">(\d+)<', html)
    assert count and int(count.group(1)) == waiting == 8
    assert f'href="{QUEUE}"' in html


def test_admins_may_review_too(admin_client_, item):
    assert admin_client_.get(QUEUE).status_code == 200
    response = admin_client_.post(reverse("review:confirm", args=[item.pk]), {"version": "1"})
    assert response.status_code == 302
    assert Contribution.objects.get(pk=item.pk).review_state == State.CONFIRMED


# --- The queue ----------------------------------------------------------------------------------------


def test_queue_lists_waiting_items_least_sure_first_with_the_controls(editor_client, articles, editor):
    done = machine("PL", "training", articles["pl_training.txt"])
    services.contribution_confirm(contribution=done, version=1, actor=editor)
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    rows = response.context["page"].rows
    assert done.pk not in [r.pk for r in rows]
    assert all(r.confidence is not None and 0 <= r.confidence <= 1 for r in rows)
    assert [(r.confidence, r.pk) for r in rows] == sorted((r.confidence, r.pk) for r in rows)
    assert response.context["total"] == 7
    newest = editor_client.get(QUEUE + "?order=newest").context["page"].rows
    assert [r.stated_on.isoformat() for r in newest] == sorted((r.stated_on.isoformat() for r in newest), reverse=True)
    assert {r.pk for r in newest} == {r.pk for r in rows}
    html = response.content.decode()
    assert 'name="item"' in html and 'value="confirm"' in html and 'value="reject"' in html
    assert "<kbd>j</kbd>" in html and "<kbd>x</kbd>" in html and 'data-shortcut="c"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'class="confidence confidence-' in html and 'name="confidence"' in html and 'name="order"' in html


def test_queue_filters_by_confidence_band(editor_client, articles):
    rows = list(Contribution.objects.filter(review_state=State.MACHINE))
    Contribution.objects.filter(pk=rows[0].pk).update(confidence=0.3)
    Contribution.objects.filter(pk=rows[1].pk).update(confidence=0.65)
    Contribution.objects.filter(pk__in=[r.pk for r in rows[2:]]).update(confidence=0.9)
    for band, expected in (("low", {rows[0].pk}), ("medium", {rows[1].pk}), ("high", {r.pk for r in rows[2:]})):
        response = editor_client.get(f"{QUEUE}?confidence={band}")
        assert {r.pk for r in response.context["page"].rows} == expected, band
        assert response.context["total"] == len(expected)
    assert editor_client.get(f"{QUEUE}?confidence=bogus").context["total"] == len(rows)


@pytest.mark.parametrize(("query", "expected"), [
    ("member=DE", {("DE", "air_defence"), ("DE", "training")}),
    ("member=de&type=training", {("DE", "training")}),
    ("status=proposed", {("FR", "multinational_force")}),
    ("lang=uk", {("PL", "training")}),
    ("lang=ru&member=DE", {("DE", "air_defence")}),
    ("type=bogus", None),  # an unknown value is ignored
])
def test_queue_filters(editor_client, articles, query, expected):
    response = editor_client.get(f"{QUEUE}?{query}")
    assert response.status_code == 200
    got = {(r.actor.code, r.type) for r in response.context["page"].rows}
    assert got == (expected if expected is not None else {(r.actor.code, r.type) for r in
                                                           Contribution.objects.select_related("actor")})


def test_queue_pages_by_keyset(editor_client, articles, monkeypatch):
    from apps.review import views

    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    # Ties on the sort key, and a commitment read before confidences were kept (none), page through too.
    Contribution.objects.filter(type="training").update(confidence=0.5)
    Contribution.objects.filter(actor__code="FR").update(confidence=None)
    for start in (QUEUE, QUEUE + "?order=newest"):
        seen, url = [], start
        while url:
            response = editor_client.get(url)
            seen += [r.pk for r in response.context["page"].rows]
            url = response.context["next_url"]
        assert len(seen) == len(set(seen)) == 8, start
    assert editor_client.get(QUEUE + "?after=garbage").status_code == 404


# --- One item -------------------------------------------------------------------------------------------


def test_item_shows_the_sentence_highlighted_in_its_paragraph_with_the_article(editor_client, articles):
    item = machine("FR", "multinational_force", articles["fr_troops.txt"])
    response = editor_client.get(reverse("review:item", args=[item.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<mark class="hl hl-evidence"[^>]*>.*France.*could send troops', html)
    assert "The talks in Paris" not in html  # only the sentence's own paragraph
    assert reverse("timeline:source_detail", args=[item.source_id]) + "#evidence-" in html
    assert "fr_troops.txt" in html
    for key in ("c", "r", "e", "j", "k", "?"):
        assert f'data-shortcut="{key}"' in html or key in "jk"  # j/k exist when there are neighbours
    assert "<kbd>c</kbd>" in html and "<kbd>?</kbd>" in html
    assert 'style="' not in html and " onclick=" not in html and "<script>" not in html


def test_item_links_to_its_neighbours_in_the_queue(editor_client, articles):
    rows = editor_client.get(QUEUE).context["page"].rows
    response = editor_client.get(reverse("review:item", args=[rows[1].pk]))
    assert response.context["previous_url"] == reverse("review:item", args=[rows[0].pk])
    assert response.context["next_url"] == reverse("review:item", args=[rows[2].pk])
    filtered = editor_client.get(reverse("review:item", args=[rows[1].pk]) + "?member=ZZ")
    assert filtered.context["previous_url"] == "" and filtered.context["next_url"] == ""


def test_a_corrected_item_shows_what_the_machine_read(editor_client, item, editor):
    services.contribution_correct(contribution=item, version=1, actor=editor, member=item.actor,
                                  type="military_aid", status="delivered", evidence=item.evidence, note="Sent already")
    html = editor_client.get(reverse("review:item", args=[item.pk])).content.decode()
    assert "machine read:" in html and "Air defence" in html and "Military aid" in html
    assert "corrected by editor" in html and "Sent already" in html and "editor-user" in html


def test_plain_confirm_redirects_to_the_next_waiting_item(editor_client, articles):
    rows = editor_client.get(QUEUE).context["page"].rows
    response = editor_client.post(reverse("review:confirm", args=[rows[0].pk]), {"version": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("review:item", args=[rows[1].pk])
    assert Contribution.objects.get(pk=rows[0].pk).review_state == State.CONFIRMED
    page = editor_client.get(response["Location"]).content.decode()
    assert "Confirmed: DE" in page or "Confirmed:" in page


def test_next_keeps_the_filters(editor_client, articles):
    rows = editor_client.get(QUEUE + "?member=DE").context["page"].rows
    response = editor_client.post(reverse("review:confirm", args=[rows[0].pk]), {"version": "1", "member": "DE"})
    assert response["Location"] == reverse("review:item", args=[rows[1].pk]) + "?member=DE"
    assert len(rows) == 4
    for row in rows[1:-1]:
        editor_client.post(reverse("review:confirm", args=[row.pk]), {"version": "1", "member": "DE"})
    last = editor_client.post(reverse("review:confirm", args=[rows[-1].pk]), {"version": "1", "member": "DE"})
    assert last["Location"] == QUEUE + "?member=DE"  # nothing of Germany's waits any more


def test_htmx_confirm_swaps_in_the_next_item(editor_client, articles):
    rows = editor_client.get(QUEUE).context["page"].rows
    response = editor_client.post(reverse("review:confirm", args=[rows[0].pk]), {"version": "1"}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="review-item"' in html and "<html" not in html and "Confirmed:" in html
    assert response.context["contribution"].pk == rows[1].pk
    assert response["HX-Push-Url"] == reverse("review:item", args=[rows[1].pk])
    assert 'id="nav-review-count" hx-swap-oob="true"' in html


def test_htmx_reject_without_a_note_shows_the_error_in_place(editor_client, item):
    response = editor_client.post(reverse("review:reject", args=[item.pk]), {"version": "1", "note": ""},
                                  headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="review-item"' in html and 'id="reject-note-error"' in html
    assert response.context["open_form"] == "reject"
    assert Contribution.objects.get(pk=item.pk).review_state == State.MACHINE


def test_correct_with_evidence_not_in_the_article_shows_the_error(editor_client, item):
    url = reverse("review:correct", args=[item.pk])
    data = {"version": "1", "actor": "DE", "type": "air_defence", "status": "approved",
            "evidence": "Germany will send fighter jets."}
    plain = editor_client.post(url, data)
    assert plain.status_code == 400 and "must be words of the article" in plain.content.decode()
    partial = editor_client.post(url, data, headers=HTMX)
    assert partial.status_code == 200 and "must be words of the article" in partial.content.decode()
    assert partial.context["open_form"] == "correct"
    ok = editor_client.post(url, {**data, "evidence": item.evidence})
    assert ok.status_code == 302
    row = Contribution.objects.get(pk=item.pk)
    assert (row.review_state, row.status, row.machine_status) == (State.CORRECTED, "approved", "pledged")


def test_a_stale_action_shows_the_conflict_and_changes_nothing(editor_client, item, admin_user):
    services.contribution_correct(contribution=item, version=1, actor=admin_user, member=item.actor,
                                  type=item.type, status="delivered", evidence=item.evidence)
    url = reverse("review:reject", args=[item.pk])
    plain = editor_client.post(url, {"version": "1", "note": "wrong"})
    assert plain.status_code == 409
    html = plain.content.decode()
    assert "admin-user corrected this commitment" in html and "<del>Pledged</del>" in html
    assert "<ins>Delivered</ins>" in html
    partial = editor_client.post(url, {"version": "1", "note": "wrong"}, headers=HTMX)
    assert partial.status_code == 200 and "Nothing you sent was saved" in partial.content.decode()
    row = Contribution.objects.get(pk=item.pk)
    assert (row.review_state, row.version) == (State.CORRECTED, 2)
    assert 'name="version" value="2"' in html  # the forms now carry the version shown


def test_an_item_that_no_longer_exists_is_said_so(editor_client, item):

    source_reextract(source_id=item.source_id)
    response = editor_client.post(reverse("review:confirm", args=[item.pk]), {"version": "1"})
    assert response.status_code == 404
    assert editor_client.get(reverse("review:item", args=[item.pk])).status_code == 404


# --- Bulk ---------------------------------------------------------------------------------------------


def test_bulk_confirm_plain_and_htmx_with_a_stale_item(editor_client, articles, admin_user):
    a = machine("DE", "air_defence", articles["de_pledge.txt"])
    b = machine("FR", "multinational_force", articles["fr_troops.txt"])
    c = machine("PL", "training", articles["pl_training.txt"])
    services.contribution_reject(contribution=b, version=1, actor=admin_user, note="maybe")
    response = editor_client.post(reverse("review:bulk"), {"item": [f"{a.pk}:1", f"{b.pk}:1"], "action": "confirm"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    page = editor_client.get(QUEUE).content.decode()
    assert "1 commitment confirmed." in page and "rejected by admin-user" in page
    partial = editor_client.post(reverse("review:bulk"), {"item": [f"{c.pk}:1"], "action": "reject", "note": "x"},
                                 headers=HTMX)
    html = partial.content.decode()
    assert partial.status_code == 200 and 'id="review-queue"' in html and "<html" not in html
    assert "1 commitment rejected." in html
    states = dict(Contribution.objects.filter(pk__in=[a.pk, b.pk, c.pk]).values_list("pk", "review_state"))
    assert states == {a.pk: State.CONFIRMED, b.pk: State.REJECTED, c.pk: State.REJECTED}


def test_bulk_needs_a_selection_and_a_reason_to_reject(editor_client, item):
    empty = editor_client.post(reverse("review:bulk"), {"action": "confirm"}, headers=HTMX)
    assert "Select at least one" in empty.content.decode()
    no_reason = editor_client.post(reverse("review:bulk"), {"item": f"{item.pk}:1", "action": "reject"},
                                   headers=HTMX)
    assert "Say why" in no_reason.content.decode()
    forged = editor_client.post(reverse("review:bulk"), {"item": "1;DROP", "action": "confirm"}, headers=HTMX)
    assert "reload it" in forged.content.decode()
    assert Contribution.objects.get(pk=item.pk).review_state == State.MACHINE


# --- CSRF ---------------------------------------------------------------------------------------------


def test_every_post_needs_the_csrf_token(editor, item):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    for url, data in write_urls(item).values():
        assert client.post(url, data).status_code == 403
        assert client.post(url, data, headers=HTMX).status_code == 403
    assert Contribution.objects.get(pk=item.pk).version == 1
    page = client.get(reverse("review:item", args=[item.pk]))
    found_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    found_header = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', page.content.decode())
    assert found_token and found_header
    token, header = found_token.group(1), found_header.group(1)
    # htmx sends the token from base.html's hx-headers as a header.
    response = client.post(reverse("review:confirm", args=[item.pk]), {"version": "1"},
                           headers={**HTMX, "X-CSRFToken": header})
    assert response.status_code == 200
    other = machine("PL", "training", Contribution.objects.get(actor__code="PL").source_id)
    response = client.post(reverse("review:confirm", args=[other.pk]), {"version": "1", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


# --- The dashboard shows what an editor confirmed ------------------------------------------------------


def test_confirmed_commitments_are_marked_on_the_timeline_member_and_source_pages(analyst_client, item, editor):
    services.contribution_confirm(contribution=item, version=1, actor=editor)
    timeline = analyst_client.get(reverse("timeline:index") + "?member=DE&type=air_defence&status=pledged")
    assert "✓ confirmed by editor" in timeline.content.decode()
    member = analyst_client.get(reverse("timeline:member_detail", args=["DE"])).content.decode()
    assert "✓ confirmed by editor" in member
    source = analyst_client.get(reverse("timeline:source_detail", args=[item.source_id])).content.decode()
    assert "✓ confirmed by editor" in source


def test_the_source_page_offers_editors_a_review_link(editor_client, item):
    html = editor_client.get(reverse("timeline:source_detail", args=[item.source_id])).content.decode()
    assert reverse("review:item", args=[item.pk]) in html


# --- Bounded queries --------------------------------------------------------------------------------------


def _more_articles(count: int) -> None:
    for n in range(count):
        ingest(f"extra_{n}.txt", f"date 2025-{n % 12 + 1:02d}-{n % 27 + 1:02d} Germany and France pledged air "
                                 f"defence systems and training for Ukrainian pilots, Reuters reported ({n}).")


def test_pages_take_the_same_queries_for_3_items_or_30(editor_client, db):
    def measure() -> tuple[int, int]:
        first = Contribution.objects.filter(review_state=State.MACHINE).order_by("-stated_on", "-id").first()
        assert first is not None
        item_url = reverse("review:item", args=[first.pk])
        editor_client.get(QUEUE)  # the session, the permissions and the labels are cached after a first page
        editor_client.get(item_url)  # ... and the people's names its passage labels
        with CaptureQueriesContext(connection) as queue:
            assert editor_client.get(QUEUE).status_code == 200
        with CaptureQueriesContext(connection) as page:
            assert editor_client.get(item_url).status_code == 200
        cache.delete(WAITING_CACHE_KEY)
        with CaptureQueriesContext(connection) as cold:  # the navigation's count read again: one more query
            assert editor_client.get(item_url).status_code == 200
        assert len(cold) == len(page) + 1
        return len(queue), len(page)

    ingest("one.txt", "date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.")
    ingest("two.txt", "date 2026-01-05 France could send troops to Ukraine after a ceasefire, according to AFP.")
    ingest("three.txt", "date 2026-02-01 Польща пообіцяла навчати українських пілотів, повідомляє Укрінформ.")
    assert Contribution.objects.count() == 3
    few = measure()
    _more_articles(7)
    assert Contribution.objects.count() == 31
    many = measure()
    assert few == many
    assert many[0] <= 8 and many[1] <= 10

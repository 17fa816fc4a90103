"""/review/quality/: today's rules scored against the editors' truth, for editors and admins only; by field,
language and month; the corrections editors make most, with links to them; bounded work and queries; cached per
data version and rules."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.coalition.models import Contribution
from apps.coalition.services import gazetteer_invalidate
from apps.review import quality, services
from apps.review.tests.helpers import correct, machine, reviewed_joint

pytestmark = pytest.mark.django_db
QUALITY = reverse("review:quality")




def confirm(item: Contribution, editor) -> None:
    services.contribution_confirm(contribution=item, version=item.version, actor=editor)


def figure(html: str, name: str) -> str:
    found = re.search(rf'id="quality-{name}">([^<]*)<', html)
    assert found, name
    return found.group(1)


# --- Who may see it ---------------------------------------------------------------------------------------


def test_editors_and_admins_see_it_analysts_get_403_anonymous_log_in(client, analyst_client, editor_client,
                                                                      admin_client_):
    assert analyst_client.get(QUALITY).status_code == 403
    response = client.get(QUALITY)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert editor_client.get(QUALITY).status_code == 200
    assert admin_client_.get(QUALITY).status_code == 200
    assert editor_client.post(QUALITY).status_code == 405


def test_it_is_linked_from_the_navigation_and_the_queue_for_editors_only(analyst_client, editor_client):
    page = editor_client.get(reverse("timeline:index")).content.decode()
    assert f'href="{QUALITY}"' in page
    assert f'href="{QUALITY}"' in editor_client.get(reverse("review:queue")).content.decode()
    assert QUALITY not in analyst_client.get(reverse("timeline:index")).content.decode()
    html = editor_client.get(QUALITY).content.decode()
    assert f'<a href="{QUALITY}" aria-current="page">' in html  # the navigation marks it, not the queue
    assert f'href="{reverse("review:queue")}" aria-current="page"' not in html


# --- What it shows ----------------------------------------------------------------------------------------


def test_before_any_review_it_says_there_is_nothing_to_score(editor_client, articles):
    html = editor_client.get(QUALITY).content.decode()
    assert "No article has been reviewed yet." in html and 'id="quality-pairs"' not in html


def test_scores_corrections_and_what_they_rest_on(editor_client, articles, editor):
    confirm(machine("PL", "training", articles["pl_training.txt"]), editor)
    before = editor_client.get(QUALITY).content.decode()
    assert (figure(before, "pairs"), figure(before, "types"), figure(before, "status")) == ("1.000", "1.000", "1.000")
    assert "nothing was corrected" in before

    source_id = reviewed_joint(articles, editor)  # DE air defence: delivered; FR training: military aid; FR ad: no
    response = editor_client.get(QUALITY)
    html = response.content.decode()
    report = response.context["report"]
    assert (report.sources, report.complete, report.reviewed, report.waiting) == (2, 2, 5, 0)
    assert report.states == {"confirmed": 2, "corrected": 2, "rejected": 1}
    # The rules read DE, FR × air defence, training (pledged) and PL training: 3 of 5 kept, 1 missed.
    assert (report.scores.pairs.tp, report.scores.pairs.fp, report.scores.pairs.fn) == (3, 2, 1)
    assert figure(html, "pairs") == "0.667" and figure(html, "status") == "0.667"
    assert (figure(html, "sources"), figure(html, "reviewed")) == ("2", "5")
    assert "Confirmed: 2 · Corrected: 2 · Rejected: 1" in html
    totals = html[html.index('id="correction-totals"'):]
    totals = totals[:totals.index("</ul>")]
    assert re.findall(r"<strong>(\d+)</strong>", totals) == ["1", "1", "0", "1", "0"]  # type, status, actor, ...
    rows = html[html.index('id="corrections"'):]
    assert "Type: Training → Military aid" in rows
    assert "Status: Pledged → Delivered" in rows
    assert "Rejected, not a commitment: Air defence" in rows
    for code, type_ in (("DE", "air_defence"), ("FR", "military_aid"), ("FR", "air_defence")):
        item = Contribution.objects.get(source_id=source_id, actor__code=code, type=type_)
        assert f'href="{reverse("review:item", args=[item.pk])}"' in rows
    # By language and by month (of the article's date).
    assert [(b.key, b.scores.articles) for b in report.by_language] == [("en", 1), ("uk", 1)]
    assert [b.key for b in report.by_month] == ["2026-03", "2026-02"]
    assert "March 2026" in html and "February 2026" in html and "Ukrainian" in html
    assert "At most the 300 articles reviewed last are read again" in html


def test_pairs_still_waiting_are_left_out_and_said_so(editor_client, articles, editor):
    source_id = articles["joint.txt"]
    correct(machine("DE", "air_defence", source_id), editor, status="approved")
    report = editor_client.get(QUALITY).context["report"]
    assert (report.sources, report.complete, report.waiting) == (1, 0, 3)
    assert (report.scores.pairs.tp, report.scores.pairs.fp, report.scores.pairs.fn) == (1, 0, 0)
    assert report.scores.status_accuracy == 0.0
    html = editor_client.get(QUALITY).content.decode()
    assert "Articles reviewed in full: 0 of 1." in html
    assert "In these articles 3 commitments still wait for review; they are left out of the scores." in html


def test_only_the_articles_reviewed_last_are_read_and_the_page_says_so(editor_client, articles, editor, settings):
    reviewed_joint(articles, editor)
    confirm(machine("PL", "training", articles["pl_training.txt"]), editor)  # reviewed last
    settings.QUALITY_MAX_SOURCES = 1
    response = editor_client.get(QUALITY)
    report = response.context["report"]
    assert (report.sources, report.limit, report.at_limit) == (1, 1, True)
    assert report.by_language[0].key == "uk"  # pl_training.txt
    html = response.content.decode()
    assert "Only the article reviewed last is read again" in html and "Older reviews are not counted here." in html


def test_an_added_commitment_is_one_the_machine_missed(articles, editor, monkeypatch):
    """The review's `added` state (an editor added what the machine missed): gold, and a correction of its own."""
    monkeypatch.setattr(quality, "REVIEWED_STATES", (*quality.REVIEWED_STATES, "added"))  # once EDITOR_STATES has it
    source_id = reviewed_joint(articles, editor)
    Contribution.objects.filter(source_id=source_id, actor__code="FR", type="military_aid").update(
        review_state="added", machine_actor=None, machine_type="", machine_status="", confidence=None)
    report = quality.quality_report(limit=10)
    assert report.states == {"corrected": 1, "rejected": 1, "confirmed": 1, "added": 1}
    assert report.totals["added"] == 1 and report.totals["type"] == 0
    assert [(c.kind, c.after) for c in report.corrections if c.kind == "added"] == [("added", "military_aid")]
    assert report.scores.pairs.fn == 1  # the rules still miss it


def test_the_page_in_russian_and_ukrainian(editor_client, articles, editor):
    reviewed_joint(articles, editor)
    editor_client.cookies["django_language"] = "ru"
    html = editor_client.get(QUALITY).content.decode()
    assert "<h1>Качество разбора</h1>" in html and "Март 2026" in html
    editor_client.cookies["django_language"] = "uk"
    html = editor_client.get(QUALITY).content.decode()
    assert "<h1>Якість розбору</h1>" in html and "Березень 2026" in html


# --- Bounded work -----------------------------------------------------------------------------------------


def queries_for(client) -> list[str]:
    gazetteer_invalidate()  # every measured request pays the same gazetteer check
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUALITY).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_queries_do_not_grow_with_the_articles_read(editor_client, articles, editor):
    confirm(machine("PL", "training", articles["pl_training.txt"]), editor)
    editor_client.get(QUALITY)  # the session and permission caches
    one = queries_for(editor_client)
    reviewed_joint(articles, editor)
    for name in ("de_pledge.txt", "de_delivery.txt", "fr_troops.txt"):
        confirm(Contribution.objects.get(source_id=articles[name]), editor)
    five = queries_for(editor_client)
    assert editor_client.get(QUALITY).context["report"].sources == 5
    # The user, the gazetteer's check (three), the articles reviewed last, then for the batch: contributions,
    # events, articles, bytes.
    assert len(five) == len(one) <= 9, five


def test_a_repeat_is_read_from_the_cache_and_a_review_shows_at_once(editor_client, articles, editor,
                                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        confirm(machine("PL", "training", articles["pl_training.txt"]), editor)
    with override_settings(QUALITY_CACHE_SECONDS=60):
        first = editor_client.get(QUALITY)
        assert first.context["report"].sources == 1
        repeat = queries_for(editor_client)
        assert not [sql for sql in repeat if "coalition_contribution" in sql or "sources_sourcetext" in sql]
        with django_capture_on_commit_callbacks(execute=True):  # the data version moves on when it commits
            reviewed_joint(articles, editor)
        assert editor_client.get(QUALITY).context["report"].sources == 2

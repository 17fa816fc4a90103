"""The add page: a commitment the machine missed, added by an editor from the article's own sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.coalition.models import Contribution, Member
from apps.core.models import AuditEntry
from apps.review.tests.helpers import MISSED, RATIFIED, SIGNED, ingest, machine
from apps.sources.models import SourceText
from tests.corpus import DEV

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
State = Contribution.ReviewState


@pytest.fixture
def missed(db) -> int:
    return ingest("missed.txt", MISSED)


def add_url(source_id: int) -> str:
    return reverse("review:add", args=[source_id])


def sentence_value(source_id: int, sentence: str) -> str:
    text = SourceText.objects.get(pk=source_id).text
    return f"{text.index(sentence)}-{text.index(sentence) + len(sentence)}"


def add_data(source_id: int, **extra: str) -> dict[str, str]:
    return {"actor": "NL", "type": "legal_guarantee", "status": "approved",
            "sentence": sentence_value(source_id, SIGNED), **extra}


def test_the_add_page_offers_the_articles_sentences_in_their_paragraphs(editor_client, missed):
    response = editor_client.get(add_url(missed))
    assert response.status_code == 200
    html = response.content.decode()
    signed = sentence_value(missed, SIGNED)
    assert f'<input type="radio" name="sentence" value="{signed}">{SIGNED}</label>' in html
    assert html.count('name="sentence"') == 5  # every sentence of the four paragraphs
    assert "This paragraph is an event of its own, dated 4 September 2026" in html
    assert "[DE · Air defence · Pledged]" in html  # what the machine already read from a sentence
    for name in ("actor", "type", "status", "stated_on", "evidence", "note"):
        assert f'name="{name}"' in html
    assert 'type="date"' in html and "csrfmiddlewaretoken" in html and 'hx-post="' + add_url(missed) in html
    assert 'style="' not in html and " onclick=" not in html and "<script>" not in html
    assert reverse("timeline:source_detail", args=[missed]) in html


def test_the_add_page_from_a_review_item_picks_its_sentence_and_links_back(editor_client, missed):
    item = machine("NL", "legal_guarantee", missed)
    html = editor_client.get(f"{add_url(missed)}?from={item.pk}").content.decode()
    ratified = sentence_value(missed, RATIFIED)
    assert f'value="{ratified}" checked>' in html and f'name="from" value="{item.pk}"' in html
    assert f'href="{reverse("review:item", args=[item.pk])}"' in html
    page = editor_client.get(reverse("review:item", args=[item.pk])).content.decode()
    assert f"{add_url(missed)}?from={item.pk}" in page


def test_plain_add_lands_on_the_source_page_which_shows_it_added(editor_client, missed):
    response = editor_client.post(add_url(missed), add_data(missed, note="Signed, per the ministry."))
    added = Contribution.objects.get(review_state=State.ADDED)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('timeline:source_detail', args=[missed])}#commitment-{added.pk}"
    assert (added.actor.code, added.type, added.status, added.evidence) == ("NL", "legal_guarantee", "approved",
                                                                            SIGNED)
    html = editor_client.get(response["Location"]).content.decode()
    assert "Added: NL · Legal guarantee · Approved." in html
    assert f'id="commitment-{added.pk}"' in html and "+ added by an editor" in html
    assert re.search(r'<mark class="hl hl-evidence" id="evidence-\d+"[^>]*>The <span class="hl hl-member"[^>]*>'
                     r"Netherlands</span> signed", html)  # its sentence marked in the text, with an anchor


def test_htmx_add_redirects_the_whole_page_and_errors_come_back_in_place(editor_client, missed):
    bad = editor_client.post(add_url(missed), add_data(missed, sentence="", actor=""), headers=HTMX)
    html = bad.content.decode()
    assert bad.status_code == 200 and 'id="add-form"' in html and "<html" not in html
    assert 'id="sentence-error"' in html and "Pick the sentence" in html and 'aria-invalid="true"' in html
    plain = editor_client.post(add_url(missed), add_data(missed, sentence="", actor=""))
    assert plain.status_code == 400 and "<html" in plain.content.decode()
    done = editor_client.post(add_url(missed), add_data(missed), headers=HTMX)
    added = Contribution.objects.get(review_state=State.ADDED)
    assert done.status_code == 200
    assert done["HX-Redirect"] == f"{reverse('timeline:source_detail', args=[missed])}#commitment-{added.pk}"


def test_pasted_words_are_checked_against_the_text_and_a_forged_sentence_is_refused(editor_client, missed):
    pasted = editor_client.post(add_url(missed), add_data(missed, sentence="", evidence="The Dutch sent jets."))
    assert pasted.status_code == 400 and "must be words of the article" in pasted.content.decode()
    forged = editor_client.post(add_url(missed), add_data(missed, sentence="3-9"))
    assert forged.status_code == 400 and "Pick a sentence from the article" in forged.content.decode()
    ok = editor_client.post(add_url(missed), add_data(missed, sentence="", evidence=" The Netherlands  signed the "
                                                                                     "accord too. "))
    assert ok.status_code == 302
    assert Contribution.objects.get(review_state=State.ADDED).evidence == SIGNED


def test_a_duplicate_says_which_one_to_correct_instead(editor_client, missed):
    ratified = machine("NL", "legal_guarantee", missed)
    response = editor_client.post(add_url(missed), add_data(missed, sentence=sentence_value(missed, RATIFIED)),
                                  headers=HTMX)
    html = response.content.decode()
    assert "correct that one instead" in html and f'href="{reverse("review:item", args=[ratified.pk])}"' in html
    assert not Contribution.objects.filter(review_state=State.ADDED).exists()


def test_only_editors_and_admins_add(client, analyst_client, admin_client_, editor, missed):
    url = add_url(missed)
    assert client.get(url).status_code == 302 and client.post(url, add_data(missed)).status_code == 302
    assert analyst_client.get(url).status_code == 403
    assert analyst_client.post(url, add_data(missed)).status_code == 403
    assert analyst_client.post(url, add_data(missed), headers=HTMX).status_code == 403
    source = analyst_client.get(reverse("timeline:source_detail", args=[missed])).content.decode()
    assert url not in source and "Add a commitment" not in source
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(editor)
    assert csrf.post(url, add_data(missed)).status_code == 403
    assert not Contribution.objects.filter(review_state=State.ADDED).exists()
    assert admin_client_.post(url, add_data(missed)).status_code == 302
    assert AuditEntry.objects.filter(action="contribution.add").count() == 1


def test_correcting_the_date_of_a_step_through_the_form(editor_client, missed):
    item = machine("NL", "legal_guarantee", missed)
    html = editor_client.get(reverse("review:item", args=[item.pk])).content.decode()
    assert 'name="stated_on" value="2026-11-12"' in html
    response = editor_client.post(reverse("review:correct", args=[item.pk]), {
        "version": "1", "actor": "NL", "type": "legal_guarantee", "status": "approved", "stated_on": "2026-09-15",
        "evidence": item.evidence})
    assert response.status_code == 302
    row = Contribution.objects.get(pk=item.pk)
    assert (row.review_state, row.stated_on, row.machine_stated_on) == (State.CORRECTED, date(2026, 9, 15),
                                                                        date(2026, 11, 12))
    page = editor_client.get(reverse("review:item", args=[item.pk])).content.decode()
    assert "stated on 15 September 2026" in page and "stated on 12 November 2026" in page  # the machine's date
    late = editor_client.post(reverse("review:correct", args=[item.pk]), {
        "version": "2", "actor": "NL", "type": "legal_guarantee", "status": "approved", "stated_on": "2027-01-01",
        "evidence": item.evidence}, headers=HTMX)
    assert "on or before the article that reports it" in late.content.decode()


def test_the_timeline_overview_and_filters_know_added_commitments(analyst_client, editor, missed):
    from apps.review import services as review_services

    review_services.contribution_add(source=SourceText.objects.get(pk=missed), actor=editor,
                                     member=Member.objects.get(code="NL"), type="legal_guarantee",
                                     status="approved", evidence=SIGNED)
    timeline = analyst_client.get(reverse("timeline:index") + "?review=added").content.decode()
    assert "On 4 September Germany pledged training" in timeline and "+ added by an editor" in timeline
    assert "Added by an editor" in timeline  # the review facet names it
    sure = analyst_client.get(reverse("timeline:overview") + "?sure=1").content.decode()
    assert "member=NL&amp;type=legal_guarantee" in sure
    export = analyst_client.get(reverse("timeline:export_csv") + "?what=contributions&review=added")
    rows = b"".join(export.streaming_content).decode()
    assert ",added," in rows and SIGNED in rows


def test_the_add_page_and_an_addition_take_the_same_queries_for_a_short_or_a_long_article(editor_client, db):
    def measure(source_id: int, sentence: str) -> tuple[int, int]:
        editor_client.get(add_url(source_id))  # session, permissions and labels cached after a first page
        pages = []
        for _ in range(2):  # the fewer of two: a cache entry expiring or a slow Redis (a miss) costs one more
            with CaptureQueriesContext(connection) as page:
                assert editor_client.get(add_url(source_id)).status_code == 200
            pages.append(len(page))
        text = SourceText.objects.get(pk=source_id).text
        data = {"actor": "NL", "type": "legal_guarantee", "status": "approved",
                "sentence": f"{text.index(sentence)}-{text.index(sentence) + len(sentence)}"}
        with CaptureQueriesContext(connection) as post:
            assert editor_client.post(add_url(source_id), data).status_code == 302
        return min(pages), len(post)

    short = measure(ingest("short.txt", MISSED), SIGNED)
    # A long article: the short one followed by the bodies of ten dev articles (prose, many commitments).
    bodies = [p.read_text(encoding="utf-8").split(" ", 3)[-1] for p in sorted(DEV.glob("0*.txt"))[:10]]
    long_text = MISSED + "".join(f"\n\n{body}" for body in bodies)
    long = measure(ingest("long.txt", long_text.replace("date 2026-11-12", "date 2026-11-13")), SIGNED)
    assert short == long
    assert long[0] <= 10 and long[1] <= 30


def test_an_article_too_long_to_pick_from_is_added_to_by_pasting(editor_client, missed, monkeypatch):
    from apps.review import selectors

    monkeypatch.setattr(selectors, "PICK_SENTENCES_MAX", 3)
    html = editor_client.get(add_url(missed)).content.decode()
    assert 'name="sentence"' not in html and "too many sentences to pick from" in html
    response = editor_client.post(add_url(missed), add_data(missed, sentence="", evidence=SIGNED))
    assert response.status_code == 302
    assert Contribution.objects.get(review_state=State.ADDED).event_ordinal == 1


def test_the_audit_log_shows_an_addition_with_its_reading_and_a_link_to_it(admin_client_, editor_client, missed):
    editor_client.post(add_url(missed), add_data(missed))
    added = Contribution.objects.get(review_state=State.ADDED)
    html = admin_client_.get(reverse("audit:log") + "?action=contribution.add").content.decode()
    assert "contribution.add" in html and f'href="{reverse("review:item", args=[added.pk])}"' in html
    assert "2026-09-04" in html and SIGNED in html  # the date and sentence it was added with

"""A long source text is shown a part at a time: the page stays small, and every highlight still has its place."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from apps.coalition.models import Contribution
from apps.sources import ingest, receive
from apps.sources.models import Channel, SourceText
from apps.sources.tests.test_worker import big_articles
from apps.timeline.highlighting import (
    TEXT_PART_CHARS,
    Labels,
    highlighted_paragraphs,
    paragraph_ranges,
    part_of,
    text_parts,
)
from tests.corpus import SEED

LABELS = Labels(members={"DE": "Germany"}, people={}, types={}, statuses={})
EVIDENCE_ID = re.compile(r'id="(evidence-\d+)"')


def ingested(size: int) -> SourceText:
    upload = receive.upload_receive(actor=None, channel=Channel.CLI, files=big_articles(1, size=size))
    source = upload.sources.get()
    ingest.source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.INGESTED
    return source


def test_parts_hold_whole_paragraphs_in_order_and_cut_only_a_paragraph_too_long_for_one():
    sentence = "Germany will send troops to the border. "
    text = "\n\n".join(["Short one.", sentence * 3, sentence * 40, "Last."])
    parts = text_parts(text, size=300)
    pieces = [piece for part in parts for piece in part]
    assert all(sum(end - start for start, end in part) <= 300 for part in parts)
    assert pieces[:2] == paragraph_ranges(text)[:2] and pieces[-1] == paragraph_ranges(text)[-1]
    long_start, long_end = paragraph_ranges(text)[2]
    cut = [p for p in pieces if long_start <= p[0] < long_end]
    assert len(cut) > 1 and cut[0][0] == long_start and cut[-1][1] == long_end
    assert all(text[start:end].endswith("border.") for start, end in cut[:-1])  # after a sentence
    assert "".join(text[s:e] for s, e in cut).replace(" ", "") == text[long_start:long_end].replace(" ", "")
    assert [part_of(parts, start) for part in parts for start, _end in part[:1]] == list(range(1, len(parts) + 1))
    assert text_parts("One paragraph.") == [[(0, 14)]]


def test_an_evidence_span_running_into_the_next_part_has_its_id_in_the_first():
    text = "Germany will send\n\ntroops. Then more."
    parts = text_parts(text, size=18)
    assert len(parts) == 2
    rows = [["evidence", 0, 26, "DE:troops:pledged"], ["member", 0, 7, "DE"]]
    first = "".join(highlighted_paragraphs(text, rows, LABELS, parts[0]))
    second = "".join(highlighted_paragraphs(text, rows, LABELS, parts[1]))
    assert 'id="evidence-0"' in first and 'id="evidence-0"' not in second
    assert second.startswith('<mark class="hl hl-evidence" title=')  # still highlighted, without the id
    assert part_of(parts, 0) == 1 and part_of(parts, 19) == 2


@pytest.mark.django_db
def test_the_page_of_a_long_article_stays_small_and_shows_it_a_part_at_a_time(analyst_client):
    source = ingested(1_500_000)
    url = reverse("timeline:source_detail", args=[source.pk])
    count = len(text_parts(source.text))
    assert len(source.text) > 900_000 and count > 20
    response = analyst_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.content) < 300_000  # it was 2.7 MB (6.9 MB for another 1.5 MB article)
    assert f"Part 1 of {count}" in html and f'href="?part={count}"' in html
    assert 'hx-get="?part=2"' in html and "Show more of the text (part 2 of" in html
    assert response.headers["Vary"].count("HX-Request") == 1
    # htmx asks for the next part: only its paragraphs and the link to the one after.
    more = analyst_client.get(url + "?part=2", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in more and 'id="text-part-2"' in more and 'hx-get="?part=3"' in more
    assert len(more) < 300_000
    last = analyst_client.get(url + f"?part={count}").content.decode()
    assert "Show more of the text" not in last and f"Part {count} of {count}" in last
    for wrong in ("0", str(count + 1), "x"):
        assert analyst_client.get(url + f"?part={wrong}").status_code == 404


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_every_highlight_keeps_its_place_and_each_commitment_links_to_its_part(analyst_client, editor_client):
    source = ingested(250_000)
    url = reverse("timeline:source_detail", args=[source.pk])
    count = len(text_parts(source.text))
    assert count > 3
    ids_by_part = {}
    for number in range(1, count + 1):
        html = analyst_client.get(url + f"?part={number}", headers={"HX-Request": "true"}).content.decode()
        ids_by_part[number] = EVIDENCE_ID.findall(html)
    every_id = [anchor for ids in ids_by_part.values() for anchor in ids]
    assert len(every_id) == len(set(every_id)) > count  # each evidence sentence has its id once, in one part
    evidence_count = sum(1 for row in source.report["highlights"] if row[0] == "evidence")
    assert len(every_id) == evidence_count
    page = analyst_client.get(url).content.decode()
    links = re.findall(r'href="(\?part=(\d+))?#(evidence-\d+)">Show in the text', page)
    assert links and any(part for _query, part, _anchor in links)
    for _query, part, anchor in links:
        assert anchor in ids_by_part[int(part or 1)]
    # The review links the sentence to its part too.
    later = next(c for c in Contribution.objects.filter(source=source)
                 if part_of(text_parts(source.text), source.text.find(c.evidence)) > 1)
    item = editor_client.get(reverse("review:item", args=[later.pk])).content.decode()
    assert re.search(rf'href="{re.escape(url)}\?part=\d+#evidence-\d+"', item)


@pytest.mark.django_db
def test_an_article_of_ordinary_length_is_one_part(analyst_client):
    text = SEED.read_text(encoding="utf-8")
    assert len(text) < TEXT_PART_CHARS
    source = receive.upload_receive(actor=None, channel=Channel.CLI, files=[(SEED.name, SEED.read_bytes())]
                                     ).sources.get()
    ingest.source_ingest(source_id=source.pk)
    html = analyst_client.get(reverse("timeline:source_detail", args=[source.pk])).content.decode()
    assert "Parts of the text" not in html and "Show more of the text" not in html and 'id="evidence-' in html

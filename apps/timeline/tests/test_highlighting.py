"""The source page marks up names, evidence and quotes — escaped, well formed, and linked from the
commitments beside the text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from apps.sources import ingest, receive
from apps.sources.archives import IncomingFile
from apps.timeline.highlighting import Labels, highlighted_paragraphs, paragraph_ranges

LABELS = Labels(members={"DE": "Germany", "FR": "France"}, people={"macron": "Emmanuel Macron"},
                types={"troops": "Troops"}, statuses={"pledged": "Pledged"})


class _Nesting(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def well_formed(html: str) -> bool:
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    return parser.open == []


def render(text: str, rows: list[list[object]]) -> list[str]:
    return [str(p) for p in highlighted_paragraphs(text, rows, LABELS)]


def test_names_inside_an_evidence_sentence_nest_inside_it():
    text = "Germany will send troops. Rain fell."
    html, = render(text, [["member", 0, 7, "DE"], ["evidence", 0, 25, "DE:troops:pledged"]])
    assert html.startswith('<mark class="hl hl-evidence" id="evidence-1" tabindex="-1" '
                           'title="Germany · Troops · Pledged">'
                           '<span class="hl hl-member" title="Germany">Germany</span>')
    assert html.endswith("</mark> Rain fell.")
    assert well_formed(html)


def test_crossing_spans_are_cut_so_the_html_stays_well_formed():
    text = "Macron said «France will send troops. Soon» today."
    rows = [["evidence", 0, 37, "FR:troops:pledged"], ["quote", 13, 43, ""], ["person", 0, 6, "macron"],
            ["member", 13, 19, "FR"]]
    html, = render(text, rows)
    assert well_formed(html)
    assert html.count('id="evidence-0"') == 1
    assert html.count('class="hl hl-quote"') == 2  # reopened after the sentence closes
    assert "Emmanuel Macron" in html


def test_text_and_titles_are_escaped():
    text = 'Germany <script>alert("x")</script> & co.'
    labels = Labels(members={"DE": 'Ger"many<'}, people={}, types={}, statuses={})
    html, = (str(p) for p in highlighted_paragraphs(text, [["member", 0, 7, "DE"]], labels))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co." in html
    assert 'title="Ger&quot;many&lt;"' in html


def test_rows_that_do_not_fit_the_text_are_left_out():
    html, = render("Short text.", [["member", 5, 500, "DE"], ["bogus", 0, 2, ""], ["member"], ["member", 0, 5, "DE"]])
    assert html == '<span class="hl hl-member" title="Germany">Short</span> text.'


def test_paragraphs_split_on_blank_lines_and_spans_are_clipped_to_them():
    text = "  First one.\n \nSecond\nline.\n\n\n"
    assert [text[a:b] for a, b in paragraph_ranges(text)] == ["First one.", "Second\nline."]
    first, second = render(text, [["quote", 2, 20, ""]])
    assert first == '<span class="hl hl-quote" title="Direct quote">First one.</span>'
    assert second.startswith('<span class="hl hl-quote" title="Direct quote">Secon</span>d')


ARTICLE = ("date 2026-03-02 Germany will send air defence systems to Ukraine, Reuters reported.\n\n"
           "«We will not leave Ukraine alone», Olaf Scholz said. <b>Not bold</b>.")


@pytest.mark.django_db
def test_source_page_highlights_the_ingested_article(analyst_client, django_assert_max_num_queries):
    data = ARTICLE.encode()
    source = receive.source_receive(upload=None, item=IncomingFile("de.txt", data, None, len(data)))
    ingest.source_ingest(source_id=source.pk)
    analyst_client.get(reverse("timeline:source_detail", args=[source.pk]))  # fill the name caches
    with django_assert_max_num_queries(7):
        response = analyst_client.get(reverse("timeline:source_detail", args=[source.pk]))
    html = response.content.decode()
    text = html[html.index('class="card source-text"'):html.index("</article>")]
    assert well_formed(text[text.index("<p>"):])
    assert '<span class="hl hl-member" title="Germany">Germany</span>' in text
    assert 'class="hl hl-evidence" id="evidence-' in text
    assert '<span class="hl hl-quote" title="Direct quote">We will not leave <span class="hl hl-member" ' in text
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in text
    anchor = text.split('class="hl hl-evidence" id="', 1)[1].split('"', 1)[0]
    assert f'href="#{anchor}"' in html  # the commitment links to its sentence
    assert "Show in the text" in html

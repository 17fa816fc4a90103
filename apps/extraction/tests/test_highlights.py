"""The highlights an extraction hands the source page: spans of the body that say what they cover."""

from __future__ import annotations

from apps.extraction import extract
from apps.extraction.reporting import find_quotes, quote_spans

ARTICLE = ("date 2026-03-02 Германия передаст Украине системы ПВО, сообщает Reuters. "
           "«Мы не оставим Украину одну», — заявил Олаф Шольц. Погода была хорошей.")


def test_each_highlight_covers_what_it_names():
    doc = extract(ARTICLE.encode(), filename="a.txt")
    body = doc.body or ""
    by_kind: dict[str, list[str]] = {}
    for h in doc.highlights:
        by_kind.setdefault(h.kind, []).append(body[h.start : h.end])
    assert by_kind["quote"] == ["Мы не оставим Украину одну"]
    assert "Германия" in by_kind["member"] and "Олаф Шольц" in by_kind["person"]
    assert by_kind["evidence"] == [c.evidence for c in doc.commitments][:1]
    evidence = next(h for h in doc.highlights if h.kind == "evidence")
    assert evidence.ident == "DE:air_defence:pledged"
    assert "Погода" not in " ".join(by_kind["evidence"])


def test_highlights_come_in_reading_order_outer_first():
    doc = extract(ARTICLE.encode(), filename="a.txt")
    keys = [(h.start, -h.end) for h in doc.highlights]
    assert keys == sorted(keys)


def test_quote_spans_skip_titles_and_short_names():
    text = 'He said “we are ready to send troops now.” at the “Coalition of the Willing” meeting of "NATO".'
    assert [text[a:b] for a, b in quote_spans(text)] == ["we are ready to send troops now"]
    assert find_quotes(text) == ["we are ready to send troops now"]

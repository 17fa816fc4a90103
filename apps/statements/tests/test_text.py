"""The pure text functions: no database."""

from __future__ import annotations

import pytest

from apps.statements.text import best_match, normalise, shingles, similarity, tokens, word_diff, words

PARIS = ("Будет создана постоянная, надежная система мониторинга прекращения огня. Ее будут возглавлять США "
         "при международном участии, в частности при содействии членов Коалиции желающих")
PARIS_NEXT_DAY = ("Будет создана постоянная и надежная система мониторинга прекращения огня. Ее возглавят США "
                  "при международном участии, в частности при содействии членов Коалиции желающих")
MECHANISM = ("Механизм будет работать круглосуточно, а информация о нарушениях будет оперативно передаваться "
             "всем сторонам")


@pytest.mark.parametrize("text", [PARIS, "пам'ять і обов’язок — «так»!\n\n  Done_it 3.5%", "", "  \t\n", "a<b>&c"])
def test_tokens_give_the_text_back(text):
    assert "".join(tokens(text)) == text


def test_words_are_cyrillic_aware_and_normalised():
    assert words("Ещё раз: ПАМ’ЯТЬ, пам'ять, long-term!") == ["еще", "раз", "пам'ять", "пам'ять", "long-term"]
    assert normalise("  Коалиция   «желающих», — США. ") == "коалиция желающих сша"


def test_shingles_of_a_short_text_are_the_text():
    assert shingles("два слова") == {("два", "слова")}
    assert len(shingles("one two three four")) == 2


def test_small_wording_changes_are_the_same_draft():
    found = similarity(PARIS, PARIS_NEXT_DAY)
    assert found.same_draft and found.overlap >= 0.6


def test_a_partial_quote_is_the_same_draft():
    first_sentence = "Будет создана постоянная, надежная система мониторинга прекращения огня"
    assert similarity(first_sentence, PARIS).same_draft


def test_another_draft_on_the_same_topic_is_not():
    assert not similarity(PARIS, MECHANISM).same_draft
    # A few shared words are not enough.
    assert not similarity("члены Коалиции желающих", PARIS).same_draft


def test_best_match_picks_the_lineage_with_that_wording():
    assert best_match(PARIS_NEXT_DAY, [(1, [MECHANISM]), (2, ["other text", PARIS])]) == 2
    assert best_match(MECHANISM, [(2, [PARIS])]) is None
    assert best_match(PARIS, []) is None


def test_word_diff_on_russian_text():
    diff = word_diff(PARIS, PARIS_NEXT_DAY)
    html = diff.inline_html()
    assert "постоянная<del>,</del><ins> и</ins> надежная" in html
    assert "Ее <del>будут возглавлять</del><ins>возглавят</ins> США" in html
    assert diff.words_added == 2 and diff.words_removed == 2
    old, new = diff.side_by_side_html()
    assert "<ins>" not in old and "<del>" not in new
    assert "<del>будут возглавлять</del>" in old and "<ins>возглавят</ins>" in new


def test_word_diff_on_ukrainian_apostrophes_keeps_words_whole():
    diff = word_diff("Обов'язок партнерів", "Обов’язки партнерів")
    assert diff.inline_html() == "<del>Обов&#x27;язок</del><ins>Обов’язки</ins> партнерів"


def test_word_diff_on_english_text():
    diff = word_diff("The coalition would use all necessary means, including military capabilities.",
                     "The coalition will consider further sanctions and coordinated diplomatic pressure.")
    html = diff.inline_html()
    assert html.startswith("The coalition <del>would use all necessary means, including military capabilities")
    assert "<ins>will consider further sanctions and coordinated diplomatic pressure</ins>." in html
    assert word_diff("Same words.", "Same words.").changed is False


def test_word_diff_rewrapping_is_no_change():
    diff = word_diff("one two\nthree", "one two three")
    assert not diff.changed
    assert diff.inline_html() == "one two three"
    assert diff.side_by_side_html() == ("one two\nthree", "one two three")


def test_word_diff_sides_rebuild_both_texts():
    diff = word_diff(PARIS, PARIS_NEXT_DAY + " Добавлено.")
    assert "".join(c.old for c in diff.chunks) == PARIS
    assert "".join(c.new for c in diff.chunks) == PARIS_NEXT_DAY + " Добавлено."


def test_word_diff_escapes_both_texts():
    diff = word_diff('<script>alert("x")</script> safe', '<img src=x onerror=alert(1)> safe & sound')
    html = diff.inline_html()
    assert "<script>" not in html and "<img" not in html
    assert html.startswith("&lt;") and "&quot;x&quot;" in html and "&amp; sound" in html
    left, right = diff.side_by_side_html()
    assert "<script>" not in left and "<img" not in right

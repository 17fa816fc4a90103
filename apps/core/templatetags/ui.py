"""Small template filters used across pages (registered as builtins in settings)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from apps.core.languages import language_name

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key, "")


@register.filter
def article_language(code: str) -> str:
    """An article's language named in the reader's language: {{ source.language|article_language }} (i18n's own
    language_name knows only the UI's languages)."""
    return language_name(code)


@register.filter
def percent(value: float | None) -> str:
    """0.74 → "74%" in English, "74 %" in Russian and Ukrainian ("" for None)."""
    if value is None:
        return ""
    space = "" if (get_language() or "en").startswith("en") else "\u00a0"
    return f"{number_format(round(value * 100))}{space}%"


@register.filter
def paragraphs(text: str) -> list[str]:
    """Split text on blank lines; the template escapes each paragraph."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]


HIGHLIGHT_CONTEXT_CHARS = 140


@register.filter
def highlight(sentence: str, name: str) -> SafeString:
    """The sentence, escaped, with the first occurrence of ``name`` in <mark>; a long one cut around it."""
    sentence, name = str(sentence or ""), " ".join(str(name or "").split())
    start = sentence.find(name) if name else -1
    if start < 0 and name and len(sentence.lower()) == len(sentence):  # lower() keeps offsets here
        start = sentence.lower().find(name.lower())
    if start < 0:
        return escape(sentence)
    end = start + len(name)
    before, after = sentence[:start], sentence[end:]
    if len(before) > HIGHLIGHT_CONTEXT_CHARS:
        before = "…" + before[-HIGHLIGHT_CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > HIGHLIGHT_CONTEXT_CHARS:
        after = after[:HIGHLIGHT_CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return format_html("{}<mark>{}</mark>{}", before, sentence[start:end], after)

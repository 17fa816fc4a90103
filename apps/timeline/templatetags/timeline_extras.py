"""Template tags of the timeline pages."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from apps.extraction.search import QueryTerm
from apps.timeline.search import highlighted

register = template.Library()


@register.simple_tag
def search_highlight(text: str, language: str, terms: list[QueryTerm]) -> SafeString:
    """The text, escaped, with the words a search matched in <mark>."""
    return highlighted(text or "", language, terms or [])

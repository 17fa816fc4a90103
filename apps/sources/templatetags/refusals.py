"""A refused file's reason in the active language, for every page (registered as builtins in settings); the
sentences themselves are `sources.refusals.REFUSALS`."""

from __future__ import annotations

from django import template

from apps.sources.refusals import refusal_text

register = template.Library()


@register.filter
def refusal(reason: str) -> str:
    """A stored (English) refusal sentence in the active language: {{ source.refusal_reason|refusal }}."""
    return refusal_text(reason)

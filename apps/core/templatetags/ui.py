"""Small template filters used across pages (registered as builtins in settings)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key, "")


@register.filter
def humanize_code(code: str) -> str:
    """'air_defence' → 'Air defence'."""
    return code.replace("_", " ").capitalize()


@register.filter
def paragraphs(text: str) -> list[str]:
    """Split text on blank lines; the template escapes each paragraph."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]

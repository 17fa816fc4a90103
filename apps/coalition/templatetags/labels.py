"""The labels of commitment types and statuses in the active language, for every page (registered as builtins
in settings); the mapping itself is `coalition.models.code_label`."""

from __future__ import annotations

from django import template

from apps.coalition.models import code_label

register = template.Library()


@register.filter
def humanize_code(code: str) -> str:
    """A commitment type's or status's label in the active language: {{ code|humanize_code }}."""
    return code_label(code)


@register.filter
def type_label(code: str) -> str:
    """A commitment type's label in the active language: {{ c.type|type_label }}."""
    return humanize_code(code)


@register.filter
def status_label(code: str) -> str:
    """A commitment status's label in the active language: {{ step.status|status_label }}."""
    return humanize_code(code)

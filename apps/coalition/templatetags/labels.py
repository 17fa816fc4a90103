"""The labels of commitment types and statuses in the active language (registered as builtins in settings):
the one code → label mapping, the models' choices, for every page."""

from __future__ import annotations

from django import template

from apps.coalition.models import CommitmentStatus, CommitmentType

register = template.Library()


@register.filter
def humanize_code(code: str) -> str:
    """A commitment type's or status's label in the active language ('air_defence' → 'Air defence',
    'Противовоздушная оборона'); any other code made readable ('some_code' → 'Some code')."""
    for choices in (CommitmentType, CommitmentStatus):
        if code in choices.values:
            return str(choices(code).label)
    return str(code or "").replace("_", " ").capitalize()


@register.filter
def type_label(code: str) -> str:
    """A commitment type's label in the active language: {{ c.type|type_label }}."""
    return humanize_code(code)


@register.filter
def status_label(code: str) -> str:
    """A commitment status's label in the active language: {{ step.status|status_label }}."""
    return humanize_code(code)

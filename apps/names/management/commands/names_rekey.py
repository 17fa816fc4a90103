"""python manage.py names_rekey — file the unknown names under the keys today's extraction gives them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from apps.names.services import name_candidates_rekey


class Command(BaseCommand):
    help = ("Recompute every unknown-name candidate's key after the extraction's name key changed, merging those "
            "that now share one (dismissals and aliases are kept). Safe to run again.")

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = name_candidates_rekey(actor=None)
        self.stdout.write(f"Re-keyed {outcome.rekeyed} candidate(s); merged {outcome.merged} into others.")

"""python manage.py tallies_rebuild — recompute the overview's matrix and chart counts from the contributions."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from apps.coalition.contributions import tallies_rebuild


class Command(BaseCommand):
    help = "Recompute the member × type matrix cells and the monthly statement counts from the contributions."

    def handle(self, *args: Any, **options: Any) -> None:
        cells, months = tallies_rebuild()
        self.stdout.write(f"Rebuilt {cells} matrix cell(s) and {months} monthly count(s).")

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.accounts.services import demo_users_ensure


class Command(BaseCommand):
    help = "Create the analyst, editor and admin demo users (password from DEMO_PASSWORD, else generated)."

    def handle(self, *args: Any, **options: Any) -> None:
        for user in demo_users_ensure(password=settings.DEMO_PASSWORD):
            if user.password is None:
                self.stdout.write(f"  {user.username:<8} exists (password unchanged)")
            else:
                self.stdout.write(self.style.SUCCESS(f"  {user.username:<8} password: {user.password}"))

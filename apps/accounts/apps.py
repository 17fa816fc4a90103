from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Connects the signals that forget cached permissions when groups or permissions change.
        from apps.accounts import backends  # noqa: F401

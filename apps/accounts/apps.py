from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Connects the signals that forget cached permissions when groups or permissions change.
        from apps.accounts import audit, backends  # noqa: F401
        # ...and the ones that write failed logins and permission changes to the audit log.

from django.apps import AppConfig


class CoalitionConfig(AppConfig):
    name = "apps.coalition"
    label = "coalition"

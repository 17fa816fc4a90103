from django.urls import path

from apps.accounts import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_log, name="log"),
]

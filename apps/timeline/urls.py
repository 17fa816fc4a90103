from django.urls import path

from apps.timeline import views

app_name = "timeline"
urlpatterns = [
    path("timeline/", views.timeline, name="index"),
    path("sources/<int:source_id>/", views.source_detail, name="source_detail"),
]

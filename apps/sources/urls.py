from django.urls import path

from apps.sources import views

app_name = "sources"
urlpatterns = [
    path("", views.upload_list, name="upload_list"),
    path("<int:upload_id>/", views.upload_detail, name="upload_detail"),
    path("sources/<int:source_id>/retry/", views.source_retry, name="source_retry"),
    path("reextractions/<int:reextraction_id>/", views.reextraction_detail, name="reextraction_detail"),
]

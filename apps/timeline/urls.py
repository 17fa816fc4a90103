from django.urls import path

from apps.timeline import exports, feeds, views

app_name = "timeline"
urlpatterns = [
    path("", views.overview_page, name="overview"),
    path("timeline/", views.timeline, name="index"),
    path("timeline/export.csv", exports.export_csv, name="export_csv"),
    path("timeline/export.json", exports.export_json, name="export_json"),
    path("timeline/feed.atom", feeds.timeline_feed, name="feed"),
    path("members/<str:code>/", views.member_detail, name="member_detail"),
    path("sources/<int:source_id>/", views.source_detail, name="source_detail"),
]

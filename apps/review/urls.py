from django.urls import path

from apps.review import views

app_name = "review"
urlpatterns = [
    path("", views.review_queue, name="queue"),
    path("bulk/", views.review_bulk, name="bulk"),
    path("quality/", views.review_quality, name="quality"),
    path("<int:contribution_id>/", views.review_item, name="item"),
    path("<int:contribution_id>/confirm/", views.review_confirm, name="confirm"),
    path("<int:contribution_id>/correct/", views.review_correct, name="correct"),
    path("<int:contribution_id>/reject/", views.review_reject, name="reject"),
    path("sources/<int:source_id>/add/", views.review_add, name="add"),
]

from django.urls import path

from apps.statements import views

app_name = "statements"
urlpatterns = [
    path("", views.draft_list, name="list"),
    path("new/", views.draft_new, name="new"),
    path("<int:draft_id>/", views.draft_detail, name="detail"),
    path("<int:draft_id>/edit/", views.draft_edit, name="edit"),
    path("<int:draft_id>/compare/", views.draft_compare, name="compare"),
    path("<int:draft_id>/submit/", views.draft_submit, name="submit"),
    path("<int:draft_id>/approve/", views.draft_approve, name="approve"),
    path("<int:draft_id>/request-changes/", views.draft_request_changes, name="request_changes"),
    path("<int:draft_id>/reject/", views.draft_reject, name="reject"),
    path("<int:draft_id>/comment/", views.comment_add, name="comment"),
]

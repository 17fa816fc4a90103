from django.urls import path

from apps.names import views

app_name = "names"
urlpatterns = [
    path("", views.name_candidates, name="name_candidates"),
    path("dismiss/", views.names_dismiss, name="names_dismiss"),
    path("reopen/", views.names_reopen, name="names_reopen"),
    path("<int:candidate_id>/alias/", views.name_alias, name="name_alias"),
    path("<int:candidate_id>/person/", views.name_new_person, name="name_new_person"),
    path("<int:candidate_id>/member/", views.name_new_member, name="name_new_member"),
    path("<int:candidate_id>/dismiss/", views.name_dismiss, name="name_dismiss"),
    path("<int:candidate_id>/progress/", views.name_progress, name="name_progress"),
]

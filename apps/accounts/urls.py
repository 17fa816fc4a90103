from django.urls import path

from apps.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("new/", views.token_create, name="token_create"),
    path("feed/", views.feed_link_create, name="feed_link_create"),
    path("<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]

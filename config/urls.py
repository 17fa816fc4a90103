from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from apps.core import health

admin.site.site_header = "Coalition Tracker administration"
admin.site.site_title = "Coalition Tracker"

urlpatterns = [
    path("healthz", login_not_required(never_cache(require_GET(health.healthz))), name="healthz"),
    path("readyz", login_not_required(never_cache(require_GET(health.readyz))), name="readyz"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("uploads/", include("apps.sources.urls")),
    path("names/", include("apps.coalition.urls")),
    path("", include("apps.timeline.urls")),
]

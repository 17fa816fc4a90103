from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView
from django.views.i18n import set_language

from apps.api.urls import urls as api_urls
from apps.core import health

admin.site.site_header = _("Coalition Tracker administration")
admin.site.site_title = _("Coalition Tracker")

urlpatterns = [
    path("healthz", login_not_required(never_cache(require_GET(health.healthz))), name="healthz"),
    path("readyz", login_not_required(never_cache(require_GET(health.readyz))), name="readyz"),
    # django.conf.urls.i18n's own route, open before login too: the log-in page has the language switcher.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("api/v1/", api_urls),  # answers 401/403 in JSON itself, never a log-in redirect
    path("accounts/tokens/", include("apps.accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # The unknown names' admin pages moved with their models to the names app: old links still find them.
    re_path(r"^admin/coalition/(?P<model>namecandidate|namesighting)/(?P<rest>.*)$",
            RedirectView.as_view(url="/admin/names/%(model)s/%(rest)s", permanent=True, query_string=True)),
    path("admin/", admin.site.urls),
    path("uploads/", include("apps.sources.urls")),
    path("names/", include("apps.names.urls")),
    path("review/", include("apps.review.urls")),
    path("statements/", include("apps.statements.urls")),
    path("audit/", include("apps.accounts.audit_urls")),
    path("", include("apps.timeline.urls")),
]

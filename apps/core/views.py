"""Platform pages: the audit log for admins."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from apps.accounts.permissions import can_read_audit_log
from apps.core.audit_log import ACTION_HINTS, AuditFilter, audit_page, object_url
from apps.core.http import AuthedRequest, permission_required
from apps.core.models import AuditEntry


@require_GET
@permission_required(can_read_audit_log)
def audit_log(request: AuthedRequest) -> HttpResponse:
    """Every recorded action, newest first, filtered by action, actor, object type and date."""
    flt = AuditFilter.from_query(request.GET)
    raw_after = request.GET.get("after", "")
    if raw_after and not raw_after.isdigit():
        raise Http404("No such page of the audit log.")
    page = audit_page(flt, after=int(raw_after) if raw_after else None)
    for entry in page.entries:
        entry.url = object_url(entry)
    context = {
        "flt": flt, "page": page, "object_types": sorted(_known_object_types()), "actions": ACTION_HINTS,
        "next_query": flt.querystring(after=str(page.next_after)) if page.next_after else "",
    }
    return TemplateResponse(request, "core/audit_log.html", context)


def _known_object_types() -> list[tuple[str, str]]:
    """Model labels that audit entries name (from the installed models, not from the table: no query)."""
    from django.apps import apps

    return [(model._meta.label_lower, str(model._meta.verbose_name)) for model in apps.get_models()
            if model is not AuditEntry and model._meta.app_label in {"sources", "coalition", "statements",
                                                                      "accounts", "auth", "timeline"}]

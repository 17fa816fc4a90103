"""Reading the audit log: filters from query parameters and keyset pages, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.models import AuditEntry

PAGE_SIZE = 50
# Offered as you type in the action filter (any prefix works).
ACTION_HINTS = ("upload.", "source.", "sources.reextract", "contribution.", "statement.", "name.", "person.",
                "member.", "permission.change", "login.failed", "token.")
# Where an entry's object can be looked at, by its model label.
OBJECT_PAGES = {
    "sources.sourcetext": "timeline:source_detail",
    "sources.upload": "sources:upload_detail",
    "sources.reextraction": "sources:reextraction_detail",
    "statements.statementdraft": "statements:detail",
    "coalition.contribution": "review:item",  # confirmed, corrected, rejected or added by an editor
}


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""  # an action or its prefix: "source." or "login.failed"
    actor: str = ""  # a username; "-" for the system
    object_type: str = ""
    date_from: date | None = None
    date_to: date | None = None
    errors: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: QueryDict) -> AuditFilter:
        errors: list[str] = []

        def day(name: str) -> date | None:
            raw = query.get(name, "").strip()
            if not raw:
                return None
            try:
                return date.fromisoformat(raw)
            except ValueError:
                errors.append(_("“%(value)s” is not a date (YYYY-MM-DD); it was left out.") % {"value": raw})
                return None

        return cls(action=query.get("action", "").strip()[:64], actor=query.get("actor", "").strip()[:150],
                   object_type=query.get("object_type", "").strip()[:64], date_from=day("date_from"),
                   date_to=day("date_to"), errors=tuple(errors))

    def apply(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        if self.action:
            entries = entries.filter(action__startswith=self.action)
        if self.actor == "-":
            entries = entries.filter(actor__isnull=True)
        elif self.actor:
            entries = entries.filter(actor__username=self.actor)
        if self.object_type:
            entries = entries.filter(object_type=self.object_type)
        zone = timezone.get_current_timezone()
        if self.date_from:
            entries = entries.filter(created_at__gte=datetime.combine(self.date_from, time.min, zone))
        if self.date_to:
            entries = entries.filter(created_at__lt=datetime.combine(self.date_to + timedelta(days=1), time.min, zone))
        return entries

    def querystring(self, **extra: str) -> str:
        params = {"action": self.action, "actor": self.actor, "object_type": self.object_type,
                  "date_from": self.date_from.isoformat() if self.date_from else "",
                  "date_to": self.date_to.isoformat() if self.date_to else "", **extra}
        return urlencode({k: v for k, v in params.items() if v})


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    next_after: int | None


def audit_page(flt: AuditFilter, *, after: int | None = None, size: int = PAGE_SIZE) -> AuditPage:
    """One page of entries, newest first, keyset on id (entries are append-only: id order is time order)."""
    entries = flt.apply(AuditEntry.objects.select_related("actor")).order_by("-id")
    if after is not None:
        entries = entries.filter(id__lt=after)
    rows = list(entries[: size + 1])
    return AuditPage(rows[:size], rows[size - 1].id if len(rows) > size else None)


def object_url(entry: AuditEntry) -> str:
    name = OBJECT_PAGES.get(entry.object_type)
    if not name or not entry.object_id.isdigit():
        return ""
    try:
        return reverse(name, args=[int(entry.object_id)])
    except NoReverseMatch:  # an app whose pages are not installed
        return ""

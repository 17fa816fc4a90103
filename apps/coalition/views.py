"""The names page for admins: unknown names seen in the news, each one click from being an alias."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts.permissions import can_manage_names
from apps.coalition import selectors, services
from apps.coalition.forms import LANGUAGE_CHOICES, AliasForm, MemberForm, PersonForm, form_errors_add
from apps.coalition.models import Member, NameCandidate, NameSighting
from apps.coalition.naming import code_suggest, name_fields_suggest, slug_suggest
from apps.core.exceptions import InvalidTransition
from apps.core.http import AuthedRequest, permission_required

PAGE_SIZE = 50
TEMPLATE = "coalition/name_candidates.html"
# The confirmation row stops asking for progress after this long (a worker may be down).
PROGRESS_POLL_FOR = timedelta(minutes=15)


@dataclass
class NameRow:
    """One candidate as its row shows it: examples, the values its forms start with, any errors."""

    candidate: NameCandidate
    examples: list[NameSighting]
    values: Mapping[str, Any]
    errors: Mapping[str, list[str]] = field(default_factory=dict)
    open: str = ""  # which of the row's folded forms to show unfolded ("person", "member")


def _suggested_values(candidate: NameCandidate, slugs: set[str], codes: set[str]) -> dict[str, str]:
    names = name_fields_suggest(candidate.text)
    role = Member.Role.ORGANISATION if candidate.hint == NameCandidate.Hint.ORGANISATION else Member.Role.OTHER
    return {"text": candidate.text, "language": "", "target": "", "slug": slug_suggest(candidate.text, slugs),
            "code": code_suggest(candidate.text, codes), "member": "", "role": role, **names}


def _page_context(request: AuthedRequest) -> dict[str, Any]:
    hint = request.GET.get("hint", "")
    if hint not in NameCandidate.Hint.values:
        hint = ""
    search = " ".join(request.GET.get("q", "").split())[:100]
    try:
        cursor = selectors.NameCursor.parse(request.GET.get("after", ""))
    except ValueError as error:
        raise Http404("This page link is broken.") from error
    page = selectors.names_page(hint=hint, search=search, after=cursor, size=PAGE_SIZE)
    examples = selectors.name_examples(c.pk for c in page.candidates)
    people, members = selectors.alias_targets()
    slugs, codes = {p.slug for p in people}, {m.code for m in members}
    rows = [NameRow(c, examples.get(c.pk, []), _suggested_values(c, slugs, codes)) for c in page.candidates]
    filters = {key: value for key, value in (("hint", hint), ("q", search)) if value}
    here = reverse("coalition:name_candidates")
    return {
        "rows": rows, "hint": hint, "search": search, "page_size": PAGE_SIZE,
        "next_url": f"{here}?{urlencode({**filters, 'after': str(page.next_cursor)})}" if page.next_cursor else "",
        "first_url": f"{here}?{urlencode(filters)}" if cursor else "",
        "filters": filters, "total": selectors.open_names(hint=hint, search=search).aggregate(n=Count("id"))["n"],
        "hints": NameCandidate.Hint.choices, "people": people, "members": members,
        "languages": LANGUAGE_CHOICES, "roles": Member.Role.choices, "back": request.get_full_path(),
    }


@require_GET
@permission_required(can_manage_names)
def name_candidates(request: AuthedRequest) -> HttpResponse:
    """Open unknown names, most seen first, a keyset page at a time, with their actions."""
    return TemplateResponse(request, TEMPLATE, _page_context(request))


def _back(request: AuthedRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()) and target.startswith("/"):
        return target
    return reverse("coalition:name_candidates")


def _done(request: AuthedRequest, candidate: NameCandidate, message: str, *, queued: int = 0,
          level: int = messages.SUCCESS) -> HttpResponse:
    """The row becomes a confirmation (htmx), or the page comes back with a message (plain POST)."""
    if not request.htmx:
        messages.add_message(request, level, message)
        return redirect(_back(request))
    context = {"candidate": candidate, "message": message, "queued": queued, "reread": 0,
               "polling": queued > 0, "failed": level == messages.ERROR, "announce": message}
    return TemplateResponse(request, TEMPLATE + "#name-done", context)


def _refused(request: AuthedRequest, candidate: NameCandidate, form: forms.Form, action: str) -> HttpResponse:
    """The row again with the errors beside its fields (htmx), or the page with them as a message."""
    # "__all__" is no name a template can read.
    errors = {"form" if name == NON_FIELD_ERRORS else name: list(texts) for name, texts in form.errors.items()}
    if not request.htmx:
        for texts in errors.values():
            for text in texts:
                messages.error(request, f"«{candidate.text}»: {text}")
        return redirect(_back(request))
    values = {key: request.POST.get(key, "") for key in
              ("text", "language", "target", "slug", "code", "member", "role", "name_en", "name_ru", "name_uk")}
    # The page around the row already holds the datalists its inputs point at.
    fresh = _suggested_values(candidate, set(), set())
    row = NameRow(candidate, selectors.name_examples([candidate.pk]).get(candidate.pk, []),
                  {**fresh, **{k: v for k, v in values.items() if k in request.POST}}, errors,
                  open=action if action in {"person", "member"} else "")
    context = {"row": row, "languages": LANGUAGE_CHOICES, "roles": Member.Role.choices, "back": _back(request)}
    return TemplateResponse(request, TEMPLATE + "#name-row", context)


def _attempt(request: AuthedRequest, candidate: NameCandidate, form: forms.Form, action: str,
             call: Callable[[], services.NameResolution | NameCandidate]) -> HttpResponse:
    if not form.is_valid():
        return _refused(request, candidate, form, action)
    try:
        outcome = call()
    except InvalidTransition as error:
        return _done(request, candidate, str(error), level=messages.ERROR)
    except ValidationError as error:
        form_errors_add(form, error)
        return _refused(request, candidate, form, action)
    if isinstance(outcome, services.NameResolution):
        return _done(request, outcome.candidate, outcome.message, queued=outcome.queued)
    return _done(request, outcome, gettext("«%(name)s» was dismissed; it will not be listed again.") % {
        "name": outcome.text})


@require_POST
@permission_required(can_manage_names)
def name_alias(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """Make the name an alias of an existing person or member."""
    candidate = get_object_or_404(NameCandidate, pk=candidate_id)
    form = AliasForm(request.POST)
    return _attempt(request, candidate, form, "alias", lambda: services.name_candidate_alias(
        candidate=candidate, actor=request.user, text=form.cleaned_data["text"],
        language=form.cleaned_data["language"], person=form.cleaned_data["person"],
        member=form.cleaned_data["member"]))


@require_POST
@permission_required(can_manage_names)
def name_new_person(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """Create a person from the name, the name as their alias."""
    candidate = get_object_or_404(NameCandidate, pk=candidate_id)
    form = PersonForm(request.POST)
    return _attempt(request, candidate, form, "person", lambda: services.name_candidate_create_person(
        candidate=candidate, actor=request.user, **form.cleaned_data))


@require_POST
@permission_required(can_manage_names)
def name_new_member(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """Create a member from the name, the name as its alias."""
    candidate = get_object_or_404(NameCandidate, pk=candidate_id)
    form = MemberForm(request.POST)
    return _attempt(request, candidate, form, "member", lambda: services.name_candidate_create_member(
        candidate=candidate, actor=request.user, **form.cleaned_data))


@require_POST
@permission_required(can_manage_names)
def name_dismiss(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """Stop listing the name."""
    candidate = get_object_or_404(NameCandidate, pk=candidate_id)
    return _attempt(request, candidate, forms.Form(request.POST), "dismiss",
                    lambda: services.name_candidate_dismiss(candidate=candidate, actor=request.user))


@require_GET
@vary_on_headers("HX-Request")
@permission_required(can_manage_names)
def name_progress(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """The confirmation row of an aliased name: how many of its articles were re-read so far."""
    if not request.htmx:
        return redirect("coalition:name_candidates")
    candidate = get_object_or_404(
        NameCandidate.objects.select_related("alias__person__member", "alias__member"), pk=candidate_id)
    try:
        queued = max(0, min(int(request.GET.get("queued", "0")), 1_000_000))
    except ValueError:
        queued = 0
    if candidate.alias is None:
        return _done(request, candidate, services.candidate_state_sentence(candidate))
    waiting = selectors.name_reextract_waiting(candidate)
    resolution = services.NameResolution(candidate=candidate, alias=candidate.alias, queued=queued)
    recent = candidate.resolved_at is not None and timezone.now() - candidate.resolved_at < PROGRESS_POLL_FOR
    polling = waiting > 0 and recent
    reread = max(queued - waiting, 0)
    finished = ngettext("«%(alias)s»: %(reread)d of %(count)d article re-read.",
                        "«%(alias)s»: %(reread)d of %(count)d articles re-read.", queued) % {
        "alias": candidate.alias.text, "reread": reread, "count": queued}
    message = resolution.message if polling else gettext("«%(alias)s» is now an alias of %(target)s.") % {
        "alias": candidate.alias.text, "target": resolution.target}
    context = {"candidate": candidate, "message": message, "queued": queued, "reread": reread,
               "polling": polling, "failed": False, "announce": "" if polling else finished}
    return TemplateResponse(request, TEMPLATE + "#name-done", context)

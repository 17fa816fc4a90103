"""The names page for admins: unknown names seen in the news, each one click from being an alias."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.permissions import can_manage_names
from apps.coalition.models import Member
from apps.core.exceptions import InvalidTransition
from apps.core.forms import form_errors_add
from apps.names import selectors, services
from apps.names.forms import (
    LANGUAGE_CHOICES,
    MAX_CHOSEN_NAMES,
    AliasForm,
    MemberForm,
    NamesChoiceForm,
    PersonForm,
)
from apps.names.models import NameCandidate, NameSighting
from apps.names.naming import code_suggest, name_fields_suggest, slug_suggest
from apps.sources.receive import sources_reextract_queue

PAGE_SIZE = 50
TEMPLATE = "names/name_candidates.html"
# After a plain POST's bulk dismissal the page is asked for with the ids it dismissed, to offer their undo.
DISMISSED_PARAM = "dismissed"
MESSAGE_NAMES = 10  # names quoted in an outcome message, then "…"
LEVELS = {"success": messages.SUCCESS, "warning": messages.WARNING, "error": messages.ERROR}
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


def _page_context(request: AuthedRequest, query: QueryDict | None = None, back: str = "") -> dict[str, Any]:
    """The page for `query` (the request's own by default); `back` is where its forms return to."""
    query = request.GET if query is None else query
    hint = query.get("hint", "")
    if hint not in NameCandidate.Hint.values:
        hint = ""
    search = " ".join(query.get("q", "").split())[:100]
    try:
        cursor = selectors.NameCursor.parse(query.get("after", ""))
    except ValueError as error:
        raise Http404("This page link is broken.") from error
    page = selectors.names_page(hint=hint, search=search, after=cursor, size=PAGE_SIZE)
    examples = selectors.name_examples(c.pk for c in page.candidates)
    people, members = selectors.alias_targets()
    slugs, codes = {p.slug for p in people}, {m.code for m in members}
    rows = [NameRow(c, examples.get(c.pk, []), _suggested_values(c, slugs, codes)) for c in page.candidates]
    filters = {key: value for key, value in (("hint", hint), ("q", search)) if value}
    here = reverse("names:name_candidates")
    return {
        "rows": rows, "hint": hint, "search": search, "page_size": PAGE_SIZE,
        "next_url": f"{here}?{urlencode({**filters, 'after': str(page.next_cursor)})}" if page.next_cursor else "",
        "first_url": f"{here}?{urlencode(filters)}" if cursor else "",
        "filters": filters, "total": selectors.open_names(hint=hint, search=search).aggregate(n=Count("id"))["n"],
        "hints": NameCandidate.Hint.choices, "people": people, "members": members,
        "languages": LANGUAGE_CHOICES, "roles": Member.Role.choices,
        "back": back or _without_dismissed(request.get_full_path()),
        "outcome": "", "outcome_level": "", "undo": [], "errors": [],
        **_dismissed_context(query),
    }


def _dismissed_context(query: QueryDict) -> dict[str, Any]:
    """After a plain POST dismissed names in bulk: the outcome and its undo, for the names still dismissed."""
    raw = query.get(DISMISSED_PARAM, "")
    try:
        ids = [int(part) for part in raw.split(",") if part][:MAX_CHOSEN_NAMES]
    except ValueError:
        ids = []
    if not ids:
        return {}
    undo = list(NameCandidate.objects.filter(pk__in=ids, state=NameCandidate.State.DISMISSED).order_by("pk")
                .only("id", "text"))
    if not undo:
        return {}
    return {"outcome": _dismissed_message(undo, 0), "outcome_level": "success", "undo": undo}


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
    return reverse("names:name_candidates")


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
    errors = {"form" if name == NON_FIELD_ERRORS else name: [str(text) for text in texts]
              for name, texts in form.errors.items()}
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
        with transaction.atomic():  # the alias and the re-reading it asks for stand or fall together
            outcome = call()
            if isinstance(outcome, services.NameResolution) and outcome.source_ids:
                queued = sources_reextract_queue(actor=request.user, source_ids=list(outcome.source_ids)).total
                outcome = replace(outcome, queued=queued)
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


def _quoted(candidates: list[NameCandidate]) -> str:
    """«A», «B», «C» … for a message (the template escapes it)."""
    shown = ", ".join(f"«{c.text}»" for c in candidates[:MESSAGE_NAMES])
    return shown + (" …" if len(candidates) > MESSAGE_NAMES else "")


def _dismissed_message(changed: list[NameCandidate], skipped: int) -> str:
    values = {"count": len(changed), "names": _quoted(changed)}
    message = ngettext("%(count)d name was dismissed: %(names)s. It will not be listed again.",
                       "%(count)d names were dismissed: %(names)s. They will not be listed again.",
                       len(changed)) % values
    if skipped:
        message += " " + ngettext("%(count)d ticked name was no longer open.",
                                  "%(count)d ticked names were no longer open.", skipped) % {"count": skipped}
    return message


def _reopened_message(changed: list[NameCandidate], skipped: int) -> str:
    values = {"count": len(changed), "names": _quoted(changed)}
    message = ngettext("%(count)d name is listed again: %(names)s.",
                       "%(count)d names are listed again: %(names)s.", len(changed)) % values
    if skipped:
        message += " " + ngettext("%(count)d name was no longer dismissed.",
                                  "%(count)d names were no longer dismissed.", skipped) % {"count": skipped}
    return message


def _bulk(request: AuthedRequest, *, dismiss: bool) -> HttpResponse:
    """Dismiss (or reopen) the chosen names; answer with the list and the outcome (htmx) or the page."""
    back = _without_dismissed(_back(request))
    form = NamesChoiceForm(request.POST)
    outcome, level = "", "success"
    undo: list[NameCandidate] = []
    errors: list[str] = []
    if form.is_valid():
        action = services.name_candidates_dismiss if dismiss else services.name_candidates_reopen
        change = action(candidate_ids=form.cleaned_data["candidate"], actor=request.user)
        if not change.changed:
            level = "error"
            outcome = (gettext("None of the ticked names was still open.") if dismiss
                       else gettext("None of these names is still dismissed."))
        else:
            level = "warning" if change.skipped else "success"
            outcome = (_dismissed_message if dismiss else _reopened_message)(change.changed, change.skipped)
            undo = change.changed if dismiss else []
    else:
        errors = [str(text) for texts in form.errors.values() for text in texts]
    if not request.htmx:
        if undo:  # the page shows the outcome with its undo, for the names still dismissed
            separator = "&" if "?" in back else "?"
            return redirect(f"{back}{separator}{urlencode({DISMISSED_PARAM: ','.join(str(c.pk) for c in undo)})}")
        for text in [outcome] if outcome else errors:
            messages.add_message(request, LEVELS[level], text)
        return redirect(back)
    context = _page_context(request, QueryDict(urlsplit(back).query), back=back)
    context.update(outcome=outcome, outcome_level=level, undo=undo, errors=errors)
    return TemplateResponse(request, TEMPLATE + "#names-list", context)


def _without_dismissed(url: str) -> str:
    """The page's address without the outcome of an earlier bulk dismissal."""
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    query.pop(DISMISSED_PARAM, None)
    return parts.path + (f"?{query.urlencode()}" if query else "")


@require_POST
@permission_required(can_manage_names)
def names_dismiss(request: AuthedRequest) -> HttpResponse:
    """Dismiss the names ticked on the page, all at once; the answer offers to undo it."""
    return _bulk(request, dismiss=True)


@require_POST
@permission_required(can_manage_names)
def names_reopen(request: AuthedRequest) -> HttpResponse:
    """List again the names a bulk dismissal took off the page (its undo)."""
    return _bulk(request, dismiss=False)


@require_GET
@vary_on_headers("HX-Request")
@permission_required(can_manage_names)
def name_progress(request: AuthedRequest, candidate_id: int) -> HttpResponse:
    """The confirmation row of an aliased name: how many of its articles were re-read so far."""
    if not request.htmx:
        return redirect("names:name_candidates")
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

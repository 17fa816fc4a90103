"""Statement pages: the list, a draft with its revisions, comments and review, editing, comparing, and the
workflow's POST endpoints. Views parse and render; ``services`` checks permission, state and version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.permissions import can_decide_statements, can_edit_statements, can_view_statements
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.statements import selectors, services
from apps.statements.forms import (
    CommentForm,
    CompareForm,
    DecisionForm,
    DraftCreateForm,
    DraftEditForm,
    RejectForm,
    RequestChangesForm,
    SeenForm,
)
from apps.statements.models import Comment, Review, Revision, StatementDraft
from apps.statements.selectors import Thread
from apps.statements.text import Diff, word_diff

PAGE_SIZE = 50
DETAIL = "statements/draft_detail.html"
EDIT = "statements/draft_edit.html"
Status = StatementDraft.Status


# --- List ------------------------------------------------------------------------------------------------


@require_GET
@permission_required(can_view_statements)
def draft_list(request: AuthedRequest) -> HttpResponse:
    """Drafts most recently changed first, filtered by state, a keyset page at a time, with counts per state."""
    status = request.GET.get("state", "")
    if status not in Status.values:
        status = ""
    try:
        cursor = selectors.DraftCursor.parse(request.GET.get("after", ""))
    except ValueError as error:
        raise Http404("This page link is broken.") from error
    page = selectors.drafts_page(status=status, after=cursor, size=PAGE_SIZE)
    counts = selectors.status_counts()
    here = reverse("statements:list")
    filters = {"state": status} if status else {}
    states = [("", _("All"), counts[""])] + [(value, label, counts[value]) for value, label in Status.choices]
    context = {
        "page": page, "status": status, "states": states, "counts": counts,
        "next_url": f"{here}?{urlencode({**filters, 'after': str(page.next_cursor)})}" if page.next_cursor else "",
        "first_url": f"{here}?{urlencode(filters)}" if cursor else "",
        "can_create": can_edit_statements(request.user),
    }
    return TemplateResponse(request, "statements/draft_list.html", context)


@require_http_methods(["GET", "POST"])
@permission_required(can_edit_statements)
def draft_new(request: AuthedRequest) -> HttpResponse:
    """An editor writes a new draft: its first revision."""
    form = DraftCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.draft_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_add(form, error)
        else:
            messages.success(request, _("The draft was created."))
            if request.htmx:
                return HttpResponseClientRedirect(draft.get_absolute_url())
            return redirect(draft)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "statements/draft_new.html", {"form": form}, status=status)


# --- A draft ---------------------------------------------------------------------------------------------


@dataclass
class RevisionRow:
    revision: Revision
    threads: list[Thread]
    previous: int | None  # the number of the revision before, to compare with
    comment_error: str = ""  # why the comment just posted on it was refused


@dataclass
class Conflict:
    """What changed since the user's form was made: who did what, the state then and now, the text's diff."""

    message: str
    entries: list[AuditEntry]
    base_status_label: str
    base_revision: Revision | None
    current: Revision | None
    diff_html: str = ""
    words_added: int = 0
    words_removed: int = 0


@dataclass
class Panel:
    """Everything the draft page shows besides the draft itself."""

    notice: str = ""
    error: str = ""
    conflict: Conflict | None = None
    forms: dict[str, forms.Form] = field(default_factory=dict)
    comment_error: tuple[int, str] | None = None  # (revision number, message)


def _draft_or_404(draft_id: int) -> StatementDraft:
    try:
        return selectors.draft_for_page(draft_id)
    except StatementDraft.DoesNotExist as error:
        raise Http404("No such statement draft.") from error


def _conflict(draft: StatementDraft, error: services.DraftConflict) -> Conflict:
    wanted = [n for n in (error.base_revision, getattr(draft.current_revision, "number", None)) if n]
    found = selectors.revisions_by_number(draft, wanted)
    base = found.get(error.base_revision) if error.base_revision else None
    current = found.get(draft.current_revision.number) if draft.current_revision else None
    conflict = Conflict(message=str(error), entries=selectors.changes_since(draft, error.base_version),
                        base_status_label=str(Status(error.base_status).label) if error.base_status in Status.values
                        else "", base_revision=base, current=current)
    if base is not None and current is not None and base.pk != current.pk:
        diff = word_diff(base.text, current.text)
        conflict.diff_html = mark_safe(diff.inline_html())  # noqa: S308 - the diff escapes both texts
        conflict.words_added, conflict.words_removed = diff.words_added, diff.words_removed
    return conflict


def ids(form_key: str) -> str:
    """Each of the page's forms has ids of its own (two reason fields must not share one label)."""
    return f"{form_key}-%s"


def _detail_context(request: AuthedRequest, draft: StatementDraft, panel: Panel | None = None) -> dict[str, Any]:
    panel = panel or Panel()
    revisions = selectors.revisions_of(draft)
    threads = selectors.comment_threads(draft)
    reviews = selectors.reviews_of(draft)
    numbers = sorted(r.number for r in revisions)
    failed_on, failure = panel.comment_error or (0, "")
    rows = [RevisionRow(r, threads.get(r.pk, []), max((n for n in numbers if n < r.number), default=None),
                        failure if r.number == failed_on else "") for r in revisions]
    open_review = next((r for r in reviews if r.decision == Review.Decision.PENDING), None)
    actions = services.draft_actions(user=request.user, draft=draft, open_review=open_review)
    current = draft.current_revision
    forms_ = {
        "submit": SeenForm.for_draft(draft, auto_id=ids("submit")),
        "approve": DecisionForm.for_draft(draft, auto_id=ids("approve")),
        "changes": RequestChangesForm.for_draft(draft, auto_id=ids("changes")),
        "reject": RejectForm.for_draft(draft, auto_id=ids("reject")),
        **panel.forms,
    }
    last_decision = next((r for r in reviews if r.decision != Review.Decision.PENDING), None)
    return {
        "draft": draft, "current": current, "rows": rows, "reviews": reviews, "open_review": open_review,
        "last_decision": last_decision, "actions": actions, "panel": panel, "forms": forms_,
        "revision_count": len(revisions), "article_count": sum(1 for r in revisions if r.source_id),
        "compare_numbers": numbers,
        "compare_previous": max((n for n in numbers if current and n < current.number), default=None),
        "compare_approved": (draft.approved_revision.number if draft.approved_revision
                             and current and draft.approved_revision_id != current.pk else None),
        "comment_max": services.MAX_COMMENT_CHARS,
        "self_approval_refused": services.SELF_APPROVAL_REFUSED,
    }


def _render_detail(request: AuthedRequest, draft: StatementDraft, panel: Panel, *, status: int = 200) -> HttpResponse:
    # htmx swaps only 2xx answers: the panel carries the message either way.
    context = _detail_context(request, draft, panel)
    if request.htmx:
        return TemplateResponse(request, DETAIL + "#draft-body", context)
    return TemplateResponse(request, DETAIL, context, status=status)


@require_GET
@vary_on_headers("HX-Request")
@permission_required(can_view_statements)
def draft_detail(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """A draft: its current text and state, every revision with its author, time, note and article, the
    comments on each revision, and the actions this user may take now."""
    draft = _draft_or_404(draft_id)
    template = DETAIL + "#draft-body" if request.htmx else DETAIL
    return TemplateResponse(request, template, _detail_context(request, draft))


def _errors_add(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _attempt(request: AuthedRequest, draft_id: int, form_key: str, form: forms.Form,
             call: Callable[[StatementDraft], object], done: Callable[[StatementDraft], str]) -> HttpResponse:
    """Validate, call one service, and answer: the draft page (or its body, for htmx) with a notice, the
    form's errors, the reason a state refuses it, or what changed meanwhile."""
    draft = get_object_or_404(StatementDraft, pk=draft_id)
    if not form.is_valid():
        return _render_detail(request, _draft_or_404(draft_id), Panel(forms={form_key: form}), status=400)
    try:
        call(draft)
    except services.DraftConflict as conflict:
        draft = _draft_or_404(draft_id)
        fresh = type(form).for_draft(draft, auto_id=ids(form_key)) if isinstance(form, SeenForm) else form
        if "reason" in form.fields:
            fresh.initial["reason"] = form.cleaned_data.get("reason", "")
        return _render_detail(request, draft, Panel(conflict=_conflict(draft, conflict), forms={form_key: fresh}),
                              status=409)
    except InvalidTransition as error:
        return _render_detail(request, _draft_or_404(draft_id), Panel(error=str(error)), status=409)
    except ValidationError as error:
        _errors_add(form, error)
        return _render_detail(request, _draft_or_404(draft_id), Panel(forms={form_key: form}), status=400)
    draft = _draft_or_404(draft_id)
    notice = done(draft)
    if request.htmx:
        return _render_detail(request, draft, Panel(notice=notice))
    messages.success(request, notice)
    return redirect(draft)


@require_POST
@permission_required(can_edit_statements)
def draft_submit(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """Put the current revision up for review."""
    form = SeenForm(request.POST, auto_id=ids("submit"))

    def done(draft: StatementDraft) -> str:
        revision = draft.current_revision
        assert revision is not None, "a submitted draft has the revision it put up for review"
        return _("Revision %(number)d is in review; the editors were told by e-mail.") % {"number": revision.number}

    return _attempt(request, draft_id, "submit", form,
                    lambda draft: services.draft_submit(draft=draft, seen=form.seen(), actor=request.user), done)


def _decide(request: AuthedRequest, draft_id: int, decision: str, form_key: str, form: DecisionForm,
            done: str) -> HttpResponse:
    return _attempt(request, draft_id, form_key, form,
                    lambda draft: services.draft_decide(draft=draft, decision=decision, seen=form.seen(),
                                                        reason=form.cleaned_data.get("reason", ""),
                                                        actor=request.user),
                    lambda draft: done)


@require_POST
@permission_required(can_decide_statements)
def draft_approve(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """Approve the revision in review: it is frozen and the statement shows on the timeline."""
    return _decide(request, draft_id, Review.Decision.APPROVED, "approve",
                   DecisionForm(request.POST, auto_id=ids("approve")),
                   _("Approved. The approved revision is frozen and the statement shows on the timeline."))


@require_POST
@permission_required(can_decide_statements)
def draft_request_changes(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """Send the draft back to its editors."""
    return _decide(request, draft_id, Review.Decision.CHANGES_REQUESTED, "changes",
                   RequestChangesForm(request.POST, auto_id=ids("changes")),
                   _("Changes were requested; the draft's editors were told by e-mail."))


@require_POST
@permission_required(can_decide_statements)
def draft_reject(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """Reject the draft, with a reason."""
    return _decide(request, draft_id, Review.Decision.REJECTED, "reject",
                   RejectForm(request.POST, auto_id=ids("reject")),
                   _("The draft was rejected."))


@require_POST
@permission_required(can_edit_statements)
def comment_add(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """A comment on one revision, or a reply in its thread."""
    draft = get_object_or_404(StatementDraft, pk=draft_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        revision = get_object_or_404(Revision, draft=draft, number=form.cleaned_data["revision"])
        parent = None
        if form.cleaned_data.get("parent"):
            parent = get_object_or_404(Comment, draft=draft, pk=form.cleaned_data["parent"])
        try:
            services.comment_add(draft=draft, revision=revision, parent=parent, text=form.cleaned_data["text"],
                                 actor=request.user)
        except ValidationError as error:
            _errors_add(form, error)
        else:
            notice = _("Your comment on revision %(number)d was added.") % {"number": revision.number}
            if request.htmx:
                return _render_detail(request, _draft_or_404(draft_id), Panel(notice=notice))
            messages.success(request, notice)
            return redirect(reverse("statements:detail", args=[draft_id]) + f"#revision-{revision.number}")
    number = form.cleaned_data.get("revision") or 0
    message = "; ".join(str(e) for errors in form.errors.values() for e in errors)
    return _render_detail(request, _draft_or_404(draft_id), Panel(comment_error=(number, message)), status=400)


# --- Editing ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required(can_edit_statements)
def draft_edit(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """A new revision of the draft. The form carries the version it was based on: if the draft changed
    meanwhile, the page says what changed and keeps the editor's text; nothing is overwritten."""
    draft = _draft_or_404(draft_id)
    current = draft.current_revision
    context: dict[str, Any] = {"draft": draft, "current": current, "conflict": None, "error": ""}
    status = 200
    if request.method == "GET":
        form = DraftEditForm(initial={"title": draft.title, "text": current.text if current else "",
                                      "version": draft.version, "revision": getattr(current, "number", None),
                                      "seen_status": draft.status})
    else:
        form = DraftEditForm(request.POST)
        if form.is_valid():
            try:
                revision = services.draft_edit(draft=draft, text=form.cleaned_data["text"], seen=form.seen(),
                                               note=form.cleaned_data["note"], title=form.cleaned_data["title"],
                                               actor=request.user)
            except services.DraftConflict as conflict:
                draft = _draft_or_404(draft_id)
                context.update(draft=draft, current=draft.current_revision, conflict=_conflict(draft, conflict))
                # The editor's words stay in the form; saving again makes them a revision on top of the new one.
                form = DraftEditForm(initial={**form.cleaned_data, "version": draft.version,
                                              "revision": getattr(draft.current_revision, "number", None),
                                              "seen_status": draft.status})
                status = 409
            except InvalidTransition as error:
                context["error"], status = str(error), 409
            except ValidationError as error:
                _errors_add(form, error)
                status = 400
            else:
                messages.success(request, _("Revision %(number)d was saved.") % {"number": revision.number}
                                 if revision else _("The title was changed."))
                if request.htmx:
                    return HttpResponseClientRedirect(draft.get_absolute_url())
                return redirect(draft)
        else:
            status = 400
    context.update(form=form, editable=draft.status in services.EDITABLE)
    return TemplateResponse(request, EDIT, context, status=status)


# --- Comparing -------------------------------------------------------------------------------------------


@require_GET
@permission_required(can_view_statements)
def draft_compare(request: AuthedRequest, draft_id: int) -> HttpResponse:
    """A word-level diff of any two revisions, inline or side by side (``?a=&b=&view=``)."""
    draft = _draft_or_404(draft_id)
    numbers = selectors.revision_numbers(draft)
    current = draft.current_revision.number if draft.current_revision else (numbers[-1] if numbers else 1)
    # Without a choice: the current revision against the one before it.
    data = {name: request.GET.get(name, "").strip() for name in ("a", "b", "view")}
    data["b"] = data["b"] or str(current)
    if not data["a"] and data["b"].isdigit():
        data["a"] = str(max((n for n in numbers if n < int(data["b"])), default=int(data["b"])))
    form = CompareForm(data)
    if not form.is_valid():
        return TemplateResponse(request, "statements/draft_compare.html",
                                {"draft": draft, "form": form, "numbers": numbers}, status=400)
    a, b = form.cleaned_data["a"], form.cleaned_data["b"]
    found = selectors.revisions_by_number(draft, [a, b])
    if a not in found or b not in found:
        raise Http404("No such revision.")
    diff: Diff = word_diff(found[a].text, found[b].text)
    left, right = diff.side_by_side_html()
    view = form.cleaned_data.get("view") or "inline"
    context = {
        "draft": draft, "form": form, "numbers": numbers, "old": found[a], "new": found[b], "diff": diff,
        "view": view,
        "inline_html": mark_safe(diff.inline_html()),  # noqa: S308 - the diff escapes both texts
        "left_html": mark_safe(left), "right_html": mark_safe(right),  # noqa: S308 - likewise
        "approved_number": draft.approved_revision.number if draft.approved_revision else None,
        "other_view_query": urlencode({"a": a, "b": b, "view": "side" if view == "inline" else "inline"}),
    }
    return TemplateResponse(request, "statements/draft_compare.html", context)

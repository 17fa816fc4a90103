"""The review queue (/review/), one item at a time (/review/<id>/), a commitment the machine missed, added
from its article (/review/sources/<id>/add/), and the extraction's quality as measured by the editors' reviews
(/review/quality/), for editors and admins.

Every action is a form that works as a plain POST (then a redirect) and, with htmx, swaps the item
(or the queue) in place. The services re-check the permission, the state and the version.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.permissions import can_review, can_review_contribution
from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution, Language
from apps.core.exceptions import InvalidTransition
from apps.core.forms import form_errors_add
from apps.review import quality, readings, selectors, services
from apps.review.forms import AddForm, BulkForm, CorrectionForm, RejectForm, VersionForm, member_choices
from apps.review.selectors import QueueCursor, QueueFilter
from apps.sources.models import SourceText

PAGE_SIZE = 50
CONFIDENCE_BANDS = [("low", _("Low (under 50%)")), ("medium", _("Medium (50–80%)")),
                    ("high", _("High (from 80%)"))]
ORDERS = [(selectors.UNSURE_FIRST, _("Least sure first")), (selectors.NEWEST, _("Newest first"))]
QUEUE = "review/queue.html"
ITEM = "review/item.html"
ADD = "review/add.html"
QUALITY = "review/quality.html"


def _with_filters(url: str, flt: QueueFilter) -> str:
    return f"{url}?{flt.querystring()}" if not flt.is_empty else url


def item_url(contribution_id: int, flt: QueueFilter) -> str:
    return _with_filters(reverse("review:item", args=[contribution_id]), flt)


# --- The queue --------------------------------------------------------------------------------------


def _queue_context(flt: QueueFilter, cursor: QueueCursor | None, outcome: str = "", outcome_level: str = "success",
                   errors: list[str] | None = None) -> dict[str, Any]:
    page = selectors.queue_page(flt=flt, after=cursor, size=PAGE_SIZE)
    here = reverse("review:queue")
    query = flt.querystring()
    return {
        "flt": flt, "page": page, "total": selectors.waiting(flt).count(),
        "next_url": f"{here}?{query}{'&' if query else ''}after={page.next_cursor}" if page.next_cursor else "",
        "first_url": _with_filters(here, flt) if cursor else "",
        "item_query": f"?{query}" if query else "",
        "members": member_choices(), "types": CommitmentType.choices, "statuses": CommitmentStatus.choices,
        "languages": Language.choices, "outcome": outcome, "outcome_level": outcome_level, "errors": errors or [],
        "confidence_bands": CONFIDENCE_BANDS, "orders": ORDERS,
    }


@require_GET
@permission_required(can_review)
def review_queue(request: AuthedRequest) -> HttpResponse:
    """Machine-read commitments waiting for an editor, newest first, a keyset page at a time, with filters."""
    flt = QueueFilter.from_query(request.GET)
    try:
        cursor = QueueCursor.parse(request.GET.get("after", ""), flt.order)
    except ValueError as error:
        raise Http404("This page link is broken.") from error
    return TemplateResponse(request, QUEUE, _queue_context(flt, cursor))


@require_POST
@permission_required(can_review)
def review_bulk(request: AuthedRequest) -> HttpResponse:
    """Confirm or reject the selected commitments; those that changed meanwhile are skipped and named."""
    flt = QueueFilter.from_query(request.POST)
    form = BulkForm(request.POST)
    outcome, level, errors = "", "success", []
    if form.is_valid():
        items, action = form.cleaned_data["items"], form.cleaned_data["action"]
        try:
            if action == "confirm":
                result = services.contributions_bulk_confirm(items=items, actor=request.user)
            else:
                result = services.contributions_bulk_reject(items=items, actor=request.user,
                                                            note=form.cleaned_data["note"])
        except ValidationError as error:
            errors = error.messages
        else:
            outcome, level = result.message, "warning" if result.skipped else "success"
    else:
        errors = [str(text) for texts in form.errors.values() for text in texts]
    if not request.htmx:
        if outcome:
            messages.add_message(request, messages.WARNING if level == "warning" else messages.SUCCESS, outcome)
        for text in errors:
            messages.error(request, text)
        return redirect(_with_filters(reverse("review:queue"), flt))
    context = _queue_context(flt, None, outcome, level, errors)
    return TemplateResponse(request, QUEUE + "#review-queue", context)


# --- One item ----------------------------------------------------------------------------------------


def _item_context(request: AuthedRequest, contribution: Contribution, flt: QueueFilter, *,
                  correction: CorrectionForm | None = None, reject: RejectForm | None = None,
                  conflict: services.ReviewConflict | None = None, error: str = "",
                  outcome: str = "") -> dict[str, Any]:
    source = contribution.source
    rows = (source.report or {}).get("highlights") or []
    previous_id, next_id = selectors.queue_neighbours(contribution, flt)
    initial = {"version": contribution.version, "actor": contribution.actor.code, "type": contribution.type,
               "status": contribution.status, "stated_on": contribution.stated_on, "evidence": contribution.evidence,
               "note": contribution.review_note}
    return {
        "contribution": contribution, "source": source, "flt": flt,
        "passage": selectors.passage(contribution, source.text or "", rows),
        "previous_url": item_url(previous_id, flt) if previous_id else "",
        "next_url": item_url(next_id, flt) if next_id else "",
        "queue_url": _with_filters(reverse("review:queue"), flt),
        "correction": correction or CorrectionForm(initial=initial),
        "reject": reject or RejectForm(initial={"version": contribution.version}),
        "open_form": "correct" if correction is not None else "reject" if reject is not None else "",
        "conflict": conflict, "error": error, "outcome": outcome,
        "can_review": can_review_contribution(request.user, contribution),
        "can_confirm": contribution.review_state in (Contribution.ReviewState.MACHINE,
                                                     Contribution.ReviewState.REJECTED),
        "can_reject": contribution.review_state != Contribution.ReviewState.REJECTED,
        "waiting": selectors.waiting(flt).count(),
    }


def _item_response(request: AuthedRequest, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    if request.htmx:  # htmx swaps 2xx answers only: the conflict or the errors are in the fragment itself
        return TemplateResponse(request, ITEM + "#review-item", context)
    return TemplateResponse(request, ITEM, context, status=status)


def _loaded(contribution_id: int) -> Contribution:
    contribution = selectors.review_item(contribution_id)
    if contribution is None:
        raise Http404("No such commitment.")
    return contribution


@require_GET
@permission_required(can_review)
def review_item(request: AuthedRequest, contribution_id: int) -> HttpResponse:
    """One commitment: its sentence highlighted in its paragraph, the machine's reading, the actions."""
    contribution = _loaded(contribution_id)
    return _item_response(request, _item_context(request, contribution, QueueFilter.from_query(request.GET)))


def _advance(request: AuthedRequest, done: Contribution, flt: QueueFilter, message: str) -> HttpResponse:
    """After an action: the next waiting item (in place with htmx, by redirect without), or the queue."""
    next_id = selectors.queue_next(QueueCursor.of(done, flt.order), flt)
    if not request.htmx:
        messages.success(request, message)
        return redirect(item_url(next_id, flt) if next_id else _with_filters(reverse("review:queue"), flt))
    if next_id is None:
        queue_url = _with_filters(reverse("review:queue"), flt)
        context = {"contribution": None, "flt": flt, "outcome": message, "queue_url": queue_url}
        response = TemplateResponse(request, ITEM + "#review-item", context)
        response["HX-Push-Url"] = queue_url
        return response
    context = _item_context(request, _loaded(next_id), flt, outcome=message)
    response = TemplateResponse(request, ITEM + "#review-item", context)
    response["HX-Push-Url"] = item_url(next_id, flt)
    return response


def _refused(request: AuthedRequest, contribution_id: int, flt: QueueFilter, **problem: Any) -> HttpResponse:
    """The item again, as it is now, with what went wrong: a conflict, errors on a form, a message."""
    contribution = selectors.review_item(contribution_id)
    if contribution is None:
        message = str(problem.get("error") or gettext("This commitment no longer exists."))
        if not request.htmx:
            messages.error(request, message)
            return redirect(_with_filters(reverse("review:queue"), flt))
        context = {"contribution": None, "flt": flt, "error": message,
                   "queue_url": _with_filters(reverse("review:queue"), flt)}
        return TemplateResponse(request, ITEM + "#review-item", context)
    status = 409 if problem.get("conflict") else 400
    return _item_response(request, _item_context(request, contribution, flt, **problem), status=status)


def _attempt(request: AuthedRequest, contribution_id: int, form: VersionForm, kind: str, act: Any,
             done_message: str) -> HttpResponse:
    # A correction's filters come in its URL: its own fields type and status would read as filters in the POST.
    flt = QueueFilter.from_query(request.GET if kind == "correct" else request.POST)
    bad_form = {"correction": form} if kind == "correct" else {"reject": form} if kind == "reject" else {}
    if not form.is_valid():
        return _refused(request, contribution_id, flt, error=" ".join(
            str(text) for texts in form.errors.values() for text in texts) if not bad_form else "", **bad_form)
    try:
        done = act(form.cleaned_data)
    except services.ReviewConflict as conflict:
        return _refused(request, contribution_id, flt, conflict=conflict)
    except InvalidTransition as error:
        return _refused(request, contribution_id, flt, error=str(error))
    except ValidationError as error:
        if not bad_form:
            return _refused(request, contribution_id, flt, error=" ".join(error.messages))
        form_errors_add(form, error)
        return _refused(request, contribution_id, flt, **bad_form)
    return _advance(request, done, flt, done_message % {"reading": readings.Reading.of(done).label})


@require_POST
@permission_required(can_review)
def review_confirm(request: AuthedRequest, contribution_id: int) -> HttpResponse:
    """The machine read it right."""
    contribution = get_object_or_404(Contribution.objects.only("id"), pk=contribution_id)
    return _attempt(request, contribution_id, VersionForm(request.POST), "confirm", lambda data: (
        services.contribution_confirm(contribution=contribution, version=data["version"], actor=request.user)),
        gettext("Confirmed: %(reading)s."))


@require_POST
@permission_required(can_review)
def review_reject(request: AuthedRequest, contribution_id: int) -> HttpResponse:
    """Not a commitment (or not this one)."""
    contribution = get_object_or_404(Contribution.objects.only("id"), pk=contribution_id)
    return _attempt(request, contribution_id, RejectForm(request.POST), "reject", lambda data: (
        services.contribution_reject(contribution=contribution, version=data["version"], actor=request.user,
                                     note=data["note"])),
        gettext("Rejected: %(reading)s."))


@require_POST
@permission_required(can_review)
def review_correct(request: AuthedRequest, contribution_id: int) -> HttpResponse:
    """The editor's reading replaces the machine's, which is kept beside it."""
    contribution = get_object_or_404(Contribution.objects.only("id"), pk=contribution_id)
    return _attempt(request, contribution_id, CorrectionForm(request.POST), "correct", lambda data: (
        services.contribution_correct(contribution=contribution, version=data["version"], actor=request.user,
                                      member=data["actor"], type=data["type"], status=data["status"],
                                      evidence=data["evidence"], note=data["note"], stated_on=data["stated_on"])),
        gettext("Corrected: %(reading)s."))


# --- A commitment the machine missed ----------------------------------------------------------------------


def _add_context(source: SourceText, form: AddForm, *, came_from_id: int | None,
                 picked: tuple[int, int] | None = None, already: services.AlreadyStated | None = None,
                 error: str = "") -> dict[str, Any]:
    events, contributions, came_from = selectors.add_page_rows(source.pk, came_from_id)
    text = source.text or ""
    if picked is None and came_from is not None:
        picked = selectors.sentence_of(text, came_from.evidence)  # most often the missed one is said beside it
    return {
        "source": source, "form": form, "error": error, "already": already,
        "already_url": reverse("review:item", args=[already.existing_id]) if already else "",
        "paragraphs": selectors.sentence_picker(text, events, contributions, picked) if text else None,
        "contributions": contributions, "came_from": came_from,
        "back_url": reverse("review:item", args=[came_from.pk]) if came_from else reverse(
            "timeline:source_detail", args=[source.pk]),
        "can_add": source.status == SourceText.Status.INGESTED and bool(text),
    }


def _came_from(request: AuthedRequest) -> int | None:
    raw = request.POST.get("from") or request.GET.get("from") or ""
    return int(raw) if raw.isdigit() else None


@require_http_methods(["GET", "POST"])
@permission_required(can_review)
def review_add(request: AuthedRequest, source_id: int) -> HttpResponse:
    """Add a commitment the machine missed: who, what, in which state, when, and its sentence in the article."""
    source = get_object_or_404(SourceText.objects.defer("raw_bytes"), pk=source_id)
    text = source.text or ""
    came_from_id = _came_from(request)
    if request.method == "GET":
        form = AddForm(text=text)
        return TemplateResponse(request, ADD, _add_context(source, form, came_from_id=came_from_id))
    form = AddForm(request.POST, text=text, sentences=selectors.article_sentences(text))
    problem: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = services.contribution_add(source=source, actor=request.user, member=data["actor"],
                                              type=data["type"], status=data["status"], evidence=data["evidence"],
                                              at=data["at"], stated_on=data["stated_on"], note=data["note"])
        except InvalidTransition as refused:
            problem["error"] = str(refused)
        except ValidationError as refused:
            form_errors_add(form, refused)
            if isinstance(refused, services.AlreadyStated):
                problem["already"] = refused
        else:
            messages.success(request, gettext("Added: %(reading)s.") % {"reading": readings.Reading.of(added).label})
            done_url = f"{reverse('timeline:source_detail', args=[source.pk])}#commitment-{added.pk}"
            # htmx: the whole source page, where the added commitment now shows (the message with it).
            return HttpResponseClientRedirect(done_url) if request.htmx else redirect(done_url)
    # The sentence picked stays picked (when it was one of the article's) for the editor to send again.
    context = _add_context(source, form, came_from_id=came_from_id, picked=form.cleaned_data.get("sentence"),
                           **problem)
    if request.htmx:  # htmx swaps 2xx answers only: the errors are in the fragment itself
        return TemplateResponse(request, ADD + "#add-form", context)
    return TemplateResponse(request, ADD, context, status=400)
# --- The extraction measured by the reviews -------------------------------------------------------------


@require_GET
@permission_required(can_review)
def review_quality(request: AuthedRequest) -> HttpResponse:
    """Today's rules scored against the editors' truth, by field, language and month; the corrections editors make
    most, with examples."""
    report = quality.quality_cached()
    states = [(label, report.states[value]) for value, label in Contribution.ReviewState.choices
              if report.states.get(value)]
    return TemplateResponse(request, QUALITY, {"report": report, "states": states})

"""Upload pages for admins: hand in files, watch each one's status live, retry a refusal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.db.models.functions import Length
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from apps.accounts.http import AuthedRequest, permission_required
from apps.accounts.permissions import can_upload
from apps.core.exceptions import InvalidTransition
from apps.sources import receive
from apps.sources.forms import UploadForm
from apps.sources.models import Channel, Reextraction, SourceText, Upload

if TYPE_CHECKING:
    from apps.sources.models import UploadWithCounts

UPLOADS_SHOWN = 50


def _named_data(files: list[UploadedFile]) -> Iterator[tuple[str, bytes]]:
    for uploaded in files:
        yield uploaded.name or "unnamed", uploaded.read()


@require_http_methods(["GET", "POST"])
@permission_required(can_upload)
def upload_list(request: AuthedRequest) -> HttpResponse:
    """The upload form and the latest uploads with their counts."""
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["files"]
        label = files[0].name if len(files) == 1 else f"{len(files)} files"
        upload = receive.upload_receive(actor=request.user, channel=Channel.WEB, files=_named_data(files),
                                         label=label)
        if upload.queued_later:
            messages.warning(request, _("The files are stored, but the processing queue cannot be reached just now. "
                                        "Processing will start by itself once it is back; nothing needs uploading "
                                        "again."))
        if request.htmx:
            return HttpResponseClientRedirect(upload.get_absolute_url())
        return redirect(upload)
    uploads = Upload.objects.with_counts().newest_first().select_related("uploaded_by")[:UPLOADS_SHOWN]
    return TemplateResponse(request, "sources/upload_list.html", {"form": form, "uploads": uploads},
                            status=400 if form.errors else 200)


@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
@permission_required(can_upload)
def upload_detail(request: AuthedRequest, upload_id: int) -> HttpResponse:
    """One upload: every file's status; the table polls itself while work is pending."""
    uploads = Upload.objects.with_counts().select_related("uploaded_by")
    upload: UploadWithCounts = get_object_or_404(uploads, pk=upload_id)
    sources = upload.sources.only(
        "id", "original_name", "status", "refusal_reason", "language", "published_on", "date_found",
        "duplicate_of_id", "size_bytes", "upload_id",
    ).annotate(stored_bytes=Length("raw_bytes")).order_by("id")
    context = {"upload": upload, "sources": sources, "pending": upload.queued_count > 0}
    template = "sources/upload_detail.html"
    return TemplateResponse(request, template + "#upload-files" if request.htmx else template, context)


@require_POST
@permission_required(can_upload)
def source_retry(request: AuthedRequest, source_id: int) -> HttpResponse:
    """Queue a refused file again, when its refusal can change."""
    source = get_object_or_404(SourceText.objects.defer("raw_bytes"), pk=source_id)
    try:
        receive.source_retry(source=source, actor=request.user)
    except InvalidTransition as refused:
        messages.error(request, str(refused))
    target = source.upload.get_absolute_url() if source.upload else source.get_absolute_url()
    if request.htmx:
        return HttpResponseClientRedirect(target)
    return redirect(target)


@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
@permission_required(can_upload)
def reextraction_detail(request: AuthedRequest, reextraction_id: int) -> HttpResponse:
    """A re-extraction's progress; the panel polls itself until every source has been read again."""
    run = get_object_or_404(Reextraction.objects.select_related("requested_by"), pk=reextraction_id)
    done = run.done_count()
    context = {"run": run, "done": done, "pending": done < run.total}
    template = "sources/reextraction_detail.html"
    return TemplateResponse(request, template + "#reextraction-progress" if request.htmx else template, context)

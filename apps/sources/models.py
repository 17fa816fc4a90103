"""Uploaded article files: the bytes, what the ingest made of them, and the uploads they came in."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, TypeVar

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStampedModel
from apps.sources.refusals import refusal_can_change

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class Channel(models.TextChoices):
    WEB = "web", _("Web upload")
    CLI = "cli", _("Command line")
    INBOX = "inbox", _("Inbox folder")
    SEED = "seed", _("Seed")


class UploadCounts(TypedDict):
    """What ``UploadQuerySet.with_counts`` adds to each upload."""

    file_count: int
    queued_count: int
    finished_count: int
    ingested_count: int
    duplicate_count: int
    failed_count: int


_U = TypeVar("_U", bound="Upload")
if TYPE_CHECKING:
    UploadWithCounts = WithAnnotations["Upload", UploadCounts]


class UploadQuerySet(models.QuerySet[_U]):
    def with_counts(self) -> UploadQuerySet[UploadWithCounts]:
        """Counts per status, derived from the rows so they can never drift."""
        S = SourceText.Status
        return self.annotate(
            file_count=Count("sources"),
            queued_count=Count("sources", filter=Q(sources__status__in=[S.QUEUED, S.PROCESSING])),
            finished_count=Count("sources", filter=~Q(sources__status__in=[S.QUEUED, S.PROCESSING])),
            ingested_count=Count("sources", filter=Q(sources__status=S.INGESTED)),
            duplicate_count=Count("sources", filter=Q(sources__status=S.DUPLICATE)),
            failed_count=Count("sources", filter=Q(sources__status=S.FAILED)),
        )

    def newest_first(self) -> UploadQuerySet[_U]:
        """Meta.ordering, stated: Django leaves it out of a query that groups (as ``with_counts`` does)."""
        return self.order_by("-created_at", "-id")


class Upload(models.Model):
    """One batch of files handed in together (a web upload, a CLI run, an inbox scan)."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.WEB)
    label = models.CharField(max_length=255, blank=True, help_text=_("What was handed in, e.g. the zip's name."))

    objects = UploadQuerySet.as_manager()

    # Not stored: set while receiving when the broker could not take the upload's tasks. The files are kept
    # and stay queued; the reconciler sends them once the broker is back, and the upload page says so.
    queued_later: bool = False

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Upload {self.pk} ({self.get_channel_display()}, {self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("sources:upload_detail", args=[self.pk])


class SourceTextQuerySet(models.QuerySet["SourceText"]):
    def stuck(self, *, older_than: object) -> SourceTextQuerySet:
        """Sources whose task was lost: still queued or processing since before ``older_than``."""
        S = SourceText.Status
        return self.filter(status__in=[S.QUEUED, S.PROCESSING], status_changed_at__lt=older_than)


class SourceText(TimeStampedModel):
    """One article file. Its bytes and this row are committed before any task is queued."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        PROCESSING = "processing", _("Processing")
        INGESTED = "ingested", _("Ingested")
        FAILED = "failed", _("Refused")
        DUPLICATE = "duplicate", _("Duplicate")

    class DateFound(models.TextChoices):
        HEADER = "header", _("From the header")
        TEXT = "text", _("From the text")
        UNKNOWN = "unknown", _("Date unknown")

    sha256 = models.CharField(max_length=64, db_index=True)
    original_name = models.CharField(max_length=255)
    raw_bytes = models.BinaryField(blank=True, editable=False)
    size_bytes = models.PositiveIntegerField(default=0)
    encoding = models.CharField(max_length=32, blank=True)
    text = models.TextField(blank=True, help_text=_("The decoded article without its date header (the bytes keep it)."))
    language = models.CharField(max_length=8, blank=True, db_index=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    date_found = models.CharField(max_length=8, choices=DateFound.choices, default=DateFound.UNKNOWN)
    agency = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    refusal_reason = models.TextField(blank=True)
    report = models.JSONField(default=dict, blank=True, help_text=_("What the ingest did: encoding, header, notes."))
    attempts = models.PositiveSmallIntegerField(default=0)
    upload = models.ForeignKey(Upload, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="duplicates")
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = SourceTextQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # The same bytes are one source; later copies are rows of status "duplicate" pointing at it.
            # Refused files do not count, so a refusal never blocks a later, valid upload.
            models.UniqueConstraint(
                fields=["sha256"], name="source_sha256_unique_when_accepted",
                condition=Q(status__in=["queued", "processing", "ingested"]),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "status_changed_at"], name="source_status_changed"),
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("timeline:source_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.PROCESSING}

    @property
    def retryable(self) -> bool:
        """Whether Retry is offered (and accepted): a refused file whose bytes were kept, refused for a reason
        that can change (apps/sources/refusals.py). Lists annotate ``stored_bytes`` so the bytes stay unread."""
        if self.status != self.Status.FAILED:
            return False
        stored = getattr(self, "stored_bytes", None)
        if not (stored if stored is not None else self.raw_bytes):
            return False
        return refusal_can_change(self.refusal_reason)


class Reextraction(models.Model):
    """One request to read ingested sources again (all of them, or some), so its progress can be shown.

    A source counts as done once it was processed after the request: re-extraction stamps
    ``processed_at`` (an untouched source may also have been refused or deleted in between, which
    the progress tolerates by counting the sources that still exist).
    """

    started_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    total = models.PositiveIntegerField(default=0)
    # The sources re-read; null: every ingested source at the time of the request.
    source_ids = ArrayField(models.BigIntegerField(), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Re-extraction {self.pk} of {self.total} source(s)"

    def get_absolute_url(self) -> str:
        return reverse("sources:reextraction_detail", args=[self.pk])

    def done_count(self) -> int:
        """How many of its sources have been read again since the request (one query)."""
        done = SourceText.objects.filter(status=SourceText.Status.INGESTED, processed_at__gte=self.started_at)
        if self.source_ids is not None:
            done = done.filter(pk__in=self.source_ids)
        return min(done.count(), self.total)

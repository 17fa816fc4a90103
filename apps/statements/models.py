"""Statement drafts: a lineage of revisions (reported by articles or written by editors), their reviews
and the comments on them.

A ``StatementDraft`` is one draft statement as it evolves: every article that quotes it adds a revision
citing the article, every editor's edit adds a revision with its author and note. Revisions are never
rewritten; approving one freezes it (``approved_at``). The workflow lives in ``services``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStampedModel


class StatementDraftQuerySet(models.QuerySet["StatementDraft"]):
    def newest_first(self) -> StatementDraftQuerySet:
        return self.order_by("-updated_at", "-id")

    def approved(self) -> StatementDraftQuerySet:
        """Drafts with an approved revision, newest approval first (the timeline shows them)."""
        return self.filter(approved_revision__isnull=False).order_by("-approved_at", "-id")


class StatementDraft(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(_("state"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1, help_text=_("Bumped on every change, for conflict checks."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    source = models.ForeignKey("sources.SourceText", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="statement_drafts",
                               help_text=_("The article that reported it first, if any."))
    quotes = models.JSONField(default=list, blank=True, help_text=_("The quotes as the latest article reported them."))
    # The lineage key besides the wording: when the draft was reported (its articles' dates, for the
    # publication window) and which members its articles name.
    statement_date = models.DateField(_("date"), null=True, blank=True,
                                      help_text=_("When the draft was first reported (or the date an editor gave it)."))
    last_reported_on = models.DateField(null=True, blank=True)
    member_codes = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    current_revision = models.ForeignKey("Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    approved_revision = models.ForeignKey("Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="+", help_text=_("The last approved revision."))
    approved_at = models.DateTimeField(null=True, blank=True)

    objects = StatementDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("statement draft")
        verbose_name_plural = _("statement drafts")
        indexes = [
            models.Index(fields=["-updated_at", "-id"], name="draft_newest_first"),
            models.Index(fields=["status", "-updated_at", "-id"], name="draft_status_newest_first"),
            models.Index(fields=["-approved_at", "-id"], name="draft_approved_newest",
                         condition=Q(approved_revision__isnull=False)),
            models.Index(fields=["last_reported_on"], name="draft_last_reported"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("statements:detail", args=[self.pk])


class Revision(models.Model):
    class Kind(models.TextChoices):
        REPORTED = "reported", _("Reported by an article")
        EDITED = "edited", _("Written by an editor")

    draft = models.ForeignKey(StatementDraft, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.EDITED)
    text = models.TextField()
    note = models.CharField(_("note"), max_length=255, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    source = models.ForeignKey("sources.SourceText", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="statement_revisions", help_text=_("The article that reported it."))
    reported_on = models.DateField(null=True, blank=True, help_text=_("The reporting article's date."))
    based_on = models.PositiveIntegerField(null=True, blank=True, help_text=_("The revision an editor edited."))
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True, help_text=_("Set when approved: the revision is frozen."))

    class Meta:
        ordering = ["draft", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="revision_number_unique"),
            # An article reports one draft, once: re-ingesting it finds its revision again.
            models.UniqueConstraint(fields=["source"], condition=Q(kind="reported", source__isnull=False),
                                    name="revision_one_per_article"),
        ]

    def __str__(self) -> str:
        return f"{self.draft} r{self.number}"

    @property
    def frozen(self) -> bool:
        return self.approved_at is not None


class Review(models.Model):
    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        # A newer version of the draft was reported while it was in review: the review was closed unanswered.
        SUPERSEDED = "superseded", _("Superseded by a newer version")

    draft = models.ForeignKey(StatementDraft, on_delete=models.CASCADE, related_name="reviews")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="reviews")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["draft"], condition=Q(decision="pending"), name="one_open_review_per_draft"
            ),
            models.CheckConstraint(condition=~Q(decision="rejected") | ~Q(reason=""),
                                   name="review_rejection_has_reason"),
        ]

    def __str__(self) -> str:
        return f"Review of {self.draft} ({self.decision})"


class Comment(models.Model):
    """A remark on one revision of a draft; a reply names the comment it answers (one level of threads)."""

    draft = models.ForeignKey(StatementDraft, on_delete=models.CASCADE, related_name="comments")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["draft", "created_at"], name="comment_draft_created")]

    def __str__(self) -> str:
        return f"Comment on {self.revision}"

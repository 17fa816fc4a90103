"""Who commits (members and the people who speak for them) and what they commit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimeStampedModel
from apps.extraction.confidence import HIGH
from apps.extraction.status import LIVE_STATUSES, WITHDRAWN, most_advanced, settled


@dataclass(frozen=True)
class HistoryStep:
    """One dated statement of a commitment, as its history on member and source pages lists it."""

    status: str
    stated_on: date | None
    evidence: str
    source_id: int


class CommitmentType(models.TextChoices):
    MILITARY_CAPABILITIES = "military_capabilities", _("Military capabilities")
    INTELLIGENCE = "intelligence", _("Intelligence")
    LOGISTICS = "logistics", _("Logistics")
    DIPLOMATIC = "diplomatic", _("Diplomatic")
    SANCTIONS = "sanctions", _("Sanctions")
    CEASEFIRE_MONITORING = "ceasefire_monitoring", _("Ceasefire monitoring")
    MULTINATIONAL_FORCE = "multinational_force", _("Multinational force")
    MILITARY_AID = "military_aid", _("Military aid")
    AIR_DEFENCE = "air_defence", _("Air defence")
    FINANCIAL_AID = "financial_aid", _("Financial aid")
    LEGAL_GUARANTEE = "legal_guarantee", _("Legal guarantee")
    TRAINING = "training", _("Training")


class CommitmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLEDGED = "pledged", _("Pledged")
    APPROVED = "approved", _("Approved")
    DELIVERED = "delivered", _("Delivered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def code_label(code: str) -> str:
    """A commitment type's or status's label in the active language ('air_defence' → 'Air defence'); any other
    code made readable ('some_code' → 'Some code'). The one code → label mapping of pages and charts."""
    for choices in (CommitmentType, CommitmentStatus):
        if code in choices.values:
            return str(choices(code).label)
    return str(code or "").replace("_", " ").capitalize()


class Language(models.TextChoices):
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    ENGLISH = "en", _("English")


class NamedInLanguages:
    """The name in the active UI language (``name_ru``, ``name_uk``), falling back to the English one.

    Names are data, not translations: templates show ``{{ member.local_name }}``, never a catalogue entry.
    """

    name_en: str
    name_ru: str
    name_uk: str

    def name_in(self, language: str | None) -> str:
        code = (language or "en")[:2]
        local = getattr(self, f"name_{code}", "") if code in ("ru", "uk") else ""
        return local or self.name_en

    @property
    def local_name(self) -> str:
        return self.name_in(get_language())

    @property
    def other_names(self) -> list[tuple[str, str]]:
        """(language, name) of the names in the other languages that differ from ``local_name``."""
        shown = {self.local_name}
        others = []
        for code in ("en", "ru", "uk"):
            name = getattr(self, f"name_{code}", "")
            if name and name not in shown:
                shown.add(name)
                others.append((code, name))
        return others


# What a member's code and a person's slug look like ("SE", "NATO"; "jonson", "kosiniak_kamysz").
CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{1,15}")
SLUG_RE = re.compile(r"[a-z_]+")


class Member(NamedInLanguages, models.Model):
    """A country or organisation that can commit, identified by a stable code (spec §2)."""

    class Role(models.TextChoices):
        BENEFICIARY = "beneficiary", _("Beneficiary")
        ADVERSARY = "adversary", _("Adversary")
        PARTNER = "partner", _("Partner")
        COALITION_MEMBER = "coalition_member", _("Coalition member")
        ORGANISATION = "organisation", _("Organisation")
        COALITION = "coalition", _("The coalition")
        OTHER = "other", _("Other country")

    code = models.CharField(max_length=16, unique=True)
    name_en = models.CharField(max_length=120)
    name_ru = models.CharField(max_length=120, blank=True)
    name_uk = models.CharField(max_length=120, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OTHER)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"


class Person(NamedInLanguages, models.Model):
    """A named official; ``member`` is whom they speak for."""

    slug = models.SlugField(max_length=64, unique=True)
    name_en = models.CharField(max_length=120)
    name_ru = models.CharField(max_length=120, blank=True)
    name_uk = models.CharField(max_length=120, blank=True)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="people")

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name_en


class Alias(models.Model):
    """One way the news names a member or a person; the extraction gazetteer is built from these."""

    text = models.CharField(max_length=120)
    language = models.CharField(max_length=2, choices=Language.choices, blank=True, help_text=_("Empty: any language."))
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        ordering = ["text"]
        verbose_name_plural = _("aliases")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(member__isnull=False, person__isnull=True)
                           | models.Q(member__isnull=True, person__isnull=False)),
                name="alias_names_exactly_one_member_or_person",
            ),
            models.UniqueConstraint(fields=["text", "language", "member", "person"], name="alias_unique",
                                    nulls_distinct=False),
        ]

    def __str__(self) -> str:
        return self.text


# "Confirmed by an editor or high confidence": what analysts may ask to see alone (timeline, matrix, exports).
# The one definition: is_sure, SURE (for querysets) and the tallies' SQL (coalition.services) all read these.
HIGH_CONFIDENCE = HIGH
EDITOR_STATES = ("confirmed", "corrected", "added")  # review states that stand for an editor's word


def is_sure(review_state: str, confidence: float | None) -> bool:
    """Is a contribution confirmed (or corrected) by an editor, or read by the machine with high confidence?"""
    if review_state in EDITOR_STATES:
        return True
    return review_state == "machine" and confidence is not None and confidence >= HIGH_CONFIDENCE


SURE = models.Q(review_state__in=EDITOR_STATES) | models.Q(review_state="machine", confidence__gte=HIGH_CONFIDENCE)


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def live(self) -> ContributionQuerySet:
        return self.exclude(review_state=Contribution.ReviewState.REJECTED)

    def sure(self) -> ContributionQuerySet:
        return self.filter(SURE)


class Contribution(TimeStampedModel):
    """One commitment read from one article: actor × type × status, with its evidence sentence.

    One per (actor, type) for each event of the article (``event_ordinal``): an article that recalls an
    earlier step ("on 4 September Germany pledged ...") yields that step too, stated on its own date.
    A commitment's history is the chain of its contributions ordered by ``stated_on``. An editor may add one
    the machine missed (review state ``added``, no confidence), which counts as an editor's word at once.
    """

    class ReviewState(models.TextChoices):
        MACHINE = "machine", _("Machine-extracted")
        CONFIRMED = "confirmed", _("Confirmed")
        CORRECTED = "corrected", _("Corrected")
        REJECTED = "rejected", _("Rejected")
        ADDED = "added", _("Added by an editor")

    source = models.ForeignKey("sources.SourceText", on_delete=models.CASCADE, related_name="contributions")
    event = models.ForeignKey("timeline.TimelineEvent", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="contributions")
    # The event's ordinal in its source: kept when the events are replaced, so a reviewed contribution
    # finds its event again after a re-extraction.
    event_ordinal = models.PositiveSmallIntegerField(default=0)
    actor = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="contributions")
    type = models.CharField(max_length=32, choices=CommitmentType.choices)
    status = models.CharField(max_length=16, choices=CommitmentStatus.choices)
    evidence = models.TextField()
    # When the step was taken or stated: the event's date unless an editor dated it otherwise ("ratified in
    # September", read in an article of 12 November).
    stated_on = models.DateField(null=True, blank=True)
    # How sure the extraction was of this (actor, type, status), 0–1; empty for a commitment an editor added.
    confidence = models.FloatField(null=True, blank=True)
    review_state = models.CharField(max_length=16, choices=ReviewState.choices, default=ReviewState.MACHINE)
    # What the machine read, copied here when an editor first reviews the contribution (empty until then),
    # so the correction is shown beside the original and a re-extraction does not bring the original back.
    machine_actor = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    machine_type = models.CharField(max_length=32, choices=CommitmentType.choices, blank=True)
    machine_status = models.CharField(max_length=16, choices=CommitmentStatus.choices, blank=True)
    machine_evidence = models.TextField(blank=True)
    machine_stated_on = models.DateField(null=True, blank=True)
    # An editor added it (the machine missed it): it has no machine reading, and when a rejection of it is
    # undone it is "added" again, not "confirmed". Kept apart from review_state, which a rejection overwrites.
    editor_added = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    # Bumped by every review action: an editor acting on an older version gets a conflict, not an overwrite.
    version = models.PositiveIntegerField(default=1)

    objects = ContributionQuerySet.as_manager()
    # The commitment's steps, set by the source page (timeline.views) for its template (never a column).
    history: list[HistoryStep]

    class Meta:
        ordering = ["-stated_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "event_ordinal", "actor", "type"],
                                    name="contribution_one_per_pair_per_event"),
        ]
        indexes = [
            models.Index(fields=["actor", "type", "stated_on"], name="contribution_history"),
            # The review queue: machine-read contributions, newest stated first, keyset-paginated on (stated_on, id);
            # the count of those waiting reads the same index.
            models.Index(models.F("review_state"), models.F("stated_on").desc(nulls_last=True), models.F("id").desc(),
                         name="contribution_review_queue"),
            # A member's page: the first and last statement of each (type, status), and how many of them an
            # editor approved, read from a few index entries whatever the number of articles.
            models.Index(fields=["actor", "type", "status", "stated_on", "id"], name="contribution_member_steps"),
            models.Index(fields=["actor", "type", "status"], name="contribution_member_approved",
                         condition=models.Q(review_state__in=EDITOR_STATES)),
            # The review queue, least sure first (keyset on (confidence, id)).
            models.Index(fields=["review_state", "confidence", "id"], name="contribution_review_unsure"),
        ]

    def __str__(self) -> str:
        return f"{self.actor.code} {self.type} {self.status}"

    @property
    def is_reviewed(self) -> bool:
        return self.review_state != self.ReviewState.MACHINE

    @property
    def is_editor_approved(self) -> bool:
        """Confirmed, corrected or added by an editor: the dashboard marks these."""
        return self.review_state in EDITOR_STATES

    @property
    def is_sure(self) -> bool:
        return is_sure(self.review_state, self.confidence)

    @property
    def confidence_band(self) -> str:
        """"high" (at least HIGH_CONFIDENCE), "medium" (at least half) or "low"; "" when not scored."""
        if self.confidence is None:
            return ""
        return "high" if self.confidence >= HIGH_CONFIDENCE else "medium" if self.confidence >= 0.5 else "low"

    @property
    def machine_differs(self) -> bool:
        """An editor changed what the machine read (the original is kept beside it)."""
        return bool(self.machine_type) and (
            self.machine_actor_id != self.actor_id or self.machine_type != self.type
            or self.machine_status != self.status or self.machine_evidence != self.evidence
            or self.machine_stated_on != self.stated_on)


class CommitmentCell(models.Model):
    """One cell of the member × commitment-type matrix: how often each status was stated, and when last.

    Kept up to date by the ingest (counts added and taken away in the same transaction as the
    contributions) and rebuilt exactly from the contributions by `manage.py cells_rebuild` (and every
    night by beat), so the overview reads a few hundred rows whatever the number of articles.
    Each (actor, type) has up to two rows: the statements that are `sure` (confirmed by an editor or
    read with high confidence) and the others; the whole matrix adds them up (`CommitmentCell.combined`).
    """

    actor = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="cells")
    type = models.CharField(max_length=32, choices=CommitmentType.choices)
    sure = models.BooleanField(default=False)
    proposed = models.PositiveIntegerField(default=0)
    pledged = models.PositiveIntegerField(default=0)
    approved = models.PositiveIntegerField(default=0)
    delivered = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    first_pledged_on = models.DateField(null=True, blank=True)  # the gap list: pledged since when
    first_delivered_on = models.DateField(null=True, blank=True)
    last_on = models.DateField(null=True, blank=True)  # the latest statement's date
    last_status = models.CharField(max_length=16, blank=True)  # ... and its status

    class Meta:
        constraints = [models.UniqueConstraint(fields=["actor", "type", "sure"], name="cell_one_per_pair")]

    STATUSES = ("proposed", "pledged", "approved", "delivered", "withdrawn")

    def __str__(self) -> str:
        return f"{self.actor_id} {self.type}{' sure' if self.sure else ''}"

    @classmethod
    def combined(cls, cells: list[CommitmentCell]) -> CommitmentCell:
        """One unsaved cell adding up the rows of one (actor, type): counts summed, first dates the earliest,
        the latest statement the latest of them."""
        first = cells[0]
        if len(cells) == 1:
            return first
        merged = cls(actor=first.actor, type=first.type, sure=all(c.sure for c in cells))
        for status in cls.STATUSES:
            setattr(merged, status, sum(getattr(c, status) for c in cells))
        for field in ("first_pledged_on", "first_delivered_on"):
            dates = [getattr(c, field) for c in cells if getattr(c, field)]
            setattr(merged, field, min(dates) if dates else None)
        latest = max(cells, key=lambda c: (c.last_on or date.min, bool(c.last_status)))
        merged.last_on, merged.last_status = latest.last_on, latest.last_status
        return merged

    @property
    def statements(self) -> int:
        return self.proposed + self.pledged + self.approved + self.delivered + self.withdrawn

    @property
    def best_status(self) -> str:
        """The cell's state by the one status rule: its most advanced status stated, and its latest word."""
        return settled(most_advanced(s for s in LIVE_STATUSES if getattr(self, s)),
                       self.last_status or (WITHDRAWN if self.withdrawn else None))


class StatementMonth(models.Model):
    """How many commitment statements of each status were made in a month (the overview's chart)."""

    month = models.DateField()  # the first day of the month
    status = models.CharField(max_length=16, choices=CommitmentStatus.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "status"], name="statement_month_one_per_status")]
        ordering = ["month", "status"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.status}: {self.count}"

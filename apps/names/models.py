"""Unknown names: the capitalised names the gazetteer does not know, and where each was seen.

Both tables kept the names they had when these models lived in ``apps.coalition`` (``Meta.db_table``):
the move was a change of the migration state only (``names/0001_initial``, ``coalition/0012``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.coalition.models import Alias
from apps.core.models import TimeStampedModel


class NameCandidate(TimeStampedModel):
    """A capitalised name the gazetteer does not know, seen in one or more articles.

    ``key`` is the lemma keys of the name's words (as the gazetteer matches aliases), so the
    forms a name takes in different cases count as one candidate. An admin turns an open
    candidate into an alias (of an existing or new person or member) or dismisses it; either
    way it stays so when the name is seen again.
    """

    class Hint(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")
        PLACE = "place", _("Place")
        NAME = "name", _("Name")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ALIASED = "aliased", _("Aliased")
        DISMISSED = "dismissed", _("Dismissed")

    key = models.CharField(max_length=255, unique=True)
    text = models.CharField(max_length=255, help_text=_("The name as most often written."))
    hint = models.CharField(max_length=16, choices=Hint.choices, default=Hint.NAME)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    # Denormalised: the number of sightings (one per article), recomputed under a row lock.
    article_count = models.PositiveIntegerField(default=0)
    alias = models.ForeignKey(Alias, null=True, blank=True, on_delete=models.SET_NULL, related_name="candidates")
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "coalition_namecandidate"
        ordering = ["-article_count", "id"]
        indexes = [
            # The names page: open candidates, most seen first, keyset-paginated on (article_count, id).
            models.Index(fields=["state", "-article_count", "id"], name="namecandidate_by_count"),
        ]

    def __str__(self) -> str:
        return self.text


class NameSighting(models.Model):
    """One candidate seen in one article, with the sentence it was seen in."""

    candidate = models.ForeignKey(NameCandidate, on_delete=models.CASCADE, related_name="sightings")
    source = models.ForeignKey("sources.SourceText", on_delete=models.CASCADE, related_name="name_sightings")
    text = models.CharField(max_length=255)
    sentence = models.TextField(blank=True)

    class Meta:
        db_table = "coalition_namesighting"
        constraints = [
            models.UniqueConstraint(fields=["candidate", "source"], name="namesighting_one_per_source"),
        ]
        indexes = [models.Index(fields=["candidate", "-id"], name="namesighting_latest")]

    def __str__(self) -> str:
        return self.text

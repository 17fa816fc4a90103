"""Forms of the review pages: each parses one action; the services check states, versions and evidence."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.coalition.models import CommitmentStatus, CommitmentType, Member
from apps.coalition.review.services import BULK_MAX, EVIDENCE_MAX_CHARS, NOTE_MAX_CHARS
from apps.coalition.selectors import member_names


class VersionForm(forms.Form):
    """Confirm: only the version the editor saw."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class RejectForm(VersionForm):
    note = forms.CharField(label=_("Why is it rejected?"), max_length=NOTE_MAX_CHARS,
                           widget=forms.Textarea(attrs={"rows": 2}))


def member_choices() -> list[tuple[str, str]]:
    """Every member as (code, "Name (CODE)"), by name, from the cached labels (no query)."""
    names = member_names()
    return sorted(((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1].casefold())


class CorrectionForm(VersionForm):
    actor = forms.ChoiceField(label=_("Who committed"))
    type = forms.ChoiceField(label=_("Commitment"), choices=CommitmentType.choices)
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    evidence = forms.CharField(label=_("Evidence (words of the article)"), max_length=EVIDENCE_MAX_CHARS,
                               widget=forms.Textarea(attrs={"rows": 4}))
    note = forms.CharField(label=_("Note (optional)"), max_length=NOTE_MAX_CHARS, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = member_choices()  # type: ignore[attr-defined]

    def clean_actor(self) -> Member:
        code = self.cleaned_data["actor"]
        member = Member.objects.filter(code=code).first()
        if member is None:
            raise ValidationError(gettext("Choose a member from the list."))
        return member


class BulkForm(forms.Form):
    """The queue's selection: "id:version" of each checked row, the action, a note for rejections."""

    action = forms.ChoiceField(choices=[("confirm", _("Confirm")), ("reject", _("Reject"))])
    note = forms.CharField(max_length=NOTE_MAX_CHARS, required=False)

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.raw_items: list[str] = data.getlist("item") if data is not None and hasattr(data, "getlist") else []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        items: list[tuple[int, int]] = []
        for raw in self.raw_items[: BULK_MAX + 1]:
            ident, _sep, version = raw.partition(":")
            if not (ident.isdigit() and version.isdigit()):
                raise ValidationError(gettext("The selection is not one this page made; reload it."))
            items.append((int(ident), int(version)))
        if not items:
            raise ValidationError(gettext("Select at least one commitment (tick its box)."))
        cleaned["items"] = items
        if cleaned.get("action") == "reject" and not " ".join(cleaned.get("note", "").split()):
            self.add_error("note", gettext("Say why they are rejected (a few words are enough)."))
        return cleaned

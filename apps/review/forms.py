"""Forms of the review pages: each parses one action; the services check states, versions and evidence."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.coalition.models import CommitmentStatus, CommitmentType, Member
from apps.coalition.selectors import member_names
from apps.review.services import BULK_MAX, EVIDENCE_MAX_CHARS, NOTE_MAX_CHARS


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


def _date_field() -> forms.DateField:
    # The browser's date picker sends ISO dates whatever the language, and shows the value it is given as one.
    return forms.DateField(label=_("Stated on"), required=False, input_formats=["%Y-%m-%d"],
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ReadingForm(forms.Form):
    """Who committed what, in which state, when: the fields an editor's correction or addition shares."""

    actor = forms.ChoiceField(label=_("Who committed"))
    type = forms.ChoiceField(label=_("Commitment"), choices=CommitmentType.choices)
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    stated_on = _date_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = member_choices()  # type: ignore[attr-defined]

    def clean_actor(self) -> Member:
        code = self.cleaned_data["actor"]
        member = Member.objects.filter(code=code).first()
        if member is None:
            raise ValidationError(gettext("Choose a member from the list."))
        return member


class CorrectionForm(VersionForm, ReadingForm):
    evidence = forms.CharField(label=_("Evidence (words of the article)"), max_length=EVIDENCE_MAX_CHARS,
                               widget=forms.Textarea(attrs={"rows": 4}))
    note = forms.CharField(label=_("Note (optional)"), max_length=NOTE_MAX_CHARS, required=False)
    field_order = ["version", "actor", "type", "status", "stated_on", "evidence", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stated_on"].help_text = _("When the step was taken or stated, if not on the article's date: "
                                               "“ratified in September”. Empty: as it is.")


class AddForm(ReadingForm):
    """A commitment the machine missed: its reading, and its sentence picked from the article (``sentence``, as
    "start-end") or pasted (``evidence``, for an article too long to pick from, or words that run over two
    sentences)."""

    sentence = forms.CharField(required=False, max_length=40)
    evidence = forms.CharField(label=_("Or paste its words from the article"), max_length=EVIDENCE_MAX_CHARS,
                               required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("Used instead of a sentence picked in the text."))
    note = forms.CharField(label=_("Note (optional)"), max_length=NOTE_MAX_CHARS, required=False)

    def __init__(self, *args: Any, text: str = "", sentences: Collection[tuple[int, int]] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text = text
        self.sentences = set(sentences)
        # Nothing chosen beforehand: the editor says who, what and in which state.
        for name in ("actor", "type", "status"):
            field = self.fields[name]
            field.choices = [("", "—"), *field.choices]  # type: ignore[attr-defined]
        self.fields["stated_on"].help_text = _("When the step was taken or stated. Empty: the date of the "
                                               "sentence’s event (its paragraph’s own date, else the article’s).")

    def clean_sentence(self) -> tuple[int, int] | None:
        raw = self.cleaned_data["sentence"].strip()
        if not raw:
            return None
        start, _sep, end = raw.partition("-")
        span = (int(start), int(end)) if start.isdigit() and end.isdigit() else None
        if span not in self.sentences:
            raise ValidationError(gettext("Pick a sentence from the article’s text (the page may be out of date: "
                                          "reload it)."))
        return span

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        span, pasted = cleaned.get("sentence"), cleaned.get("evidence", "").strip()
        if pasted:
            cleaned["evidence"], cleaned["at"] = pasted, None
        elif span is not None:
            cleaned["evidence"], cleaned["at"] = self.text[span[0]:span[1]], span[0]
        elif "sentence" not in self.errors:
            self.add_error("sentence", gettext("Pick the sentence that states the commitment, or paste its words."))
        return cleaned


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

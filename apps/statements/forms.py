"""Forms of the statement pages. Each write form carries the version of the draft it was made from."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.statements.records import MAX_TEXT_CHARS
from apps.statements.services import MAX_COMMENT_CHARS, Seen


class Form(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SeenForm(Form):
    """The draft as the user saw it: its version (checked) and its revision and state (to show what changed)."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    revision = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    seen_status = forms.CharField(max_length=20, required=False, widget=forms.HiddenInput)

    def seen(self) -> Seen:
        data = self.cleaned_data
        return Seen(version=data["version"], revision=data.get("revision"), status=data.get("seen_status") or "")

    @classmethod
    def for_draft(cls, draft: Any, **kwargs: Any) -> SeenForm:
        return cls(initial={"version": draft.version, "revision": getattr(draft.current_revision, "number", None),
                            "seen_status": draft.status}, **kwargs)


class DraftCreateForm(Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    statement_date = forms.DateField(label=_("Date"), required=False,
                                     help_text=_("The summit or meeting the statement is for, if known."),
                                     widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label=_("Text"), max_length=MAX_TEXT_CHARS,
                           widget=forms.Textarea(attrs={"rows": 12}))
    note = forms.CharField(label=_("Note"), max_length=255, required=False,
                           help_text=_("Where the text comes from, or what this version is."))


class DraftEditForm(SeenForm):
    title = forms.CharField(label=_("Title"), max_length=255)
    text = forms.CharField(label=_("Text"), max_length=MAX_TEXT_CHARS, strip=False,
                           widget=forms.Textarea(attrs={"rows": 14}))
    note = forms.CharField(label=_("What changed"), max_length=255, required=False,
                           help_text=_("A short note for the revision list, e.g. “wording of point 3 as agreed”."))


class DecisionForm(SeenForm):
    """Approve: a note is optional."""

    reason = forms.CharField(label=_("Note (optional)"), max_length=MAX_COMMENT_CHARS, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class RequestChangesForm(DecisionForm):
    reason = forms.CharField(label=_("What should change"), max_length=MAX_COMMENT_CHARS, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


class RejectForm(DecisionForm):
    reason = forms.CharField(label=_("Reason (required)"), max_length=MAX_COMMENT_CHARS,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Say why the draft is rejected.")})


class CommentForm(Form):
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    parent = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Comment"), max_length=MAX_COMMENT_CHARS,
                           widget=forms.Textarea(attrs={"rows": 2}))


class CompareForm(Form):
    a = forms.IntegerField(label=_("Older"), min_value=1)
    b = forms.IntegerField(label=_("Newer"), min_value=1)
    view = forms.ChoiceField(choices=[("inline", _("Inline")), ("side", _("Side by side"))], required=False)

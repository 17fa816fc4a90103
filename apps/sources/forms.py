from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes many files (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True, "accept": ".txt,.zip,text/plain"}))
        # Empty files are refused by the ingest itself, with its own reason, like every other rule.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single_clean = super().clean
        if isinstance(data, list | tuple) and data:
            return [single_clean(item, initial) for item in data]
        return [single_clean(data, initial)]


def _upload_help() -> str:
    limit = settings.INGEST_MAX_FILES_PER_UPLOAD
    return ngettext("Plain-text articles (.txt) or zip archives of them, up to %(count)s file at once.",
                    "Plain-text articles (.txt) or zip archives of them, up to %(count)s files at once.", limit) % {
        "count": number_format(limit, force_grouping=True)}


class UploadForm(forms.Form):
    # The form's metaclass moves a declared field into base_fields, so this never shadows BaseForm.files (the
    # uploaded files); the stubs cannot say so.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Article files"), help_text=lazy(_upload_help, str)())

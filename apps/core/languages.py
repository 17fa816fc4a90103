"""The languages articles are written in, named in the reader's language ("uk" reads as Ukrainian, not as the
United Kingdom)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

ARTICLE_LANGUAGES = {"ru": gettext_lazy("Russian"), "uk": gettext_lazy("Ukrainian"), "en": gettext_lazy("English")}


def language_name(code: str) -> str:
    """'uk' → 'Ukrainian' (in the active language); another ISO 639-1 code as it is, upper-cased."""
    return str(ARTICLE_LANGUAGES.get(code, (code or "").upper()))

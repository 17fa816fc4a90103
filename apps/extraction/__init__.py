"""Pure-Python extraction: article bytes → date, language, source, members, people, commitments.

No Django, Celery or other project apps here (import-linter enforces it).
"""

from .commitments import COMMITMENT_STATUSES, COMMITMENT_TYPES
from .gazetteer import Gazetteer, default_gazetteer
from .pipeline import (
    ExtractedCommitment,
    ExtractedDocument,
    ExtractedEvent,
    ExtractionConfig,
    document_to_json,
    extract,
    warm_up,
)

__all__ = [
    "COMMITMENT_STATUSES",
    "COMMITMENT_TYPES",
    "ExtractedCommitment",
    "ExtractedDocument",
    "ExtractedEvent",
    "ExtractionConfig",
    "Gazetteer",
    "default_gazetteer",
    "document_to_json",
    "extract",
    "warm_up",
]

"""Which refusals a retry can change: the data behind ``SourceText.retryable``.

Refusals are sentences (they are shown as they are), so a refusal is told apart by what its sentence
says. Only these can come out differently on a second try, and only for a file whose bytes were kept:

- a limit an admin can raise (``INGEST_MAX_FILE_BYTES``, the zip and per-upload limits);
- an internal error, once it is fixed.

Everything else depends on the bytes alone — a PNG or other binary file, NUL or control characters, no
text, an encoding nobody reads, an impossible date, text that is not language, a damaged or encrypted
archive — and would be refused again word for word, so no Retry is offered for it. A sentence not listed
here is not retryable: a new kind of refusal is offered a retry only once it is added.
"""

from __future__ import annotations

import re

RETRYABLE_REFUSALS: tuple[re.Pattern[str], ...] = tuple(re.compile(pattern) for pattern in (
    # Limits (receipt, decoding and zip entries): "…, over the limit of 2 MB (2,000,000 bytes) per file."
    r"\bover the limit of\b",
    r"^The file is too large\b",
    r"^One upload takes at most\b",
    r"^The zip archive holds [\d,]+ files; at most\b",
    r"-fold allowed, so it looks like a zip bomb\.$",
    # An internal error: "The file could not be read because of an internal error; it was logged. Retry it later."
    r"\bbecause of an internal error\b",
))


def refusal_can_change(reason: str) -> bool:
    """Whether a retry could end otherwise than this refusal."""
    return any(pattern.search(reason) for pattern in RETRYABLE_REFUSALS)

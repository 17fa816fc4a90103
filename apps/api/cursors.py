"""Opaque page cursors: the keyset of a page's last row, tagged with its endpoint and base64url-encoded.

Clients must treat a cursor as an opaque string (its layout may change); the tag keeps a cursor of one
endpoint from being read by another.
"""

from __future__ import annotations

import base64
import binascii

from apps.timeline.selectors import Cursor as EventCursor

MAX_ID = 2**63 - 1  # PostgreSQL bigint


class CursorError(ValueError):
    """A cursor this API did not give out."""


def encode(kind: str, value: str) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode().rstrip("=")


def decode(kind: str, raw: str) -> str:
    """The keyset text inside a cursor of ``kind``; CursorError when it is not one."""
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise CursorError from error
    tag, _, value = text.partition(":")
    if tag != kind or not value or "\x00" in value:
        raise CursorError
    return value


def _row_id(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise CursorError
    return int(text)


def event_cursor(raw: str) -> EventCursor:
    value = decode("e", raw)
    try:
        cursor = EventCursor.parse(value)
    except ValueError as error:
        raise CursorError from error
    # Only what event_cursor_encode writes: the timeline's parse also takes "+5" or an id beyond bigint.
    if cursor is None or str(cursor) != value or not 0 < cursor.id <= MAX_ID:
        raise CursorError
    return cursor


def event_cursor_encode(cursor: EventCursor) -> str:
    return encode("e", str(cursor))


def id_cursor(kind: str, raw: str) -> int:
    return _row_id(decode(kind, raw))


def text_cursor(kind: str, raw: str, *, max_length: int = 64) -> str:
    value = decode(kind, raw)
    if len(value) > max_length:
        raise CursorError
    return value

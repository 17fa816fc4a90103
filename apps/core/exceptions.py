"""Exceptions services raise for the views to turn into messages."""

from __future__ import annotations


class InvalidTransition(Exception):
    """The object is no longer in a state that allows this change (someone else got there first)."""

"""What a contribution says (its reading: who, what, which state, on what evidence) and what a review changed
in it, in the words of the review pages and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext

from apps.coalition.models import Contribution, code_label

State = Contribution.ReviewState
READING_FIELDS = ("actor", "type", "status", "evidence", "stated_on")


@dataclass(frozen=True)
class Reading:
    """Who committed what, in which state, on what evidence: a contribution's content, for audit and diffs."""

    actor: str  # member code
    type: str
    status: str
    evidence: str

    @classmethod
    def of(cls, contribution: Contribution) -> Reading:
        return cls(contribution.actor.code, contribution.type, contribution.status, contribution.evidence)

    def as_dict(self) -> dict[str, str]:
        return {"actor": self.actor, "type": self.type, "status": self.status, "evidence": self.evidence}

    @property
    def label(self) -> str:
        return f"{self.actor} · {code_label(self.type)} · {code_label(self.status)}"


@dataclass(frozen=True)
class FieldChange:
    field: str  # "state", "actor", "type", "status", "evidence", "note"
    label: str
    before: str
    after: str


def field_label(name: str) -> str:
    return {"state": gettext("Review"), "actor": gettext("Who"), "type": gettext("Commitment"),
            "status": gettext("Status"), "evidence": gettext("Evidence"), "stated_on": gettext("Date stated"),
            "note": gettext("Note")}[name]


def display(name: str, value: str) -> str:
    if name in ("type", "status") and value:
        return code_label(value)
    if name == "state" and value in State.values:
        return str(State(value).label)
    if name == "stated_on" and value:
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    return value


def changes(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    # A field an older entry did not record (the date, before it could be corrected) is not said to change.
    return [FieldChange(name, field_label(name), display(name, before.get(name, "")), display(name, after[name]))
            for name in ("state", *READING_FIELDS, "note")
            if name in after and (name in before or not before) and before.get(name, "") != after[name]]


def snapshot(contribution: Contribution) -> dict[str, str]:
    return {"state": contribution.review_state, **Reading.of(contribution).as_dict(),
            "stated_on": contribution.stated_on.isoformat() if contribution.stated_on else "",
            "note": contribution.review_note}

"""The status a clause states (spec §5, §8): a sentence cut into clauses, each with the status its own words
give (predicates.py), and the rules that carry a status from one clause to the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from .predicates import RESUMED, clause_signals
from .sentence_types import type_named_in
from .status import article_status

_STATUS_SIGNALS = frozenset({"withdrawn", "delivered", "approved", "proposed"})


def status_words(low: str, lang: str | None) -> frozenset[str]:
    """The statuses other than a plain pledge that a clause's words signal."""
    return clause_signals(low, lang) & _STATUS_SIGNALS


def status_of(low: str, *, in_draft: bool, lang: str | None) -> str:
    found = clause_signals(low, lang)
    if "withdrawn" in found and RESUMED not in found:
        return "withdrawn"
    if in_draft:
        return "proposed"
    for status in ("delivered", "approved", "proposed"):
        if status in found:
            return status
    return "pledged"


# Where a sentence divides into clauses, each commitment takes the status of the clause that names it:
# "X will not send troops, but will take on logistics"; "Brussels will keep the assets immobilised, ...,
# rejecting suggestions that the money could be released".
# A readout's "discussed X and agreed that Y will" is two predicates: what was agreed is not under discussion.
_CLAUSE_CUT = re.compile(r"[,;:]\s+(?P<contrast>(?:but|yet|однако|но|але|проте|а)\s+)?|\s+[—–]\s+|"
                         r"\s+(?P<bare>but|yet|while|whereas|однако|но|але|проте)\s+|"
                         r"\s+(?:and|и|і|та|й)\s+(?=(?:agreed|decided|договорил\w*|решили|домовил\w*|вирішили)\b)")


def clause_status(clause: str, *, in_draft: bool, lang: str | None) -> str | None:
    """The status a clause's own wording gives, or None when it has no word of status at all."""
    if clause_signals(clause, lang):
        return status_of(clause, in_draft=in_draft, lang=lang)
    return None


class Clauses:
    """A lowercased sentence cut into clauses, each with the status its own wording gives (or None).

    Built once per sentence; `status(type, actor_at)` answers for each (actor, type) of it. A type takes
    the status of the clause that names it; a clause without a word of status takes that of the clause
    before it, up to a contrast ("but", "але"), never a negation (which belongs to its own verb); failing
    that, the sentence's. An actor named in a later clause with a status of its own takes that one when the
    clause naming the type has an actor of its own ("Sweden is ready to provide jets, which the coalition is
    discussing" → the coalition's is proposed), else the most advanced of both ("arrived: the IRIS-T, which
    Germany promised" → delivered).
    """

    __slots__ = ("_statuses", "after_contrast", "clauses", "in_draft", "lang", "starts", "whole")

    def __init__(self, low: str, *, in_draft: bool, lang: str | None) -> None:
        self.in_draft = in_draft
        self.lang = lang
        self.whole = status_of(low, in_draft=in_draft, lang=lang)
        cuts = list(_CLAUSE_CUT.finditer(low))
        self.starts = [0, *(m.end() for m in cuts)]
        ends = [*(m.start() for m in cuts), len(low)]
        self.after_contrast = [False, *(bool(m.group("contrast") or m.group("bare")) for m in cuts)]
        self.clauses = [low[a:b] for a, b in zip(self.starts, ends, strict=True)] if cuts else [low]
        self._statuses: list[str | None] | None = None

    @property
    def statuses(self) -> list[str | None]:
        """Each clause's own status, worked out on first use (most sentences have one type and clause)."""
        if self._statuses is None:
            statuses = [clause_status(clause, in_draft=self.in_draft, lang=self.lang) for clause in self.clauses]
            for i, clause in enumerate(self.clauses):
                if i and _BARE_REFUSAL.match(clause):
                    # "Направлять военных на Украину США, как повторял Трамп, не будут": the auxiliary left at
                    # the end refuses what the infinitive clause before the parenthesis says
                    j = next((j for j in range(i - 1, -1, -1) if statuses[j] is not None), None)
                    if j is not None and statuses[j] == "pledged":
                        statuses[j] = "withdrawn"
            self._statuses = statuses
        return self._statuses

    def same_clause(self, a: int, b: int) -> bool:
        """Do two offsets of the sentence stand in one clause?"""
        return self.clause_of(a) == self.clause_of(b)

    def status(self, ctype: str, actor_at: int | None = None, actors_at: Iterable[int] = ()) -> str:
        """The status of `ctype` for the actor named at `actor_at`; `actors_at`: where every actor stands."""
        if len(self.clauses) == 1:
            return self.whole
        naming = [i for i, clause in enumerate(self.clauses) if type_named_in(clause, ctype)]
        if not naming:
            # No clause names the type (it comes from the sentence's money, or from a sentence before): the
            # actor's own clause says what it does, or the one before it up to a contrast ("Lithuania approved
            # its portion; Latvia and Estonia are expected to follow"; "приєдналися Швеція, Норвегія та Канада, а
            # Фінляндія вивчає можливість").
            if actor_at is None:
                return self.whole
            at = self.clause_of(actor_at)
            if self.statuses[at] is None and self.after_contrast[at]:
                # "..., а Фінляндія, за словами міністра, вивчає можливість": the contrast's own verb comes later
                for j in range(at + 1, len(self.clauses)):
                    if self.after_contrast[j]:
                        break
                    status = self.statuses[j]
                    if status is not None:
                        return status
            return _status_from_context(at, self.statuses, self.after_contrast, self.clauses, self.whole,
                                        in_draft=self.in_draft, lang=self.lang)
        # Each clause that names the type says something of it ("keeps its role of mediator: talks held
        # through its mediation in May"): the sentence states the most advanced of them, by the one rule.
        said = [_status_from_context(i, self.statuses, self.after_contrast, self.clauses, self.whole,
                                     in_draft=self.in_draft, lang=self.lang) for i in naming]
        for i in naming:
            # "promised 11.5 billion euros, and most of it has already been paid out": a share of the same thing,
            # done, in the next clause that names no type nor actor of its own
            j = i + 1
            if (j < len(self.clauses) and j not in naming and self.statuses[j] == "delivered"
                    and _SHARE_OF_IT.search(self.clauses[j])
                    and not any(self.clause_of(at) == j for at in actors_at)):
                said.append("delivered")
        named = naming[0]
        if actor_at is not None:
            actor_clause = self.clause_of(actor_at)
            if actor_clause > named and not _SPEECH_TAG.match(self.clauses[actor_clause]):
                own = next((status for status in self.statuses[actor_clause:] if status is not None), None)
                if own is not None:
                    # The clause naming the type has an actor of its own: it speaks of that one ("Sweden is
                    # ready to provide jets for a mission the coalition is discussing"). Without one, it tells
                    # of the later actor's thing too ("arrived: the two IRIS-T that Germany had promised").
                    if any(self.clause_of(at) == named for at in actors_at):
                        return own
                    return article_status([*said, own])
        return article_status(said)

    def clause_of(self, at: int) -> int:
        return bisect_left(self.starts, at + 1) - 1


_SHARE_OF_IT = re.compile(
    r"(?:больш\w* част\w*|більш\w* частин\w*|половин\w*|most of (?:it|them)|much of it|half of (?:it|them)|"
    r"the bulk of (?:it|them)|all of (?:it|them))"
)
_BARE_REFUSAL = re.compile(r"^(?:они |вони )?не (?:будут|будет|буде|будуть)\W*$")
# The words that tell who spoke a quotation ("«Мы уже передали ...», — заявил министр обороны Эстонии") give
# the speaker, not a status of their own: the quotation's clause says what was done.
_SPEECH_TAG = re.compile(
    r"^[—–-]?\s*(?:заявил\w*|сказал\w*|сообщил\w*|отметил\w*|добавил\w*|подчеркнул\w*|заяви(?:в|ла|ли)\b|"
    r"сказа(?:в|ла|ли)\b|повідоми(?:в|ла|ли)\b|зазначи(?:в|ла|ли)\b|дода(?:в|ла|ли)\b|наголоси(?:в|ла|ли)\b|"
    r"said|says|told|added|noted|stressed)\b"
)
# A relative clause after an adopted text states its contents: "approved a provision under which the
# coalition countries will use their military capabilities" → approved (spec §8).
_RELATIVE_OPENING = re.compile(
    r"^(?:(?:за|по|согласно|відповідно до|under|by)\s+)?(?:котор\w*|як\w*|which|whereby|that)\b"
)
# ... and what a plan, a draft or a hedge foresees stays proposed: "план предусматривает, что США
# предоставят гарантии", "is considering whether it would send".
_CONTENT_OPENING = re.compile(r"^(?:что|чтобы|що|щоб|that|whether|if)\b")


def _status_from_context(
    i: int, statuses: list[str | None], after_contrast: list[bool], clauses: list[str], whole: str, *, in_draft: bool,
    lang: str | None,
) -> str:
    own = statuses[i]
    if i > 0 and statuses[i - 1] == "approved" and own != "withdrawn" and _RELATIVE_OPENING.match(clauses[i]):
        return "approved"
    if i > 0 and statuses[i - 1] == "proposed" and own != "withdrawn" and _CONTENT_OPENING.match(clauses[i]):
        return "proposed"
    if own is not None:
        return own
    j = i
    while not after_contrast[j] and j > 0:
        j -= 1
        if statuses[j] is not None and statuses[j] != "withdrawn":
            return statuses[j]  # type: ignore[return-value]
    if after_contrast[j]:
        return status_of(clauses[i], in_draft=in_draft, lang=lang)
    return whole


# The sentence-level cues above in one table: one Aho-Corasick pass a sentence tells which of them occur.

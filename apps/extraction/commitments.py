"""Commitments of an article: actor × type × status, each with the sentence it came from.

Commitments are found sentence by sentence (a sentence is split where a contrast brings in a new
subject of its own). Who acts is read by `actors.py`, which types a sentence names by
`sentence_types.py`, what its words flag (a draft, a document, a reference back) by `sentence_cues.py`, and
the status of the clause that names each type by `clauses.py` (spec §5, §8).
Here a sentence without an actor takes the issuer of the adopted or drafted document it refers to, a
list's introduction, or the previous sentence's actors only when it refers back ("also", "they"); a
draft's points are proposed, an adopted text's points approved; a sentence listing countries with their
contributions gives each its own. One status per (actor, type) per article, by the one rule of `status.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from .actors import NEVER_ACTORS, actors_of, member_code
from .clauses import Clauses, status_words
from .confidence import Reading, score
from .cues import lowercase
from .gazetteer import Gazetteer, Mention
from .predicates import clause_signals
from .sentence_cues import SENTENCE_FLAGS
from .sentence_types import type_position, types_by_reference, types_in
from .status import STATUSES, article_status

COMMITMENT_TYPES: tuple[str, ...] = (
    "military_capabilities",
    "intelligence",
    "logistics",
    "diplomatic",
    "sanctions",
    "ceasefire_monitoring",
    "multinational_force",
    "military_aid",
    "air_defence",
    "financial_aid",
    "legal_guarantee",
    "training",
)
COMMITMENT_STATUSES = STATUSES


SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[«\"“„A-ZА-ЯЁІЇЄҐ0-9])|\n+")


_PLAIN_READING = Reading()


@dataclass(frozen=True, slots=True)
class Commitment:
    actor: str
    type: str
    status: str
    evidence: str
    start: int = 0  # where the evidence sentence starts in the body
    reading: Reading = _PLAIN_READING  # how it was read, for its confidence
    confidence: float = 0.0  # set when the statements of an article are merged
    agreeing: int = 1  # statements of the article that say the same (set when merged)




def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a text (a list's number stays with its point: '1. "will deploy').
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_BOUNDARY.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and _MARKER_ONLY.match(text, *merged[-1]):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


_MARKER_ONLY = re.compile(r"\s*(?:\d{1,2}|[a-zа-яіїє])[.)]\s*$")


_ISSUER_ORDER = ("COALITION", "EU", "NATO", "UN")
_SPOKEN_TEXT = re.compile(r"заявлени|заяв[аиуі]\b|декларац|коммюнике|комюніке|statement|declaration|communiqu|"
                          r"conclusions|висновк|вывод")
_QUOTE_OPEN = re.compile(r"[«\"“„]")  # "we" inside a quotation is its speaker's, not the statement's
_WE = re.compile(r"(?:^|[\s(«\"“])(?:we|мы|ми)\b")
# An interview's turn opens with its speaker's name and a colon ("Collins: It's been extended", "Юнсон: ...");
# in the answer, "we" and "our" are the speaker's country.
_TURN_LABEL = re.compile(r"^\s*[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,3}:\s")
_WE_OR_OUR = re.compile(r"(?:^|[\s(«\"“])(?:we|our|us|мы|ми|наш\w*|нам|нас)\b")
# A sentence that passes on what others say or are said to plan: less sure than one that states it.
_HEARSAY = re.compile(
    r"источник|джерел|sources?\b|according to|по данным|за даними|со ссылкой|з посиланням|citing|reportedly|"
    r"утверждает|стверджує|пишет|пише\b|writes|reports?\b|reported|по словам|за словами|said|сказал|заявил|заявив|"
    r"сообщил|повідомив|told")
# A point of a list: "1. ...", "2) ...", "- ...", "• ...", "а) ...".
_POINT = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–—•*·▪]|[a-zа-яіїє]\))\s+")
_OPENING_UNITS = 3  # the sentences of an article's opening that say whose draft it reports
# A document as the subject of its contents: "Угода також зобов'язує Лісабон ...", "the agreement commits".
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:угода|соглашение|договор|декларация|декларація|меморандум|the agreement|the pact|the treaty|"
    r"the declaration|the memorandum)\s+(?:\S+\s+){0,3}(?:передбачає|зобов'язує|предусматривает|обязывает|"
    r"закрепляет|закріплює|commits|obliges|binds|provides|foresees|says|states)"
)
_DOCUMENT_DENIES = re.compile(
    r"(?:\bне|\bnot|n't)\s+(?:обязывает|зобов'язує|зобов’язує|предусматривает|передбачає|commits?|obliges?|binds?|"
    r"provides? for|require)"
)
# A group without a code ("the eight Nordic and Baltic countries", "the group") is the members the text
# names for it in the sentence before or after: "The group — Denmark, Estonia, Finland ... — said" (spec §8).
_GROUP_REFERENCE = re.compile(
    # As the subject: English early in the sentence, Russian and Ukrainian in the nominative.
    r"^.{0,80}\b(?:countries|nations|governments|ministers|leaders|the group)\b|"
    r"\b(?:страны|государства|министры|лидеры|группа|країни|держави|міністри|лідери|група)\b"
)
_GROUP_SIZE = 3


def _group_named_nearby(unit_actors: Callable[[int], list[str]], k: int, count: int) -> list[str]:
    """The members a neighbouring sentence (of `count`) lists, three or more, or no one."""
    for j in (k + 1, k - 1):
        if 0 <= j < count and len(unit_actors(j)) >= _GROUP_SIZE:
            return unit_actors(j)
    return []


def _issuer(actors: list[str]) -> list[str]:
    """The body that issues a document named with these actors: the coalition or an organisation first."""
    for code in _ISSUER_ORDER:
        if code in actors:
            return [code]
    return actors


# "Spain will train pilots, while Portugal will hand over vehicles": each side has its own actor.
_OTHER_SUBJECT = re.compile(r",\s+(?:а|але|тоді як|в то время как|while|whereas)\s+(?!также\b|також\b)|;\s+")


def _units(
    body: str, low_body: str, mentions: list[Mention], person_member: dict[str, str],
    sentences: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Sentence spans, a sentence split where a contrast brings in a new actor of its own."""
    units: list[tuple[int, int]] = []
    for start, end in split_sentences(body) if sentences is None else sentences:
        cuts = [m.start() for m in _OTHER_SUBJECT.finditer(low_body, start, end)]
        if not cuts:
            units.append((start, end))
            continue
        bounds = [start, *cuts, end]
        parts = list(pairwise(bounds))
        with_actor = [
            any(a <= m.start < b and member_code(m, person_member)[0] not in NEVER_ACTORS | {""} for m in mentions)
            for a, b in parts
        ]
        with_type = [bool(types_in(low_body[a:b])) for a, b in parts]
        if sum(with_actor) >= 2 and with_actor[0] and all(with_type):
            units.extend(parts)
        else:
            units.append((start, end))
    return units


def merge_commitments(statements: Iterable[Commitment]) -> list[Commitment]:
    """One commitment per (actor, type), its status by the one rule (`status.article_status`), with the
    evidence of the first statement of that status."""
    said: dict[tuple[str, str], list[Commitment]] = {}
    for item in statements:
        said.setdefault((item.actor, item.type), []).append(item)
    merged = []
    for items in said.values():
        status = article_status(item.status for item in items)
        agreeing = [item for item in items if item.status == status]
        scored = [(score(item.reading, len(agreeing)), item) for item in agreeing]
        sure, surest = max(scored, key=lambda pair: pair[0])
        merged.append(replace(agreeing[0], confidence=sure, reading=surest.reading, agreeing=len(agreeing)))
    return sorted(merged, key=lambda c: (c.actor, c.type))


def _speaker(body: str, ordered: list[Mention], starts: list[int], label: tuple[int, int],
             person_member: dict[str, str]) -> list[str]:
    """The member of the person an interview turn's label names ("Collins:"), or none (the interviewer's). A
    label that gives a surname only is the person named in full earlier ("Defence Minister Judith Collins")."""
    for m in ordered[bisect_left(starts, label[0]) : bisect_left(starts, label[1])]:
        code, person = member_code(m, person_member)
        if person and code:
            return [code]
    name = body[label[0] : label[1]].strip().rstrip(":").strip().lower()
    for m in reversed(ordered[: bisect_left(starts, label[0])]):
        code, person = member_code(m, person_member)
        if person and code and body[m.start : m.end].lower().split()[-1:] == name.split()[-1:]:
            return [code]
    return []


def commitment_statements(
    body: str, mentions: list[Mention], gazetteer: Gazetteer, *, statement_draft: bool,
    sentences: list[tuple[int, int]] | None = None, language: str | None = None,
) -> list[Commitment]:
    """Every (actor, type, status) an article states, sentence by sentence, in order: not yet merged.

    `sentences` are the body's sentence spans when the caller has them (`split_sentences`).
    """
    coalition_known = any(m.ident == "COALITION" for m in mentions)
    statements: list[Commitment] = []
    previous_actors: list[str] = []
    previous_types: list[str] = []
    previous_typed_at = -10
    previous_status = ""
    doc_issuer: list[str] = []
    doc_status = ""
    adopted_at = -10  # the sentence that adopted a text without naming who
    we: list[str] = []  # whom a statement's "we" stands for, once the article says
    we_status = ""  # ... and what its issuing or adoption makes of what "we" say
    speaker: list[str] = []  # the member whose official answers in the interview turn under way
    previous_in_draft = False
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    low_body = lowercase(body)
    units = _units(body, low_body, mentions, gazetteer.person_member, sentences)
    texts = [body[start:end].strip() for start, end in units]
    lows = [lowercase(sentence) for sentence in texts]
    unit_flags = [frozenset(SENTENCE_FLAGS.found(low)) for low in lows]  # one Aho-Corasick pass a sentence
    known: dict[int, list[str]] = {}
    list_actors: list[str] = []

    def draft_issuer(k: int) -> list[str]:
        """Who issues the draft an article reports: the issuer among the actors its opening names."""
        for j in range(min(k + 1, _OPENING_UNITS)):
            if unit_actors(j):
                return _issuer(unit_actors(j))
        return []

    def unit_actors(k: int) -> list[str]:
        """The actors a unit names, worked out when first asked for (most sentences name no type)."""
        if k not in known:
            start, end = units[k]
            inside = ordered[bisect_left(starts, start) : bisect_left(starts, end)]
            known[k] = actors_of(lows[k], inside, gazetteer.person_member, coalition_known, low_body,
                               unit_flags[k]) if inside or "coalition_word" in unit_flags[k] else []
        return known[k]

    for k, (sentence, low, (unit_start, unit_end)) in enumerate(zip(texts, lows, units, strict=True)):
        actors, flags = unit_actors(k), unit_flags[k]
        types = types_in(low)
        actor_source = ""  # "" while the actors are those the sentence names
        if not actors and types and _GROUP_REFERENCE.search(low):
            actors = _group_named_nearby(unit_actors, k, len(units))
            actor_source = "group"
        carried_status = ""
        if actors and not types:
            types = types_by_reference(low, previous_types if k - previous_typed_at <= 2 else [], flags)
            if types and "same_step" in flags and not status_words(low, language):
                carried_status = previous_status  # "the Netherlands did so earlier": ratified, like the one before
        if types:
            previous_types, previous_typed_at = types, k
        names_draft = statement_draft and "draft_context" in flags
        # A draft's points run on into the next sentence unless it turns to someone speaking or to another text.
        in_draft = names_draft or (previous_in_draft and "leaves_draft" not in flags)
        previous_in_draft = in_draft
        doc_ref = "document_ref" in flags or bool(_DOCUMENT_SUBJECT.search(low))
        if "document_noun" in flags and not set(doc_issuer) & set(_ISSUER_ORDER):
            found = status_words(low, language)
            if not actors:
                # "Лидеры приняли совместное заявление. В нем говорится, что участники коалиции ...": a text
                # adopted by no one named is the next sentence's that names its issuer and speaks from it.
                adopted_at = k if "approved" in found and "withdrawn" not in found else adopted_at
            elif "approved" in found and "withdrawn" not in found:
                doc_issuer, doc_status = _issuer(actors), "approved"
            elif in_draft:
                doc_issuer, doc_status = _issuer(actors), "proposed"
            elif "issued" in flags:
                doc_issuer, doc_status = _issuer(actors), "pledged"  # spec §8: an issued joint statement
            if doc_issuer and _SPOKEN_TEXT.search(low) and not _WE.search(low):  # not "we signed a declaration"
                we, we_status = doc_issuer, doc_status  # a statement's text that follows speaks as "we"
        if actors and "we_named" in flags:
            we = _issuer(actors)  # "We, the leaders of the Coalition of the Willing, ..."
        turn = _TURN_LABEL.match(sentence)
        if turn:
            label_start = _text_start(body, unit_start, unit_end)
            speaker = _speaker(body, ordered, starts, (label_start, label_start + turn.end()), gazetteer.person_member)
        status_override = ""
        point = bool(_POINT.match(sentence))
        if doc_ref and actors and not doc_issuer and adopted_at == k - 1:
            doc_issuer, doc_status = _issuer(actors), "approved"
        if doc_ref and doc_issuer and (not actors or actors == doc_issuer):
            actor_source = actor_source if actors else "issuer"
            actors, status_override = doc_issuer, doc_status
        elif not actors and point and list_actors:
            # A point of a list without an actor of its own is its introduction's (spec §8: a document's points
            # belong to the body that issues it): "Согласно проекту, участники встречи: 1. подтверждают ..."
            actors, actor_source = list_actors, "list"
            if doc_issuer and list_actors == doc_issuer and doc_status:
                status_override = doc_status
        elif not actors and "anaphora" in flags:
            actors, actor_source = previous_actors, "anaphora"
        elif not actors and we and _WE.search(low) and not _HEARSAY.search(low) and not _QUOTE_OPEN.search(low):
            # "We will provide Ukraine with long-term military support": the statement's contents
            actors, actor_source, status_override = we, "issuer", we_status
        elif not actors and speaker and _WE_OR_OUR.search(low) and not _QUOTE_OPEN.search(low):
            actors, actor_source = speaker, "person"  # "Collins: ... Our people have helped train ..."
        if not point:
            # Only an introduction ("... участники встречи:") or a draft's text hands its actors to the points
            # that follow; the dashes of an interview's answers are no list.
            if sentence.rstrip().endswith(":"):
                list_actors = unit_actors(k) or doc_issuer or (draft_issuer(k) if in_draft else []) or list_actors
            else:
                list_actors = (doc_issuer or draft_issuer(k)) if in_draft else []
        # "документ не обязывает Прагу направлять войска": what a text does not oblige is no commitment at all
        skip = "skip" in flags or bool(doc_ref and _DOCUMENT_DENIES.search(low))
        if not skip:
            # An appeal or a demand ("X demanded guarantees") is not what a following "also" refers back to.
            previous_actors = actors
        if not types or not actors or skip:
            continue
        if not (in_draft or status_override or carried_status or _commits(low, language)):
            continue  # "Poland has been on high alert since drones crossed into its airspace": no commitment
        if (not (in_draft or point or status_override or carried_status)
                and _heading(body, unit_start, unit_end, low, language)):
            continue  # a sub-heading names a theme ("Франция и Италия: патрули и воздушная разведка"), no deed
        offset = _text_start(body, unit_start, unit_end)
        positions: dict[str, int] = {}
        via_person: set[str] = set()
        for m in ordered[bisect_left(starts, offset) : bisect_left(starts, offset + len(sentence))]:
            code, person = member_code(m, gazetteer.person_member)
            if code not in positions and person:
                via_person.add(code)
            positions.setdefault(code, m.start - offset)
        clauses = Clauses(low, in_draft=in_draft, lang=language)
        question = sentence.rstrip(" »\"”").endswith("?")
        signals = clause_signals(low, language)
        status_source = ("draft" if in_draft else "document" if status_override else "carried" if carried_status
                         else "cue" if signals else "default")
        type_source = "cue" if types_in(low) else "reference"
        hedged = "proposed" in signals
        words = len(sentence.split())
        first_actor = min(positions.items(), key=lambda item: item[1])[0] if positions else ""
        hearsay = bool(_HEARSAY.search(low))
        shares = _shares(actors, types, positions, low) if len(actors) > 1 and len(types) > 1 else None
        for actor in actors:
            source = actor_source or ("person" if actor in via_person else "named" if actor in positions
                                      else "coalition_word")
            for ctype in (shares.get(actor, types) if shares else types):
                status = clauses.status(ctype, positions.get(actor), [positions[a] for a in actors if a in positions])
                if question and status not in ("withdrawn", "delivered"):
                    status = "proposed"  # "Готова ли Латвия направить военных?" asks; "How many has it trained?" tells
                if status_override and status != "withdrawn":
                    status = status_override
                if ctype == "sanctions" and status == "delivered":
                    status = "approved"  # spec §8: sanctions imposed or joined are approved; none is "delivered"
                type_at = type_position(low, ctype)
                reading = Reading(
                    actor_source=source, status_source=status_source, type_source=type_source,
                    distance=abs(positions[actor] - type_at) if actor in positions and type_at >= 0 else 0,
                    actors=len(actors), types=len(types), hedged=hedged, listed=in_draft, words=words,
                    status=carried_status or status, first=actor == first_actor,
                    same_clause=actor in positions and type_at >= 0 and clauses.same_clause(positions[actor], type_at),
                    lead=k < _OPENING_UNITS, language=language or "", hearsay=hearsay,
                )
                statements.append(Commitment(actor, ctype, carried_status or status, sentence, unit_start, reading))
                previous_status = carried_status or status
    return statements


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


_HEADING_WORDS = 10
_SENTENCE_END = ".!?…»\"”“)"


def _text_start(body: str, start: int, end: int) -> int:
    """Where a unit's text starts in the body, past the spaces before it (the unit's text is stripped)."""
    raw = body[start:end]
    return start + len(raw) - len(raw.lstrip())


def _heading(body: str, start: int, end: int, low: str, lang: str | None) -> bool:
    """Is a unit a short sub-heading with no verb of status: a line of its own without a sentence's end?"""
    raw = body[start:end]
    first, last = _text_start(body, start, end), start + len(raw.rstrip())
    own_line = body[:first].rstrip(" \t")[-1:] in ("\n", "") and body[last:].lstrip(" \t")[:1] in ("\n", "")
    line = raw.strip()
    return (own_line and not line.endswith(tuple(_SENTENCE_END)) and len(line.split()) <= _HEADING_WORDS
            and not clause_signals(low, lang))


def _commits(low: str, lang: str | None) -> bool:
    """Does an English sentence word a commitment at all (a status, a will, an offer, a decision)?

    Russian and Ukrainian sentences carry their commitment in finite verbs of every kind (передаст,
    навчатиме, выделяет), so they are taken as they are.
    """
    return bool(_CYRILLIC.search(low) or clause_signals(low, lang))


def _shares(actors: list[str], types: list[str], positions: dict[str, int], low: str) -> dict[str, list[str]] | None:
    """Each actor's own types in a sentence that lists countries with their contributions, else None.

    "The Netherlands will contribute F-16s, Belgium minesweepers and Denmark instructors": the types named
    after an actor and before the next one are its own. An actor with none of its own shares the next
    one's ("Britain and France will send troops, Estonia staff officers"); types named before the first
    actor are everyone's. Only a sentence in which two actors have different types of their own is such a list.
    """
    named = sorted((positions[a], a) for a in actors if a in positions)
    if len(named) < 2:
        return None
    at = {t: type_position(low, t) for t in types}
    own: list[list[str]] = []
    for i, (start, _) in enumerate(named):
        end = named[i + 1][0] if i + 1 < len(named) else len(low) + 1
        own.append([t for t in types if start <= at[t] < end])
    if len({tuple(o) for o in own if o}) < 2:
        return None
    everyone = [t for t in types if 0 <= at[t] < named[0][0]]
    shares: dict[str, list[str]] = {}
    following: list[str] = []
    for (_, actor), mine in zip(reversed(named), reversed(own), strict=True):
        following = mine or following
        shares[actor] = [*everyone, *following]
    return shares

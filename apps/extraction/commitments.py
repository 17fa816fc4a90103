"""Commitments of an article: actor × type × status, each with the sentence it came from.

Commitments are found sentence by sentence (a sentence is split where a contrast brings in a new
subject of its own). The actors are the members (and the members that named people speak for) in
the sentence, never UA or RU, nor a country named only as a venue, a product's origin or a qualifier
("стран НАТО", "the Paris Declaration"); a speaker who says what others will do is not an actor. A
sentence without an actor takes the issuer of the adopted or drafted document it refers to, or the
previous sentence's actors only when it refers back ("also", "they"). Types come from keyword stems
in ru/uk/en, status from the wording of the clause that names the type (spec §5, §8): a draft's
points are proposed, an adopted text's points approved. One status per (actor, type) per article:
the most advanced, a withdrawal cancelling earlier proposals and pledges.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from .commitment_types import type_cues
from .confidence import Reading, score
from .cues import cue, cue_table, lowercase
from .gazetteer import MEMBER, PERSON, Gazetteer, Mention
from .predicates import RESUMED, clause_signals, vocabulary
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
TYPE_CUES = type_cues()
NEVER_ACTORS = frozenset({"UA", "RU"})


_COALITION_WORD = cue(
    r"(?<!правящ)(?<!правящей )(?<!правящая )коалици\w*",
    r"коаліці\w*",
    r"(?<!governing )(?<!ruling )\bcoalition\b(?! partners?\b| government\b)",
)
_GOVERNING = cue(r"правящ\w* коалиц", r"правлячо?\w* коаліц", r"governing coalition", r"ruling coalition")

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


_STATUS_SIGNALS = frozenset({"withdrawn", "delivered", "approved", "proposed"})


def _status_words(low: str, lang: str | None) -> frozenset[str]:
    """The statuses other than a plain pledge that a clause's words signal."""
    return clause_signals(low, lang) & _STATUS_SIGNALS


def _status_of(low: str, *, in_draft: bool, lang: str | None) -> str:
    found = clause_signals(low, lang)
    if "withdrawn" in found and RESUMED not in found:
        return "withdrawn"
    if in_draft:
        return "proposed"
    for status in ("delivered", "approved", "proposed"):
        if status in found:
            return status
    return "pledged"


# Frozen assets named as the source of money (income from them, a loan backed by them) are no sanction.
_ASSET_FUNDED = re.compile(
    r"\b(?:доход\w*|прибыл\w*|прибут\w*|за сч[её]т|за рахунок|под залог|під заставу|backed by|income from|"
    r"revenue\w*|profits?|windfall|proceeds|balances|financed by|funded by|оплачено з|from|з|из|от|від|"
    r"use|using|использовать|использовани\w*|використати|використанн\w*|використовуват\w*)\s+(?:\w+\s+){0,4}"
    r"(?:заморож|замороз|immobili[sz]|frozen|знерухом|иммобилиз)"
)
_SANCTIONS_OUTRIGHT = cue(r"санкци", r"санкці", r"sanction", r"давлени", r"тиск", r"pressure", r"embargo")
# Moving, repairing or servicing weapons is logistics, not military aid: "транспортування озброєнь",
# "repair of armoured vehicles".
_HANDLING_HARDWARE = re.compile(
    r"(?:транспорт\w*|перевез\w*|перевоз\w*|ремонт\w*|отремонт\w*|відремонт\w*|обслуж\w*|обслугов\w*|"
    r"repair\w*|maintenance|maintain\w*|servic\w*|transport\w*|shipment\w*|снабжени\w*|постачанн\w*|supply of|"
    r"supplies of)\s+(?:of\s+)?(?:[\w,]+\s+){0,6}"
    r"(?:озбро\w*|зброї|вооружен\w*|оружи\w*|бронетехн\w*|технік\w*|техник\w*|танк\w*|tanks?|weapons?|"
    r"equipment|vehicles?|armou?red \w+|ammunition|боеприпас\w*|боєприпас\w*|катер\w*|літак\w*|самолет\w*|"
    r"aircraft)[^,.;:]{0,80}"  # and the rest of the list: "tanks and infantry fighting vehicles"
)


# Drones, satellites and aircraft as the source of data are intelligence, not hardware handed over.
_HARDWARE_AS_SENSOR = re.compile(
    r"\b(?:данн\w*|дан\w*|data|знімк\w*|снимк\w*|images?|imagery|footage|відео\w*|видео\w*)\s+(?:\w+\s+){0,2}"
    r"(?:(?:с|з|із|from|of)\s+)?(?:\w+\s+)?(?:дрон|беспилотник|безпілотник|drones?|uavs?|самолет|літак|aircraft)\w*|"
    # ... and those who operate them are trained, not equipped: "операторів дронів", "tank crews", "F-16 pilots"
    r"\b(?:оператор\w*|пілот\w*|пилот\w*|екіпаж\w*|экипаж\w*|operators?|pilots?|crews?)\s+(?:\S+\s+)?"
    r"(?:дрон|беспилотник|безпілотник|drones?|uavs?|танк|tanks?|f-16|літак|самолет|винищувач|истребител)\w*|"
    r"\b(?:дрон|drone|uav|танк|tank|f-16)\w*[ -](?:оператор|operator|pilot|пілот|пилот|crews?|екіпаж|экипаж)\w*"
)


def _types_in(low: str) -> list[str]:
    """The commitment types a lowercased sentence or clause names (asked several times for the same text)."""
    return list(_types_named(low))


@lru_cache(maxsize=4096)
def _types_named(low: str) -> tuple[str, ...]:
    types = TYPE_CUES.found(low)
    if "hardware" in types and _HARDWARE_AS_SENSOR.search(low):
        kept = TYPE_CUES.found(_HARDWARE_AS_SENSOR.sub(lambda m: " " * len(m.group()), low))
        types = [t for t in types if t in kept or t == "intelligence"]
    hardware, supply = "hardware" in types, "supply" in types
    types = [t for t in types if t not in ("hardware", "supply")]
    if hardware and supply and "air_defence" not in types and "military_aid" not in types:
        types.append("military_aid")
    if "military_aid" in types and "logistics" in types:
        masked = _HANDLING_HARDWARE.sub(lambda m: " " * len(m.group()), low)
        if not TYPE_CUES["military_aid"].search(masked):
            types.remove("military_aid")  # only weapons being moved or repaired: that is the logistics
    if "sanctions" in types and _ASSET_FUNDED.search(low) and not _SANCTIONS_OUTRIGHT.search(low):
        types.remove("sanctions")  # frozen assets that fund a loan or aid are its funding, not a sanction
    return tuple(types)



def _member_code(m: Mention, person_member: dict[str, str]) -> tuple[str, bool]:
    """The member a mention stands for and whether it came from a person's name."""
    if m.kind == MEMBER:
        return m.ident, False
    if m.kind == PERSON:
        return person_member.get(m.ident, ""), True
    return "", False


# A place named after a locative preposition is a venue ("talks in Saudi Arabia", "на сході Польщі"), not an
# actor; so is the next of a list of venues ("in Britain and Poland").
_VENUE_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(?:в|во|у|на|in|at|near|около|біля|под|під|над|over|across|across the|throughout|через|via|"
    r"through|transiting)\s+"
    r"(?:(?:the\s+)?(?:east|west|north|south|centre|center|eastern|western|northern|southern|central)(?:\s+of)?\s+|"
    r"(?:востоке|западе|севере|юге|центре|территории|сході|заході|півночі|півдні|центрі|території)\s+)?$"
)
_LIST_JOIN = re.compile(r"^(?:,\s*|\s+(?:and|or|и|і|й|та|или|або)\s+)$")
# A product's origin is no actor: "ракеты британского производства", "British-made missiles",
# "SAMP/T, разработанный совместно с Францией".
_ORIGIN_AFTER = re.compile(r"^(?:-made|-built|\s+(?:производства|виробництва|made|manufactured|built))\b")
_ORIGIN_BEFORE = re.compile(
    r"(?:разработ\w*|розроблен\w*|произвед\w*|вироблен\w*|developed|designed|produced|made|built)\s+"
    r"(?:(?:совместно|спільно|jointly|together)\s+)?(?:с|з|із|with|by|in)\s+$|"
    # what is bought is no buyer: "закупівлю американських ракет", "buy American weapons"
    r"(?:закуп\w*|купівл\w*|купит\w*|покупк\w*|придба\w*|purchas\w*|buy\w*|bought)\s+(?:(?:для|for)\s+\S+\s+)?$"
)
# A member named only to qualify something else: "стран НАТО", "статьи 5 Устава НАТО", "NATO membership",
# "the Paris Declaration", "японское агентство Kyodo", "a meeting of NATO ministers", "позицію Бельгії".
_QUALIFIER_BEFORE = re.compile(
    r"(?:стран|країн|устав\w*|статут\w*|стать\w*|статт\w*|штаб-квартир\w*|членств\w*|вступлени\w*|вступ\w*|"
    r"позици\w*|позиці\w*|countries|members|membership|headquarters|charter|article \d+|position|stance|"
    r"approval|mandate|мандат\w*|резолюци\w*|резолюці\w*|одобрени\w*|схвален\w*|мисси\w*|місі\w*|missions?)"
    r"\s+(?:(?:of|в|у|до)\s+)?(?:the\s+)?$",
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:'s)?[\s-]+(?:(?:training|monitoring|observer|air-policing|naval|civilian)\s+missions?|"
    r"countries|members|member states|membership|style|article|headquarters|"
    r"declaration|декларац\w*|format|формат\w*|approval|mandate|agency|news agency|newspaper|broadcaster|"
    r"air-policing|air policing|mission|missions|(?<=-)(?:led|managed|run|backed|funded|based|made|built)|"
    r"мисси\w*|місі\w*|"
    r"агентств\w*|агенці\w*|издани\w*|видання|газет\w*|телеканал\w*)\b",
)
# A counterpart in talks is no actor of what is said in them: "contacts with the American president",
# "talks with Washington"; a partner "together with" one is (spec §8), and is not matched here.
_COUNTERPART_BEFORE = re.compile(
    r"(?:контакт\w*|переговор\w*|перемов\w*|розмов\w*|разговор\w*|встреч\w*|зустріч\w*|консультац\w*|"
    r"talks|meeting|call|contacts?|consultations|dialogue|диалог\w*|діалог\w*|round|раунд\w*)\s+(?:\w+\s+){0,2}"
    r"(?:с|со|з|із|with)\s+(?:the\s+)?(?:\w+\s+)?$"
)


# Whoever a condition names is no actor: "if the UN provided a mandate", "якщо ООН надасть мандат", "если
# такая миссия будет создана под эгидой ООН" (anywhere in the clause the condition opens).
_CONDITION_WORDS = ("if", "unless", "если", "якщо", "за умов", "при услов")  # a cheap look before the regex
_TOGETHER_WORDS = ("вместе", "совместно", "разом", "спільно", "together", "jointly", "along")
_CONDITION_CLAUSE = re.compile(r"(?:\bif|\bunless|\bесли|\bякщо|\bза умови|\bпри условии)\b[^,;:.!?]*$")
_CONDITION_BEFORE = re.compile(r"(?:\bif|\bunless|\bесли|\bякщо|\bза умови,? що|\bпри условии,? что)\s+(?:the\s+)?$")
# "On the sidelines of a meeting of NATO defence ministers", "на саммите НАТО": where it was said.
_SIDELINES_BEFORE = re.compile(
    r"(?:sidelines|на полях|кулуар\w*)\s+(?:of\s+)?(?:\w+\s+){0,4}$|"
    r"(?:^|\s)(?:на|at|during)\s+(?:the\s+)?(?:\w+\s+)?(?:саммит\w*|встреч\w*|заседани\w*|саміт\w*|зустріч\w*|"
    r"засіданн\w*|summit|meeting|session)\s+(?:of\s+)?(?:the\s+)?$"
)
# "В Токио заявили", "у Кремлі наголосили": a government speaking through its seat is no mere venue.
_SPEAKS_THROUGH_SEAT = re.compile(
    r"^\s+(?:\S+\s+){0,2}(?:заявили|сообщили|считают|подчеркнули|отметили|заявляют|ответили|наголосили|"
    r"повідомили|заявили|заявляють|вважають|підкреслили|зазначили|відповіли)\b"
)
# Partners in the EU are its members, not the EU: "партнерам по Евросоюзу следует ...".
_MEMBERS_OF_BEFORE = re.compile(
    r"(?:партнер\w*|союзник\w*|partners|allies|членам|членів|members)\s+(?:по|в|у|of|in)\s+(?:the\s+)?$"
)


# A member after a preposition is what the clause is about, not who acts: "sent to Poland", "integrate into NATO",
# "от Бельгии Киев ожидает", "deter Russia and Belarus"; a partner "together with" one acts (spec §8), and so does
# an agent "by" one, and the leaders or government "of" one.
_OBJECT_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(?:to|for|into|against|with|without|about|towards?|than|unlike|к|ко|для|против|об?|про|до|проти|"
    r"перед|после|після|над)\s+(?:the\s+)?$"
)
# ... but not a partner acting alongside ("разом із Норвегією", "together with the United States").
_TOGETHER_BEFORE = re.compile(
    r"(?:вместе|совместно|разом|спільно|together|jointly|along)\s+(?:с|со|із|з|зі|with)\s+(?:the\s+)?$")
_NO_ACTOR_BEFORE = re.compile(
    "|".join(f"(?:{rx.pattern})" for rx in (_MEMBERS_OF_BEFORE, _ORIGIN_BEFORE, _QUALIFIER_BEFORE, _COUNTERPART_BEFORE,
                                            _SIDELINES_BEFORE, _CONDITION_BEFORE, _OBJECT_BEFORE))
)
_NO_ACTOR_AFTER = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_ORIGIN_AFTER, _QUALIFIER_AFTER)))


# The coalition named as what a state belongs to or a force is part of: "державою «коаліції охочих»",
# "у складі сил коаліції" (its countries acting, "стран коалиции", are the coalition acting).
_COALITION_QUALIFIER_BEFORE = re.compile(
    r"(?:державою|державой|государством|\bstate\b|\bmember\b|\bсил|\bсили|\bforces|составе|складі)\s+(?:of\s+)?"
    r"(?:the\s+)?[«\"“„]?$"
)


def _qualifies_coalition(low_body: str, m: Mention) -> bool:
    return m.ident == "COALITION" and bool(_COALITION_QUALIFIER_BEFORE.search(low_body[max(0, m.start - 40) : m.start]))


def _not_an_actor(low_body: str, m: Mention, previous: Mention | None = None,
                  previous_venue: bool | None = False) -> bool:
    """Is a member's mention no actor (a venue, origin, qualifier, object, condition ...)? `previous_venue`: was
    the mention before it none (None: not worked out yet, done here when a list joins the two)."""
    if m.kind != MEMBER:
        return False
    before, after = low_body[max(0, m.start - 40) : m.start], low_body[m.end : m.end + 24]
    if _qualifies_coalition(low_body, m):
        return True
    if (previous is not None and previous_venue is not False and _LIST_JOIN.match(low_body[previous.end : m.start])
            and (previous_venue or _not_an_actor(low_body, previous))):
        return True
    if _VENUE_BEFORE.search(before):
        return not _SPEAKS_THROUGH_SEAT.match(after)
    together = any(w in before for w in _TOGETHER_WORDS) and _TOGETHER_BEFORE.search(before)
    if together and not _ORIGIN_BEFORE.search(before):
        return False
    clause = low_body[max(0, m.start - 120) : m.start]
    if any(w in clause for w in _CONDITION_WORDS) and _CONDITION_CLAUSE.search(clause):
        return True
    return bool(_NO_ACTOR_BEFORE.search(before) or _NO_ACTOR_AFTER.match(after))


def _actors(
    low: str,
    mentions: Iterable[Mention],
    person_member: dict[str, str],
    coalition_known: bool,
    low_body: str,
    flags: frozenset[str],
) -> list[str]:
    """Who acts in a (lowercased) sentence, from the mentions inside it."""
    actors: list[str] = []
    via_person: set[str] = set()
    via_name: set[str] = set()
    previous: Mention | None = None
    previous_excluded: bool | None = False
    coalition_qualifies = False
    for m in mentions:
        code, person = _member_code(m, person_member)
        if not code or code in NEVER_ACTORS:
            previous, previous_excluded = m, None  # no actor anyway; whether a venue only matters to a list after it
            continue
        excluded = _not_an_actor(low_body, m, previous, previous_excluded)
        previous, previous_excluded = m, excluded
        coalition_qualifies = coalition_qualifies or (code == "COALITION" and _qualifies_coalition(low_body, m))
        if not code or code in NEVER_ACTORS or excluded:
            continue
        (via_person if person else via_name).add(code)
        if code not in actors:
            actors.append(code)
    if (
        coalition_known
        and "COALITION" not in actors
        and not coalition_qualifies  # named, but only as what a force is part of: "у складі сил «коаліції охочих»"
        and "coalition_word" in flags
        and "governing" not in flags
    ):
        actors.append("COALITION")
    if via_name - {"COALITION"} or ("COALITION" in actors and "coalition_word" in flags):
        # A leader who says what others will do only speaks: "Macron said the coalition would ...",
        # "По словам Макрона, контроль могли бы обеспечивать США".
        actors = [a for a in actors if a in via_name or a == "COALITION"]
    return actors


_DRAFT_CONTEXT = cue(
    r"\bdraft", r"проект", r"проєкт", r"согласно документу", r"в документе", r"документ предусматр"
)
# A sentence that speaks of a document's contents without naming who issued it.
_DOCUMENT_REF = cue(
    r"\bдокумент",
    r"декларац",
    r"в тексте",
    r"у тексті",
    r"висновк",
    r"выводах",
    r"коммюнике",
    r"комюніке",
    r"\bthe (?:text|document|declaration|statement|communiqu\w*|conclusions|draft)\b",
    r"\b(?:проект|проєкт)\w*",
    r"коштів", r"средств\b", r"\bfunds\b", r"передбачено", r"предусмотрено", r"earmarked",
    r"\bit (?:also )?(?:foresees|envisages|provides for|calls for|says|states)\b", r"предусматривает", r"передбачає",
)
_DOCUMENT_NOUN = cue(
    r"документ",
    r"декларац",
    r"заявлени",
    r"заяв[иу]\b",
    r"коммюнике",
    r"комюніке",
    r"вывод",
    r"висновк",
    r"\b(?:text|document|declaration|statement|communiqu\w*|conclusions)\b",
    r"бюджет", r"budget", r"программ", r"програм", r"programme", r"\bзакон\w*", r"\blaw\b",
    r"соглашени", r"\bугод", r"\bagreement", r"\bдоговор", r"\bpact\b", r"меморандум", r"memorandum",
)
_LEAVES_DRAFT = cue(
    r"заявил", r"сказал", r"сообщил", r"отметил", r"заявив", r"сказав", r"повідомив", r"зазначив",
    r"\bsaid\b", r"\btold\b", r"\bsays\b", r"according to", r"по словам", r"за словами",
    r"ранее", r"раніше", r"earlier", r"previously", r"\bhas\b", r"\bhave\b",
)
# A sentence without a named actor continues the previous one only when it refers back to it.
_ANAPHORA = cue(
    r"^(?:«|\"|“)?(?:he|she|they|он|она|они|він|вона|вони)\b",
    r"\b(?:also|likewise|также|тоже|також|теж)\b",
    r"^(?:кроме того|крім того|in addition)\b",
    # "По его словам, одна система уже была передана": the speaker's country is the one just named.
    r"^(?:по (?:его|ее|её|их) словам|за (?:його|її|їхніми) словами|according to (?:him|her|them))\b",
)
_ISSUER_ORDER = ("COALITION", "EU", "NATO", "UN")
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
            any(a <= m.start < b and _member_code(m, person_member)[0] not in NEVER_ACTORS | {""} for m in mentions)
            for a, b in parts
        ]
        with_type = [bool(_types_in(low_body[a:b])) for a, b in parts]
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
    previous_in_draft = False
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    low_body = lowercase(body)
    units = _units(body, low_body, mentions, gazetteer.person_member, sentences)
    sentences = [body[start:end].strip() for start, end in units]
    lows = [lowercase(sentence) for sentence in sentences]
    unit_flags = [frozenset(_FLAGS.found(low)) for low in lows]  # one Aho-Corasick pass a sentence
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
            known[k] = _actors(lows[k], inside, gazetteer.person_member, coalition_known, low_body,
                               unit_flags[k]) if inside or "coalition_word" in unit_flags[k] else []
        return known[k]

    for k, (sentence, low, (unit_start, unit_end)) in enumerate(zip(sentences, lows, units, strict=True)):
        actors, flags = unit_actors(k), unit_flags[k]
        types = _types_in(low)
        actor_source = ""  # "" while the actors are those the sentence names
        if not actors and types and _GROUP_REFERENCE.search(low):
            actors = _group_named_nearby(unit_actors, k, len(units))
            actor_source = "group"
        carried_status = ""
        if actors and not types:
            types = _types_by_reference(low, previous_types if k - previous_typed_at <= 2 else [], flags)
            if types and "same_step" in flags and not _status_words(low, language):
                carried_status = previous_status  # "the Netherlands did so earlier": ratified, like the one before
        if types:
            previous_types, previous_typed_at = types, k
        names_draft = statement_draft and "draft_context" in flags
        # A draft's points run on into the next sentence unless it turns to someone speaking or to another text.
        in_draft = names_draft or (previous_in_draft and "leaves_draft" not in flags)
        previous_in_draft = in_draft
        doc_ref = "document_ref" in flags or bool(_DOCUMENT_SUBJECT.search(low))
        if actors and "document_noun" in flags and not set(doc_issuer) & set(_ISSUER_ORDER):
            found = _status_words(low, language)
            if "approved" in found and "withdrawn" not in found:
                doc_issuer, doc_status = _issuer(actors), "approved"
            elif in_draft:
                doc_issuer, doc_status = _issuer(actors), "proposed"
        status_override = ""
        point = bool(_POINT.match(sentence))
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
        if not point:
            # Only an introduction ("... участники встречи:") or a draft's text hands its actors to the points
            # that follow; the dashes of an interview's answers are no list.
            if sentence.rstrip().endswith(":"):
                list_actors = unit_actors(k) or doc_issuer or (draft_issuer(k) if in_draft else []) or list_actors
            else:
                list_actors = (doc_issuer or draft_issuer(k)) if in_draft else []
        skip = "skip" in flags
        if not skip:
            # An appeal or a demand ("X demanded guarantees") is not what a following "also" refers back to.
            previous_actors = actors
        if not types or not actors or skip:
            continue
        if not (in_draft or status_override or carried_status or _commits(low, language)):
            continue  # "Poland has been on high alert since drones crossed into its airspace": no commitment
        raw = body[unit_start:unit_end]
        offset = unit_start + len(raw) - len(raw.lstrip())
        positions: dict[str, int] = {}
        via_person: set[str] = set()
        for m in ordered[bisect_left(starts, offset) : bisect_left(starts, offset + len(sentence))]:
            code, person = _member_code(m, gazetteer.person_member)
            if code not in positions and person:
                via_person.add(code)
            positions.setdefault(code, m.start - offset)
        clauses = _Clauses(low, in_draft=in_draft, lang=language)
        question = sentence.rstrip(" »\"”").endswith("?")
        signals = clause_signals(low, language)
        status_source = ("draft" if in_draft else "document" if status_override else "carried" if carried_status
                         else "cue" if signals else "default")
        type_source = "cue" if _types_in(low) else "reference"
        hedged = "proposed" in signals
        words = len(sentence.split())
        first_actor = min(positions.items(), key=lambda item: item[1])[0] if positions else ""
        hearsay = bool(_HEARSAY.search(low))
        shares = _shares(actors, types, positions, low) if len(actors) > 1 and len(types) > 1 else None
        for actor in actors:
            source = actor_source or ("person" if actor in via_person else "named" if actor in positions
                                      else "coalition_word")
            for ctype in (shares.get(actor, types) if shares else types):
                status = clauses.status(ctype, positions.get(actor))
                if question and status not in ("withdrawn", "delivered"):
                    status = "proposed"  # "Готова ли Латвия направить военных?" asks; "How many has it trained?" tells
                if status_override and status != "withdrawn":
                    status = status_override
                type_at = _type_position(low, ctype)
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


# A sentence that names no type of its own: "Canada and New Zealand are considering a similar step",
# "the Netherlands did so earlier" take the types of the sentence before; so does money (a contribution to
# what was just described), and money with nothing described just before is financial aid, or military
# aid when it buys something.
_SAME_STEP = cue(
    r"аналогичн\w* (?:шаг|решени|мер)", r"такой же шаг", r"то же самое", r"так же поступ",
    r"аналогічн\w* (?:крок|рішенн)",
    r"такий самий крок", r"те саме", r"similar (?:step|move|measures)", r"the same step", r"follow(?:ed|s)? suit",
    r"последовать (?:\S+ )?пример", r"наслідувати (?:\S+ )?приклад", r"это сделал", r"це зробил", r"did so",
    r"done so", r"done the same", r"did the same",
)
_MONEY = re.compile(
    r"\d[\d\s.,]*\s*(?:млн|млрд|тыс|тис|мільйон\w*|мільярд\w*|миллион\w*|миллиард\w*|million|billion|bn|m)\b\.?\s*"
    r"(?:\S+\s+)?(?:евро|євро|euros?|доллар\w*|долар\w*|dollars?|фунт\w*|pounds?|крон\w*|kron\w*|иен|єн|yen|"
    r"франк\w*|francs?|злот\w*|zloty)|[$€£]\s?\d"
)
# PURL (the Prioritized Ukraine Requirements List) buys American weapons with allies' money.
_PURCHASE = cue(r"закуп", r"купівл", r"покупк", r"придбан", r"purchas", r"procure", r"\bbuy", r"\bpurl\b")
_PURL = re.compile(r"\bpurl\b")


def _types_by_reference(low: str, previous_types: list[str], flags: frozenset[str]) -> list[str]:
    if previous_types and "same_step" in flags:
        return list(previous_types)
    if _MONEY.search(low):
        if previous_types:
            return list(previous_types)  # money for what the sentences just before speak of
        return ["military_aid"] if _PURCHASE.search(low) else ["financial_aid"]
    if _PURL.search(low):
        return ["military_aid"]  # a PURL package with no contents named: American weapons bought for Ukraine
    return []


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _commits(low: str, lang: str | None) -> bool:
    """Does an English sentence word a commitment at all (a status, a will, an offer, a decision)?

    Russian and Ukrainian sentences carry their commitment in finite verbs of every kind (передаст,
    навчатиме, выделяет), so they are taken as they are.
    """
    return bool(_CYRILLIC.search(low) or clause_signals(low, lang))


# Where a sentence divides into clauses, each commitment takes the status of the clause that names it:
# "X will not send troops, but will take on logistics"; "Brussels will keep the assets immobilised, ...,
# rejecting suggestions that the money could be released".
_CLAUSE_CUT = re.compile(r"[,;:]\s+(?P<contrast>(?:but|yet|однако|но|але|проте|а)\s+)?|\s+[—–]\s+|"
                         r"\s+(?P<bare>but|yet|while|whereas|однако|но|але|проте)\s+")


def _clause_status(clause: str, *, in_draft: bool, lang: str | None) -> str | None:
    """The status a clause's own wording gives, or None when it has no word of status at all."""
    if clause_signals(clause, lang):
        return _status_of(clause, in_draft=in_draft, lang=lang)
    return None


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
    at = {t: _type_position(low, t) for t in types}
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


def _type_position(low: str, ctype: str) -> int:
    """Where the words naming a type stand in a sentence (-1: it took the type from another sentence)."""
    found = TYPE_CUES[ctype].search(low) or (TYPE_CUES["hardware"].search(low) if ctype == "military_aid" else None)
    return found.start() if found else -1


def _type_named_in(clause: str, ctype: str) -> bool:
    if ctype == "military_aid" and not TYPE_CUES["military_aid"].search(clause):
        return bool(TYPE_CUES["hardware"].search(clause))
    return bool(TYPE_CUES[ctype].search(clause))


class _Clauses:
    """A lowercased sentence cut into clauses, each with the status its own wording gives (or None).

    Built once per sentence; `status(type, actor_at)` answers for each (actor, type) of it. A type takes
    the status of the clause that names it; a clause without a word of status takes that of the clause
    before it, up to a contrast ("but", "але"), never a negation (which belongs to its own verb); failing
    that, the sentence's. An actor named in a later clause with a status of its own takes that one:
    "Sweden and Finland are ready to provide jets for a mission that the coalition is discussing" → the
    coalition's is proposed.
    """

    __slots__ = ("_statuses", "after_contrast", "clauses", "in_draft", "lang", "starts", "whole")

    def __init__(self, low: str, *, in_draft: bool, lang: str | None) -> None:
        self.in_draft = in_draft
        self.lang = lang
        self.whole = _status_of(low, in_draft=in_draft, lang=lang)
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
            self._statuses = [_clause_status(clause, in_draft=self.in_draft, lang=self.lang) for clause in self.clauses]
        return self._statuses

    def same_clause(self, a: int, b: int) -> bool:
        """Do two offsets of the sentence stand in one clause?"""
        return bisect_left(self.starts, a + 1) == bisect_left(self.starts, b + 1)

    def status(self, ctype: str, actor_at: int | None = None) -> str:
        if len(self.clauses) == 1:
            return self.whole
        naming = [i for i, clause in enumerate(self.clauses) if _type_named_in(clause, ctype)]
        if not naming:
            return self.whole
        named = naming[0]
        if actor_at is not None:
            actor_clause = bisect_left(self.starts, actor_at + 1) - 1
            if actor_clause > named and not _SPEECH_TAG.match(self.clauses[actor_clause]):
                own = next((status for status in self.statuses[actor_clause:] if status is not None), None)
                if own is not None:
                    return own
        # Each clause that names the type says something of it ("keeps its role of mediator: talks held
        # through its mediation in May"): the sentence states the most advanced of them, by the one rule.
        return article_status(
            _status_from_context(i, self.statuses, self.after_contrast, self.clauses, self.whole,
                                 in_draft=self.in_draft, lang=self.lang) for i in naming)


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
        return _status_of(clauses[i], in_draft=in_draft, lang=lang)
    return whole


# The sentence-level cues above in one table: one Aho-Corasick pass a sentence tells which of them occur.
_FLAGS = cue_table({
    "coalition_word": (_COALITION_WORD.pattern,),
    "governing": (_GOVERNING.pattern,),
    "draft_context": (_DRAFT_CONTEXT.pattern,),
    "leaves_draft": (_LEAVES_DRAFT.pattern,),
    "document_ref": (_DOCUMENT_REF.pattern,),
    "document_noun": (_DOCUMENT_NOUN.pattern,),
    "anaphora": (_ANAPHORA.pattern,),
    "skip": tuple(vocabulary().skip),
    "same_step": (_SAME_STEP.pattern,),
})

"""Commitments, draft statements, quotes and the source agency of an article.

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
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from .gazetteer import MEMBER, PERSON, Gazetteer, Mention

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
COMMITMENT_STATUSES: tuple[str, ...] = ("proposed", "pledged", "approved", "delivered", "withdrawn")
_RANK = {"proposed": 0, "pledged": 1, "approved": 2, "delivered": 3}
NEVER_ACTORS = frozenset({"UA", "RU"})


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


# Keyword stems per commitment type (ru, uk, en in one pattern each).
TYPE_PATTERNS: dict[str, re.Pattern[str]] = {
    "military_capabilities": _rx(
        r"военн\w* возможност",
        r"військов\w* спроможност",
        r"military capabilit",
        r"military force",
        r"use of force",
        r"военными средствами",
        r"all necessary means",
        r"авиаци\w* .{0,30}поддерж",
        r"военн\w* сил\w* для защиты",
    ),
    "intelligence": _rx(
        r"разведк",
        r"разведыват",
        r"розвідк",
        r"розвідувальн",
        r"intelligence",
        r"surveillance",
        r"early warning",
        r"раннем предупрежд",
        r"ранн\w+ попередж",
        r"спутников",
        r"супутников",
        r"satellite",
        r"данн\w+ (?:с |)беспилотник",
    ),
    "logistics": _rx(
        r"логисти",
        r"логісти",
        r"logistic",
        r"транспорт(?!н\w* сектор)",
        r"снабжени",
        r"материально-техническ",
        r"тылов",
        r"склад",
        r"ремонтн",
        r"repair",
        r"maintenance",
        r"аэродром",
        r"топливн",
        r"\bfuel\b",
        r"depot",
        r"spare parts",
    ),
    "diplomatic": _rx(
        r"дипломатическ\w* (?:шаг|давлен|усили)",
        r"дипломатичн\w* (?:крок|тиск)",
        r"diplomatic (?:step|pressure|effort)",
        r"посредни",
        r"посередни",
        r"mediat",
        r"-brokered",
        r"brokered",
        r"донести\w* (?:это |)предложени",
        r"организовать встречу",
        r"площадк\w* для переговор",
        r"keep mediating",
        r"work with both sides",
    ),
    "sanctions": _rx(
        r"санкци",
        r"санкці",
        r"sanction",
        r"заморож",
        r"immobilis",
        r"immobiliz",
        r"давлени\w* на (?:росси|москв)",
        r"тиск\w* на (?:росі|москв)",
        r"pressure on (?:russia|moscow)",
        r"нефтегазов\w* экспорт",
        r"keep them frozen",
        r"(?:keep|remain|stay)\w* (?:\w+ ){0,4}frozen",
        r"\bfreez",
        r"замороз",
    ),
    "ceasefire_monitoring": _rx(
        r"мониторинг",
        r"моніторинг",
        r"наблюдени",
        r"спостереж",
        r"monitor",
        r"verif",
        r"контрол\w* за соблюдени",
        r"соблюдени\w* перемири",
        r"дотриманн\w* перемир",
    ),
    "multinational_force": _rx(
        r"многонациональн",
        r"багатонаціональн",
        r"multinational",
        r"reassurance force",
        r"(?<!украинских )войск(?!ов)",
        r"(?<!українських )військ(?!ов)",
        r"(?<!ukrainian )troops",
        r"контингент",
        r"contingent",
        r"сухопутн",
        r"deploy",
        r"развертывани",
        r"розгорн",
        r"coordination cell",
        r"координационн\w* центр",
        r"военные хабы",
        r"military hubs",
        r"на земле",
        r"on the ground",
        r"forces? to ukraine",
        r"военных на украин",
        r"военных за рубеж",
        r"солдат",
    ),
    "military_aid": _rx(
        r"военн\w* помощ",
        r"військов\w* допомог",
        r"military aid",
        r"military assistance",
        r"weapons",
        r"ammunition",
        r"оружи",
        r"вооружени",
        r"озброєнн",
        r"боеприпас",
        r"боєприпас",
        r"снаряд",
        r"бронетехн",
        r"артиллер",
        r"артилер",
        r"artillery",
        r"long-range drone",
        r"дальнобойн\w* дрон",
        r"armoured vehicle",
        r"военн\w* средств",
    ),
    "air_defence": _rx(
        r"противовоздушн",
        r"\bпво\b",
        r"протиповітрян",
        r"\bппо\b",
        r"air defen[cs]e",
        r"зенитн",
        r"зенітн",
        r"interceptor",
        r"перехватчик",
        r"patriot",
        r"iris-t",
        r"воздушного пространства",
        r"патрулирован",
        r"\bнеба?\b",
        r"\bнебо\b",
        r"skies",
        r"air policing",
        r"air cover",
        r"українського неба",
    ),
    "financial_aid": _rx(
        r"кредит",
        r"\bloan",
        r"грант",
        r"\bgrant",
        r"бюджетн\w* поддержк",
        r"бюджетн\w* підтримк",
        r"budget support",
        r"финансов\w* помощ",
        r"фінансов\w* допомог",
        r"financial aid",
        r"транш",
        r"tranche",
        r"make .{0,30}billion .{0,20}available",
    ),
    "legal_guarantee": _rx(
        r"юридически обязывающ",
        r"юридично обов",
        r"legally binding",
        r"ратифик",
        r"ратифік",
        r"ratif",
        r"международн\w* договор",
        r"treaty",
        r"стать\w* 5",
        r"article 5",
        r"статт\w* 5",
        r"силу закона",
        r"в законе",
    ),
    "training": _rx(
        r"обучени",
        r"навчанн",
        r"навчальн",
        r"training",
        r"\btrain",
        r"учебн\w* мисси",
        r"подготовк\w* украинск",
        r"підготовк",
        r"инструктор",
        r"інструктор",
        r"курсы",
    ),
}

_WITHDRAWN = _rx(
    r"\bне (?:будет|будут|направ|отправ|пошл|стан|даст)",
    r"\bне буд\w+ (?:направ|надсил|розміщ)",
    r"исключил",
    r"отказал",
    r"відмовил",
    r"will not\b",
    r"won't",
    r"would not\b",
    r"ruled out",
    r"dropped",
    r"no longer",
    r"paused",
    r"\bpause\b",
    r"halted",
    r"приостанов",
    r"призупин",
    r"removed",
    r"suspend",
    r"размещаться не будут",
    r"без отправки",
    r"не погодя",
)
_DELIVERED = _rx(
    r"завершил",
    r"завершив",
    r"завершила",
    r"завершили",
    r"завершен",
    r"передал[аи]?\b",
    r"handed over",
    r"\bhas trained",
    r"\bhave trained",
    r"\btrained\b",
    r"\bopened\b",
    r"is operating",
    r"возобновил",
    r"відновил",
    r"resumed",
    r"отримала",
    r"получил[аи]?\b",
    r"оплатил",
    r"\bpaid\b",
    r"disbursed",
    r"надійш",
    r"приступил\w* к работе",
    r"следит",
    r"зафиксировал",
    r"finished",
    r"completed",
    r"вступил\w* в силу",
    r"ended on",
    r"провели переговор",
    r"передачу .{0,40}заверш",
    r"выступала посредником",
    r"предоставивш",
)
_APPROVED = _rx(
    r"утвердил",
    r"утвердили",
    r"затвердив",
    r"затвердил",
    r"ухвалил",
    r"ухвалив",
    r"приняли декларац",
    r"adopted",
    r"approved",
    r"\bsigned\b",
    r"подписал",
    r"підписал",
    r"ратифицировал",
    r"ратифікував",
    r"ратифікувал",
    r"endorsed",
    r"одобрил",
    r"продлил",
    r"запровадил",
    r"ввел\w* санкц",
    r"imposed",
    r"\bbacked the motion",
    r"погоджен",
    r"reaffirmed",
    r"decision adopted",
)
_PLEDGED = _rx(
    r"\bwill\b",
    r"\bwould\b",
    r"ready to",
    r"\bготов(?:а|о|ы|і|ий|ая|ые)?\b",
    r"готовност",
    r"готовніст",
    r"agreed",
    r"договорил",
    r"домовил",
    r"пообещал",
    r"пообіцял",
    r"обязал",
    r"зобов'язал",
    r"committed",
    r"pledged",
    r"намерен",
    r"будет",
    r"будут",
    r"продолж",
    r"продовж",
    r"выделит",
    r"направит",
    r"обеспечат",
    r"возьм",
    r"профинансир",
    r"передаст",
    r"проведет",
    r"согласил",
    r"согласовали",
    r"усилят",
    r"застосують",
    r"\bkeep\b",
    r"continue",
    r"offered",
    r"announced",
    r"объявил",
    r"оголосил",
    r"заявил",
)
_PROPOSED = _rx(
    r"\bcould\b",
    r"\bmay\b",
    r"\bmight\b",
    r"могут",
    r"может",
    r"могли бы",
    r"\bможуть\b",
    r"\bмогл[аи]? б\b",
    r"\bміг би\b",
    r"можлив",
    r"возможн",
    r"consider",
    r"рассмотр",
    r"розгляне",
    r"\bdraft",
    r"проект",
    r"проєкт",
    r"предусматрива",
    r"options",
    r"варіант",
    r"обсужд",
    r"обговор",
    r"propos",
    r"предложил",
    r"не исключ",
    r"expected to",
    r"допустил",
    r"ідеться про можлив",
    r"мали б",
    r"не смогли договориться",
    r"не змогли домовитися",
    r"fail(?:ed|ing) to agree",
    r"concept",
    r"концепци",
)
_SKIP_SENTENCE = _rx(
    r"призвал",
    r"призвали",
    r"закликав",
    r"закликал",
    r"\burged\b",
    r"called on",
    r"did not confirm",
    r"declined to comment",
    r"не подтвердил",
    r"не комментировал",
    r"no such decision",
    r"\bdemanded\b",
    r"потребовал",
    r"failed to (?!agree)",
)

_COALITION_WORD = _rx(
    r"(?<!правящ)(?<!правящей )(?<!правящая )коалици\w*",
    r"коаліці\w*",
    r"(?<!governing )(?<!ruling )\bcoalition\b",
)
_GOVERNING = _rx(r"правящ\w* коалиц", r"правлячо?\w* коаліц", r"governing coalition", r"ruling coalition")

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[«\"“„A-ZА-ЯЁІЇЄҐ0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Commitment:
    actor: str
    type: str
    status: str
    evidence: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_status(sentence: str, *, in_draft: bool) -> str:
    """Status a sentence's wording gives its commitments."""
    if _WITHDRAWN.search(sentence):
        return "withdrawn"
    if in_draft:
        return "proposed"
    if _DELIVERED.search(sentence):
        return "delivered"
    if _APPROVED.search(sentence):
        return "approved"
    if _PROPOSED.search(sentence):
        return "proposed"
    return "pledged"


# Sanctions named outright, as opposed to frozen assets that merely fund a loan or aid.
_SANCTIONS_OUTRIGHT = _rx(r"санкци", r"санкці", r"sanction", r"давлени", r"тиск", r"pressure")
_ASSET_FUNDED = _rx(
    r"(?:доход\w*|за сч[её]т|за рахунок|под залог|під заставу|backed by|income from|proceeds|from)\s+(?:\w+\s+){0,2}"
    r"(?:заморож|immobili[sz]|frozen)",
    r"(?:use|using|использовать|использовани\w*|використати|використанн\w*)\s+(?:\w+\s+){0,2}(?:заморож|immobili[sz]|frozen)",
)


def sentence_types(sentence: str) -> list[str]:
    types = [t for t, rx in TYPE_PATTERNS.items() if rx.search(sentence)]
    if (
        "sanctions" in types
        and ("financial_aid" in types or "military_aid" in types)
        and _ASSET_FUNDED.search(sentence)
        and not _SANCTIONS_OUTRIGHT.search(sentence)
    ):
        types.remove("sanctions")  # frozen assets that back a loan are the loan's funding, not a sanction
    return types


def _member_code(m: Mention, person_member: dict[str, str]) -> tuple[str, bool]:
    """The member a mention stands for and whether it came from a person's name."""
    if m.kind == MEMBER:
        return m.ident, False
    if m.kind == PERSON:
        return person_member.get(m.ident, ""), True
    return "", False


# A place named after a locative preposition is a venue ("talks in Saudi Arabia"), not an actor.
_VENUE_BEFORE = re.compile(r"(?:^|[\s(«\"])(?:в|во|у|на|in|at|near|около|біля|под|під)\s+$", re.IGNORECASE)
# A product's origin is no actor: "ракеты британского производства", "British-made missiles".
_ORIGIN_AFTER = re.compile(r"^(?:-made|\s+(?:производства|виробництва|made|manufactured|built))\b", re.IGNORECASE)


# A member named only to qualify something else: "стран НАТО", "статьи 5 Устава НАТО", "NATO membership",
# "the Paris Declaration".
_QUALIFIER_BEFORE = re.compile(
    r"(?:стран|країн|устав\w*|статут\w*|стать\w*|статт\w*|штаб-квартир\w*|членств\w*|вступлени\w*|вступ\w*|"
    r"countries|members|membership|headquarters|charter|article \d+)\s+(?:(?:of|в|у|до)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:'s)?[\s-]+(?:countries|members|member states|membership|style|article|headquarters|"
    r"declaration|декларац\w*|format|формат\w*)\b",
    re.IGNORECASE,
)


def _not_an_actor(body: str, m: Mention) -> bool:
    if m.kind != MEMBER:
        return False
    before, after = body[max(0, m.start - 30) : m.start], body[m.end : m.end + 24]
    return bool(
        _VENUE_BEFORE.search(before)
        or _ORIGIN_AFTER.match(after)
        or _QUALIFIER_BEFORE.search(before)
        or _QUALIFIER_AFTER.match(after)
    )


def _actors(
    sentence: str,
    mentions: Iterable[Mention],
    person_member: dict[str, str],
    coalition_known: bool,
    body: str = "",
) -> list[str]:
    actors: list[str] = []
    via_person: set[str] = set()
    via_name: set[str] = set()
    for m in mentions:
        code, person = _member_code(m, person_member)
        if not code or code in NEVER_ACTORS or (body and _not_an_actor(body, m)):
            continue
        (via_person if person else via_name).add(code)
        if code not in actors:
            actors.append(code)
    if (
        coalition_known
        and "COALITION" not in actors
        and _COALITION_WORD.search(sentence)
        and not _GOVERNING.search(sentence)
    ):
        actors.append("COALITION")
    if via_name - {"COALITION"} or ("COALITION" in actors and _COALITION_WORD.search(sentence)):
        # A leader who says what others will do only speaks: "Macron said the coalition would ...",
        # "По словам Макрона, контроль могли бы обеспечивать США".
        actors = [a for a in actors if a in via_name or a == "COALITION"]
    return actors


_DRAFT_CONTEXT = _rx(
    r"\bdraft", r"проект", r"проєкт", r"согласно документу", r"в документе", r"документ предусматр"
)
# A sentence that speaks of a document's contents without naming who issued it.
_DOCUMENT_REF = _rx(
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
)
_DOCUMENT_NOUN = _rx(
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
)
_LEAVES_DRAFT = _rx(
    r"заявил", r"сказал", r"сообщил", r"отметил", r"заявив", r"сказав", r"повідомив", r"зазначив",
    r"\bsaid\b", r"\btold\b", r"\bsays\b", r"according to", r"по словам", r"за словами",
    r"ранее", r"раніше", r"earlier", r"previously", r"\bhas\b", r"\bhave\b",
)
# A sentence without a named actor continues the previous one only when it refers back to it.
_ANAPHORA = _rx(
    r"^(?:«|\"|“)?(?:he|she|they|он|она|они|він|вона|вони)\b",
    r"\b(?:also|likewise|также|тоже|також|теж)\b",
    r"^(?:кроме того|крім того|in addition)\b",
)
_ISSUER_ORDER = ("COALITION", "EU", "NATO", "UN")


def _issuer(actors: list[str]) -> list[str]:
    """The body that issues a document named with these actors: the coalition or an organisation first."""
    for code in _ISSUER_ORDER:
        if code in actors:
            return [code]
    return actors


# "Spain will train pilots, while Portugal will hand over vehicles": each side has its own actor.
_OTHER_SUBJECT = _rx(r",\s+(?:а|але|тоді як|в то время как|while|whereas)\s+(?!также\b|також\b)")


def _units(body: str, mentions: list[Mention], person_member: dict[str, str]) -> list[tuple[int, int]]:
    """Sentence spans, a sentence split where a contrast brings in a new actor of its own."""
    units: list[tuple[int, int]] = []
    for start, end in split_sentences(body):
        cuts = [m.start() for m in _OTHER_SUBJECT.finditer(body, start, end)]
        if not cuts:
            units.append((start, end))
            continue
        bounds = [start, *cuts, end]
        parts = list(pairwise(bounds))
        with_actor = [
            any(a <= m.start < b and _member_code(m, person_member)[0] not in NEVER_ACTORS | {""} for m in mentions)
            for a, b in parts
        ]
        with_type = [bool(sentence_types(body[a:b])) for a, b in parts]
        if sum(with_actor) >= 2 and with_actor[0] and all(with_type):
            units.extend(parts)
        else:
            units.append((start, end))
    return units


def extract_commitments(
    body: str, mentions: list[Mention], gazetteer: Gazetteer, *, statement_draft: bool
) -> list[Commitment]:
    """Commitments of an article: unique by (actor, type), most advanced status."""
    coalition_known = any(m.ident == "COALITION" for m in mentions)
    best: dict[tuple[str, str], Commitment] = {}
    withdrawn: dict[tuple[str, str], Commitment] = {}
    previous_actors: list[str] = []
    doc_issuer: list[str] = []
    doc_status = ""
    previous_in_draft = False
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for start, end in _units(body, mentions, gazetteer.person_member):
        sentence = body[start:end].strip()
        inside = ordered[bisect_left(starts, start) : bisect_left(starts, end)]
        actors = _actors(sentence, inside, gazetteer.person_member, coalition_known, body)
        types = sentence_types(sentence)
        names_draft = statement_draft and bool(_DRAFT_CONTEXT.search(sentence))
        # A draft's points run on into the next sentence unless it turns to someone speaking or to another text.
        in_draft = names_draft or (previous_in_draft and not _LEAVES_DRAFT.search(sentence))
        previous_in_draft = in_draft
        doc_ref = bool(_DOCUMENT_REF.search(sentence))
        if actors and _DOCUMENT_NOUN.search(sentence) and not set(doc_issuer) & set(_ISSUER_ORDER):
            if _APPROVED.search(sentence) and not _WITHDRAWN.search(sentence):
                doc_issuer, doc_status = _issuer(actors), "approved"
            elif in_draft:
                doc_issuer, doc_status = _issuer(actors), "proposed"
        status_override = ""
        if doc_ref and doc_issuer and (not actors or actors == doc_issuer):
            actors, status_override = doc_issuer, doc_status
        elif not actors and _ANAPHORA.search(sentence):
            actors = previous_actors
        skip = bool(_SKIP_SENTENCE.search(sentence))
        if not skip:
            # An appeal or a demand ("X demanded guarantees") is not what a following "also" refers back to.
            previous_actors = actors
        if not types or not actors or skip:
            continue
        for ctype, status in _typed_statuses(sentence, types, in_draft=in_draft):
            if status_override and status != "withdrawn":
                status = status_override
            for actor in actors:
                key = (actor, ctype)
                item = Commitment(actor, ctype, status, sentence)
                if status == "withdrawn":
                    withdrawn.setdefault(key, item)
                elif key not in best or _RANK[status] > _RANK[best[key].status]:
                    best[key] = item
    for key, item in withdrawn.items():
        # A withdrawal cancels earlier proposals and pledges; only a live approved or delivered one outranks it.
        if key not in best or _RANK[best[key].status] < _RANK["approved"]:
            best[key] = item
    return sorted(best.values(), key=lambda c: (c.actor, c.type))


# "X will not send troops, but will take on logistics": each side of a contrast keeps its own status.
_CONTRAST = _rx(r"[,;]\s*(?:но|однако|але|проте|but|yet)\b", r";\s+")


def _typed_statuses(sentence: str, types: list[str], *, in_draft: bool) -> list[tuple[str, str]]:
    """(type, status) pairs of a sentence, the status taken from the clause that names the type."""
    whole = sentence_status(sentence, in_draft=in_draft)
    cuts = [m.start() for m in _CONTRAST.finditer(sentence)]
    if not cuts or whole != "withdrawn":
        return [(t, whole) for t in types]
    bounds = [0, *cuts, len(sentence)]
    clauses = [sentence[a:b] for a, b in pairwise(bounds)]
    pairs: list[tuple[str, str]] = []
    for ctype in types:
        for clause in clauses:
            if TYPE_PATTERNS[ctype].search(clause):
                pairs.append((ctype, sentence_status(clause, in_draft=in_draft)))
    return pairs or [(t, whole) for t in types]


_STATEMENT_WORDS = (
    r"(?:заявлени|декларац|коммюнике|комюніке|заяв[иіуа]|итогов\w* документ|выводов|висновк|"
    r"statement|declaration|communiqu|conclusions)"
)
_DRAFT_STATEMENT = _rx(
    rf"(?:проект|проєкт)\w*\s+(?:\w+\s+){{0,2}}{_STATEMENT_WORDS}",
    rf"\bdraft\w*\s+(?:\w+\s+){{0,2}}{_STATEMENT_WORDS}",
    rf"{_STATEMENT_WORDS}\w*\s+(?:\w+\s+){{0,2}}(?:в|у|in)\s+(?:the\s+)?(?:проект|проєкт|draft)",
)
_DRAFT_DOCUMENT = _rx(r"(?:проект|проєкт)\w* документа", r"the draft\b", r"проекте\b", r"проєкті\b")
_STATEMENT_ANYWHERE = _rx(_STATEMENT_WORDS)


def is_statement_draft(text: str) -> bool:
    """Does the article report a draft statement, declaration, communiqué or conclusions?"""
    if _DRAFT_STATEMENT.search(text):
        return True
    return bool(_DRAFT_DOCUMENT.search(text) and _STATEMENT_ANYWHERE.search(text))


_QUOTE_RE = re.compile(r"«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)”|\"([^\"\n]+)\"")
_TRAILING = " .,;:!?…—–-"


def find_quotes(text: str) -> list[str]:
    """Direct quotations: text in quotation marks, without quoted names, titles and terms."""
    quotes: list[str] = []
    for m in _QUOTE_RE.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip().rstrip(_TRAILING).strip()
        words = inner.split()
        if len(words) < 3:
            continue
        significant = [w for w in words if len(w) > 3]
        if significant and all(w[:1].isupper() for w in significant):
            continue  # a title like "Coalition of the Willing"
        if inner not in quotes:
            quotes.append(inner)
    return quotes


# Canonical agency names and the spellings that name them.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Рейтер", "Рейтерс"),
    "AFP": ("AFP", "Agence France-Presse", "Франс Пресс", "Франс-Пресс"),
    "AP": ("AP", "Associated Press", "Ассошиэйтед Пресс", "Ассошиейтед Пресс", "Ассошіейтед Прес"),
    "Bloomberg": ("Bloomberg", "Блумберг", "Блумберґ"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur", "ДПА"),
    "Politico": ("Politico", "POLITICO", "Политико", "Політико"),
    "Financial Times": ("Financial Times", "FT", "Файнэншл таймс", "Файненшл Таймс", "Financial Times"),
    "ANSA": ("ANSA", "АНСА"),
    "Europa Press": ("Europa Press", "Эуропа Пресс", "Європа Прес"),
    "Ukrinform": ("Ukrinform", "Укринформ", "Укрінформ"),
    "Interfax-Ukraine": ("Interfax-Ukraine", "Интерфакс-Украина", "Інтерфакс-Україна"),
    "Interfax": ("Interfax", "Интерфакс", "Інтерфакс"),
    "TASS": ("TASS", "ТАСС"),
    "RIA Novosti": ("RIA Novosti", "РИА Новости"),
    "BBC": ("BBC", "Би-би-си", "Бі-Бі-Сі", "ВВС"),
    "The Guardian": ("The Guardian", "Guardian", "Гардиан", "Гардіан"),
    "Kyodo": ("Kyodo", "Киодо", "Кіодо"),
    "Anadolu": ("Anadolu", "Анадолу"),
    "ABC": ("ABC",),
    "Deutsche Welle": ("Deutsche Welle", "DW", "Немецкая волна", "Німецька хвиля"),
    "CNN": ("CNN",),
    "Axios": ("Axios", "Аксиос"),
    "The New York Times": ("The New York Times", "New York Times", "Нью-Йорк Таймс"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "The Washington Post": ("The Washington Post", "Washington Post", "Вашингтон пост"),
    "UNIAN": ("UNIAN", "УНИАН", "УНІАН"),
    "PAP": ("PAP",),
    "Ukrainska Pravda": ("Ukrainska Pravda", "Украинская правда", "Українська правда"),
    "Suspilne": ("Suspilne", "Суспільне"),
}
_AGENCY_ALT = "|".join(
    sorted((re.escape(s) for names in AGENCIES.values() for s in names), key=len, reverse=True)
)
_CANONICAL = {s.lower(): canon for canon, names in AGENCIES.items() for s in names}
_ATTRIBUTION = re.compile(
    r"(?i:сообщает|сообщило|сообщил[аио]?|передает|передаёт|передало|пишет|повідомляє|повідомило|повідомила|"
    r"передає|пише|according to|по данным|за даними|reports? by)\s+(?:агентство\s+|агенція\s+|издание\s+|"
    r"видання\s+|газета\s+|the\s+)?(?P<a>" + _AGENCY_ALT + r")(?![\w-])"
    r"|(?<![\w-])(?:the\s+)?(?P<b>"
    + _AGENCY_ALT
    + r")(?:\s+news agency)?\s+(?:reports|reported|said in a report)\b",
)


def find_source(text: str) -> str | None:
    """The agency the text attributes itself to, by its canonical Latin name, or None."""
    for m in _ATTRIBUTION.finditer(text):
        name = m.group("a") or m.group("b")
        before = text[max(0, m.start() - 25) : m.start()].lower()
        if "ссылкой на" in before or "посиланням на" in before or "citing" in before:
            continue
        return _CANONICAL.get(name.lower(), name)
    return None

"""Who acts in a sentence: the members it names (or that named people speak for), less those named only as
a venue, a product's origin, a qualifier, a counterpart, the object of a preposition, a condition's subject,
and never the beneficiary (UA) or the adversary (RU) (spec §2, §8). A speaker who says what others will do
is not an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .gazetteer import MEMBER, PERSON, Mention

NEVER_ACTORS = frozenset({"UA", "RU"})


def member_code(m: Mention, person_member: dict[str, str]) -> tuple[str, bool]:
    """The member a mention stands for and whether it came from a person's name."""
    if m.kind == MEMBER:
        return m.ident, False
    if m.kind == PERSON:
        return person_member.get(m.ident, ""), True
    return "", False


# A place named after a locative preposition is a venue ("talks in Saudi Arabia", "на сході Польщі", "с
# территории Польши"), not an actor; so is the next of a list of venues ("in Britain and Poland").
_VENUE_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(?:в|во|у|на|in|at|near|около|біля|под|під|над|over|across|across the|throughout|через|via|"
    r"through|transiting)\s+(?:the\s+)?"
    r"(?:(?:east|west|north|south|centre|center|eastern|western|northern|southern|central)(?:\s+of)?\s+|"
    r"(?:востоке|западе|севере|юге|центре|территории|сході|заході|півночі|півдні|центрі|території)\s+)?$|"
    # from a country's territory: "с территории Польши", "з території Польщі", "from the territory of Poland"
    r"(?:^|[\s(«\"])(?:(?:с|со|з|із|зі)\s+(?:территории|території)|from\s+(?:the\s+)?territory\s+of(?:\s+the)?)\s+$"
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
    r"approval|mandate|мандат\w*|резолюци\w*|резолюці\w*|одобрени\w*|схвален\w*|мисси\w*|місі\w*|missions?|"
    r"фонд\w*)"
    r"\s+(?:(?:of|в|у|до)\s+)?(?:the\s+)?$",
)
_QUALIFIER_AFTER = re.compile(
    r"^\s+(?:trust fund|fund)\b|"  # a channel, not a giver: "через фонд НАТО", "the NATO trust fund"
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
# A party to talks another hosts: "talks hosted by Saudi Arabia earlier this month between U.S., Russian and
# Ukrainian officials" (an agreement "between Ukraine and Iceland" names its parties, who act).
_PARTY_TO_TALKS = re.compile(
    r"(?:talks|negotiations|meeting|переговор\w*|перемов\w*|встреч\w*|зустріч\w*)\b[^.;:!?]{0,80}?"
    r"(?:between|между|між)\s+(?:the\s+)?(?:[^\W\d]+\s+)?$"
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


# ... or as the one that plans or owns the force a sentence speaks of: "planned by the coalition", "the
# coalition's force". (A force or mission "that the coalition is discussing" is the coalition's proposal.)
_COALITION_AS_OWNER_BEFORE = re.compile(r"\b(?:being planned|planned) by\s+(?:the\s+)?[«\"“„]?$")
_COALITION_AS_OWNER_AFTER = re.compile(r"^(?:\s+of the willing)?(?:'s|’s)\b")


# Sanctions of a member: "санкций ЕС", "санкцій ЄС", "EU sanctions", "the EU's sanctions package".
_SANCTIONS_BEFORE = re.compile(r"(?:санкци\w*|санкці\w*)\s+$")
_SANCTIONS_AFTER = re.compile(r"(?:'s|’s)?\s+sanctions\b")


# ... or is one of the Ramstein group's capability coalitions: "the drone coalition", "коаліція дронів".
_CAPABILITY_BEFORE = re.compile(r"\b(?:drone|drones|demining|armou?r|air[- ]defen[cs]e|maritime|artillery|capability|"
                                r"дронов\w*)\s+$")
_CAPABILITY_AFTER = re.compile(r"^\s+(?:(?:по|з|в сфере|у сфері)\s+)?(?:дронов|дронів|беспилотник|безпілотник|"
                               r"разминировани|розмінуванн|бронетехник|бронетехнік|пво|ппо|артиллери|артилері|"
                               r"возможност|спроможност)")


def _qualifies_coalition(low_body: str, m: Mention) -> bool:
    if m.ident != "COALITION":
        return False
    before = low_body[max(0, m.start - 40) : m.start]
    if _CAPABILITY_BEFORE.search(before) or _CAPABILITY_AFTER.match(low_body, m.end):
        return True
    return bool(_COALITION_QUALIFIER_BEFORE.search(before) or _COALITION_AS_OWNER_BEFORE.search(before)
                or _COALITION_AS_OWNER_AFTER.match(low_body, m.end) or low_body[m.end - 2 : m.end] in ("'s", "’s"))


def not_an_actor(low_body: str, m: Mention, previous: Mention | None = None,
                  previous_venue: bool | None = False) -> bool:
    """Is a member's mention no actor (a venue, origin, qualifier, object, condition ...)? `previous_venue`: was
    the mention before it none (None: not worked out yet, done here when a list joins the two)."""
    if m.kind != MEMBER:
        return False
    before, after = low_body[max(0, m.start - 40) : m.start], low_body[m.end : m.end + 24]
    if _qualifies_coalition(low_body, m):
        return True
    if (previous is not None and previous_venue is not False and _LIST_JOIN.match(low_body[previous.end : m.start])
            and (previous_venue or not_an_actor(low_body, previous))):
        return True
    if _VENUE_BEFORE.search(before):
        return not _SPEAKS_THROUGH_SEAT.match(after)
    together = any(w in before for w in _TOGETHER_WORDS) and _TOGETHER_BEFORE.search(before)
    if together and not _ORIGIN_BEFORE.search(before):
        return False
    clause = low_body[max(0, m.start - 120) : m.start]
    if any(w in clause for w in _CONDITION_WORDS) and _CONDITION_CLAUSE.search(clause):
        return True
    if any(w in clause for w in ("between", "между", "між")) and _PARTY_TO_TALKS.search(clause):
        return True
    return bool(_NO_ACTOR_BEFORE.search(before) or _NO_ACTOR_AFTER.match(after))


def actors_of(
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
    owners: set[str] = set()
    named_acting: set[str] = set()
    for m in mentions:
        code, person = member_code(m, person_member)
        if not code or code in NEVER_ACTORS:
            previous, previous_excluded = m, None  # no actor anyway; whether a venue only matters to a list after it
            continue
        excluded = not_an_actor(low_body, m, previous, previous_excluded)
        previous, previous_excluded = m, excluded
        coalition_qualifies = coalition_qualifies or (code == "COALITION" and _qualifies_coalition(low_body, m))
        if not code or code in NEVER_ACTORS or excluded:
            continue
        if not person:  # whose sanctions these are ("санкций ЕС", "EU sanctions"), or an actor named
            sanctions_of = bool(_SANCTIONS_BEFORE.search(low_body[max(0, m.start - 24) : m.start])
                                or _SANCTIONS_AFTER.match(low_body, m.end))
            (owners if sanctions_of else named_acting).add(code)
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
    owners -= named_acting
    if owners and len(owners) < len(actors):
        # "присоединилась к 20-му пакету санкций ЕС", "has adopted all EU sanctions packages": whose sanctions
        # another actor joins or adopts; the EU acts where it is named otherwise too ("Санкції ЄС знімає ЄС")
        actors = [a for a in actors if a not in owners]
    if via_name - {"COALITION"} or ("COALITION" in actors and "coalition_word" in flags):
        # A leader who says what others will do only speaks: "Macron said the coalition would ...",
        # "По словам Макрона, контроль могли бы обеспечивать США".
        actors = [a for a in actors if a in via_name or a == "COALITION"]
    return actors

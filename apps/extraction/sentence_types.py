"""Which commitment types a sentence names (spec §4, §8).

The cues of `data/types.toml` found in the sentence, read with what makes them right: hardware counts as
military aid only where it is handed over, bought or paid for; drones and aircraft as the source of data are
intelligence; weapons being moved or repaired are logistics; frozen assets that fund a loan are no sanction.
A sentence naming no type may take one by reference (money for what was just described, a PURL package).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .commitment_types import type_cues
from .cues import cue

TYPE_CUES = type_cues()


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


# The multinational force as the one that receives what is given: "provide the multinational force with
# intelligence", "предоставит многонациональным силам разведданные" (contributing to it is taking part).
_FORCE_AS_RECIPIENT = re.compile(
    r"\b(?:provid|suppl|equip)\w*\s+(?:the\s+)?(?:\S+\s+){0,2}(?:multinational|reassurance)\s+forces?"
    r"(?:\s+ukraine)?\s+with\b|"
    r"(?:предостав|переда|обеспеч|нада|забезпеч)\w*\s+(?:\S+\s+){0,2}(?:многонациональн|багатонаціональн)\w*м\s+силам"
)


# Intelligence given to a monitoring mechanism is the intelligence: "will provide intelligence to the monitoring
# mechanism", "спутниковые данные для мониторинга", "даних розвідки для механізму моніторингу".
_MONITORING_AS_PURPOSE = re.compile(
    r"\b(?:for|to|для|до|в|у)\s+(?:the\s+)?(?:\S+\s+){0,2}(?:monitoring|verification|мониторинг\w*|моніторинг\w*|"
    r"наблюдени\w*|спостереженн\w*)\b(?:\s+(?:mechanism|mission|механизм\w*|механізм\w*|місі\w*|мисси\w*))?"
    r"(?:\s+(?:of\s+(?:the\s+|a\s+)?)?(?:ceasefire|truce|перемири\w*|перемир'\w*|перемир’\w*|прекращени\w* огня|"
    r"припиненн\w* вогню)(?:\s+\S+)?)?"
)


def types_in(low: str) -> list[str]:
    """The commitment types a lowercased sentence or clause names (asked several times for the same text)."""
    return list(types_named(low))


@lru_cache(maxsize=4096)
def types_named(low: str) -> tuple[str, ...]:
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
    if "multinational_force" in types and len(types) > 1 and _FORCE_AS_RECIPIENT.search(low):
        masked = _FORCE_AS_RECIPIENT.sub(lambda m: " " * len(m.group()), low)
        if not TYPE_CUES["multinational_force"].search(masked):
            types.remove("multinational_force")  # what is given to the force is the commitment, not the force
    if "intelligence" in types and "ceasefire_monitoring" in types and _MONITORING_AS_PURPOSE.search(low):
        masked = _MONITORING_AS_PURPOSE.sub(lambda m: " " * len(m.group()), low)
        if not TYPE_CUES["ceasefire_monitoring"].search(masked):
            types.remove("ceasefire_monitoring")  # what the data are for, not a part in the monitoring
    if "sanctions" in types and _ASSET_FUNDED.search(low) and not _SANCTIONS_OUTRIGHT.search(low):
        types.remove("sanctions")  # frozen assets that fund a loan or aid are its funding, not a sanction
    return tuple(types)


def type_position(low: str, ctype: str) -> int:
    """Where the words naming a type stand in a sentence (-1: it took the type from another sentence)."""
    found = TYPE_CUES[ctype].search(low) or (TYPE_CUES["hardware"].search(low) if ctype == "military_aid" else None)
    return found.start() if found else -1


def type_named_in(clause: str, ctype: str) -> bool:
    if ctype == "military_aid" and not TYPE_CUES["military_aid"].search(clause):
        return bool(TYPE_CUES["hardware"].search(clause))
    return bool(TYPE_CUES[ctype].search(clause))


_MONEY = re.compile(
    r"\d[\d\s.,]*\s*(?:млн|млрд|тыс|тис|мільйон\w*|мільярд\w*|миллион\w*|миллиард\w*|million|billion|bn|m)\b\.?\s*"
    r"(?:\S+\s+)?(?:евро|євро|euros?|доллар\w*|долар\w*|dollars?|фунт\w*|pounds?|крон\w*|kron\w*|иен|єн|yen|"
    r"франк\w*|francs?|злот\w*|zloty)|[$€£]\s?\d"
)
# PURL (the Prioritized Ukraine Requirements List) buys American weapons with allies' money.
_PURCHASE = cue(r"закуп", r"купівл", r"покупк", r"придбан", r"purchas", r"procure", r"\bbuy", r"\bpurl\b")
_PURL = re.compile(r"\bpurl\b")
# Its funding, with no sum: money for what the sentences just before speak of ("ее финансирование уже
# подтвердили Дания, Нидерланды ...").
_FUNDING = re.compile(r"\b(?:финансировани|фінансуванн|funding\b|financing\b)")


def types_by_reference(low: str, previous_types: list[str], flags: frozenset[str]) -> list[str]:
    if previous_types and "same_step" in flags:
        return list(previous_types)
    if _MONEY.search(low):
        if previous_types:
            return list(previous_types)  # money for what the sentences just before speak of
        return ["military_aid"] if _PURCHASE.search(low) else ["financial_aid"]
    if previous_types and _FUNDING.search(low):
        return list(previous_types)
    if _PURL.search(low):
        return ["military_aid"]  # a PURL package with no contents named: American weapons bought for Ukraine
    return []

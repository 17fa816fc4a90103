"""Keyword cues (ru, uk, en) for commitment types and statuses, as regexes over lowercased text.

Every cue is compiled without re.IGNORECASE and matched against text lowercased once with
`lowercase()`: case-insensitive matching of Cyrillic costs Python's re four times as much.
Stems stand for their inflections ("разведк" → разведка, разведки, разведкой). Keep patterns lowercase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

_ESCAPE = re.compile(r"\\.")
_CLASS_ESCAPES = frozenset("bBwWsSdDAZ")
_QUANTIFIERS = frozenset("?*{")


def _split_top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern at its top level ('a|b(c|d)' → ['a', 'b(c|d)'])."""
    parts, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def required_literal(alternative: str) -> str:
    """The longest run of plain characters every match of `alternative` contains ('' if none).

    Reads the regex at its top level only: groups, character classes and optional characters end
    a run, escapes of punctuation count as the character they escape.
    """
    best, run, i = "", "", 0
    while i < len(alternative):
        c = alternative[i]
        if c == "\\" and i + 1 < len(alternative):
            nxt = alternative[i + 1]
            i += 2
            if nxt in _CLASS_ESCAPES or nxt.isalnum():
                best, run = max(best, run, key=len), ""
            else:
                run += nxt
            continue
        if c in "([":
            best, run = max(best, run, key=len), ""
            i = _skip_group(alternative, i)
            continue
        if c in _QUANTIFIERS:
            run = run[:-1]  # the character before is optional
            best, run = max(best, run, key=len), ""
            i = alternative.find("}", i) + 1 if c == "{" else i + 1
            continue
        if c in "+" or c in ".^$":
            best, run = max(best, run, key=len), ""
        else:
            run += c
        i += 1
    return max(best, run, key=len)


def required_literals(alternative: str) -> tuple[str, ...]:
    """Literals one of which every match of `alternative` contains; () if it has none to offer.

    Its own longest literal if it has one; else the literals of the alternatives of its first group that
    must match (not optional, not a lookaround): "(?:he|she|они)\\b" → ("he", "she", "они").
    """
    literal = required_literal(alternative)
    if len(literal) >= 2:
        return (literal,)
    i = 0
    while i < len(alternative):
        c = alternative[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _skip_group(alternative, i)
        elif c == "(":
            j = _skip_group(alternative, i)
            inner = alternative[i + 1 : j - 1]
            optional = j < len(alternative) and alternative[j] in _QUANTIFIERS
            if not optional and not inner.startswith(("?=", "?!", "?<")):
                inner = inner[2:] if inner.startswith("?:") else inner
                literals = tuple(required_literal(part) for part in _split_top_level(inner))
                if literals and all(len(x) >= 2 for x in literals):
                    return literals
            i = j
        else:
            i += 1
    return ()


def _skip_group(pattern: str, i: int) -> int:
    """Index just after the group or character class opening at i."""
    if pattern[i] == "[":
        j = i + 1
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        j += 1
    else:
        depth, j = 0, i
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            depth += {"(": 1, ")": -1}.get(pattern[j], 0)
            j += 1
            if depth == 0:
                break
    return j


class Cue:
    """A regex of many alternatives, searched fast: Aho-Corasick finds the alternatives whose required
    literal occurs in the text, and only those are tried as regexes.

    `search` answers the same as `re.search` of the whole pattern would (a match or None), though the
    match it returns is that of the first alternative that matches, not always the leftmost one.
    """

    __slots__ = ("_table",)

    def __init__(self, parts: tuple[str, ...]) -> None:
        self._table = CueTable({"": parts})

    @property
    def pattern(self) -> str:
        return self._table.patterns[""]

    def search(self, text: str) -> re.Match[str] | None:
        return self._table.first_match(text, "")

    def __repr__(self) -> str:
        return f"Cue({self.pattern!r})"


class CueTable:
    """Named cues searched together: one Aho-Corasick pass over the text finds which of them occur.

    `found(text)` lists the names whose cue matches, in the table's order; `table[name]` is the one
    cue on its own (for a clause of a sentence, say).
    """

    __slots__ = ("_always", "_automaton", "_cues", "patterns")

    def __init__(self, entries: dict[str, tuple[str, ...]]) -> None:
        self.patterns = {name: "|".join(parts) for name, parts in entries.items()}
        self._always: list[tuple[str, re.Pattern[str]]] = []
        self._automaton = ahocorasick.Automaton()
        by_literal: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for name, parts in entries.items():
            for alternative in (alt for part in parts for alt in _split_top_level(part)):
                entry = (name, re.compile(alternative))
                literals = required_literals(alternative)
                for literal in literals:
                    by_literal.setdefault(literal, []).append(entry)
                if not literals:
                    self._always.append(entry)
        for literal, regexes in by_literal.items():
            self._automaton.add_word(literal, tuple(regexes))
        if by_literal:
            self._automaton.make_automaton()
        self._cues = {name: Cue(parts) for name, parts in entries.items()} if len(entries) > 1 else {}

    def __getitem__(self, name: str) -> Cue:
        return self._cues[name]

    def _candidates(self, text: str) -> Iterator[tuple[str, re.Pattern[str]]]:
        """(name, regex) pairs whose literal occurs in the text, the literal-free ones first."""
        yield from self._always
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, entries in self._automaton.iter(text):
                yield from entries

    def first_match(self, text: str, name: str) -> re.Match[str] | None:
        tried: set[re.Pattern[str]] = set()
        for entry_name, rx in self._candidates(text):
            if entry_name == name and rx not in tried:
                tried.add(rx)
                if found := rx.search(text):
                    return found
        return None

    def matches(self, text: str, name: str) -> list[re.Match[str]]:
        """Every match of one cue in the text (of each of its alternatives), in order of position."""
        found: list[re.Match[str]] = []
        tried: set[re.Pattern[str]] = set()
        for entry_name, rx in self._candidates(text):
            if entry_name == name and rx not in tried:
                tried.add(rx)
                found.extend(rx.finditer(text))
        return sorted(found, key=lambda m: m.start())

    def found(self, text: str) -> list[str]:
        """Names whose cue matches the text, in the table's order."""
        matched: set[str] = set()
        tried: set[tuple[str, re.Pattern[str]]] = set()  # by name too: two names may share an alternative
        for name, rx in self._candidates(text):
            if name not in matched and (name, rx) not in tried:
                tried.add((name, rx))
                if rx.search(text):
                    matched.add(name)
        if len(matched) < 2:
            return list(matched)
        return [name for name in self.patterns if name in matched]


def _check_lowercase(parts: tuple[str, ...]) -> None:
    pattern = "|".join(parts)
    if _ESCAPE.sub("", pattern) != _ESCAPE.sub("", pattern).lower():
        raise ValueError(f"cue patterns are matched against lowercased text, so must be lowercase: {pattern!r}")


def cue(*parts: str) -> Cue:
    """A cue from regex alternatives; they must be lowercase (they are matched against lowercased text)."""
    _check_lowercase(parts)
    return Cue(parts)


def cue_table(entries: dict[str, tuple[str, ...]]) -> CueTable:
    """Named cues searched in one pass; their alternatives must be lowercase."""
    for parts in entries.values():
        _check_lowercase(parts)
    return CueTable(entries)


def lowercase(text: str) -> str:
    """`text.lower()` with the same length, so offsets into it are offsets into `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lowercase to two ("İ" → "i̇"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Keyword stems per commitment type, ru / uk / en. Stems stand for every form: "разведк" is разведка,
# разведки, разведкой; "зброї" is written out where the stem alternates (зброя, зброї, зброю).
TYPE_CUES = cue_table({
    "military_capabilities": (
        r"военн\w* возможност", r"военн\w* потенциал", r"военными средствами", r"военн\w* сил\w* для защиты",
        r"применени\w* (?:\w+ )?(?:военн\w* )?сил", r"использовани\w* (?:\w+ )?военн\w* сил",
        r"військов\w* спроможност", r"застосуванн\w* (?:\S+ ){0,2}(?:військов\w* )?сил",
        r"military capabilit", r"military force", r"use of force", r"all necessary means",
        r"авиаци\w* .{0,30}поддерж",
    ),
    "intelligence": (
        r"разведк", r"разведыват", r"разведданн", r"разведчик",
        r"розвідк", r"розвідц", r"розвідувальн", r"розвіддан",
        r"intelligence", r"surveillance", r"reconnaissance", r"early warning", r"\bisr\b",
        r"раннем предупрежд", r"ранн\w+ попередж",
        r"спутник", r"супутник", r"satellite",
        r"данн\w+ (?:с |)беспилотник",
    ),
    "logistics": (
        r"логисти", r"логісти", r"logistic",
        # Transport and repair of arms and troops, not of a country's roads or power grid.
        r"транспортировк\w* (?!\S+ (?:сектор|инфраструктур))", r"транспортуванн\w* (?!\S+ (?:сектор|інфраструктур))",
        r"транспортн\w* (?:самолет|літак|авиаци|авіаці|коридор|хаб|вузл|узл|подразделени|підрозділ)",
        r"military transport", r"transport (?:aircraft|planes|corridor|hub|of (?:weapons|troops|equipment|arms))",
        r"airlift", r"переправ", r"shipping route",
        r"снабжени", r"постачанн\w* (?:пального|палива)", r"материально-техническ", r"тылов",
        r"склад(?:ы|ов|ах|ів|ськ)\b", r"складск", r"warehous", r"depot",
        r"ремонт\w* (?:\S+ ){0,4}(?:техні|техни|бронетехн|танк|зброї|оружи|вооружени|озброєн|катер|літак|самолет|"
        r"машин|гаубиц|систем|корабл|суд)",
        r"ремонтн\w* (?:центр|хаб|баз|завод|мастерск|майстерн|цех|предприяти|підприєм)",
        r"відремонт", r"отремонт", r"ремонтир", r"ремонтува",
        r"repair (?:hub|centre|center|base|plant|workshop|facilit|of (?:\S+ ){0,2}(?:vehicles|tanks|weapons|equipment|"
        r"aircraft|ships|boats|artillery|howitzers))", r"repaired", r"repairing",
        r"maintenance (?:hub|centre|center|base|workshop|of)",
        r"обслуживани\w* (?:\S+ ){0,2}(?:техник|вооружени|самолет)",
        r"обслуговуванн\w* (?:\S+ ){0,2}(?:технік|озброєн|літак)", r"сервісн\w* центр",
        r"сервисн\w* центр", r"service cent", r"spare parts", r"запчаст", r"запасн\w* част",
        r"аэродром", r"аеродром", r"airfield", r"топлив", r"пальн", r"\bfuel\b",
    ),
    "diplomatic": (
        r"дипломатическ\w* (?:шаг|давлен|усили|поддержк)", r"дипломатичн\w* (?:крок|тиск|зусилл|підтримк)",
        r"diplomatic (?:step|pressure|effort|support|push)",
        r"посредни", r"посередни", r"mediat", r"brokered", r"-brokered",
        r"донести\w* (?:это |)предложени", r"передать\w* (?:\S+ ){0,2}предложени", r"convey",
        r"организовать встречу", r"организовал\w* (?:\S+ ){0,2}переговор", r"організува\w* (?:\S+ ){0,2}перемов",
        r"площадк\w* для (?:\S+ ){0,2}(?:переговор|встреч)",
        r"майданчик\w* для (?:\S+ ){0,2}(?:переговор|перемов|зустріч)",
        r"(?:переговор|встреч|зустріч|перемов|обмін|обмен|talks|meeting)\w* (?:\S+ ){0,4}"
        r"(?:за сприяння|при содействии)",
        r"(?:за сприяння|при содействии|facilitated by) (?:\S+ ){0,4}(?:переговор|встреч|зустріч|перемов)",
        r"facilitat\w* (?:\S+ ){0,3}(?:talks|negotiations|meeting|exchange)",
        r"venue for (?:\S+ ){0,3}talks", r"host\w* (?:\S+ ){0,5}(?:talks|negotiations)",
        r"(?:talks|negotiations) (?:\S+ ){0,3}hosted",
        r"(?:переговор|перемов)\w* (?:\S+ ){0,5}(?:между|між) (?:\S+ ){0,3}(?:росси|україн|украин|москв|киев|києв)",
        r"(?:talks|negotiations) between (?:\S+ ){0,3}(?:russia|ukraine|moscow|kyiv)",
        r"тристоронн\w* (?:переговор|перемов|зустріч)", r"трехсторонн\w* (?:переговор|встреч)",
        r"trilateral (?:talks|meeting)", r"консультаци\w* с (?:киев|украин)", r"консультаці\w* з (?:києв|україн)",
        r"consult\w* (?:with )?(?:kyiv|ukraine)", r"keep mediating", r"work with both sides",
    ),
    "sanctions": (
        r"санкци", r"санкці", r"sanction", r"embargo", r"эмбарго", r"ембарго",
        r"заморож", r"замороз", r"immobilis", r"immobiliz", r"иммобилиз", r"знерухом", r"обездвиж",
        r"\bfreez", r"\bfrozen", r"keep them frozen",
        r"давлени\w* на (?:росси|москв|кремл)", r"тиск\w* на (?:росі|москв|кремл)",
        r"pressure on (?:russia|moscow|the kremlin)",
        r"нефтегазов\w* экспорт", r"теневого флота", r"тіньового флоту", r"shadow fleet", r"price cap",
        r"\bпотол(?:ок|ка|ку|ком)\b", r"стел\w* цін", r"ограничени\w* против", r"обмеженн\w* проти",
        r"restrictions on russia",
        r"присоедин\w* к (?:\S+ ){0,2}пакет", r"приєдна\w* до (?:\S+ ){0,2}пакет",
        r"joined (?:the )?(?:\S+ ){0,2}package",
    ),
    "ceasefire_monitoring": (
        r"мониторинг", r"моніторинг", r"monitor", r"verif", r"верификац", r"верифікац",
        r"наблюдени", r"наблюдател", r"спостереж", r"спостерігач",
        r"observer", r"observ\w* (?:the |a )?ceasefire",
        r"контрол\w* за соблюдени", r"соблюдени\w* перемири", r"дотриманн\w* перемир",
    ),
    "multinational_force": (
        r"многонациональн", r"багатонаціональн", r"multinational", r"reassurance force", r"stabili[sz]ation force",
        r"peacekeep", r"миротвор",
        r"(?<!украинских )(?<!российских )войск(?!ов)", r"(?<!українських )(?<!російських )військ(?!ов)",
        r"(?<!ukrainian )(?<!russian )troops", r"boots on the ground",
        r"контингент", r"contingent", r"сухопутн", r"ground forces",
        r"deploy", r"развертывани", r"развернут", r"розгорн", r"розміщенн\w* (?:\S+ ){0,2}(?:сил|військ)",
        r"размещени\w* (?:\S+ ){0,2}(?:сил|войск)",
        r"coordination cell", r"координационн\w* центр", r"координаційн\w* центр",
        r"военные хабы", r"military hubs", r"на земле", r"на землі", r"on the ground",
        r"forces? to ukraine", r"военных на украин", r"военных за рубеж", r"військових в україн",
        r"(?:направ|отправ|пошл|послать|надісл|відправ|send|sent|dispatch)\w* (?:\S+ ){0,4}"
        r"(?:военных|військових|soldiers|военнослужащ|військовослужбов)",
        r"солдат", r"боев\w* подразделени", r"бойов\w* підрозділ", r"combat (?:units|troops|forces)",
        r"(?:направ|отправ|пошл|надісл|відправ)\w* (?:\S+ ){0,3}сил\w* (?:\S+ ){0,3}"
        r"(?:на украин|в украин|до україн|в україн)",
        # the force's demining, not a humanitarian programme's
        r"(?<!гуманитарное )(?<!гуманитарного )(?<!гуманитарному )разминир",
        r"(?<!гуманітарне )(?<!гуманітарного )(?<!гуманітарному )розмінуван",
        r"(?<!humanitarian )demining", r"(?<!humanitarian )mine clearance", r"mine-clearing",
        r"escort\w* (?:\S+ ){0,2}(?:shipping|ships|vessels|convoys)", r"сопровожд\w* (?:\S+ ){0,2}суд",
        r"супровод\w* (?:\S+ ){0,2}суд", r"морск\w* компонент", r"морськ\w* компонент", r"naval component",
    ),
    "military_aid": (
        r"военн\w* помощ", r"військов\w* допомог", r"military aid", r"military assistance", r"military support",
        r"военн\w* поддержк", r"військов\w* підтримк", r"military package", r"aid package",
        r"weapon", r"ammunition", r"munition", r"\barms\b", r"armaments",
        r"оружи", r"вооружени", r"озброєнн", r"озброєнь", r"зброя", r"зброї", r"зброю", r"зброєю",
        r"боеприпас", r"боєприпас", r"снаряд", r"shells\b", r"\bshell\b",
        r"бронетехн", r"бронемашин", r"бронетранспорт", r"броньован", r"бронированн", r"armou?red vehicle",
        r"\bbmp", r"\bбмп", r"\bбтр", r"infantry fighting vehicle", r"personnel carrier",
        r"артиллер", r"артилер", r"artillery", r"гаубиц", r"гаубиц", r"howitzer", r"миномет", r"міномет", r"mortar",
        r"снаряжени", r"спорядженн", r"бронежилет", r"body armou?r", r"нелетальн", r"non-lethal",
        r"atacms", r"storm shadow", r"taurus", r"himars", r"катер", r"patrol boat",
        r"военн\w* средств", r"військов\w* засоб", r"military equipment",
        r"военн\w* техник", r"військов\w* технік",
        r"long-range drone", r"дальнобойн\w* дрон", r"ударн\w* (?:дрон|беспилотник|безпілотник)", r"attack drone",
    ),
    # Aircraft, missiles and drones are military aid where they are handed over, bought or paid for, and the
    # sentence is not about air defence (commitments.py): fighter jets for an air-policing mission and
    # interceptor missiles are air defence (spec §8), "data from drones" is intelligence.
    "hardware": (
        r"истребител", r"винищувач", r"fighter jet", r"fighter aircraft", r"combat aircraft", r"warplane",
        r"\bjets\b", r"f-16", r"mirage", r"gripen", r"rafale", r"\bmig", r"\bміг-", r"\bмиг-", r"самолет",
        r"літак", r"aircraft", r"ракет", r"missile", r"rocket",
        r"дрон", r"drone", r"беспилотник", r"безпілотник", r"\bбпла", r"\buav",
        r"\bтанк(?!ер)", r"\btanks?\b", r"leopard", r"abrams", r"challenger 2",
        r"вертолет", r"гелікоптер", r"вертоліт", r"вертольот", r"helicopter",
    ),
    "supply": (
        r"переда", r"постав", r"постач", r"достав", r"отправ", r"відправ", r"надісла", r"надсила", r"направ",
        r"закуп", r"закупів", r"придба", r"купит", r"купув", r"финансир", r"фінансу", r"оплат", r"производств",
        r"виробництв", r"получ", r"отрима", r"hand", r"deliver", r"supply", r"supplie", r"send", r"sent\b",
        r"provid", r"buy", r"bought", r"purchas", r"fund", r"financ", r"receiv", r"transfer", r"produc",
        r"\bgive", r"\bgave", r"donat", r"предостав", r"надат", r"нада(?:в|ла|ли|ло)\b", r"arriv", r"прибы",
        r"прибул", r"надійш", r"поступ", r"in service",
    ),
    "air_defence": (
        r"противовоздушн", r"\bпво\b", r"протиповітрян", r"\bппо\b", r"air defen[cs]e", r"anti-aircraft",
        r"air[- ]policing",
        r"зенитн", r"зенітн", r"interceptor", r"перехватчик", r"перехоплювач", r"patriot", r"iris-t", r"nasams",
        r"samp/t", r"hawk", r"gepard", r"skynex", r"crotale", r"aspide",
        r"воздушного пространства", r"повітряного простору", r"airspace", r"air cover",
        r"патрулирован", r"патрулюван", r"patrol\w* (?:\S+ ){0,3}(?:airspace|skies|sky)",
        r"\bнеба?\b", r"\bнебо\b", r"\bнебі\b", r"skies", r"sky shield", r"небесн\w* щит",
        r"українського неба",
    ),
    "financial_aid": (
        r"кредит", r"\bloan", r"грант", r"\bgrant", r"позик", r"\bза[её]м\b", r"\bзайм(?:а|ы|ов|у)?\b",
        r"бюджетн\w* поддержк", r"бюджетн\w* підтримк", r"budget support", r"macro-financial", r"макрофинанс",
        r"макрофінанс", r"финансов\w* помощ", r"фінансов\w* допомог", r"financial aid", r"financial support",
        r"финансов\w* поддержк", r"фінансов\w* підтримк", r"транш", r"tranche",
        r"make .{0,30}billion .{0,20}available", r"ukraine facility",
    ),
    "legal_guarantee": (
        r"юридически обязывающ", r"юридично обов", r"legally binding", r"юридическ\w* гаранти",
        r"юридичн\w* гаранті", r"legal guarantee",
        r"ратифик", r"ратифік", r"ratif", r"международн\w* договор", r"міжнародн\w* договор", r"treaty",
        r"стать\w* 5", r"article 5", r"статт\w* 5", r"article five",
        r"силу закона", r"в законе", r"у законі", r"force of law", r"enshrined in law",
        r"соглашени\w* о безопасност", r"угод\w* про безпек", r"security agreement", r"security pact",
        r"security guarantee (?:agreement|treaty)",
    ),
    "training": (
        r"обучени", r"\bобуч", r"навчанн", r"навчальн", r"навча", r"навчи",
        r"training", r"\btrain", r"instruct",
        r"учебн\w* мисси", r"подготовк\w* (?:\w+ )?украинск", r"підготовк", r"підготу\w* (?:\S+ ){0,2}україн",
        r"подготов\w* (?:\S+ ){0,2}украинск", r"инструктор", r"інструктор", r"курсы", r"курси",
        r"тренир", r"тренув",
    ),
})

# Sentences that are no commitment at all: appeals, demands, unconfirmed reports, what should happen.
SKIP_SENTENCE = cue(
    r"призвал", r"призвали", r"призыва", r"закликав", r"закликал", r"заклика", r"\burged\b", r"\burges\b",
    r"called on", r"calls on", r"called for", r"appealed",
    r"did not confirm", r"declined to comment", r"refused to comment", r"would not comment",
    r"не подтвердил", r"не подтвержда", r"не підтвердил", r"не підтверджу", r"не комментировал",
    r"отказ\w* (?:от )?комментир", r"відмов\w* (?:від )?коментува", r"не коментува",
    r"no such decision", r"\bdemand", r"потребовал", r"требует", r"требова", r"вимага", r"insist",
    r"asked about (?:the )?reports?", r"на вопрос о сообщени", r"на питання про повідомлен", r"pushed to",
    r"блокир", r"блокува", r"заблокир", r"заблокува", r"\bblock(?:ed|ing|s)\b", r"\bveto", r"\bвето\b",
    r"failed to (?!agree)", r"добива\w* (?:включени|того|принят)", r"sought to", r"pushed for",
    r"lobb(?:y|ied|ying)", r"выступа\w* против", r"виступа\w* проти", r"oppos",
)

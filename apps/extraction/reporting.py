"""What an article reports besides commitments: a draft statement, direct quotes, its source agency."""

from __future__ import annotations

import re

from .cues import cue, lowercase

_STATEMENT_WORDS = (
    r"(?:заявлени|декларац|коммюнике|комюніке|заяв[иіуа]|итогов\w* документ|выводов|висновк|"
    r"statement|declaration|communiqu|conclusions)"
)
_DRAFT_STATEMENT = cue(
    rf"(?:проект|проєкт)\w*\s+(?:\w+\s+){{0,2}}{_STATEMENT_WORDS}",
    rf"\bdraft\w*\s+(?:\w+\s+){{0,2}}{_STATEMENT_WORDS}",
    rf"{_STATEMENT_WORDS}\w*\s+(?:\w+\s+){{0,2}}(?:в|у|in)\s+(?:the\s+)?(?:проект|проєкт|draft)",
)
_DRAFT_DOCUMENT = cue(
    r"(?:проект|проєкт)\w* документа",
    r"\b(?:the|a|latest|new|earlier|previous|revised|first|final)\s+(?:\w+\s+)?draft\b",
    r"проекте\b", r"проєкті\b",
)
_STATEMENT_ANYWHERE = cue(_STATEMENT_WORDS)


def is_statement_draft(text: str) -> bool:
    """Does the article report a draft statement, declaration, communiqué or conclusions?"""
    low = lowercase(text)
    if _DRAFT_STATEMENT.search(low):
        return True
    return bool(_DRAFT_DOCUMENT.search(low) and _STATEMENT_ANYWHERE.search(low))


_QUOTE_RE = re.compile(r"«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)”|\"([^\"\n]+)\"")
_TRAILING = " .,;:!?…—–-"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Where the direct quotations are: text in quotation marks, without quoted names, titles and terms."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTE_RE.finditer(text):
        group = next(i for i, g in enumerate(m.groups(), start=1) if g is not None)
        start, end = m.span(group)
        raw = text[start:end]
        inner = raw.strip().rstrip(_TRAILING).strip()
        words = inner.split()
        if len(words) < 3:
            continue
        significant = [w for w in words if len(w) > 3]
        if significant and all(w[:1].isupper() for w in significant):
            continue  # a title like "Coalition of the Willing"
        start += raw.index(inner)
        spans.append((start, start + len(inner)))
    return spans


def find_quotes(text: str) -> list[str]:
    """Direct quotations, each once, in order of appearance."""
    quotes: list[str] = []
    for start, end in quote_spans(text):
        if text[start:end] not in quotes:
            quotes.append(text[start:end])
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
# Single words of agencies' names, which are no unknown names of people or members.
AGENCY_WORDS = frozenset(w.lower() for names in AGENCIES.values() for s in names for w in s.split())
_CANONICAL = {s.lower(): canon for canon, names in AGENCIES.items() for s in names}
_AGENCY_NAME = re.compile(r"(?<![\w-])(?:" + _AGENCY_ALT + r")(?![\w-])")
# Words that attribute a text to the outlet named next: "сообщает Reuters", "seen by the Financial Times",
# "з яким ознайомилося агентство Reuters", "told AP"; a medium's kind and an adjective may stand between.
_MEDIUM = (
    r"(?:агентств\w*|агенці\w*|информагентств\w*|інформагентств\w*|издани\w*|видання|газет\w*|телеканал\w*|"
    r"служб\w*|newspaper|broadcaster|news agency|agency|service)"
)
# The outlet that reports the story ("сообщает Reuters", "according to AP") outranks one that only saw a
# document or heard an official ("seen by the FT", "з яким ознайомилося видання Politico", "told Reuters").
_REPORTS = (
    r"(?:сообща\w*|сообщил\w*|передает|передаёт|передало|передал[аи]?|пишет|пишут|повідомля\w*|повідомил\w*|"
    r"повідомив|передає|пише|пишуть|according to|по данным|по информации|за даними|за інформацією|reports? by)"
)
_SAW = (
    r"(?:seen by|obtained by|reviewed by|told|said to|quoted by|interview with|в интервью|в інтерв'ю|"
    r"рассказал\w*|заявил\w*|сказал\w*|розповів|розповіла|розповіли|сказав|сказала|заявив|заявила|"
    r"ознакомил\w*|ознайомил\w*|в распоряжении|в розпорядженні|опубликовал\w*|опублікувал\w*|оприлюднил\w*)"
)
_OUTLET_GAP = r"[\s,]+(?:the\s+)?(?:(?:\w+\s+)?" + _MEDIUM + r"\s+)?$"
_LEAD_REPORTS = re.compile(_REPORTS + _OUTLET_GAP)
_LEAD_SAW = re.compile(_SAW + _OUTLET_GAP)
# ... or the outlet comes first: "Reuters reported", ", Bloomberg said.", "Anadolu Agency reported".
_VERB_AFTER = re.compile(
    r"^(?:'s)?(?:\s+news)?(?:\s+(?:news\s+)?agency)?\s+(?:reports|reported|said|says|wrote|writes|learned|has learned|"
    r"сообща\w*|сообщил\w*|пишет|передает|узнал\w*|выяснил\w*|повідомля\w*|повідомил\w*|пише|передає|"
    r"дізнал\w*|з'ясувал\w*)\b",
    re.IGNORECASE,
)
# An outlet the story merely cites: "citing the FT", "со ссылкой на", "the FT first reported", "ранее Politico".
_CITED_BEFORE = re.compile(
    r"(?:citing|cited|со ссылкой на|ссылаясь на|з посиланням на|посилаючись на|ранее|раніше|earlier|previously)"
    r"\s+(?:\w+\s+){0,2}$"
)
_CITED_AFTER = re.compile(
    r"^\s+(?:(?:first|earlier|previously|had|also)\s+(?:reported|reports|said)|"
    r"(?:reported|said|wrote)\s+(?:earlier|previously|last\s+\w+|on\s+\w+\s+that\s+earlier))",
    re.IGNORECASE,
)
# An outlet the list does not know, known by a newspaper's name: "the Irish Times reported", "The Kyiv
# Independent said" (spec §6: it keeps its Latin name, with its article).
_OUTLET_WORD = re.compile(
    r"\b(?:Times|Post|Journal|News|Herald|Telegraph|Gazette|Independent|Tribune|Observer|Express|Mail|Standard|"
    r"Economist|Pravda|Zeitung|Spiegel|Bild|Monde|Figaro|Corriere|Repubblica|País|Kommersant|Vedomosti)\b"
)  # a cheap first look: most texts name no such outlet
_OTHER_OUTLET = re.compile(
    r"(?<![\w-])(?P<the>[Tt]he\s+)?(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}(?:Times|Post|Journal|News|Herald|Telegraph|"
    r"Gazette|Independent|Tribune|Observer|Express|Mail|Standard|Economist|Pravda|Zeitung|Spiegel|Bild|Monde|Figaro|"
    r"Corriere|Repubblica|País|Kommersant|Vedomosti))(?![\w-])"
)
_DATELINE = re.compile(r"^\s*\)")  # "(Reuters) -"


def find_source(text: str) -> str | None:
    """The agency the text attributes itself to, by its canonical Latin name, or None.

    The first outlet named with words of reporting ("сообщает", "according to", "X reported"), else the first
    one that saw a document or heard someone ("seen by", "told"); never one the story merely cites.
    """
    named = [(m.start(), m.end(), _CANONICAL.get(m.group().lower(), m.group())) for m in _AGENCY_NAME.finditer(text)]
    for m in _OTHER_OUTLET.finditer(text) if _OUTLET_WORD.search(text) else ():
        if not any(start <= m.start("name") < end or m.start("name") <= start < m.end() for start, end, _ in named):
            name = ("The " if m.group("the") else "") + m.group("name")
            named.append((m.start("name"), m.end(), name))
    saw: str | None = None
    for start, end, name in sorted(named):
        before = text[max(0, start - 70) : start].lower()
        after = text[end : end + 40]
        if _CITED_BEFORE.search(before) or _CITED_AFTER.match(after):
            continue
        dateline = before.endswith("(") and _DATELINE.match(after)
        if _LEAD_REPORTS.search(before) or _VERB_AFTER.match(after) or dateline:
            return name
        if saw is None and _LEAD_SAW.search(before):
            saw = name
    return saw

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
_DRAFT_DOCUMENT = cue(r"(?:проект|проєкт)\w* документа", r"the draft\b", r"проекте\b", r"проєкті\b")
_STATEMENT_ANYWHERE = cue(_STATEMENT_WORDS)


def is_statement_draft(text: str) -> bool:
    """Does the article report a draft statement, declaration, communiqué or conclusions?"""
    low = lowercase(text)
    if _DRAFT_STATEMENT.search(low):
        return True
    return bool(_DRAFT_DOCUMENT.search(low) and _STATEMENT_ANYWHERE.search(low))


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
# Single words of agencies' names, which are no unknown names of people or members.
AGENCY_WORDS = frozenset(w.lower() for names in AGENCIES.values() for s in names for w in s.split())
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

"""The UI in English, Russian and Ukrainian: complete catalogues, the language switch, localised pages and dates."""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from apps.coalition.contributions import tallies_rebuild
from apps.coalition.models import Contribution, Member
from apps.sources.tests.factories import SourceTextFactory
from apps.timeline.models import TimelineEvent

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ("ru", "uk")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


# --- The catalogues ---------------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    plural: str = ""
    context: str = ""
    strings: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)


def po_entries(path: Path) -> list[Entry]:
    """The entries of a .po file (a small reader for what makemessages writes; no dependency)."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if target is not None:
                entries.append(entry)
            entry, target = Entry(), None
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#~"):
            raise AssertionError(f"{path}: obsolete entry left in: {line}")
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if target == "strings":
                entry.strings[-1] += value
            else:
                assert target is not None, f"{path}: a continued string before its keyword: {line}"
                setattr(entry, target, getattr(entry, target) + value)
        else:
            keyword, _, literal = line.partition(" ")
            value = ast.literal_eval(literal)
            if keyword == "msgctxt":
                target, entry.context = "context", value
            elif keyword == "msgid":
                target, entry.msgid = "msgid", value
            elif keyword == "msgid_plural":
                target, entry.plural = "plural", value
            else:  # msgstr, msgstr[n]
                target = "strings"
                entry.strings.append(value)
    return [e for e in entries if e.msgid]  # the header has an empty msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    entries = po_entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 300
    untranslated = [e.msgid for e in entries if not e.strings or not all(s.strip() for s in e.strings)]
    assert untranslated == []
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []
    # Russian and Ukrainian plurals: one, few, many (and Django's fourth, for fractions).
    assert {len(e.strings) for e in entries if e.plural} == {4}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    for entry in po_entries(LOCALE / language / "LC_MESSAGES" / "django.po"):
        wanted = set(PLACEHOLDER.findall(entry.msgid + entry.plural))
        for string in entry.strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, (entry.msgid, string)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_is_compiled_from_the_po(language):
    """The runtime reads the .mo (no gettext tools in production): it must say what the .po says."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    catalog: dict[str | tuple[str, int], str] = compiled._catalog  # type: ignore[attr-defined]  # private, not in typeshed
    for entry in po_entries(folder / "django.po"):
        key = f"{entry.context}\x04{entry.msgid}" if entry.context else entry.msgid
        if entry.plural:
            assert [catalog.get((key, n)) for n in range(len(entry.strings))] == entry.strings, key
        else:
            assert catalog.get(key) == entry.strings[0], key


# --- Dates and names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "long", "short", "month"),
    [
        ("en", "6 January 2026", "6 Jan 2026", "January 2026"),
        ("ru", "6 января 2026 г.", "06.01.2026", "Январь 2026"),
        ("uk", "6 січня 2026 р.", "06.01.2026", "Січень 2026"),
    ],
)
def test_date_formats_per_language(language, long, short, month):
    day = date(2026, 1, 6)
    with translation.override(language):
        assert date_format(day) == long  # DATE_FORMAT; "E" is the genitive month name
        assert date_format(day, "SHORT_DATE_FORMAT") == short
        assert date_format(day, "YEAR_MONTH_FORMAT") == month


@pytest.mark.django_db
def test_member_names_follow_the_language():
    germany = Member.objects.get(code="DE")
    assert germany.name_in("ru") == germany.name_ru and germany.name_in("uk") == germany.name_uk
    with translation.override("uk"):
        assert germany.local_name == germany.name_uk
        assert [language for language, _ in germany.other_names] == ["en", "ru"]
    assert Member(code="XX", name_en="Freedonia").name_in("ru") == "Freedonia"  # no Russian name: English


# --- Pages ------------------------------------------------------------------------------------------


STATEMENTS = [("DE", "air_defence", "pledged", date(2026, 3, 2)), ("DE", "air_defence", "delivered", date(2026, 3, 10)),
              ("PL", "training", "pledged", date(2026, 2, 1))]


@pytest.fixture
def articles(db) -> None:
    """Three read articles, as the ingest leaves them (events, contributions, tallies), without running it."""
    for code, type_, status, day in STATEMENTS:
        source = SourceTextFactory.create(status="ingested", published_on=day, language="en", text=f"{code} {status}.")
        event = TimelineEvent.objects.create(
            source=source, occurred_on=day, headline=f"{code} {status} {type_}", snippet="…", language="en",
            member_codes=[code], commitment_types=[type_], commitment_statuses=[status],
            commitment_keys=[f"{code}:{type_}:{status}"], review_states=["machine"])
        Contribution.objects.create(source=source, event=event, actor=Member.objects.get(code=code), type=type_,
                                    status=status, evidence=f"{code} {status}.", stated_on=day)
    tallies_rebuild()


def in_language(client: Client, language: str) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_overview_in_russian(analyst_client, articles):
    html = in_language(analyst_client, "ru").get(reverse("timeline:overview") + "?gap_days=0").content.decode()
    assert '<html lang="ru">' in html
    assert "<h1>Обзор</h1>" in html and "Обещано, но не выполнено" in html and "Противовоздушная оборона" in html
    assert ">Германия</a>" in html  # the member's Russian name, not a translation
    assert 'datetime="2026-02-01"' in html and ">01.02.2026</time>" in html  # the gap list: machine ISO, human local
    assert "Выйти" in html and 'aria-current="true">Русский</button>' in html
    assert 'lang="en">English</button>' in html and 'lang="uk">Українська</button>' in html  # each in itself


def test_timeline_in_ukrainian_with_month_headings_and_dates(analyst_client, articles):
    html = in_language(analyst_client, "uk").get(reverse("timeline:index") + "?member=DE").content.decode()
    assert '<html lang="uk">' in html
    assert "<h3>Березень 2026</h3>" in html
    assert '<time datetime="2026-03-10">10.03.2026</time>' in html
    assert "Учасник: Німеччина" in html  # the chip: facet name translated, member named in Ukrainian
    assert "Протиповітряна оборона" in html and "Виконано" in html


def test_htmx_partials_follow_the_language(analyst_client, articles):
    client = in_language(analyst_client, "ru")
    body = client.get(reverse("timeline:index") + "?member=DE", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in body and "Фильтры" in body
    gaps = client.get(reverse("timeline:overview") + "?gap_days=3650", headers={"HX-Request": "true"})
    assert b'id="gap-list"' in gaps.content and "Обещано более".encode() in gaps.content


def test_accept_language_is_used_without_a_choice_and_english_is_the_default(analyst_client, articles):
    url = reverse("timeline:index") + "?member=DE"
    assert '<html lang="uk">' in analyst_client.get(url, headers={"Accept-Language": "uk,en;q=0.5"}).content.decode()
    english = analyst_client.get(url, headers={"Accept-Language": "de-DE,de;q=0.9"}).content.decode()
    assert '<html lang="en">' in english and "<h3>March 2026</h3>" in english and ">10 Mar 2026</time>" in english
    # The cookie (the visitor's own choice) wins over the browser's language.
    chosen = in_language(analyst_client, "ru").get(url, headers={"Accept-Language": "uk"}).content.decode()
    assert '<html lang="ru">' in chosen


def test_pages_vary_on_language_and_cookie(analyst_client, articles):
    response = analyst_client.get(reverse("timeline:index"))
    vary = {v.strip().lower() for v in response.headers["Vary"].split(",")}
    assert {"accept-language", "cookie", "hx-request"} <= vary


def test_set_language_switches_and_goes_back_to_the_same_view(analyst_client, articles):
    here = reverse("timeline:index") + "?member=DE&type=air_defence"
    response = analyst_client.post(reverse("set_language"), {"language": "uk", "next": here})
    assert response.status_code == 302 and response.headers["Location"] == here
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "uk" and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert '<html lang="uk">' in analyst_client.get(here).content.decode()


def test_set_language_refuses_a_foreign_next_and_works_before_login(client, db):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "https://evil.example/"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    login = client.get(reverse("login")).content.decode()
    assert '<html lang="ru">' in login and "<h1>Войти</h1>" in login
    assert f'action="{reverse("set_language")}"' in login and 'name="next" value="/accounts/login/"' in login


def test_the_switcher_posts_the_full_path(analyst_client, articles):
    html = analyst_client.get(reverse("timeline:index") + "?member=DE&lang=ru").content.decode()
    form = html[html.index('class="lang-switch"'):]
    form = form[:form.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in form and 'name="next" value="/timeline/?member=DE&amp;lang=ru"' in form
    assert [m for m in re.findall(r'name="language" value="(\w+)" lang="\w+"', form)] == ["en", "ru", "uk"]


def test_a_language_costs_no_queries(analyst_client, articles):
    url = reverse("timeline:index") + "?member=DE"
    analyst_client.get(url)  # warm the session, permission and label caches
    counts = {}
    for language in ("en", "ru", "uk"):
        in_language(analyst_client, language)
        with CaptureQueriesContext(connection) as queries:
            assert analyst_client.get(url).status_code == 200
        counts[language] = len(queries)
    assert counts["ru"] == counts["en"] == counts["uk"]

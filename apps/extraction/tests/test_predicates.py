"""Status from grammar: each rule of predicates.py in Russian, Ukrainian and English."""

from __future__ import annotations

import subprocess
import sys

import pytest

from apps.extraction.clauses import status_of
from apps.extraction.cues import lowercase
from apps.extraction.predicates import _english_forms, _uk_infinitives, verb


def status(text: str, lang: str) -> str:
    return status_of(lowercase(text), in_draft=False, lang=lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a gift done: perfective and imperfective past, short passive participle, English past and perfect
    ("Германия передала Украине две системы Patriot.", "ru", "delivered"),
    ("Системы были переданы в марте.", "ru", "delivered"),
    ("Норвегія надала Україні ще одну батарею NASAMS.", "uk", "delivered"),
    ("Перші установки вже передано Україні.", "uk", "delivered"),
    ("Britain has delivered the first batch of interceptors.", "en", "delivered"),
    ("The howitzers were handed over in May.", "en", "delivered"),
    # a thing said to be handed over already, or to Ukraine, tells of a delivery; one merely repaired does not
    ("Берлин передаст еще партию ракет к уже переданным системам IRIS-T.", "ru", "delivered"),
    ("Чотири комплекси IRIS-T, передані Україні минулого року, збили сотні ракет.", "uk", "delivered"),
    ("The four IRIS-T systems already delivered have shot down hundreds of missiles.", "en", "delivered"),
    ("Средства пойдут на ремонт переданных систем.", "ru", "pledged"),  # money to come, no delivery told
    ("Кошти підуть на ремонт переданих систем.", "uk", "pledged"),
    # a gift to come: future, "будет", a word of will, "will"
    ("Германия передаст Украине еще одну систему IRIS-T.", "ru", "pledged"),
    ("Швеція передаватиме Україні літаки раннього попередження.", "uk", "pledged"),
    ("Canada will provide 200 armoured vehicles.", "en", "pledged"),
    ("Норвегия готова выделить средства на ракеты.", "ru", "pledged"),
    ("Britain is ready to send instructors.", "en", "pledged"),
    # a step still being readied, a decision on the agenda: proposed, not yet pledged or approved
    ("Британия и Германия готовятся пообещать Украине средства на ракеты ПВО.", "ru", "proposed"),
    ("Велика Британія та Німеччина готуються пообіцяти Україні ракети для ППО.", "uk", "proposed"),
    ("Britain and Germany are preparing to announce joint funding for interceptors.", "en", "proposed"),
    ("Лидеры ЕС должны утвердить новый пакет санкций на саммите.", "ru", "proposed"),
    ("Лідери ЄС мають схвалити новий санкційний пакет на саміті.", "uk", "proposed"),
    ("Норвегія має передати Україні ще дві системи NASAMS.", "uk", "pledged"),  # a gift owed stays pledged
    # a decision taken: adopted, signed, ratified; Ukrainian participles
    ("Правительство Дании утвердило 29-й пакет помощи.", "ru", "approved"),
    ("Бюджет, ухвалений Бундестагом у листопаді, передбачає 11,5 млрд євро.", "uk", "approved"),
    ("The cabinet approved a package of 450 billion yen.", "en", "approved"),
    ("The pact, ratified by parliament, commits Lisbon to training.", "en", "approved"),
    # a go-ahead given is a decision, not a gift; money put into a budget is approved
    ("Germany has given the green light for the delivery of five Patriot launchers.", "en", "approved"),
    ("The Dutch government gave the go-ahead for the transfer of F-16 jets.", "en", "approved"),
    ("Germany will give the green light for the delivery of the launchers.", "en", "pledged"),
    ("Германия дала зеленый свет поставкам пусковых установок Patriot.", "ru", "approved"),
    ("Німеччина дала зелене світло на постачання пускових установок Patriot.", "uk", "approved"),
    ("Норвегия заложила в бюджет 2 млрд крон на противовоздушную оборону.", "ru", "approved"),
    ("Норвегія заклала в бюджет 2 млрд крон на протиповітряну оборону.", "uk", "approved"),
    # readiness through "to" governs the verb after it; a package unveiled is announced
    ("Italy is poised to approve its 12th military aid package.", "en", "pledged"),
    ("Sweden unveiled its 20th military aid package.", "en", "pledged"),
    # possibility and consideration
    ("Италия может передать третью батарею SAMP/T.", "ru", "proposed"),
    ("Фінляндія розглядає можливість навчання саперів.", "uk", "proposed"),
    ("Australia could send two ships.", "en", "proposed"),
    ("The Czech prime minister did not rule out sending troops.", "en", "proposed"),
    # refusal, pause and the actor's own "will not"
    ("Польша не будет направлять войска в Украину.", "ru", "withdrawn"),
    ("Германия не планирует передавать Taurus.", "ru", "withdrawn"),
    ("Угорщина не братиме участі у фінансуванні.", "uk", "withdrawn"),
    ("Словаччина не навчатиме українських військових.", "uk", "withdrawn"),
    ("Italy will not send ground troops.", "en", "withdrawn"),
    ("The United States paused deliveries of interceptors.", "en", "withdrawn"),
    ("США призупинили постачання ракет.", "uk", "withdrawn"),
    # a resumption ends the pause it names
    ("США возобновили поставки, приостановленные в марте.", "ru", "delivered"),
    ("Washington resumed the intelligence sharing it had paused.", "en", "delivered"),
    # nothing done, nothing refused: a past denied, a condition, a thing described
    ("Japan could send observers if the UN provided a mandate.", "en", "proposed"),
    ("The loan, funded by joint borrowing, will be paid out in April.", "en", "pledged"),
    ("Військові передали міністрам робочий документ.", "uk", "pledged"),  # a paper handed over: no gift
    # money reimbursed or directed to a purchase is paid
    ("Через Европейский фонд мира ЕС уже возместил странам 11 млрд евро за оружие.", "ru", "delivered"),
    ("Через Європейський фонд миру ЄС уже відшкодував країнам 11 млрд євро за зброю.", "uk", "delivered"),
    ("The EU has reimbursed member states €11 billion for weapons.", "en", "delivered"),
    ("Євросоюз у квітні спрямував 1,4 млрд євро на закупівлю ППО.", "uk", "delivered"),
    # a transfer being completed is mostly made; a promise to complete one is a promise
    ("Норвегия и Дания завершают передачу своих F-16.", "ru", "delivered"),
    ("Норвегія та Данія завершують передачу своїх F-16.", "uk", "delivered"),
    ("Norway and Denmark are completing the transfer of their F-16s.", "en", "delivered"),
    ("Лідери пообіцяли до кінця року завершити ратифікацію угод.", "uk", "pledged"),
    ("Польща своїх військових в Україну не відправить.", "uk", "withdrawn"),  # a future's "-ть", no infinitive
    # what follows "until" is a condition, not a refusal of the actor's
    ("Активы останутся замороженными, покуда Россия не прекратит войну и не возместит ущерб.", "ru", "pledged"),
    ("Активи залишатимуться знерухомленими, доки Росія не припинить війну і не відшкодує збитки.", "uk",
     "pledged"),
    ("The assets will stay immobilised until Russia ends the war and does not pay.", "en", "pledged"),
])
def test_status_from_the_predicate(text: str, lang: str, expected: str) -> None:
    assert status(text, lang) == expected


def verb_and_form(word: str, lang: str) -> tuple[str, str]:
    """The verb a word is a form of, and which form; the word must be a known verb form."""
    found = verb(word, lang)
    assert found is not None, word
    return found[:2]


def test_verb_forms() -> None:
    assert verb_and_form("передала", "ru") == ("give", "past")
    assert verb_and_form("передаст", "ru") == ("give", "future")
    assert verb_and_form("переданы", "ru") == ("give", "participle")
    assert verb_and_form("переданных", "ru") == ("give", "described")  # a thing handed over: the words around decide
    assert verb_and_form("передані", "uk") == ("give", "described")
    assert verb_and_form("надавши", "uk") == ("give", "gerund")
    assert verb_and_form("delivered", "en") == ("give", "past_or_participle")
    assert verb_and_form("sent", "en") == ("give", "past_or_participle")
    # Ukrainian infinitives, and words whose dictionary tags know no "infn" grammeme at all
    assert verb_and_form("завершити", "uk") == ("give", "infinitive")
    assert verb_and_form("планує", "uk") == ("promise", "present")
    assert verb_and_form("відправить", "uk")[0] == "give"  # a future's "-ть", not an infinitive
    assert _english_forms("ship shipped shipped")["shipping"] == "ing"
    assert "discussing" in _english_forms("discuss")
    assert "затвердити" in _uk_infinitives("затверджений") and "ратифікувати" in _uk_infinitives("ратифікований")


def test_ukrainian_tags_are_read_whichever_dictionary_loaded_first() -> None:
    # pymorphy3's tag classes validate grammemes against the dictionary loaded last: asking a Ukrainian tag for
    # "infn" with `in` fails once the Russian dictionary has loaded after it. A fresh process sets that order.
    code = ("from apps.extraction.predicates import verb; verb('планується', 'uk'); verb('планується', 'ru'); "
            "print(verb('планує', 'uk'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert "promise" in done.stdout

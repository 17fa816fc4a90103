"""Gazetteer keys and mention rules: stems of unknown names, particles, acronyms, doubtful people."""

from __future__ import annotations

import pytest

from apps.extraction.gazetteer import default_gazetteer, lemma


def _found(text: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return default_gazetteer().members_and_people(text, lang)


@pytest.mark.parametrize(
    ("forms", "lang"),
    [
        (["Кристерссон", "Кристерссона", "Кристерссону", "Кристерссоном"], "ru"),
        (["Сибіга", "Сибіги", "Сибігу", "Сибігою"], "uk"),
        (["Уиткофф", "Уиткоффа", "Уиткоффом", "Уиткоффе"], "ru"),
    ],
)
def test_unknown_names_share_a_stem_key(forms: list[str], lang: str) -> None:
    assert len({lemma(f, lang) for f in forms}) == 1


def test_known_words_keep_their_dictionary_lemma() -> None:
    assert lemma("Франции", "ru") == "франция"
    assert lemma("українських", "uk") == "український"


@pytest.mark.parametrize(
    ("text", "lang", "people"),
    [
        ("Прем'єр-міністр Бельгії Барт де Вевер вимагав гарантій.", "uk", ("de_wever",)),
        ("Belgian Prime Minister Bart De Wever demanded guarantees.", "en", ("de_wever",)),
        ("Урсулы фон дер Ляйен не было на встрече.", "ru", ("von_der_leyen",)),
    ],
)
def test_name_particles_in_either_case(text: str, lang: str, people: tuple[str, ...]) -> None:
    assert _found(text, lang)[1] == people


def test_an_inflected_common_word_opening_a_sentence_is_no_person() -> None:
    # "Кошти" is money; its lemma is that of "Кошта" (António Costa).
    assert _found("Кошти надійдуть у травні. Україна чекає.", "uk")[1] == ()
    assert _found("Кошта заявив, що кошти надійдуть.", "uk")[1] == ("costa",)
    assert _found("Антоніу Кошта приїхав. Кошти надійдуть у травні.", "uk")[1] == ("costa",)


def test_a_name_as_written_opening_a_sentence_stays_a_mention() -> None:
    assert _found("Макрон поговорил с Мерцем.", "ru")[1] == ("macron", "merz")
    assert _found("Трамп заявил, что США не пошлют войска.", "ru") == (("US",), ("trump",))


def test_inflected_acronyms_stay_acronyms() -> None:
    assert _found("Пара танков прибыла.", "ru") == ((), ())


@pytest.mark.parametrize(
    ("text", "lang", "has_coalition"),
    [
        ("Федоров закликав інші держави коаліції не зволікати.", "uk", True),
        ("The coalition will meet in Rome next week.", "en", True),
        ("Коалиция обсудит гарантии безопасности.", "ru", True),
        ("Правящая коалиция в Берлине раскололась.", "ru", False),
        ("The governing coalition in Prague collapsed.", "en", False),
        ("Латвія очолює коаліцію дронів разом із Британією.", "uk", False),
    ],
)
def test_the_coalition_named_short(text: str, lang: str, has_coalition: bool) -> None:
    assert ("COALITION" in _found(text, lang)[0]) is has_coalition


def test_brussels_is_belgium_right_after_belgium_and_the_eu_otherwise() -> None:
    belgium = "Первые F-16 прибыли в сопровождении бельгийских пилотов. Остальные машины Брюссель передаст позже."
    assert _found(belgium, "ru")[0] == ("BE",)
    eu = "Belgium holds most of the assets. Brussels will keep the assets immobilised until Moscow pays."
    assert set(_found(eu, "en")[0]) == {"BE", "EU", "RU"}
    assert _found("Brussels insists on new sanctions.", "en")[0] == ("EU",)

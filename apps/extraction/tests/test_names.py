"""Unknown-name candidates: one key for every case form, and no candidates for means or institutions' words."""

from __future__ import annotations

import pytest

from apps.extraction import extract
from apps.extraction.gazetteer import tokenize
from apps.extraction.lexicon import builtin_lexicon
from apps.extraction.means import AIR_DEFENCE, MILITARY_AID, builtin_means, read_means
from apps.extraction.names import is_means, name_key, name_words, word_key


def key(text: str) -> str:
    return name_key(t for t, _, _ in tokenize(text))


def sightings(body: str) -> list[tuple[str, str]]:
    """The unknown names an article yields, as (text, hint)."""
    document = extract(f" date 2026-03-02 {body}".encode(), filename="names.txt")
    assert document.ok, document.error
    return [(s.text, s.hint) for s in document.unknown_names]


def candidates(body: str) -> list[str]:
    return [text for text, _ in sightings(body)]


@pytest.mark.parametrize(
    "forms",
    [
        # ru and uk case forms, the uk locative with its consonant alternation, the dictionaries' words and not
        ["Аляска", "Аляски", "Аляске", "Аляску", "Аляской", "Алясці", "Аляскою"],
        ["Кристерссон", "Кристерссона", "Кристерссону", "Кристерссоном", "Кристерссоне", "Кристерссоні",
         "Кристерссонові"],
        ["Сибіга", "Сибіги", "Сибізі", "Сибігу", "Сибігою"],
        ["Ахуха", "Ахухи", "Ахусі"],  # no dictionary knows it: the alternation is undone all the same
        ["Мерц", "Мерца", "Мерцу", "Мерцем", "Мерці", "Мерцові"],  # uk "Мерцем" is also a form of "мрець"
        ["Нордстрем", "Нордстрема", "Нордстремом"],  # a stem that ends like an ending
        ["Умеров", "Умерова", "Умерову", "Умеровым", "Умерове"],  # a surname in -ов: no plural ending
        ["Гренландия", "Гренландии", "Гренландию", "Гренландией", "Гренландія", "Гренландії", "Гренландією"],
        ["Стамбул", "Стамбула", "Стамбуле", "Стамбулі"],  # ru dictionary, uk dictionary
        ["Египет", "Египта", "Египте"],  # a fleeting vowel the dictionary knows
        ["Харків", "Харкова", "Харкові"],  # the Ukrainian і/о alternation
        ["Єрмак", "Єрмака", "Єрмаком", "Єрмакові"],  # "Єрмакові" is also a form of "Єрмаков"
        ["Зеленский", "Зеленского", "Зеленскому", "Зеленским", "Зеленском"],
        ["Анна", "Анны", "Анне", "Анну", "Анни", "Анні", "Анною"],
        ["Ульф Кристерссон", "Ульфа Кристерссона", "Ульфу Кристерссону", "Ульфом Кристерссоном"],
        ["Ингрид Халворсен", "Ингрид Халворсена", "Ингрид Халворсеном"],
        ["Косиняк-Камыш", "Косиняка-Камыша", "Косиняком-Камышом", "Косиняк Камыш"],
        ["Ивано-Франковск", "Ивано-Франковска", "Ивано-Франковске"],
        ["Kristersson", "Kristersson's", "KRISTERSSON’S"],
        ["Kosiniak-Kamysz", "Kosiniak Kamysz"],
    ],
)
def test_every_case_form_of_a_name_has_one_key(forms: list[str]) -> None:
    assert len({key(f) for f in forms}) == 1, {f: key(f) for f in forms}


def test_a_key_is_the_same_whichever_language_the_article_is_in() -> None:
    # The gazetteer's own keys come from the article's analyser (uk reads "Мерцем" as "мрець"); a name key doesn't.
    ru = extract(" date 2026-03-02 Переговоры с Фридрихом Мерцем прошли в Берлине.".encode(), filename="ru.txt")
    uk = extract(" date 2026-03-02 Переговори з Фрідріхом Мерцем і Мерцові радникам тривали.".encode(),
                 filename="uk.txt")
    assert ru.language == "ru" and uk.language == "uk"
    assert word_key("Мерцем") == word_key("Мерц") == word_key("Мерцові")


def test_different_names_keep_different_keys() -> None:
    """Every person of the lexicon keeps a key of their own for each full name (no two people merge)."""
    owners: dict[str, str] = {}
    for person in builtin_lexicon().people:
        for name in {person.name_en, person.name_ru, person.name_uk} - {""}:
            if " " in name:
                assert owners.setdefault(key(name), person.slug) == person.slug, name
    assert key("Иванов") != key("Ивановский") and key("Сибига") != key("Сибіга")  # another spelling, another alias


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Переговоры прошли на Аляске. На Аляску прилетела делегация, Аляска ждала.", ["Аляске"]),
        ("Переговори пройшли на Алясці, а делегація летіла на Аляску.", ["Алясці"]),
        ("Премьер Швеции Ульф Кристерссон встретился с Паулой Хаканссон. Хаканссон заявила, что Паула "
         "Хаканссон поддерживает Кристерссона.", ["Паулой Хаканссон"]),
        ("Pål Hakansson met the envoy in Stockholm. Hakansson said Hakansson's team was ready.", ["Pål Hakansson"]),
    ],
)
def test_an_article_gives_each_name_once(body: str, expected: list[str]) -> None:
    assert candidates(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Germany will send more Patriot and IRIS-T systems, Leopards, Storm Shadow missiles and Gripen E jets, "
        "and the Netherlands F-16s, Skynex and Gepard guns, CV90s, Caesar and Archer howitzers.",
        "Норвегия передаст Украине несколько комплексов Пэтриот, Гепардов и Леопардов, а также ракеты Шторм Шэдоу.",
        "Норвегія передасть Україні кілька комплексів Петріот, Гепардів і Леопардів, а також винищувачі Гріпен.",
    ],
)
def test_means_are_no_candidates(body: str) -> None:
    assert candidates(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The National Security Council met on Tuesday, and the House and the Senate voted. The Defence Ministry "
        "and the Foreign Affairs Committee agreed, the Armed Forces said, and the White House Press Office "
        "confirmed the Joint Declaration after the Security Council met.",
        "В Москве собрался Совет Безопасности. Об этом сообщили Вооруженные Силы, Министерство Обороны и "
        "Генеральный Штаб.",
        "У Києві зібралася Рада Безпеки. Про це повідомили Збройні Сили, Міністерство Оборони та Генеральний Штаб.",
    ],
)
def test_capitalised_words_of_institutions_are_no_candidates(body: str) -> None:
    assert candidates(body) == []


def test_names_are_cut_out_of_institutions_and_titles() -> None:
    body = ("The board heard Seimas Speaker Saulius Skvernelis and National Security Adviser Pål Hakansson at "
            "the Kongsberg Group office.")
    assert sightings(body) == [("Seimas", "name"), ("Saulius Skvernelis", "person"), ("Pål Hakansson", "person"),
                               ("Kongsberg", "organisation")]


def test_a_common_word_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    assert candidates("Встреча прошла в Берлине. В Жешуве прошла встреча.") == ["Жешуве"]
    assert sightings("Зустріч відбулася. У Стамбулі пройшли переговори.") == [("Стамбулі", "place")]


def test_words_the_text_writes_in_lowercase_are_common_words() -> None:
    body = "Security guarantees were discussed. The talks on guarantees went on; Ulf Halvorsen joined the Guarantees."
    assert candidates(body) == ["Ulf Halvorsen"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Patriot"], True), (["Patriots"], True), (["Storm", "Shadow"], True), (["Gripen", "C", "D"], True),
        (["Пэтриотов"], True), (["Хаймарсами"], True), (["Петріотів"], True), (["Iris", "T"], True),
        (["Ingrid", "Halvorsen"], False), (["Gripen", "Halvorsen"], False), (["E"], False),
    ],
)
def test_is_means(words: list[str], expected: bool) -> None:
    assert is_means(words) is expected


def test_means_file_gives_each_system_its_type_and_spellings() -> None:
    means = {entry.name: entry for entry in builtin_means()}
    for name in ("Patriot", "IRIS-T", "NASAMS", "SAMP/T", "Gepard", "Skynex", "Crotale", "Hawk", "Stinger"):
        assert means[name].type == AIR_DEFENCE, name
    for name in ("Leopard", "Abrams", "CV90", "HIMARS", "Storm Shadow", "ATACMS", "Mirage", "F-16", "Gripen",
                 "Taurus", "Bradley", "Marder", "Javelin", "Caesar", "Archer"):
        assert means[name].type == MILITARY_AID, name
    # ru and uk spellings beside the English name
    assert {"Пэтриот", "Петріот"} <= set(means["Patriot"].aliases)
    assert all(entry.kind for entry in means.values())


def test_means_file_refuses_a_spelling_given_twice_and_an_unknown_type(tmp_path) -> None:
    twice = tmp_path / "twice.toml"
    twice.write_text('[[means]]\nname = "Hawk"\ntype = "air_defence"\n'
                     '[[means]]\nname = "Falcon"\naliases = ["hawk"]\ntype = "military_aid"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        read_means(twice)
    untyped = tmp_path / "untyped.toml"
    untyped.write_text('[[means]]\nname = "Hawk"\ntype = "air_power"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown type"):
        read_means(untyped)


def test_name_words_are_gazetteer_keys() -> None:
    words = name_words()
    assert {"security", "council", "house"} <= words.cut
    assert "вооруженный" in words.cut and "збройний" in words.cut  # lemmatised as the text's keys are
    assert words.titles <= words.cut and "said" not in words.cut

"""The wider lexicon: people and countries found in ru/uk/en in their case forms, and common words left alone."""

from __future__ import annotations

import pytest

from apps.extraction.gazetteer import default_gazetteer

FOUND = [
    ("Макрон поговорил с Кристерссоном, а Стуббу позвонил Мерц.", "ru", (), ("kristersson", "macron", "merz", "stubb")),
    ("Зеленський поговорив з Кристерссоном і зустрівся з Фіалою у Празі.", "uk", ("CZ",),
     ("fiala", "kristersson", "zelensky")),
    ("Ішиба заявив, що Японія підтримає Україну.", "uk", ("JP", "UA"), ("ishiba",)),
    ("Прем'єрка Санае Такаїчі та міністр оборони Сіндзіро Коїдзумі прибули до Токіо.", "uk", ("JP",),
     ("koizumi", "takaichi")),
    ("Премьер Исиба и министр обороны Гэн Накатани", "ru", (), ("ishiba", "nakatani")),
    ("Mark Carney and Anita Anand met David McGuinty and Mélanie Joly in Ottawa.", "en", ("CA",),
     ("anand", "carney", "joly", "mcguinty")),
    ("Penny Wong and Richard Marles said Australia would help; Marles added more.", "en", ("AU",),
     ("marles", "wong")),
    ("Christopher Luxon, Winston Peters and Judith Collins spoke in Wellington.", "en", ("NZ",),
     ("collins", "luxon", "peters")),
    ("Генсек НАТО Рютте и Кая Каллас обсудили с Кубилюсом и Мецолой оборону.", "ru", ("NATO",),
     ("kallas", "kubilius", "metsola", "rutte")),
    ("Петр Павел и Андрей Бабиш обсудили с Яной Черноговой помощь.", "ru", (), ("babis", "cernochova", "pavel")),
    ("Никушор Дан прибыл в Бухарест вместе с Илие Боложаном.", "ru", ("RO",), ("bolojan", "dan")),
    ("Йонас Гар Стёре и Эспен Барт Эйде встретились с Туре Сандвиком.", "ru", (), ("eide", "sandvik", "store")),
    ("Jonas Gahr Store met Tore O. Sandvik and Jens Stoltenberg in Oslo.", "en", ("NO",),
     ("sandvik", "stoltenberg", "store")),
    ("Уиткофф, Кушнер и Дрисколл провели переговоры с Умеровым и Будановым в Абу-Даби.", "ru", ("AE",),
     ("budanov", "driscoll", "kushner", "umerov", "witkoff")),
    ("Алар Карис и Кристен Михал приняли Ханно Певкура.", "ru", (), ("karis", "michal", "pevkur")),
    ("Ларс Лёкке Расмуссен и Троэльс Лунн Поульсен выступили в Копенгагене.", "ru", ("DK",),
     ("lokke_rasmussen", "poulsen")),
    ("The Dutch ministers Ruben Brekelmans and David van Weel joined Dick Schoof.", "en", ("NL",),
     ("brekelmans", "schoof", "van_weel")),
    ("Ursula von der Leyen, António Costa and Marta Kos met Roberta Metsola.", "en", (),
     ("costa", "kos", "metsola", "von_der_leyen")),
    ("Лавров, Ушаков, Мединский и Дмитриев прилетели вместе с Рябковым.", "ru", (),
     ("dmitriev", "lavrov", "medinsky", "ryabkov", "ushakov")),
    ("Erdoğan and Hakan Fidan hosted the talks in Istanbul with İbrahim Kalın.", "en", (),
     ("erdogan", "fidan", "kalin")),
    ("Mohammed bin Salman received Zelensky in Riyadh; Musaed Al-Aiban attended.", "en", ("SA",),
     ("al_aiban", "bin_salman", "zelensky")),
    ("Маргарита Роблес і Педро Санчес підтримали Київ.", "uk", ("UA",), ("robles", "sanchez")),
    ("Олександр Стубб, Петтері Орпо та Антті Хякканен", "uk", (), ("hakkanen", "orpo", "stubb")),
    ("Луиш Монтенегру встретился с Нуну Мелу и Паулу Рангелом.", "ru", (), ("melo", "montenegro", "rangel")),
    ("Luís Montenegro visited Montenegro.", "en", ("ME",), ("montenegro",)),
    ("Frank-Walter Steinmeier, Lars Klingbeil and Boris Pistorius", "en", (),
     ("klingbeil", "pistorius", "steinmeier")),
    ("Matthew Whitaker and Alexus Grynkewich spoke in Brussels.", "en", (), ("grynkewich", "whitaker")),
    ("Гітанас Науседа та Кястутіс Будріс зустрілися з Довіле Шакалене.", "uk", (),
     ("budrys", "nauseda", "sakaliene")),
    ("Президентка Молдови Мая Санду і Віктор Орбан", "uk", ("MD",), ("orban", "sandu")),
    ("Си Цзиньпин, Ван И и Нарендра Моди", "ru", (), ("modi", "wang_yi", "xi")),
    ("Мексика, Аргентина, Чили и ЮАР воздержались, как и Сирия.", "ru", ("AR", "CL", "MX", "SY", "ZA"), ()),
    ("Делегації Кіпру та Мальти прибули до Белграда.", "uk", ("CY", "MT", "RS"), ()),
    ("Гренландия и Дания, Иордания и Амман", "ru", ("DK", "GL", "JO"), ()),
    ("the Hashemite Kingdom of Jordan, a Jordanian envoy and Amman", "en", ("JO",), ()),
]

NOT_FOUND = [
    ("Dan said the plan was fine and Pavel agreed.", "en"),
    ("Peters and Collins Street, the Wong family, Graham Johnson and Powell Cooper.", "en"),
    ("Martin Harris read the poll; Rasmussen and Tony Blair disagreed.", "en"),
    ("Jordan Bardella criticised the plan.", "en"),
    ("Kaunas hosted the forum.", "en"),
    ("Дан приказ наступать. Павел приехал. Коса на камень.", "ru"),
    ("Гавань закрыта. XI век.", "ru"),
    ("Що це означає? Чи готові вони? Сира нафта подешевшала. Мода на переговори.", "uk"),
    ("Пара танков и Марта Иванова.", "ru"),
]


@pytest.mark.parametrize(("text", "lang", "members", "people"), FOUND)
def test_found(text: str, lang: str, members: tuple[str, ...], people: tuple[str, ...]) -> None:
    assert default_gazetteer().members_and_people(text, lang) == (members, people)


@pytest.mark.parametrize(("text", "lang"), NOT_FOUND)
def test_common_words_are_nobody(text: str, lang: str) -> None:
    assert default_gazetteer().members_and_people(text, lang) == ((), ())

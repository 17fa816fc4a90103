"""Where real reports say who reports them: datelines, the lead, credit lines, interviews; side citations are not."""

from __future__ import annotations

import pytest

from apps.extraction.attribution import find_source

BODY = "Germany will send two more air defence systems to Ukraine, the defence minister said on Monday."


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # datelines
        ("БРЮССЕЛЬ, 19 декабря. /ТАСС/. Лидеры ЕС договорились о кредите.", "TASS"),
        ("КИЇВ. 14 квітня. ІНТЕРФАКС-УКРАЇНА – Німеччина передала Україні дві системи IRIS-T.", "Interfax-Ukraine"),
        ("Киев. 15 апреля. ИНТЕРФАКС-УКРАИНА - Партнеры Украины объявили о поставках.", "Interfax-Ukraine"),
        ("БРЮССЕЛЬ. 23 жовтня. УНН. – Рада ЄС ухвалила 19-й пакет санкцій.", "UNN"),
        ("TOKYO, May 14 (Kyodo) - Japan's cabinet approved a new loan to Ukraine.", "Kyodo"),
        # the outlet after a dateline's dash
        ("МОСКВА, 6 янв - РИА Новости. Ровно год назад участники коалиции приняли декларацию.", "RIA Novosti"),
        ("ЛЬВІВ, 7 жовт - ZAXID.NET. Уряд Польщі ухвалив постанову.", "Zaxid.net"),
        ("WELLINGTON, July 1 - RNZ. New Zealand extended its training deployment.", "RNZ"),
        # a newsletter's welcome, a feed's own name, an interview given to a broadcaster, an extra credit line
        ("Welcome to Politico's Ukraine Security Weekly, our round-up of who promised what.", "Politico"),
        ("Рада ЄС: 22-й пакет санкцій — стрічка Суспільного\n\n08:55 Міністри збираються в Брюсселі.", "Suspilne"),
        ("Лента РИА Новости: саммит в Риме\n\n10:15 Лидеры собираются.", "RIA Novosti"),
        ("The defence minister spoke to RNZ's Morning Report about New Zealand's contribution.", "RNZ"),
        ("MPs approved the plan.\n\n(Additional reporting by PA Media)", "PA Media"),
        # a dateline closed by a full stop after its date; a full stop after a cited outlet is none
        ("Оттава, 16 березня. Укрінформ. Уряд Канади ухвалив рішення продовжити місію.", "Ukrinform"),
        ("Прага, 26 февраля. ЧТК. Сенат ратифицировал соглашение.", "ČTK"),
        ("Правительство одобрило передачу, пишет РБК со ссылкой на Reuters. Первые машины прибудут в мае.", "RBC"),
        # a live blog's own words; an outlet a headline credits but the lead cites
        ("Ukraine war live: ministers meet\n\nThis is the Guardian's live coverage of the meeting.", "The Guardian"),
        ("Germany weighs another Patriot, Bloomberg reports\n\nGermany is considering it, the Kyiv Independent "
         "reported, citing Bloomberg.", "The Kyiv Independent"),
        ("Німеччина розглядає передачу Patriot, пише Bloomberg\n\nПро це повідомляє «Європейська правда» з "
         "посиланням на Bloomberg.", "European Pravda"),
        # national agencies in a closing credit line
        ("Сенат ратифицировал соглашение.\n\nПри подготовке материала использованы сообщения агентства ČTK.", "ČTK"),
        ("Парламент ратифікував угоду.\n\nЗа матеріалами Lusa", "Lusa"),
        ("TORONTO, May 3, 2026 /CNW/ - The company announced a contract.", None),  # a press-release wire
        # the lead: who relays whom, who cites whom
        ("Об этом пишет Bloomberg, передает РБК-Украина.", "RBC-Ukraine"),
        ("Про це повідомляє «Європейська правда» з посиланням на Yle.", "European Pravda"),
        ("The Treasury approved the money, RBC-Ukraine reports, citing the Financial Times.", "RBC-Ukraine"),
        ("Об этом сообщает «Страна.ua» со ссылкой на источники.", "Strana.ua"),
        ("Об этом сообщает издание «Новая газета Европа».", "Новая газета Европа"),  # not listed: as written
        ("Об этом сообщает \"Интерфакс\" со ссылкой на агентство Kyodo.", "Interfax"),
        ("Про це пише РБК-Україна з посиланням на Bloomberg.", "RBC-Ukraine"),
        ("Гілі та Пісторіус оголосили внески, передає власний кореспондент Укрінформу.", "Ukrinform"),
        # interviews and an outlet's own analysis
        ("Министр иностранных дел Латвии в интервью порталу Delfi рассказала о планах Риги.", "Delfi"),
        ("The minister told Interfax-Ukraine in an interview that Kyiv needs more shells.", "Interfax-Ukraine"),
        ("Міністр оборони Естонії в інтерв'ю Укрінформу розповів про сили підтримки.", "Ukrinform"),
        ("Часть обещаний уже выполнена. DW собрала, что известно о вкладе участников.", "Deutsche Welle"),
        ("Суспільне Новини веде хроніку подій середи, 15 жовтня.", "Suspilne"),
        ("Пауза в постачанні PAC-3 і нові пакети: Суспільне стежить за подіями 23 липня", "Suspilne"),
        ("Верховна представниця ЄС в інтерв'ю LB.ua розповіла про репараційний кредит.", "LB.ua"),
        # "ВВС" is an air force, not the BBC: "пишет РБК" is the source
        ("Правительство одобрило передачу истребителей из состава ВВС, пишет РБК со ссылкой на Reuters.", "RBC"),
        # closing credit lines
        (f"{BODY}\n\nЗа матеріалами AFP", "AFP"),
        (f"{BODY}\n\n— With files from AFP", "AFP"),
        (f"{BODY}\n\nПри подготовке материала использованы сообщения Reuters.", "Reuters"),
        (f"{BODY}\n\nWith material from dpa", "dpa"),
        (f"{BODY}\n\n— With AFP", "AFP"),
        # an outlet cited for a side fact further down is not the source
        (f"{BODY}\n\nBerlin has sent four systems so far.\n\nLast week the German tabloid Bild reported that the "
         "Netherlands was preparing a battalion.", None),
        (f"{BODY}\n\nОдна система уже передана.\n\nКак сообщало ранее издание Politico, план готов.", None),
        (f"{BODY}\n\nНорвегія може надати гарантії, писала раніше газета Aftenposten.", None),
        ("Уряд ухвалив рішення. Про це повідомила пресслужба Міністерства оборони.", None),  # a ministry's readout
    ],
)
def test_find_source(text: str, source: str | None) -> None:
    assert find_source(text) == source

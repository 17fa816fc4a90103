"""Hand-written sentences, ru / uk / en, for every commitment type, every status, negation, metonymy and
case form: the rules must read phrasings the corpus files do not contain.
"""

from __future__ import annotations

import pytest

from apps.extraction import extract


def _pairs(text: str) -> dict[tuple[str, str], str]:
    doc = extract(f"date 2026-03-02 {text}".encode(), filename="t.txt")
    assert doc.ok, doc.error
    return {(c.actor, c.type): c.status for c in doc.commitments}


# --- every type ------------------------------------------------------------------------------------------

TYPES = [
    # military_capabilities
    ("Canada is ready to use its military capabilities to defend Ukraine if Russia attacks again.",
     ("CA", "military_capabilities")),
    ("Канада готова применить свои военные возможности для защиты Украины в случае нового нападения.",
     ("CA", "military_capabilities")),
    ("Канада готова застосувати свої військові спроможності для захисту України в разі нового нападу.",
     ("CA", "military_capabilities")),
    # intelligence
    ("Norway will share satellite imagery with Kyiv.", ("NO", "intelligence")),
    ("Норвегия будет передавать Киеву спутниковые снимки и разведданные.", ("NO", "intelligence")),
    ("Норвегія передаватиме Києву супутникові знімки та розвіддані.", ("NO", "intelligence")),
    # logistics
    ("Slovakia will host a repair hub for Ukrainian armoured vehicles.", ("SK", "logistics")),
    ("Словакия разместит у себя центр ремонта украинской бронетехники.", ("SK", "logistics")),
    ("Словаччина розмістить у себе центр ремонту української бронетехніки.", ("SK", "logistics")),
    # diplomatic
    ("Turkey offered to host talks between Russia and Ukraine.", ("TR", "diplomatic")),
    ("Турция предложила стать площадкой для переговоров между Россией и Украиной.", ("TR", "diplomatic")),
    ("Туреччина запропонувала стати майданчиком для переговорів між Росією та Україною.", ("TR", "diplomatic")),
    # sanctions
    ("Japan will impose new sanctions on Russian banks.", ("JP", "sanctions")),
    ("Япония введет новые санкции против российских банков.", ("JP", "sanctions")),
    ("Японія запровадить нові санкції проти російських банків.", ("JP", "sanctions")),
    # ceasefire_monitoring
    ("Finland will lead a mission to monitor the ceasefire.", ("FI", "ceasefire_monitoring")),
    ("Финляндия возглавит миссию по наблюдению за соблюдением перемирия.", ("FI", "ceasefire_monitoring")),
    ("Фінляндія очолить місію зі спостереження за дотриманням перемир'я.", ("FI", "ceasefire_monitoring")),
    # multinational_force
    ("Sweden will send troops to a reassurance force in Ukraine.", ("SE", "multinational_force")),
    ("Швеция направит войска в состав сил поддержки на Украине.", ("SE", "multinational_force")),
    ("Швеція направить війська до складу сил підтримки в Україні.", ("SE", "multinational_force")),
    # military_aid
    ("Portugal will hand over artillery shells to Ukraine.", ("PT", "military_aid")),
    ("Португалия передаст Украине артиллерийские снаряды.", ("PT", "military_aid")),
    ("Португалія передасть Україні артилерійські снаряди.", ("PT", "military_aid")),
    # air_defence
    ("Spain will send air defence systems to Ukraine.", ("ES", "air_defence")),
    ("Испания отправит Украине системы противовоздушной обороны.", ("ES", "air_defence")),
    ("Іспанія надішле Україні системи протиповітряної оборони.", ("ES", "air_defence")),
    # financial_aid
    ("Ireland will provide 100 million euros of budget support to Ukraine.", ("IE", "financial_aid")),
    ("Ирландия выделит Украине 100 млн евро бюджетной поддержки.", ("IE", "financial_aid")),
    ("Ірландія виділить Україні 100 млн євро бюджетної підтримки.", ("IE", "financial_aid")),
    # legal_guarantee
    ("Greece will give Ukraine legally binding security guarantees.", ("GR", "legal_guarantee")),
    ("Греция предоставит Украине юридически обязывающие гарантии безопасности.", ("GR", "legal_guarantee")),
    ("Греція надасть Україні юридично обов'язкові гарантії безпеки.", ("GR", "legal_guarantee")),
    # training
    ("Lithuania will train Ukrainian sappers.", ("LT", "training")),
    ("Литва будет обучать украинских саперов.", ("LT", "training")),
    ("Литва навчатиме українських саперів.", ("LT", "training")),
]


@pytest.mark.parametrize(("text", "pair"), TYPES)
def test_every_type(text: str, pair: tuple[str, str]) -> None:
    pairs = _pairs(text)
    assert pair in pairs, pairs
    assert pairs[pair] == "pledged"


# --- every status ----------------------------------------------------------------------------------------

STATUSES = [
    # proposed: a possibility, a hedge, under consideration
    ("Denmark could send instructors to train Ukrainian pilots.", ("DK", "training"), "proposed"),
    ("Дания могла бы направить инструкторов для обучения украинских пилотов.", ("DK", "training"), "proposed"),
    ("Данія могла б направити інструкторів для навчання українських пілотів.", ("DK", "training"), "proposed"),
    ("Belgium is considering sending troops to Ukraine.", ("BE", "multinational_force"), "proposed"),
    ("Бельгия рассматривает возможность отправки войск на Украину.", ("BE", "multinational_force"), "proposed"),
    ("Бельгія розглядає можливість направлення військ в Україну.", ("BE", "multinational_force"), "proposed"),
    ("The Czech prime minister did not rule out sending troops.", ("CZ", "multinational_force"), "proposed"),
    ("Премьер Чехии не исключил отправку войск.", ("CZ", "multinational_force"), "proposed"),
    ("Прем'єр Чехії не виключив направлення військ.", ("CZ", "multinational_force"), "proposed"),
    # pledged: the actor's own will, readiness, promise, offer
    ("Estonia promised to deliver more ammunition.", ("EE", "military_aid"), "pledged"),
    ("Эстония пообещала поставить больше боеприпасов.", ("EE", "military_aid"), "pledged"),
    ("Естонія пообіцяла поставити більше боєприпасів.", ("EE", "military_aid"), "pledged"),
    ("Latvia offered to lead the demining mission.", ("LV", "multinational_force"), "pledged"),
    ("Латвия предложила возглавить миссию по разминированию.", ("LV", "multinational_force"), "pledged"),
    ("Латвія запропонувала очолити місію з розмінування.", ("LV", "multinational_force"), "pledged"),
    # approved: adopted, signed, ratified, a law or budget passed
    ("The Dutch parliament approved 3.5 billion euros of military aid for Ukraine.", ("NL", "military_aid"),
     "approved"),
    ("Парламент Нидерландов утвердил военную помощь Украине на 3,5 млрд евро.", ("NL", "military_aid"),
     "approved"),
    ("Парламент Нідерландів затвердив військову допомогу Україні на 3,5 млрд євро.", ("NL", "military_aid"),
     "approved"),
    ("Romania ratified the security agreement with Ukraine.", ("RO", "legal_guarantee"), "approved"),
    ("Румыния ратифицировала соглашение о безопасности с Украиной.", ("RO", "legal_guarantee"), "approved"),
    ("Румунія ратифікувала угоду про безпекову співпрацю з Україною.", ("RO", "legal_guarantee"), "approved"),
    # delivered: handed over, paid, carried out; passives and perfective pasts
    ("Two Patriot systems from Germany have arrived in Ukraine.", ("DE", "air_defence"), "delivered"),
    ("Германия передала Украине две системы Patriot.", ("DE", "air_defence"), "delivered"),
    ("Німеччина передала Україні дві системи Patriot.", ("DE", "air_defence"), "delivered"),
    ("Britain has trained 50,000 Ukrainian soldiers.", ("GB", "training"), "delivered"),
    ("Великобритания уже обучила 50 тысяч украинских военных.", ("GB", "training"), "delivered"),
    ("Велика Британія вже навчила 50 тисяч українських військових.", ("GB", "training"), "delivered"),
    ("Italy transferred 300 million euros of budget support to Ukraine.", ("IT", "financial_aid"), "delivered"),
    ("Италия перечислила Украине 300 млн евро бюджетной поддержки.", ("IT", "financial_aid"), "delivered"),
    ("Італія перерахувала Україні 300 млн євро бюджетної підтримки.", ("IT", "financial_aid"), "delivered"),
    ("Under the Czech initiative, 500,000 shells were handed over to Ukraine.", ("CZ", "military_aid"),
     "delivered"),
    ("В рамках чешской инициативы Украине было передано 500 тысяч снарядов.", ("CZ", "military_aid"),
     "delivered"),
    ("У межах чеської ініціативи Україні було передано 500 тисяч снарядів.", ("CZ", "military_aid"),
     "delivered"),
    # withdrawn: ruled out, refused, postponed, paused
    ("Hungary will not send weapons to Ukraine.", ("HU", "military_aid"), "withdrawn"),
    ("Венгрия не будет поставлять оружие Украине.", ("HU", "military_aid"), "withdrawn"),
    ("Угорщина не буде постачати зброю Україні.", ("HU", "military_aid"), "withdrawn"),
    ("Bulgaria postponed the delivery of armoured vehicles.", ("BG", "military_aid"), "withdrawn"),
    ("Болгария отложила поставку бронетехники.", ("BG", "military_aid"), "withdrawn"),
    ("Болгарія відклала постачання бронетехніки.", ("BG", "military_aid"), "withdrawn"),
    ("Slovenia dropped its plans to train Ukrainian pilots.", ("SI", "training"), "withdrawn"),
    ("Словения отказалась от планов обучать украинских пилотов.", ("SI", "training"), "withdrawn"),
    ("Словенія відмовилася від планів навчати українських пілотів.", ("SI", "training"), "withdrawn"),
]


@pytest.mark.parametrize(("text", "pair", "status"), STATUSES)
def test_every_status(text: str, pair: tuple[str, str], status: str) -> None:
    pairs = _pairs(text)
    assert pairs.get(pair) == status, pairs


@pytest.mark.parametrize(
    "text",
    [
        "The shells will be delivered next month, Estonia said.",
        "Снаряды будут переданы в следующем месяце, заявила Эстония.",
        "Снаряди буде передано наступного місяця, заявила Естонія.",
    ],
)
def test_future_passive_is_no_delivery(text: str) -> None:
    assert _pairs(text) == {("EE", "military_aid"): "pledged"}


@pytest.mark.parametrize(
    "text",
    [
        "Bulgaria resumed the shell deliveries it had paused last year.",
        "Болгария возобновила поставки снарядов, приостановленные в прошлом году.",
        "Болгарія відновила постачання снарядів, призупинене минулого року.",
    ],
)
def test_resumption_outranks_the_pause(text: str) -> None:
    assert _pairs(text) == {("BG", "military_aid"): "delivered"}


@pytest.mark.parametrize(
    "text",
    [
        "Sweden is considering training Ukrainian tank crews, but no decision has been taken yet.",
        "Швеция рассматривает обучение украинских танковых экипажей, однако решение пока не принято.",
        "Швеція розглядає навчання українських танкових екіпажів, проте рішення поки не ухвалено.",
    ],
)
def test_a_decision_not_taken_is_no_approval(text: str) -> None:
    assert _pairs(text) == {("SE", "training"): "proposed"}


# --- metonymy: capitals and seats of government act for their country ------------------------------------

METONYMY = [
    ("Downing Street said Britain will send air defence missiles.", "GB"),
    ("Даунинг-стрит пообещала передать Украине зенитные ракеты.", "GB"),
    ("Даунінг-стріт пообіцяла передати Україні зенітні ракети.", "GB"),
    ("The Elysee said it would send instructors to train Ukrainian troops.", "FR"),
    ("Елисейский дворец объявил, что Франция обучит украинских военных.", "FR"),
    ("Єлисейський палац оголосив, що Франція навчить українських військових.", "FR"),
    ("Washington will keep sharing intelligence with Kyiv.", "US"),
    ("Вашингтон продолжит делиться разведданными с Киевом.", "US"),
    ("Вашингтон продовжить ділитися розвідданими з Києвом.", "US"),
    ("Berlin pledged another two IRIS-T air defence systems.", "DE"),
    ("Берлин пообещал еще две системы ПВО IRIS-T.", "DE"),
    ("Берлін пообіцяв ще дві системи ППО IRIS-T.", "DE"),
    ("The White House said it would provide intelligence to the force.", "US"),
    ("Белый дом заявил, что предоставит силам разведданные.", "US"),
    ("Білий дім заявив, що надасть силам розвідувальні дані.", "US"),
]


@pytest.mark.parametrize(("text", "actor"), METONYMY)
def test_capital_or_seat_is_the_actor(text: str, actor: str) -> None:
    assert {a for a, _ in _pairs(text)} == {actor}


@pytest.mark.parametrize(
    "text",
    [
        "In Tokyo, officials said Japan will not hand over lethal weapons.",
        "В Токио заявили, что не будут передавать Украине летальное оружие.",
        "У Токіо наголосили, що не передаватимуть Україні летальної зброї.",
    ],
)
def test_a_government_speaking_through_its_capital(text: str) -> None:
    assert _pairs(text) == {("JP", "military_aid"): "withdrawn"}


# --- case forms: a member in any case is the same actor ---------------------------------------------------

CASE_FORMS = [
    ("Україна підписала з Фінляндією угоду про виробництво далекобійних дронів, яке фінансуватиме Гельсінкі.",
     "FI"),
    ("Украина подписала с Финляндией соглашение о производстве дальнобойных дронов за счет Хельсинки.", "FI"),
    ("Правительство Норвегии выделит средства на закупку боеприпасов для Украины.", "NO"),
    ("Уряд Норвегії виділить кошти на закупівлю боєприпасів для України.", "NO"),
    ("Nordic funding: Norway's government will pay for ammunition for Ukraine.", "NO"),
    ("Ирландией принято решение о выделении Украине финансовой помощи.", "IE"),
]


@pytest.mark.parametrize(("text", "actor"), CASE_FORMS)
def test_case_forms_are_one_actor(text: str, actor: str) -> None:
    assert {a for a, _ in _pairs(text)} == {actor}


# --- groups, frozen assets, hardware by context ------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Ministers of the Baltic countries agreed to buy interceptors for Ukraine. "
        "The group — Estonia, Latvia and Lithuania — will share the cost.",
        "Министры стран Балтии договорились закупить для Украины ракеты-перехватчики. "
        "В группу входят Эстония, Латвия и Литва.",
        "Міністри країн Балтії домовилися закупити для України ракети-перехоплювачі. "
        "До групи входять Естонія, Латвія та Литва.",
    ],
)
def test_a_group_is_the_members_it_lists(text: str) -> None:
    assert {a for a, t in _pairs(text) if t == "air_defence"} == {"EE", "LV", "LT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark handed over its last F-16 fighter jets to Ukraine.", {("DK", "military_aid"): "delivered"}),
        ("France will send Rafale jets to the NATO air-policing mission over Poland.",
         {("FR", "air_defence"): "pledged"}),
        ("Данія передала Україні останні винищувачі F-16.", {("DK", "military_aid"): "delivered"}),
        ("Швеция передаст Украине беспилотники.", {("SE", "military_aid"): "pledged"}),
        ("США будут предоставлять данные с беспилотников.", {("US", "intelligence"): "pledged"}),
        ("Литва відремонтувала сто українських танків.", {("LT", "logistics"): "delivered"}),
    ],
)
def test_aircraft_drones_and_repairs_by_context(text: str, expected: dict[tuple[str, str], str]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Part of the production was paid for with income from frozen Russian assets, Denmark said.",
        "Часть производства Дания оплатила доходами от замороженных российских активов.",
        "Частину виробництва Данія оплатила з доходів від заморожених російських активів.",
    ],
)
def test_income_from_frozen_assets_is_no_sanction(text: str) -> None:
    assert ("DK", "sanctions") not in _pairs(text)


# --- actors that are not: venues, counterparts, media, positions -----------------------------------------

@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Canada has trained 40,000 Ukrainian troops in Britain and Poland.", {"CA"}),
        ("Канада обучила 40 тысяч украинских военных в Великобритании и Польше.", {"CA"}),
        ("NATO will coordinate arms transport through a hub in eastern Poland.", {"NATO"}),
        ("НАТО координуватиме транспортування через логістичний центр на сході Польщі.", {"NATO"}),
        ("Стубб, который поддерживает контакты с американским президентом, пообещал посредничество Финляндии.",
         {"FI"}),
        ("Від кредиту довелося відмовитися через позицію Бельгії, повідомив Єврокомісар.", set()),
        ("Лидеры пообещают сохранить санкции, говорится в проекте, с которым ознакомилось японское агентство "
         "Kyodo.", set()),
    ],
)
def test_mentions_that_are_not_actors(text: str, actors: set[str]) -> None:
    assert {a for a, _ in _pairs(text)} == actors


# --- references, money, later clauses, conditions ---------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Britain joined the new price cap on Russian oil. Canada and New Zealand are considering a similar step.",
        "Великобритания присоединилась к новому потолку цен на российскую нефть. Канада и Новая Зеландия "
        "рассматривают аналогичный шаг.",
        "Велика Британія приєдналася до нової стелі цін на російську нафту. Канада та Нова Зеландія розглядають "
        "аналогічний крок.",
    ],
)
def test_a_similar_step_takes_the_type_before(text: str) -> None:
    assert _pairs(text) == {("GB", "sanctions"): "approved", ("CA", "sanctions"): "proposed",
                            ("NZ", "sanctions"): "proposed"}


@pytest.mark.parametrize(
    "text",
    [
        "Portugal ratified the security agreement with Ukraine. The Netherlands did so earlier.",
        "Португалия ратифицировала соглашение о безопасности с Украиной. Ранее это сделали Нидерланды.",
        "Португалія ратифікувала угоду про безпекову співпрацю з Україною. Раніше це зробили Нідерланди.",
    ],
)
def test_did_so_takes_the_type_and_status_before(text: str) -> None:
    assert _pairs(text) == {("PT", "legal_guarantee"): "approved", ("NL", "legal_guarantee"): "approved"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway transferred 250 million dollars to Ukraine.", {("NO", "financial_aid"): "delivered"}),
        ("Норвегия перечислила Украине 250 млн долларов.", {("NO", "financial_aid"): "delivered"}),
        ("Норвегія перерахувала Україні 250 мільйонів доларів.", {("NO", "financial_aid"): "delivered"}),
        ("Czechia buys shells for Ukraine. Denmark pledged 100 million euros for the purchases.",
         {("DK", "military_aid"): "pledged"}),
    ],
)
def test_money_without_a_purpose_is_financial_aid(text: str, expected: dict[tuple[str, str], str]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sweden and Finland are ready to send jets to an air-policing mission, which the coalition of the willing "
        "is discussing.",
        "Швеция и Финляндия готовы выделить истребители для миссии по патрулированию неба, которую коалиция "
        "желающих обсуждает.",
        "Швеція та Фінляндія готові виділити винищувачі для місії з патрулювання неба, яку коаліція охочих "
        "обговорює.",
    ],
)
def test_an_actor_in_a_later_clause_takes_its_status(text: str) -> None:
    assert _pairs(text) == {("SE", "air_defence"): "pledged", ("FI", "air_defence"): "pledged",
                            ("COALITION", "air_defence"): "proposed"}


@pytest.mark.parametrize(
    "text",
    [
        "Ireland could send observers to monitor the ceasefire if the UN provided a mandate.",
        "Ирландия могла бы направить наблюдателей для мониторинга перемирия, если ООН даст мандат.",
        "Ірландія могла б направити спостерігачів для моніторингу перемир'я, якщо ООН надасть мандат.",
    ],
)
def test_a_condition_names_no_actor(text: str) -> None:
    assert _pairs(text) == {("IE", "ceasefire_monitoring"): "proposed"}


@pytest.mark.parametrize(
    "text",
    [
        "Poland and Germany have opened a repair hub for Ukrainian Leopard tanks and infantry fighting vehicles.",
        "Польша и Германия открыли центр ремонта украинских танков Leopard и боевых машин пехоты.",
        "Польща та Німеччина відкрили центр ремонту українських танків Leopard і бойових машин піхоти.",
    ],
)
def test_repairing_weapons_is_logistics(text: str) -> None:
    assert _pairs(text) == {("PL", "logistics"): "delivered", ("DE", "logistics"): "delivered"}


@pytest.mark.parametrize(
    "text",
    [
        "Coalition of the Willing planners handed ministers a paper with three options for ceasefire monitoring.",
        "Планировщики коалиции желающих передали министрам документ с тремя вариантами мониторинга перемирия.",
        "Планувальники коаліції охочих передали міністрам документ із трьома варіантами моніторингу перемир'я.",
    ],
)
def test_a_paper_handed_over_is_no_delivery(text: str) -> None:
    assert _pairs(text) == {("COALITION", "ceasefire_monitoring"): "proposed"}

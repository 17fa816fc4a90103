"""Hand-written sentences (ru, uk, en) for the commitment rules: actors, documents, drafts, clauses, status."""

from __future__ import annotations

import pytest

from apps.extraction import extract


def _pairs(text: str) -> dict[tuple[str, str], str]:
    doc = extract(f"date 2026-03-02 {text}".encode(), filename="t.txt")
    assert doc.ok, doc.error
    return {(c.actor, c.type): c.status for c in doc.commitments}


def _actors(text: str) -> set[str]:
    return {actor for actor, _ in _pairs(text)}


# A sentence without an actor does not inherit the previous sentence's actors unless it refers back.
@pytest.mark.parametrize(
    "text",
    [
        "Poland will send troops to Ukraine after a ceasefire. Air defence remains the most urgent need.",
        "Польша направит войска на Украину после прекращения огня. ПВО остается главной потребностью.",
        "Польща направить війська в Україну після припинення вогню. ППО залишається головною потребою.",
    ],
)
def test_no_inheritance_without_reference(text: str) -> None:
    assert _pairs(text) == {("PL", "multinational_force"): "pledged"}


@pytest.mark.parametrize(
    "text",
    [
        "Poland will send troops to Ukraine. It will also send air defence systems.",
        "Польша направит войска на Украину. Она также направит системы ПВО.",
        "Польща направить війська в Україну. Вона також передасть системи ППО.",
    ],
)
def test_inheritance_with_reference(text: str) -> None:
    assert ("PL", "air_defence") in _pairs(text)


# "By his account" refers back to the speaker just named, and so to his country.
@pytest.mark.parametrize(
    "text",
    [
        "Boris Pistorius said Berlin would send four more IRIS-T systems. According to him, one IRIS-T system "
        "was already handed over to Ukraine last month.",
        "Борис Писториус сообщил, что Берлин передаст еще четыре системы IRIS-T. По его словам, одна система "
        "IRIS-T уже была передана Украине в прошлом месяце.",
        "Борис Пісторіус повідомив, що Берлін передасть ще чотири системи IRIS-T. За його словами, одну систему "
        "IRIS-T уже передано Україні минулого місяця.",
    ],
)
def test_speakers_account_refers_back(text: str) -> None:
    assert _pairs(text) == {("DE", "air_defence"): "delivered"}


# A country named as a venue or as a product's origin is not an actor.
@pytest.mark.parametrize(
    "text",
    [
        "The United States resumed intelligence sharing after talks in Saudi Arabia.",
        "США возобновили обмен разведывательными данными после переговоров в Саудовской Аравии.",
        "США відновили обмін розвідувальними даними після переговорів у Саудівській Аравії.",
    ],
)
def test_venue_is_not_an_actor(text: str) -> None:
    assert _pairs(text) == {("US", "intelligence"): "delivered"}


@pytest.mark.parametrize(
    "text",
    [
        "Norway will fund German-made air defence systems for Ukraine.",
        "Норвегия профинансирует закупку систем ПВО немецкого производства для Украины.",
        "Норвегія профінансує закупівлю систем ППО німецького виробництва для України.",
    ],
)
def test_product_origin_is_not_an_actor(text: str) -> None:
    assert _actors(text) == {"NO"}


# A speaker who says what others will do is not an actor.
@pytest.mark.parametrize(
    "text",
    [
        "According to Macron, the United States could lead the monitoring of the ceasefire.",
        "По словам Макрона, мониторинг прекращения огня могли бы возглавить США.",
        "За словами Макрона, моніторинг припинення вогню можуть очолити США.",
    ],
)
def test_speaker_is_not_the_actor(text: str) -> None:
    assert _pairs(text) == {("US", "ceasefire_monitoring"): "proposed"}


@pytest.mark.parametrize(
    "text",
    [
        "Starmer said the Coalition of the Willing was ready to deploy troops after a ceasefire.",
        "Стармер заявил, что «коалиция желающих» готова развернуть войска после прекращения огня.",
        "Стармер заявив, що «коаліція охочих» готова розгорнути війська після припинення вогню.",
    ],
)
def test_leader_speaking_for_the_coalition(text: str) -> None:
    assert _pairs(text) == {("COALITION", "multinational_force"): "pledged"}


# An adopted document's points belong to its issuer and are approved.
@pytest.mark.parametrize(
    "text",
    [
        "Leaders of the Coalition of the Willing adopted a declaration on security guarantees for Ukraine. "
        "The declaration provides for a ceasefire monitoring mechanism.",
        "Лидеры «коалиции желающих» приняли декларацию о гарантиях безопасности для Украины. "
        "Документ предусматривает создание механизма мониторинга прекращения огня.",
        "Лідери «коаліції охочих» ухвалили декларацію про гарантії безпеки для України. "
        "Документ передбачає створення механізму моніторингу припинення вогню.",
    ],
)
def test_adopted_document_points_belong_to_issuer(text: str) -> None:
    assert _pairs(text) == {("COALITION", "ceasefire_monitoring"): "approved"}


# A draft's points stay proposed in the next sentence even when it does not name the draft.
@pytest.mark.parametrize(
    "text",
    [
        "A draft statement of the Coalition of the Willing was circulated on Monday. "
        "According to the draft, the United States will lead a ceasefire monitoring mechanism. "
        "The United States will also provide satellite intelligence.",
        "Подготовлен проект заявления «коалиции желающих». "
        "Согласно проекту, США возглавят механизм мониторинга прекращения огня. "
        "США также предоставят спутниковую разведку.",
        "Підготовлено проєкт заяви «коаліції охочих». "
        "Згідно з проєктом, США очолять механізм моніторингу припинення вогню. "
        "США також нададуть супутникову розвідку.",
    ],
)
def test_draft_points_run_on(text: str) -> None:
    pairs = _pairs(text)
    assert pairs[("US", "ceasefire_monitoring")] == "proposed"
    assert pairs[("US", "intelligence")] == "proposed"


# Each side of a contrast keeps its own status.
@pytest.mark.parametrize(
    "text",
    [
        "Poland will not send troops to Ukraine, but will take on logistics for the mission.",
        "Польша не будет направлять войска на Украину, однако возьмет на себя логистику миссии.",
        "Польща не направлятиме війська в Україну, але забезпечить логістику місії.",
    ],
)
def test_contrast_clauses_keep_their_status(text: str) -> None:
    assert _pairs(text) == {("PL", "multinational_force"): "withdrawn", ("PL", "logistics"): "pledged"}


# A later withdrawal cancels an earlier pledge.
@pytest.mark.parametrize(
    "text",
    [
        "Italy is ready to send troops to Ukraine. Later Italy ruled out sending troops.",
        "Италия готова направить войска на Украину. Позже Италия исключила отправку войск.",
        "Італія готова направити війська в Україну. Згодом Італія відмовилася від відправлення військ.",
    ],
)
def test_withdrawal_cancels_pledge(text: str) -> None:
    assert _pairs(text) == {("IT", "multinational_force"): "withdrawn"}


# A new subject after a contrast gets its own commitments.
@pytest.mark.parametrize(
    "text",
    [
        "Spain will host training of Ukrainian pilots, while Portugal will hand over armoured vehicles.",
        "Испания проведет обучение украинских летчиков, а Португалия передаст Украине бронетехнику.",
        "Іспанія проведе навчання українських льотчиків, а Португалія передасть Україні бронетехніку.",
    ],
)
def test_each_subject_its_own_commitment(text: str) -> None:
    pairs = _pairs(text)
    assert set(pairs) == {("ES", "training"), ("PT", "military_aid")}


# Frozen assets that fund a loan are not a sanction.
@pytest.mark.parametrize(
    "text",
    [
        "Britain signed a loan agreement with Ukraine to be repaid from income from frozen Russian assets.",
        "Великобритания подписала кредитное соглашение, которое будет погашаться за счет доходов от "
        "замороженных российских активов.",
        "Велика Британія підписала кредитну угоду, яку погашатимуть за рахунок доходів від заморожених "
        "російських активів.",
    ],
)
def test_asset_backed_loan_is_not_a_sanction(text: str) -> None:
    assert _pairs(text) == {("GB", "financial_aid"): "approved"}


@pytest.mark.parametrize(
    "text",
    [
        "The European Union will keep Russian central bank assets frozen.",
        "Евросоюз продлил заморозку активов российского центробанка.",
        "Євросоюз продовжить заморожування активів російського центробанку.",
    ],
)
def test_freezing_assets_is_a_sanction(text: str) -> None:
    assert ("EU", "sanctions") in _pairs(text)


# Ukrainian troops being trained are no multinational force.
@pytest.mark.parametrize(
    "text",
    [
        "The European Union has trained 80,000 Ukrainian troops.",
        "Евросоюз завершил подготовку украинских войск.",
        "Євросоюз завершив підготовку українських військ.",
    ],
)
def test_ukrainian_troops_are_not_a_force(text: str) -> None:
    assert _pairs(text) == {("EU", "training"): "delivered"}


# A member named only to qualify something else ("NATO countries", "the Paris Declaration") is not an actor.
@pytest.mark.parametrize(
    "text",
    [
        "Italy will push for legally binding guarantees modelled on Article 5 of the NATO charter.",
        "Италия будет добиваться юридически обязывающих гарантий по образцу статьи 5 Устава НАТО.",
        "Італія домагатиметься юридично обов'язкових гарантій за зразком статті 5 Статуту НАТО.",
    ],
)
def test_qualifying_member_is_not_an_actor(text: str) -> None:
    assert _actors(text) == {"IT"}


# "Also" refers back to the last actor of a commitment, not to someone who only made a demand.
@pytest.mark.parametrize(
    "text",
    [
        "Sweden will send air defence systems to Ukraine. Finland demanded guarantees. "
        "Leaders also agreed to keep sanctions on Russia.",
        "Швеция направит Украине системы ПВО. Финляндия потребовала гарантий. "
        "Лидеры также договорились сохранить санкции против России.",
        "Швеція передасть Україні системи ППО. Фінляндія закликала до гарантій. "
        "Лідери також домовилися зберегти санкції проти Росії.",
    ],
)
def test_demand_is_not_referred_back_to(text: str) -> None:
    assert _pairs(text) == {("SE", "air_defence"): "pledged", ("SE", "sanctions"): "pledged"}


# A proposal the actors failed to agree on stays proposed.
@pytest.mark.parametrize(
    "text",
    [
        "EU leaders failed to agree on a reparations loan for Ukraine.",
        "Лидеры ЕС не смогли договориться о репарационном кредите для Украины.",
        "Лідери ЄС не змогли домовитися про репараційний кредит для України.",
    ],
)
def test_failed_agreement_is_proposed(text: str) -> None:
    assert _pairs(text) == {("EU", "financial_aid"): "proposed"}


# An adopted budget or programme is an adopted text: the money it sets aside is approved for its issuer.
@pytest.mark.parametrize(
    "text",
    [
        "The Norwegian government approved its Ukraine support programme for 2026. "
        "Most of the funds will go to weapons and ammunition for the Ukrainian army.",
        "Правительство Норвегии утвердило программу поддержки Украины на 2026 год. "
        "Большая часть средств пойдет на закупку оружия и боеприпасов для украинской армии.",
        "Уряд Норвегії затвердив програму підтримки України на 2026 рік. "
        "Більша частина коштів піде на закупівлю озброєння і боєприпасів для української армії.",
    ],
)
def test_adopted_programme_money_is_approved(text: str) -> None:
    assert _pairs(text) == {("NO", "military_aid"): "approved"}


# A PURL package with no contents named buys American weapons: military aid; named interceptors make it air defence.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Netherlands will fund a new PURL package.", {("NL", "military_aid"): "pledged"}),
        ("Нидерланды профинансируют новый пакет PURL.", {("NL", "military_aid"): "pledged"}),
        ("Нідерланди профінансують новий пакет у межах PURL.", {("NL", "military_aid"): "pledged"}),
        ("Norway has paid $300 million into PURL.", {("NO", "military_aid"): "delivered"}),
        ("Norway has paid $300 million into PURL to buy Patriot interceptors.", {("NO", "air_defence"): "delivered"}),
    ],
)
def test_purl_package_is_military_aid(text: str, expected: dict[tuple[str, str], str]) -> None:
    assert _pairs(text) == expected


# A quotation's own verb gives the status; the words naming who spoke it ("— заявил министр") give none.
@pytest.mark.parametrize(
    "text",
    [
        '"We have already handed over 20 aid packages," said Estonia\'s defence minister Hanno Pevkur.',
        "«Мы уже передали Украине 20 пакетов помощи», — заявил министр обороны Эстонии Ханно Певкур.",
        "«Ми вже передали Україні 20 пакетів допомоги», — заявив міністр оборони Естонії Ганно Певкур.",
    ],
)
def test_speech_tag_gives_no_status(text: str) -> None:
    assert _pairs(text) == {("EE", "military_aid"): "delivered"}


# A parliament's vote for a text adopts it; a vote to come pledges; a vote against decides nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Danish parliament voted for sending troops to Ukraine.", {("DK", "multinational_force"): "approved"}),
        ("Литовский Сейм проголосовал за ратификацию соглашения.", {("LT", "legal_guarantee"): "approved"}),
        ("Сейм Литви проголосував за ратифікацію угоди.", {("LT", "legal_guarantee"): "approved"}),
        ("Сейм Литвы проголосует за ратификацию соглашения.", {("LT", "legal_guarantee"): "pledged"}),
        ("Hungary voted against the new sanctions package.", {}),
    ],
)
def test_votes(text: str, expected: dict[tuple[str, str], str]) -> None:
    assert _pairs(text) == expected


# A defence package and a package of aid ("пакет помощи", "пакет допомоги") are military aid.
@pytest.mark.parametrize(
    "text",
    [
        "Finland's president approved the 30th defence package.",
        "Президент Финляндии утвердил 30-й пакет помощи.",
        "Президент Фінляндії затвердив 30-й пакет допомоги.",
    ],
)
def test_aid_package_is_military_aid(text: str) -> None:
    assert _pairs(text) == {("FI", "military_aid"): "approved"}


# A sentence listing countries with their contributions gives each its own; coordinated actors share one.
@pytest.mark.parametrize(
    "text",
    [
        "Britain and France will send troops, Estonia intelligence officers.",
        "Великобритания и Франция направят войска, Эстония — офицеров разведки.",
        "Велика Британія та Франція направлять війська, Естонія — офіцерів розвідки.",
    ],
)
def test_each_listed_country_its_own_contribution(text: str) -> None:
    assert _pairs(text) == {("GB", "multinational_force"): "pledged", ("FR", "multinational_force"): "pledged",
                            ("EE", "intelligence"): "pledged"}


# Minesweepers handed to Ukraine's navy are military aid.
@pytest.mark.parametrize(
    "text",
    [
        "Britain has handed two Sandown-class minesweepers to the Ukrainian navy.",
        "Великобритания передала ВМС Украины два тральщика класса Sandown.",
        "Велика Британія передала ВМС України два тральщики класу Sandown.",
    ],
)
def test_minesweepers_handed_over_are_military_aid(text: str) -> None:
    assert _pairs(text) == {("GB", "military_aid"): "delivered"}


# A clause naming the thing without an actor of its own tells of the actor of the relative clause after it.
@pytest.mark.parametrize(
    "text",
    [
        "The first two of the four IRIS-T systems, which Germany promised in June, have arrived in Ukraine.",
        "На Украину прибыли первые два из четырех комплексов IRIS-T SLM, которые Германия обещала в июне.",
        "В Україну прибули перші два з чотирьох комплексів IRIS-T SLM, які Німеччина обіцяла в червні.",
    ],
)
def test_passive_main_clause_tells_of_the_relative_clauses_actor(text: str) -> None:
    assert _pairs(text) == {("DE", "air_defence"): "delivered"}


# The coalition as the planner or owner of the force a sentence speaks of is no actor of it.
@pytest.mark.parametrize(
    "text",
    [
        "The Multinational Force Ukraine is being planned by the Coalition of the Willing, led by the UK and France.",
        "Britain will lead the Coalition of the Willing's multinational force, and France will send troops.",
    ],
)
def test_coalition_as_planner_is_no_actor(text: str) -> None:
    assert {actor for actor, _ in _pairs(text)} == {"GB", "FR"}


# Sanctions imposed are approved (spec §8): a sanction is adopted, never "delivered".
@pytest.mark.parametrize(
    "text",
    [
        "Canada has sanctioned 40 more vessels of Russia's shadow fleet.",
        "Канада ввела санкции против еще 40 судов теневого флота России.",
        "Канада запровадила санкції проти ще 40 суден тіньового флоту Росії.",
        "Japan has imposed new sanctions on Russian banks.",
    ],
)
def test_sanctions_imposed_are_approved(text: str) -> None:
    assert _pairs(text) == {("CA" if "Canada" in text or "Канада" in text else "JP", "sanctions"): "approved"}


# A text adopted or ratified speaks through "according to the text" / "it says", also when the sentence
# adopting it names no one and the next names its issuer (spec §8: adopted texts are approved for their contents).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сенат Чехии ратифицировал соглашение о безопасности с Украиной. Согласно тексту, Чехия обязуется продолжать "
         "подготовку украинских военнослужащих.",
         {("CZ", "legal_guarantee"): "approved", ("CZ", "training"): "approved"}),
        ("Парламент Португалії ратифікував угоду з Україною. Відповідно до тексту, Португалія навчатиме "
         "українських моряків.", {("PT", "legal_guarantee"): "approved", ("PT", "training"): "approved"}),
        ("The Dutch parliament ratified the agreement. According to the text, the Netherlands will train Ukrainian "
         "pilots.", {("NL", "legal_guarantee"): "approved", ("NL", "training"): "approved"}),
        ("Лидеры приняли совместное заявление. В нем говорится, что участники коалиции обеспечат Украине "
         "долгосрочную военную поддержку.", {("COALITION", "military_aid"): "approved"}),
        ("Лідери ухвалили спільну заяву. У ній йдеться, що учасники коаліції надаватимуть Україні військову "
         "допомогу.", {("COALITION", "military_aid"): "approved"}),
        ("Leaders adopted a joint statement. It says the coalition will provide long-term military support.",
         {("COALITION", "military_aid"): "approved"}),
    ],
)
def test_adopted_text_speaks_through_its_contents(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# A clause that names no type: the actor's own clause says what it does ("Lithuania approved its portion; Latvia
# and Estonia are expected to follow" → LV, EE not approved).
def test_actor_clause_speaks_when_no_clause_names_the_type() -> None:
    pairs = _pairs("Lithuania approved its 30 million euro portion last week; Latvia and Estonia are expected to "
                   "follow by the end of March.")
    assert pairs[("LT", "financial_aid")] == "approved"
    assert pairs[("LV", "financial_aid")] != "approved" and pairs[("EE", "financial_aid")] != "approved"
    ru = _pairs("Литва уже утвердила свою долю в 30 млн евро; Латвия и Эстония намерены выделить свои доли "
                "до конца марта.")
    assert (ru[("LT", "financial_aid")], ru[("LV", "financial_aid")]) == ("approved", "pledged")
    uk = _pairs("Литва вже затвердила свою частку в 30 млн євро; Латвія та Естонія мають намір виділити свої частки "
                "до кінця березня.")
    assert (uk[("LT", "financial_aid")], uk[("LV", "financial_aid")]) == ("approved", "pledged")


# A statement's text speaks as "we": for the leaders who issued or adopted it (spec §8: issued → pledged,
# adopted → approved), not inside a quotation or someone's reported words.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The following statement was issued by the leaders of the Coalition of the Willing.\n\nBegins:\n\n"
         "1. We reaffirm our support. We will provide Ukraine with long-term military support.",
         {("COALITION", "military_aid"): "pledged"}),
        ("Лидеры Франции, Германии и Польши приняли совместное заявление.\n\n"
         "Мы будем и дальше поставлять Украине системы ПВО.",
         {("DE", "air_defence"): "approved", ("FR", "air_defence"): "approved", ("PL", "air_defence"): "approved"}),
        ("Лідери Франції, Німеччини та Польщі ухвалили спільну заяву.\n\n"
         "Ми й надалі постачатимемо Україні системи ППО.",
         {("DE", "air_defence"): "approved", ("FR", "air_defence"): "approved", ("PL", "air_defence"): "approved"}),
        ("NATO leaders adopted the summit declaration. Asked about Patriot systems, Trump says: \"We will send "
         "more air defence.\"", {}),
    ],
)
def test_a_statement_speaks_as_we(text: str, expected: dict) -> None:
    assert {k: v for k, v in _pairs(text).items() if k[0] != "US"} == expected


# Joining the scheme the sentence before describes, or refusing a part in it, is a step of that commitment.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Дания профинансировала производство артиллерии для ВСУ на 1,3 млрд евро. К этой модели уже "
         "присоединились Швеция и Норвегия, а Финляндия, по словам министра, изучает возможность.",
         {("DK", "military_aid"): "delivered", ("SE", "military_aid"): "approved",
          ("NO", "military_aid"): "approved", ("FI", "military_aid"): "proposed"}),
        ("Данія профінансувала виробництво артилерії для ЗСУ на 1,3 млрд євро. До моделі вже приєдналися "
         "Швеція та Норвегія, а Фінляндія, за словами міністра, вивчає можливість.",
         {("DK", "military_aid"): "delivered", ("SE", "military_aid"): "approved",
          ("NO", "military_aid"): "approved", ("FI", "military_aid"): "proposed"}),
        ("EU leaders agreed a loan of 90 billion euros to Ukraine. Hungary and Slovakia refused to take part in it.",
         {("EU", "financial_aid"): "pledged", ("HU", "financial_aid"): "withdrawn",
          ("SK", "financial_aid"): "withdrawn"}),
        ("Лідери ЄС домовилися про кредит Україні на 90 млрд євро. Угорщина і Словаччина відмовилися брати участь "
         "у його забезпеченні.", {("EU", "financial_aid"): "pledged", ("HU", "financial_aid"): "withdrawn",
                                 ("SK", "financial_aid"): "withdrawn"}),
    ],
)
def test_joining_or_refusing_the_scheme_just_described(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# Repair paid for is logistics, whatever is repaired; exchanges of prisoners and talks hosted are diplomatic.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark and Norway have jointly funded the repair of 60 damaged Leopard tanks at a plant in Poland.",
         {("DK", "logistics"): "delivered", ("NO", "logistics"): "delivered"}),
        ("Дания и Норвегия профинансировали ремонт 60 поврежденных танков Leopard на заводе в Польше.",
         {("DK", "logistics"): "delivered", ("NO", "logistics"): "delivered"}),
        ("Данія та Норвегія профінансували ремонт 60 пошкоджених танків Leopard на заводі в Польщі.",
         {("DK", "logistics"): "delivered", ("NO", "logistics"): "delivered"}),
        ("Turkey is offering to host a new round of Russia-Ukraine prisoner-exchange talks in Istanbul.",
         {("TR", "diplomatic"): "pledged"}),
        ("У Стамбулі завершився раунд переговорів делегацій України та Росії щодо обміну полоненими, який прийняла "
         "Туреччина.", {("TR", "diplomatic"): "delivered"}),
        ("В Стамбуле завершился раунд переговоров делегаций Украины и России об обмене пленными, который принимала "
         "Турция.", {("TR", "diplomatic"): "delivered"}),
    ],
)
def test_repair_is_logistics_and_exchanges_are_diplomatic(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# "Similar documents" ratified are the same kind of agreement; funding with no sum is money for what was just
# described.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Чехия ратифицировала соглашение о безопасности с Украиной. Ранее аналогичные документы ратифицировали "
         "парламенты Дании и Нидерландов.", {("CZ", "legal_guarantee"): "approved",
                                             ("DK", "legal_guarantee"): "approved",
                                             ("NL", "legal_guarantee"): "approved"}),
        ("Чехія ратифікувала угоду про безпеку з Україною. Раніше аналогічні документи ратифікували парламенти Данії "
         "та Нідерландів.", {("CZ", "legal_guarantee"): "approved", ("DK", "legal_guarantee"): "approved",
                             ("NL", "legal_guarantee"): "approved"}),
        ("The Czech Republic ratified its security agreement with Ukraine. Denmark and the Netherlands ratified "
         "similar agreements earlier.", {("CZ", "legal_guarantee"): "approved", ("DK", "legal_guarantee"): "approved",
                                         ("NL", "legal_guarantee"): "approved"}),
        ("Чешская инициатива продолжит закупать снаряды для Украины. Ее финансирование уже подтвердили Дания и "
         "Норвегия.", {("CZ", "military_aid"): "pledged", ("DK", "military_aid"): "pledged",
                       ("NO", "military_aid"): "pledged"}),
    ],
)
def test_similar_documents_and_funding_refer_back(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# Whose sanctions another member joins is no actor; nor is a fund that passes aid on.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Норвегия присоединилась к 20-му пакету антироссийских санкций ЕС.", {("NO", "sanctions"): "approved"}),
        ("Португалія приєдналася до 20-го пакета санкцій ЄС.", {("PT", "sanctions"): "approved"}),
        ("Switzerland has adopted all 20 EU sanctions packages against Moscow.", {("CH", "sanctions"): "approved"}),
        ("The EU adopted its 20th sanctions package.", {("EU", "sanctions"): "approved"}),
        ("Санкції ЄС знімає ЄС, а не Вашингтон.", {("EU", "sanctions"): "pledged"}),
    ],
)
def test_sanctions_owner_is_no_actor(text: str, expected: dict) -> None:
    assert {k: v for k, v in _pairs(text).items() if k[0] != "US"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Японія передала Україні через фонд НАТО партію бронежилетів і касок.",
        "Япония передала Украине через фонд НАТО партию бронежилетов и касок.",
        "Japan handed Ukraine a batch of body armour and helmets through a NATO trust fund.",
    ],
)
def test_a_fund_is_a_channel_not_a_giver(text: str) -> None:
    assert _actors(text) == {"JP"}


# A sub-heading names a theme, not a deed.
@pytest.mark.parametrize(
    "text",
    [
        "Франция и Италия: патрули и воздушная разведка\n\nЧерное море остается главной темой переговоров.",
        "Франція та Італія: патрулі й повітряна розвідка\n\nЧорне море залишається головною темою переговорів.",
        "France and Italy: patrols and air reconnaissance\n\nThe Black Sea remains the main subject of the talks.",
    ],
)
def test_a_sub_heading_is_no_commitment(text: str) -> None:
    assert _pairs(text) == {}


# A capability coalition of the Ramstein group is not the coalition of the willing.
@pytest.mark.parametrize(
    "text",
    [
        "Latvia leads, together with Britain, the so-called drone coalition, which has delivered tens of thousands "
        "of drones to Ukraine since 2024.",
        "Латвия вместе с Британией возглавляет так называемую коалицию дронов, которая передала Украине десятки "
        "тысяч дронов.",
        "Латвія разом із Британією очолює так звану коаліцію дронів, яка передала Україні десятки тисяч дронів.",
    ],
)
def test_a_capability_coalition_is_not_the_coalition(text: str) -> None:
    assert _actors(text) == {"GB", "LV"}


# What a text does not oblige is no commitment.
@pytest.mark.parametrize(
    "text",
    [
        "Сенат ратифицировал соглашение о безопасности. Правительство подчеркнуло, что документ не обязывает Прагу "
        "направлять войска на Украину.",
        "Сенат ратифікував угоду про безпеку. Уряд наголосив, що документ не зобов'язує Прагу направляти війська в "
        "Україну.",
        "The Senate ratified the security agreement. The government stressed that the document does not oblige "
        "Prague to send troops to Ukraine.",
    ],
)
def test_what_a_text_does_not_oblige_is_nothing(text: str) -> None:
    assert "multinational_force" not in {ctype for _, ctype in _pairs(text)}


# "in the United States" is a place; the parties to talks another hosts are no hosts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin has paid for two more Patriot systems that are being built by the manufacturer in the United States.",
         {("DE", "air_defence"): "delivered"}),
        ("Talks hosted by Saudi Arabia earlier this month between U.S., Russian and Ukrainian officials ended "
         "without agreement.", {("SA", "diplomatic"): "delivered"}),
        ("Саудовская Аравия в этом месяце провела переговоры между делегациями США, России и Украины.",
         {("SA", "diplomatic"): "delivered"}),
        ("Саудівська Аравія цього місяця провела переговори між делегаціями США, Росії та України.",
         {("SA", "diplomatic"): "delivered"}),
    ],
)
def test_places_and_parties_are_no_actors(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# Refusals in the shapes real reports give them: the auxiliary left after a parenthesis, an impersonal plan
# denied, boots ruled out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Направлять собственных военных на Украину США, как неоднократно повторял президент Дональд Трамп, не будут.",
         {("US", "multinational_force"): "withdrawn"}),
        ("Направляти власних військових в Україну США, як неодноразово повторював президент Дональд Трамп, "
         "не будуть.", {("US", "multinational_force"): "withdrawn"}),
        ("Канцлер Фрідріх Мерц повторив, що розміщення німецьких військових в Україні після припинення вогню "
         "не планується.", {("DE", "multinational_force"): "withdrawn"}),
        ("Канцлер Фридрих Мерц повторил, что размещение немецких военных на Украине после прекращения огня "
         "не планируется.", {("DE", "multinational_force"): "withdrawn"}),
        ('President Donald Trump has said repeatedly that "there will be no American boots on the ground."',
         {("US", "multinational_force"): "withdrawn"}),
    ],
)
def test_refusals_as_reports_word_them(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# "discussed X and agreed that Y will": what was agreed is no longer under discussion.
@pytest.mark.parametrize(
    "text",
    [
        "The leaders discussed Baltic security and agreed that the UK and Denmark will impose further sanctions.",
        "Лидеры обсудили безопасность Балтики и договорились, что Великобритания и Дания введут новые санкции.",
        "Лідери обговорили безпеку Балтики та домовилися, що Британія і Данія запровадять нові санкції.",
    ],
)
def test_discussed_and_agreed(text: str) -> None:
    assert _pairs(text) == {("GB", "sanctions"): "pledged", ("DK", "sanctions"): "pledged"}


# Troops offered by number, a country's own soldiers taking part, military missions in Ukraine: the force.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Эстония готова выделить до 150 военнослужащих.", {("EE", "multinational_force"): "pledged"}),
        ("Естонія готова виділити до 150 військовослужбовців.", {("EE", "multinational_force"): "pledged"}),
        ("Австралия не исключила участия своих военных.", {("AU", "multinational_force"): "proposed"}),
        ("Австралія не виключила участі своїх військових.", {("AU", "multinational_force"): "proposed"}),
        ("Australia has not ruled out the participation of its troops.", {("AU", "multinational_force"): "proposed"}),
        ("Japan will not send its Self-Defense Forces.", {("JP", "multinational_force"): "withdrawn"}),
    ],
)
def test_troops_in_the_words_reports_use(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# An interview's lead lists its topics as indirect questions: no commitment is told there.
@pytest.mark.parametrize(
    "text",
    [
        "В интервью министр обороны Норвегии рассказал о программе Нансена и о том, почему норвежские солдаты "
        "не поедут на Украину.",
        "Міністр оборони Британії розповів, скільки військових Лондон готовий відправити в Україну.",
        "In an interview the Lithuanian defence minister spoke about interceptor drones and whether Lithuanian "
        "soldiers will serve in a post-war force in Ukraine.",
        "The Estonian minister told Interfax-Ukraine how much Tallinn has given Ukraine this year and what "
        "Estonian soldiers would do in the multinational force.",
    ],
)
def test_an_interview_lead_lists_topics_not_commitments(text: str) -> None:
    assert _pairs(text) == {}


# A country whose territory a mission flies or works from is a place, not an actor.
@pytest.mark.parametrize(
    "text",
    [
        "Германия готова направить истребители для защиты неба над Украиной с территории Польши и Румынии.",
        "Німеччина готова направити винищувачі для захисту неба над Україною з території Польщі та Румунії.",
        "Germany is ready to send fighter jets to protect Ukraine's skies from the territory of Poland and Romania.",
    ],
)
def test_a_territory_flown_from_is_a_place(text: str) -> None:
    assert _actors(text) == {"DE"}


# What went on was done ("continued to deliver"); what will go on is promised.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("США продолжали поставлять ракеты для комплексов Patriot.", "delivered"),
        ("США продовжували постачати ракети для комплексів Patriot.", "delivered"),
        ("The United States continued to deliver Patriot interceptors.", "delivered"),
        ("США продолжат поставлять ракеты для комплексов Patriot.", "pledged"),
        ("США продовжать постачати ракети для комплексів Patriot.", "pledged"),
        ("The United States will continue to deliver Patriot interceptors.", "pledged"),
    ],
)
def test_what_went_on_was_done(text: str, expected: str) -> None:
    assert _pairs(text) == {("US", "air_defence"): expected}


# A share of the same thing done in the next clause: the promise is (partly) kept.
@pytest.mark.parametrize(
    "text",
    [
        "Германия пообещала 11,5 млрд евро военной помощи, большая часть уже выплачена.",
        "Німеччина пообіцяла 11,5 млрд євро військової допомоги, більшу частину вже виплачено.",
        "Germany promised 11.5 billion euros in military aid, and most of it has already been paid out.",
    ],
)
def test_a_share_done_in_the_next_clause(text: str) -> None:
    assert _pairs(text) == {("DE", "military_aid"): "delivered"}


# Intelligence given to a monitoring mechanism is the intelligence; observers sent to it are the monitoring.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Вашингтон подтвердил, что будет предоставлять спутниковые данные для мониторинга прекращения огня.",
         {("US", "intelligence"): "pledged"}),
        ("Вашингтон підтвердив, що надаватиме супутникові дані для моніторингу припинення вогню.",
         {("US", "intelligence"): "pledged"}),
        ("The United States will provide intelligence to the ceasefire monitoring mechanism.",
         {("US", "intelligence"): "pledged"}),
        ("Франция направит наблюдателей в миссию мониторинга и предоставит разведданные.",
         {("FR", "ceasefire_monitoring"): "pledged", ("FR", "intelligence"): "pledged"}),
    ],
)
def test_intelligence_for_monitoring(text: str, expected: dict) -> None:
    assert _pairs(text) == expected


# In an interview's answer, "we" and "our" are the country of the official whose name labels the turn.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Министр обороны Швеции Пол Юнсон ответил на вопросы.\n\nВопрос: Что с наблюдателями?\n\n"
         "Юнсон: Это решает правительство. Мы готовы направить группу наблюдателей для мониторинга перемирия.",
         {("SE", "ceasefire_monitoring"): "pledged"}),
        ("Міністр оборони Швеції Пол Юнсон відповів на запитання.\n\nПитання: Що зі спостерігачами?\n\n"
         "Юнсон: Це вирішує уряд. Ми готові направити групу спостерігачів для моніторингу перемир'я.",
         {("SE", "ceasefire_monitoring"): "pledged"}),
        ("Swedish Defence Minister Pål Jonson answered questions.\n\nQuestion: What about observers?\n\n"
         "Jonson: That is for the government. We are ready to send a team of observers to monitor the ceasefire.",
         {("SE", "ceasefire_monitoring"): "pledged"}),
        # the interviewer's turn speaks for nobody
        ("Swedish Defence Minister Pål Jonson answered questions.\n\nQuestion: Would you say we should send "
         "observers to monitor the ceasefire?", {}),
    ],
)
def test_an_interview_answer_speaks_for_its_speaker(text: str, expected: dict) -> None:
    assert _pairs(text) == expected

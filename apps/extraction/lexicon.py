"""Pure data: the members (spec §2) and people (spec §3) with their names and aliases in ru/uk/en.

Aliases are surface forms in their base form (nominative, masculine for adjectives); the gazetteer
lemmatises and inflects them, so "французский" also finds "французских". Capitalised aliases only
match capitalised words; all-capital aliases (acronyms) only match all-capital words. This module
is loaded into the database by a migration, so it stays plain tuples of frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass

BENEFICIARY = "beneficiary"
ADVERSARY = "adversary"
PARTNER = "partner"
COALITION_MEMBER = "coalition_member"
ORGANISATION = "organisation"
COALITION = "coalition"
ROLES = (BENEFICIARY, ADVERSARY, PARTNER, COALITION_MEMBER, ORGANISATION, COALITION)


@dataclass(frozen=True, slots=True)
class AliasEntry:
    text: str
    language: str


@dataclass(frozen=True, slots=True)
class MemberEntry:
    code: str
    role: str
    name_en: str
    name_ru: str
    name_uk: str
    aliases: tuple[AliasEntry, ...]


@dataclass(frozen=True, slots=True)
class PersonEntry:
    slug: str
    member_code: str
    name_en: str
    name_ru: str
    name_uk: str
    aliases: tuple[AliasEntry, ...]


def _split(language: str, spec: str) -> list[AliasEntry]:
    return [AliasEntry(part.strip(), language) for part in spec.split("|") if part.strip()]


def _member(
    code: str, role: str, names: tuple[str, str, str], en: str = "", ru: str = "", uk: str = ""
) -> MemberEntry:
    name_en, name_ru, name_uk = names
    aliases = (
        _split("en", f"{name_en}|{en}") + _split("ru", f"{name_ru}|{ru}") + _split("uk", f"{name_uk}|{uk}")
    )
    return MemberEntry(code, role, name_en, name_ru, name_uk, tuple(dict.fromkeys(aliases)))


_PARTICLES = {"von", "der", "de", "фон", "дер", "де", "van", "ван"}


def _surname(full: str) -> str:
    """The part of a full name used on its own: 'von der Leyen', 'De Wever', 'Kosiniak-Kamysz'."""
    words = full.split()
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _person(
    slug: str, member: str, names: tuple[str, str, str], en: str = "", ru: str = "", uk: str = ""
) -> PersonEntry:
    name_en, name_ru, name_uk = names
    aliases = (
        _split("en", f"{name_en}|{_surname(name_en)}|{en}")
        + _split("ru", f"{name_ru}|{_surname(name_ru)}|{ru}")
        + _split("uk", f"{name_uk}|{_surname(name_uk)}|{uk}")
    )
    return PersonEntry(slug, member, name_en, name_ru, name_uk, tuple(dict.fromkeys(aliases)))


_C = COALITION_MEMBER

MEMBERS: tuple[MemberEntry, ...] = (
    _member(
        "UA",
        BENEFICIARY,
        ("Ukraine", "Украина", "Україна"),
        en="Ukrainian|Ukrainians|Kyiv|Kiev|Bankova",
        ru="украинский|украинец|Киев|Банковая",
        uk="український|українець|Київ|Банкова",
    ),
    _member(
        "RU",
        ADVERSARY,
        ("Russia", "Россия", "Росія"),
        en="Russian|Russians|Russian Federation|Moscow|Kremlin",
        ru="российский|русский|россиянин|РФ|Российская Федерация|Москва|Кремль",
        uk="російський|росіянин|РФ|Російська Федерація|Москва|Кремль",
    ),
    _member(
        "US",
        PARTNER,
        ("United States", "США", "США"),
        en="US|U.S.|USA|U.S.A.|America|American|Americans|Washington|White House",
        ru="Соединенные Штаты|Соединённые Штаты|Соединенные Штаты Америки|Штаты|Америка|американский|"
        "американец|Вашингтон|Белый дом",
        uk="Сполучені Штати|Сполучені Штати Америки|Штати|Америка|американський|американець|Вашингтон|"
        "Білий дім",
    ),
    _member(
        "GB",
        _C,
        ("United Kingdom", "Великобритания", "Велика Британія"),
        en="UK|U.K.|Britain|Great Britain|British|Briton|Britons|England|London|Downing Street",
        ru="Британия|Соединенное Королевство|британский|британец|Англия|английский|Лондон|Даунинг-стрит",
        uk="Британія|Сполучене Королівство|британський|британець|Англія|англійський|Лондон|Даунінг-стріт",
    ),
    _member(
        "FR",
        _C,
        ("France", "Франция", "Франція"),
        en="French|Frenchman|Paris|Elysee|Élysée|Elysee Palace|Élysée Palace",
        ru="французский|француз|Париж|Елисейский дворец",
        uk="французький|француз|Париж|Єлисейський палац",
    ),
    _member(
        "DE",
        _C,
        ("Germany", "Германия", "Німеччина"),
        en="German|Germans|Berlin|Bundestag",
        ru="ФРГ|немецкий|германский|немец|Берлин|Бундестаг",
        uk="ФРН|німецький|німець|Берлін|Бундестаг",
    ),
    _member(
        "IT",
        _C,
        ("Italy", "Италия", "Італія"),
        en="Italian|Italians|Rome|Palazzo Chigi",
        ru="итальянский|итальянец|Рим",
        uk="італійський|італієць|Рим",
    ),
    _member(
        "PL",
        _C,
        ("Poland", "Польша", "Польща"),
        en="Polish|Poles|Warsaw",
        ru="польский|поляк|Варшава",
        uk="польський|поляк|Варшава",
    ),
    _member(
        "ES",
        _C,
        ("Spain", "Испания", "Іспанія"),
        en="Spanish|Spaniard|Spaniards|Madrid|Moncloa",
        ru="испанский|испанец|Мадрид",
        uk="іспанський|іспанець|Мадрид",
    ),
    _member(
        "NL",
        _C,
        ("Netherlands", "Нидерланды", "Нідерланди"),
        en="Dutch|Holland|Hague|The Hague|Amsterdam",
        ru="Голландия|нидерландский|голландский|голландец|Гаага|Амстердам",
        uk="Голландія|нідерландський|голландський|голландець|Гаага|Амстердам",
    ),
    _member(
        "BE",
        _C,
        ("Belgium", "Бельгия", "Бельгія"),
        en="Belgian|Belgians",
        ru="бельгийский|бельгиец",
        uk="бельгійський|бельгієць",
    ),
    _member(
        "DK",
        _C,
        ("Denmark", "Дания", "Данія"),
        en="Danish|Dane|Danes|Copenhagen",
        ru="датский|датчанин|Копенгаген",
        uk="данський|датський|данець|Копенгаген",
    ),
    _member(
        "SE",
        _C,
        ("Sweden", "Швеция", "Швеція"),
        en="Swedish|Swede|Swedes|Stockholm",
        ru="шведский|швед|Стокгольм",
        uk="шведський|швед|Стокгольм",
    ),
    _member(
        "NO",
        _C,
        ("Norway", "Норвегия", "Норвегія"),
        en="Norwegian|Norwegians|Oslo",
        ru="норвежский|норвежец|Осло",
        uk="норвезький|норвежець|Осло",
    ),
    _member(
        "FI",
        _C,
        ("Finland", "Финляндия", "Фінляндія"),
        en="Finnish|Finn|Finns|Helsinki",
        ru="финский|финн|финляндский|Хельсинки",
        uk="фінський|фін|фінляндський|Гельсінкі",
    ),
    _member(
        "EE",
        _C,
        ("Estonia", "Эстония", "Естонія"),
        en="Estonian|Estonians|Tallinn",
        ru="эстонский|эстонец|Таллин|Таллинн",
        uk="естонський|естонець|Таллінн",
    ),
    _member(
        "LV",
        _C,
        ("Latvia", "Латвия", "Латвія"),
        en="Latvian|Latvians|Riga",
        ru="латвийский|латыш|Рига",
        uk="латвійський|латиш|Рига",
    ),
    _member(
        "LT",
        _C,
        ("Lithuania", "Литва", "Литва"),
        en="Lithuanian|Lithuanians|Vilnius",
        ru="литовский|литовец|Вильнюс",
        uk="литовський|литовець|Вільнюс",
    ),
    _member(
        "CZ",
        _C,
        ("Czech Republic", "Чехия", "Чехія"),
        en="Czechia|Czech|Czechs|Prague",
        ru="Чешская Республика|чешский|чех|Прага",
        uk="Чеська Республіка|чеський|чех|Прага",
    ),
    _member(
        "RO",
        _C,
        ("Romania", "Румыния", "Румунія"),
        en="Romanian|Romanians|Bucharest",
        ru="румынский|румын|Бухарест",
        uk="румунський|румун|Бухарест",
    ),
    _member(
        "BG",
        _C,
        ("Bulgaria", "Болгария", "Болгарія"),
        en="Bulgarian|Bulgarians|Sofia",
        ru="болгарский|болгарин|София",
        uk="болгарський|болгарин|Софія",
    ),
    _member(
        "PT",
        _C,
        ("Portugal", "Португалия", "Португалія"),
        en="Portuguese|Lisbon",
        ru="португальский|португалец|Лиссабон",
        uk="португальський|португалець|Лісабон",
    ),
    _member(
        "IE",
        _C,
        ("Ireland", "Ирландия", "Ірландія"),
        en="Irish|Dublin",
        ru="ирландский|ирландец|Дублин",
        uk="ірландський|ірландець|Дублін",
    ),
    _member(
        "GR",
        _C,
        ("Greece", "Греция", "Греція"),
        en="Greek|Greeks|Athens",
        ru="греческий|грек|Афины",
        uk="грецький|грек|Афіни",
    ),
    _member(
        "HR",
        _C,
        ("Croatia", "Хорватия", "Хорватія"),
        en="Croatian|Croatians|Zagreb",
        ru="хорватский|хорват|Загреб",
        uk="хорватський|хорват|Загреб",
    ),
    _member(
        "SI",
        _C,
        ("Slovenia", "Словения", "Словенія"),
        en="Slovenian|Slovene|Slovenians|Ljubljana",
        ru="словенский|словенец|Любляна",
        uk="словенський|словенець|Любляна",
    ),
    _member(
        "LU",
        _C,
        ("Luxembourg", "Люксембург", "Люксембург"),
        en="Luxembourgish",
        ru="люксембургский",
        uk="люксембурзький",
    ),
    _member(
        "IS",
        _C,
        ("Iceland", "Исландия", "Ісландія"),
        en="Icelandic|Reykjavik",
        ru="исландский|Рейкьявик",
        uk="ісландський|Рейк'явік",
    ),
    _member(
        "CA",
        _C,
        ("Canada", "Канада", "Канада"),
        en="Canadian|Canadians|Ottawa",
        ru="канадский|канадец|Оттава",
        uk="канадський|канадець|Оттава",
    ),
    _member(
        "AU",
        _C,
        ("Australia", "Австралия", "Австралія"),
        en="Australian|Australians|Canberra",
        ru="австралийский|австралиец|Канберра",
        uk="австралійський|австралієць|Канберра",
    ),
    _member(
        "NZ",
        _C,
        ("New Zealand", "Новая Зеландия", "Нова Зеландія"),
        en="New Zealander|New Zealanders|Wellington",
        ru="новозеландский|Веллингтон",
        uk="новозеландський|Веллінгтон",
    ),
    _member(
        "JP",
        _C,
        ("Japan", "Япония", "Японія"),
        en="Japanese|Tokyo",
        ru="японский|японец|Токио",
        uk="японський|японець|Токіо",
    ),
    _member(
        "TR",
        _C,
        ("Turkey", "Турция", "Туреччина"),
        en="Türkiye|Turkiye|Turkish|Turks|Ankara",
        ru="турецкий|Анкара",
        uk="турецький|Анкара",
    ),
    # Other countries that turn up in the news; role "partner" (they take part without being members).
    _member(
        "SA",
        PARTNER,
        ("Saudi Arabia", "Саудовская Аравия", "Саудівська Аравія"),
        en="Saudi|Saudis|Riyadh",
        ru="саудовский|Эр-Рияд",
        uk="саудівський|Ер-Ріяд",
    ),
    _member(
        "BY",
        PARTNER,
        ("Belarus", "Белоруссия", "Білорусь"),
        en="Belarusian|Minsk",
        ru="Беларусь|белорусский|Минск",
        uk="Білорусія|білоруський|Мінськ",
    ),
    _member(
        "CN",
        PARTNER,
        ("China", "Китай", "Китай"),
        en="Chinese|Beijing",
        ru="китайский|Пекин|КНР",
        uk="китайський|Пекін|КНР",
    ),
    _member(
        "IN",
        PARTNER,
        ("India", "Индия", "Індія"),
        en="Indian|New Delhi",
        ru="индийский|Нью-Дели",
        uk="індійський|Нью-Делі",
    ),
    _member(
        "HU",
        PARTNER,
        ("Hungary", "Венгрия", "Угорщина"),
        en="Hungarian|Budapest",
        ru="венгерский|Будапешт",
        uk="угорський|Будапешт",
    ),
    _member(
        "SK",
        PARTNER,
        ("Slovakia", "Словакия", "Словаччина"),
        en="Slovak|Slovakian|Bratislava",
        ru="словацкий|Братислава",
        uk="словацький|Братислава",
    ),
    _member(
        "AT",
        PARTNER,
        ("Austria", "Австрия", "Австрія"),
        en="Austrian|Vienna",
        ru="австрийский|Вена",
        uk="австрійський|Відень",
    ),
    _member(
        "CH",
        PARTNER,
        ("Switzerland", "Швейцария", "Швейцарія"),
        en="Swiss|Bern",
        ru="швейцарский|Берн",
        uk="швейцарський|Берн",
    ),
    _member(
        "MD",
        PARTNER,
        ("Moldova", "Молдавия", "Молдова"),
        en="Moldovan|Chisinau",
        ru="Молдова|молдавский|Кишинев|Кишинёв",
        uk="молдовський|Кишинів",
    ),
    _member(
        "GE",
        PARTNER,
        ("Georgia", "Грузия", "Грузія"),
        en="Tbilisi",
        ru="грузинский|Тбилиси",
        uk="грузинський|Тбілісі",
    ),
    _member(
        "QA",
        PARTNER,
        ("Qatar", "Катар", "Катар"),
        en="Qatari|Doha",
        ru="катарский|Доха",
        uk="катарський|Доха",
    ),
    _member(
        "AE",
        PARTNER,
        ("United Arab Emirates", "ОАЭ", "ОАЕ"),
        en="UAE|Emirati|Abu Dhabi",
        ru="Объединенные Арабские Эмираты|Абу-Даби",
        uk="Об'єднані Арабські Емірати|Абу-Дабі",
    ),
    _member(
        "IL", PARTNER, ("Israel", "Израиль", "Ізраїль"), en="Israeli", ru="израильский", uk="ізраїльський"
    ),
    _member(
        "IR",
        PARTNER,
        ("Iran", "Иран", "Іран"),
        en="Iranian|Tehran",
        ru="иранский|Тегеран",
        uk="іранський|Тегеран",
    ),
    _member(
        "KP",
        PARTNER,
        ("North Korea", "КНДР", "КНДР"),
        en="North Korean|North Koreans|Pyongyang",
        ru="Северная Корея|северокорейский|Пхеньян",
        uk="Північна Корея|північнокорейський|Пхеньян",
    ),
    _member(
        "KR",
        PARTNER,
        ("South Korea", "Южная Корея", "Південна Корея"),
        en="South Korean|Seoul",
        ru="южнокорейский|Сеул",
        uk="південнокорейський|Сеул",
    ),
    _member(
        "BR",
        PARTNER,
        ("Brazil", "Бразилия", "Бразилія"),
        en="Brazilian|Brasilia",
        ru="бразильский|Бразилиа",
        uk="бразильський|Бразиліа",
    ),
    _member(
        "KZ",
        PARTNER,
        ("Kazakhstan", "Казахстан", "Казахстан"),
        en="Kazakh|Astana",
        ru="казахстанский|Астана",
        uk="казахстанський|Астана",
    ),
    _member(
        "AZ",
        PARTNER,
        ("Azerbaijan", "Азербайджан", "Азербайджан"),
        en="Azerbaijani|Baku",
        ru="азербайджанский|Баку",
        uk="азербайджанський|Баку",
    ),
    _member(
        "AM",
        PARTNER,
        ("Armenia", "Армения", "Вірменія"),
        en="Armenian|Yerevan",
        ru="армянский|Ереван",
        uk="вірменський|Єреван",
    ),
    _member(
        "VA",
        PARTNER,
        ("Vatican", "Ватикан", "Ватикан"),
        en="Holy See",
        ru="Святой Престол",
        uk="Святий Престол",
    ),
    _member(
        "EU",
        ORGANISATION,
        ("European Union", "Европейский союз", "Європейський Союз"),
        en="EU|E.U.|European Commission|European Council|Council of the EU|Council of the European Union|"
        "European Parliament|Brussels",
        ru="Евросоюз|ЕС|Еврокомиссия|Европейская комиссия|Европейский совет|Совет Евросоюза|Европарламент|"
        "Европейский парламент|Брюссель",
        uk="Євросоюз|ЄС|Єврокомісія|Європейська комісія|Європейська рада|Рада Євросоюзу|Європарламент|"
        "Європейський парламент|Брюссель",
    ),
    _member(
        "NATO",
        ORGANISATION,
        ("NATO", "НАТО", "НАТО"),
        en="Nato|North Atlantic Alliance|North Atlantic Treaty Organization|"
        "North Atlantic Treaty Organisation",
        ru="Североатлантический альянс",
        uk="Північноатлантичний альянс",
    ),
    _member(
        "UN",
        ORGANISATION,
        ("United Nations", "ООН", "ООН"),
        en="UN|U.N.",
        ru="Организация Объединенных Наций|Организация Объединённых Наций",
        uk="Організація Об'єднаних Націй",
    ),
    _member(
        COALITION.upper(),
        COALITION,
        ("Coalition of the Willing", "коалиция желающих", "коаліція охочих"),
        en="coalition of the willing",
        ru="коалиция решительных",
        uk="коаліція рішучих",
    ),
)

# Venue-sensitive aliases: the gazetteer drops them after a locative preposition ("in Brussels").
VENUE_ONLY_ALIASES: frozenset[str] = frozenset({"Brussels", "Брюссель"})

PEOPLE: tuple[PersonEntry, ...] = (
    _person("trump", "US", ("Donald Trump", "Дональд Трамп", "Дональд Трамп")),
    _person(
        "witkoff",
        "US",
        ("Steve Witkoff", "Стив Уиткофф", "Стів Віткофф"),
        ru="Виткофф|Уиткоф|Уиткофф",
        uk="Уіткофф|Віткоф",
    ),
    _person("kushner", "US", ("Jared Kushner", "Джаред Кушнер", "Джаред Кушнер")),
    _person("rubio", "US", ("Marco Rubio", "Марко Рубио", "Марко Рубіо")),
    _person("vance", "US", ("JD Vance", "Джей Ди Вэнс", "Джей Ді Венс"), ru="Венс"),
    _person("kellogg", "US", ("Keith Kellogg", "Кит Келлог", "Кіт Келлог"), ru="Келлогг", uk="Келлогг"),
    _person(
        "ratcliffe",
        "US",
        ("John Ratcliffe", "Джон Рэтклифф", "Джон Реткліфф"),
        ru="Рэтклиф|Ратклифф|Рэдклифф",
        uk="Ретліфф|Реткліф|Ратклифф",
    ),
    _person("waltz", "US", ("Mike Waltz", "Майк Уолтц", "Майк Волтц"), ru="Уолц|Вальц", uk="Уолтц|Волц"),
    _person("hegseth", "US", ("Pete Hegseth", "Пит Хегсет", "Піт Гегсет"), uk="Хегсет"),
    _person("macron", "FR", ("Emmanuel Macron", "Эмманюэль Макрон", "Емманюель Макрон")),
    _person("barrot", "FR", ("Jean-Noël Barrot", "Жан-Ноэль Барро", "Жан-Ноель Барро")),
    _person("vautrin", "FR", ("Catherine Vautrin", "Катрин Вотрен", "Катрін Вотрен")),
    _person("lecornu", "FR", ("Sébastien Lecornu", "Себастьен Лекорню", "Себастьєн Лекорню")),
    _person("starmer", "GB", ("Keir Starmer", "Кир Стармер", "Кір Стармер")),
    _person("healey", "GB", ("John Healey", "Джон Хили", "Джон Гілі"), ru="Хилли", uk="Хілі"),
    _person("lammy", "GB", ("David Lammy", "Дэвид Лэмми", "Девід Леммі")),
    _person("merz", "DE", ("Friedrich Merz", "Фридрих Мерц", "Фрідріх Мерц")),
    _person("pistorius", "DE", ("Boris Pistorius", "Борис Писториус", "Борис Пісторіус")),
    _person("wadephul", "DE", ("Johann Wadephul", "Йоханн Вадефуль", "Йоганн Вадефуль")),
    _person("scholz", "DE", ("Olaf Scholz", "Олаф Шольц", "Олаф Шольц")),
    _person("meloni", "IT", ("Giorgia Meloni", "Джорджа Мелони", "Джорджа Мелоні")),
    _person("tajani", "IT", ("Antonio Tajani", "Антонио Таяни", "Антоніо Таяні")),
    _person("crosetto", "IT", ("Guido Crosetto", "Гвидо Крозетто", "Гвідо Крозетто")),
    _person("tusk", "PL", ("Donald Tusk", "Дональд Туск", "Дональд Туск")),
    _person(
        "kosiniak_kamysz",
        "PL",
        ("Władysław Kosiniak-Kamysz", "Владислав Косиняк-Камыш", "Владислав Косіняк-Камиш"),
        en="Kosiniak-Kamysz|Wladyslaw Kosiniak-Kamysz",
    ),
    _person("sikorski", "PL", ("Radosław Sikorski", "Радослав Сикорский", "Радослав Сікорський")),
    _person("nawrocki", "PL", ("Karol Nawrocki", "Кароль Навроцкий", "Кароль Навроцький")),
    _person("sanchez", "ES", ("Pedro Sánchez", "Педро Санчес", "Педро Санчес"), en="Sanchez"),
    _person("albares", "ES", ("José Manuel Albares", "Хосе Мануэль Альбарес", "Хосе Мануель Альбарес")),
    _person("frederiksen", "DK", ("Mette Frederiksen", "Метте Фредериксен", "Метте Фредеріксен")),
    _person("kristersson", "SE", ("Ulf Kristersson", "Ульф Кристерссон", "Ульф Крістерссон")),
    _person(
        "store",
        "NO",
        ("Jonas Gahr Støre", "Йонас Гар Стёре", "Йонас Гар Стьоре"),
        en="Store|Gahr Store|Jonas Gahr Store",
        ru="Стере|Стёре",
        uk="Стере",
    ),
    _person("stubb", "FI", ("Alexander Stubb", "Александр Стубб", "Александр Стубб"), uk="Олександр Стубб"),
    _person("orpo", "FI", ("Petteri Orpo", "Петтери Орпо", "Петтері Орпо")),
    _person("tsahkna", "EE", ("Margus Tsahkna", "Маргус Цахкна", "Маргус Цахкна")),
    _person("schoof", "NL", ("Dick Schoof", "Дик Схоф", "Дік Схоф")),
    _person("de_wever", "BE", ("Bart De Wever", "Барт Де Вевер", "Барт Де Вевер"), en="De Wever"),
    _person("carney", "CA", ("Mark Carney", "Марк Карни", "Марк Карні")),
    _person("trudeau", "CA", ("Justin Trudeau", "Джастин Трюдо", "Джастін Трюдо")),
    _person("albanese", "AU", ("Anthony Albanese", "Энтони Албаниз", "Ентоні Албаніз")),
    _person(
        "erdogan", "TR", ("Recep Tayyip Erdoğan", "Реджеп Тайип Эрдоган", "Реджеп Таїп Ердоган"), en="Erdogan"
    ),
    _person("fidan", "TR", ("Hakan Fidan", "Хакан Фидан", "Хакан Фідан")),
    _person("orban", "HU", ("Viktor Orbán", "Виктор Орбан", "Віктор Орбан"), en="Orban"),
    _person("fico", "SK", ("Robert Fico", "Роберт Фицо", "Роберт Фіцо")),
    _person("rutte", "NATO", ("Mark Rutte", "Марк Рютте", "Марк Рютте")),
    _person(
        "von_der_leyen",
        "EU",
        ("Ursula von der Leyen", "Урсула фон дер Ляйен", "Урсула фон дер Ляєн"),
        en="Von der Leyen",
        ru="фон дер Ляен|Фон дер Ляйен",
        uk="фон дер Ляйєн|Фон дер Ляєн",
    ),
    _person(
        "costa",
        "EU",
        ("António Costa", "Антониу Кошта", "Антоніу Кошта"),
        en="Antonio Costa",
        ru="Антонио Кошта|Антониу Коста",
        uk="Антоніо Кошта",
    ),
    _person("kallas", "EU", ("Kaja Kallas", "Кая Каллас", "Кая Каллас")),
    _person("guterres", "UN", ("António Guterres", "Антониу Гутерриш", "Антоніу Гутерреш"), en="Guterres"),
    _person(
        "zelensky",
        "UA",
        ("Volodymyr Zelensky", "Владимир Зеленский", "Володимир Зеленський"),
        en="Zelenskyy|Zelenskiy|Zelenskyi",
    ),
    _person("umerov", "UA", ("Rustem Umerov", "Рустем Умеров", "Рустем Умєров"), uk="Умеров"),
    _person(
        "sybiha",
        "UA",
        ("Andrii Sybiha", "Андрей Сибига", "Андрій Сибіга"),
        en="Sybiga|Andriy Sybiha",
        ru="Сыбига",
    ),
    _person("yermak", "UA", ("Andriy Yermak", "Андрей Ермак", "Андрій Єрмак")),
    _person("shmyhal", "UA", ("Denys Shmyhal", "Денис Шмыгаль", "Денис Шмигаль")),
    _person("svyrydenko", "UA", ("Yulia Svyrydenko", "Юлия Свириденко", "Юлія Свириденко")),
    _person("syrskyi", "UA", ("Oleksandr Syrskyi", "Александр Сырский", "Олександр Сирський")),
    _person("budanov", "UA", ("Kyrylo Budanov", "Кирилл Буданов", "Кирило Буданов")),
    _person("putin", "RU", ("Vladimir Putin", "Владимир Путин", "Володимир Путін")),
    _person("lavrov", "RU", ("Sergei Lavrov", "Сергей Лавров", "Сергій Лавров"), en="Sergey Lavrov"),
    _person("peskov", "RU", ("Dmitry Peskov", "Дмитрий Песков", "Дмитро Пєсков"), uk="Песков"),
    _person("zakharova", "RU", ("Maria Zakharova", "Мария Захарова", "Марія Захарова")),
    _person("dmitriev", "RU", ("Kirill Dmitriev", "Кирилл Дмитриев", "Кирило Дмитрієв")),
    _person("ushakov", "RU", ("Yuri Ushakov", "Юрий Ушаков", "Юрій Ушаков")),
    _person("medvedev", "RU", ("Dmitry Medvedev", "Дмитрий Медведев", "Дмитро Медведєв")),
    _person("nebenzya", "RU", ("Vasily Nebenzya", "Василий Небензя", "Василь Небензя")),
    _person("belousov", "RU", ("Andrei Belousov", "Андрей Белоусов", "Андрій Бєлоусов")),
    _person("lukashenko", "BY", ("Alexander Lukashenko", "Александр Лукашенко", "Олександр Лукашенко")),
)

MEMBER_BY_CODE: dict[str, MemberEntry] = {m.code: m for m in MEMBERS}
PERSON_BY_SLUG: dict[str, PersonEntry] = {p.slug: p for p in PEOPLE}

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
    code: str,
    role: str,
    names: tuple[str, str, str],
    en: str = "",
    ru: str = "",
    uk: str = "",
    *,
    omit: str = "",
) -> MemberEntry:
    # omit: "|"-separated names kept as display names but not as aliases, because they are also
    # common words or first names ("Jordan" is Jordan Bardella as often as the kingdom).
    name_en, name_ru, name_uk = names
    left_out = {part.strip() for part in omit.split("|") if part.strip()}
    aliases = (
        _split("en", f"{name_en}|{en}") + _split("ru", f"{name_ru}|{ru}") + _split("uk", f"{name_uk}|{uk}")
    )
    aliases = [a for a in aliases if a.text not in left_out]
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
    slug: str,
    member: str,
    names: tuple[str, str, str],
    en: str = "",
    ru: str = "",
    uk: str = "",
    *,
    surname_alone: bool = True,
) -> PersonEntry:
    # surname_alone=False: the bare surname is a common word, first name or place in en/ru/uk
    # ("Wong", "Peters", "Dan", "Pavel", "Kaunas"), so only the full names and the aliases given
    # explicitly (en/ru/uk) find the person; a safe bare form in one language can be given there.
    name_en, name_ru, name_uk = names

    def alone(name: str) -> str:
        return _surname(name) if surname_alone else ""

    aliases = (
        _split("en", f"{name_en}|{alone(name_en)}|{en}")
        + _split("ru", f"{name_ru}|{alone(name_ru)}|{ru}")
        + _split("uk", f"{name_uk}|{alone(name_uk)}|{uk}")
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
    # More countries of this news, by ISO 3166-1 alpha-2 code (spec §2), all "partner". Left out as
    # aliases: names that are also common words or first names ("Jordan" alone, Chile's capital
    # "Santiago", Albania's "Тирана", the genitive of "тиран", "ПАР" whose inflected forms are "пара");
    # "Kosovo" has no ISO code. A capitalised Cyrillic alias is also matched through the other
    # language's analyser, so where that analyser reads it as a common word (uk: "Чили" as "чи"/"що",
    # "Сирия" as "сирий", "Гавана" as "гавань") the alias is given lowercase, which keeps it to its
    # own language; the lowercase form is no common word there.
    _member(
        "GL",
        PARTNER,
        ("Greenland", "Гренландия", "Гренландія"),
        en="Greenlandic|Greenlander|Greenlanders|Nuuk",
        ru="гренландский|гренландец|Нуук",
        uk="гренландський|гренландець|Нуук",
    ),
    _member(
        "TW",
        PARTNER,
        ("Taiwan", "Тайвань", "Тайвань"),
        en="Taiwanese|Taipei",
        ru="тайваньский|Тайбэй|Тайбей",
        uk="тайванський|Тайбей",
    ),
    _member(
        "CY",
        PARTNER,
        ("Cyprus", "Кипр", "Кіпр"),
        en="Cypriot|Cypriots|Nicosia",
        ru="кипрский|киприот|Никосия",
        uk="кіпрський|кіпріот|Нікосія",
    ),
    _member(
        "MT",
        PARTNER,
        ("Malta", "Мальта", "Мальта"),
        en="Maltese|Valletta",
        ru="мальтийский|Валлетта|Валетта",
        uk="мальтійський|Валлетта|Валетта",
    ),
    _member(
        "RS",
        PARTNER,
        ("Serbia", "Сербия", "Сербія"),
        en="Serbian|Serb|Serbs|Belgrade",
        ru="сербский|серб|Белград",
        uk="сербський|серб|Белград",
    ),
    _member(
        "AL",
        PARTNER,
        ("Albania", "Албания", "Албанія"),
        en="Albanian|Albanians|Tirana",
        ru="албанский|албанец",
        uk="албанський|албанець",
    ),
    _member(
        "ME",
        PARTNER,
        ("Montenegro", "Черногория", "Чорногорія"),
        en="Montenegrin|Montenegrins|Podgorica",
        ru="черногорский|черногорец|Подгорица",
        uk="чорногорський|чорногорець|Подгориця",
    ),
    _member(
        "MK",
        PARTNER,
        ("North Macedonia", "Северная Македония", "Північна Македонія"),
        en="Macedonia|Macedonian|Skopje",
        ru="Македония|македонский|Скопье",
        uk="Македонія|македонський|Скоп'є",
    ),
    _member(
        "BA",
        PARTNER,
        ("Bosnia and Herzegovina", "Босния и Герцеговина", "Боснія і Герцеговина"),
        en="Bosnia|Bosnia-Herzegovina|Bosnian|Sarajevo",
        ru="Босния|боснийский|Сараево",
        uk="Боснія|боснійський|Сараєво",
    ),
    _member(
        "MX",
        PARTNER,
        ("Mexico", "Мексика", "Мексика"),
        en="Mexican|Mexicans",
        ru="мексиканский|мексиканец|Мехико",
        uk="мексиканський|мексиканець|Мехіко",
    ),
    _member(
        "AR",
        PARTNER,
        ("Argentina", "Аргентина", "Аргентина"),
        en="Argentine|Argentinian|Argentinians|Buenos Aires",
        ru="аргентинский|аргентинец|Буэнос-Айрес",
        uk="аргентинський|аргентинець|Буенос-Айрес",
    ),
    _member(
        "CL",
        PARTNER,
        ("Chile", "Чили", "Чилі"),
        en="Chilean|Chileans",
        ru="чили|чилийский|чилиец",
        uk="чилійський|чилієць",
        omit="Чили",
    ),
    _member(
        "CO",
        PARTNER,
        ("Colombia", "Колумбия", "Колумбія"),
        en="Colombian|Colombians|Bogota|Bogotá",
        ru="колумбийский|колумбиец|Богота",
        uk="колумбійський|колумбієць|Богота",
    ),
    _member(
        "VE",
        PARTNER,
        ("Venezuela", "Венесуэла", "Венесуела"),
        en="Venezuelan|Venezuelans|Caracas",
        ru="венесуэльский|венесуэлец|Каракас",
        uk="венесуельський|венесуелець|Каракас",
    ),
    _member(
        "CU",
        PARTNER,
        ("Cuba", "Куба", "Куба"),
        en="Cuban|Cubans|Havana",
        ru="кубинский|кубинец|гавана",
        uk="кубинський|кубинець|гавана",
    ),
    _member(
        "ZA",
        PARTNER,
        ("South Africa", "ЮАР", "Південна Африка"),
        en="South African|South Africans|Pretoria",
        ru="Южно-Африканская Республика|Южная Африка|южноафриканский|Претория",
        uk="Південно-Африканська Республіка|південноафриканський|Преторія",
    ),
    _member(
        "EG",
        PARTNER,
        ("Egypt", "Египет", "Єгипет"),
        en="Egyptian|Egyptians|Cairo",
        ru="египетский|египтянин|Каир",
        uk="єгипетський|єгиптянин|Каїр",
    ),
    _member(
        "MA",
        PARTNER,
        ("Morocco", "Марокко", "Марокко"),
        en="Moroccan|Rabat",
        ru="марокканский|Рабат",
        uk="марокканський|Рабат",
    ),
    _member(
        "DZ",
        PARTNER,
        ("Algeria", "Алжир", "Алжир"),
        en="Algerian|Algiers",
        ru="алжирский",
        uk="алжирський",
    ),
    _member(
        "TN",
        PARTNER,
        ("Tunisia", "Тунис", "Туніс"),
        en="Tunisian|Tunis",
        ru="тунисский",
        uk="туніський",
    ),
    _member(
        "LY",
        PARTNER,
        ("Libya", "Ливия", "Лівія"),
        en="Libyan|Tripoli",
        ru="ливийский|Триполи",
        uk="лівійський|Триполі",
    ),
    _member(
        "NG",
        PARTNER,
        ("Nigeria", "Нигерия", "Нігерія"),
        en="Nigerian|Nigerians|Abuja",
        ru="нигерийский|Абуджа",
        uk="нігерійський|Абуджа",
    ),
    _member(
        "KE",
        PARTNER,
        ("Kenya", "Кения", "Кенія"),
        en="Kenyan|Kenyans|Nairobi",
        ru="кенийский|Найроби",
        uk="кенійський|Найробі",
    ),
    _member(
        "ET",
        PARTNER,
        ("Ethiopia", "Эфиопия", "Ефіопія"),
        en="Ethiopian|Ethiopians|Addis Ababa",
        ru="эфиопский|Аддис-Абеба",
        uk="ефіопський|Аддис-Абеба",
    ),
    _member(
        "SY",
        PARTNER,
        ("Syria", "Сирия", "Сирія"),
        en="Syrian|Syrians|Damascus",
        ru="сирия|сирийский|Дамаск",
        uk="сирійський|Дамаск",
        omit="Сирия",
    ),
    _member(
        "IQ",
        PARTNER,
        ("Iraq", "Ирак", "Ірак"),
        en="Iraqi|Iraqis|Baghdad",
        ru="иракский|Багдад",
        uk="іракський|Багдад",
    ),
    _member(
        "JO",
        PARTNER,
        ("Jordan", "Иордания", "Йорданія"),
        en="Hashemite Kingdom of Jordan|Jordanian|Amman",
        ru="иорданский|Амман",
        uk="йорданський|Амман",
        omit="Jordan",
    ),
    _member(
        "LB",
        PARTNER,
        ("Lebanon", "Ливан", "Ліван"),
        en="Lebanese|Beirut",
        ru="ливанский|Бейрут",
        uk="ліванський|Бейрут",
    ),
    _member(
        "OM",
        PARTNER,
        ("Oman", "Оман", "Оман"),
        en="Omani|Muscat",
        ru="оманский|Маскат",
        uk="оманський|Маскат",
    ),
    _member(
        "BH",
        PARTNER,
        ("Bahrain", "Бахрейн", "Бахрейн"),
        en="Bahraini|Manama",
        ru="бахрейнский|Манама",
        uk="бахрейнський|Манама",
    ),
    _member(
        "KW",
        PARTNER,
        ("Kuwait", "Кувейт", "Кувейт"),
        en="Kuwaiti|Kuwait City",
        ru="кувейтский",
        uk="кувейтський",
    ),
    _member(
        "PK",
        PARTNER,
        ("Pakistan", "Пакистан", "Пакистан"),
        en="Pakistani|Pakistanis|Islamabad",
        ru="пакистанский|Исламабад",
        uk="пакистанський|Ісламабад",
    ),
    _member(
        "AF",
        PARTNER,
        ("Afghanistan", "Афганистан", "Афганістан"),
        en="Afghan|Kabul",
        ru="афганский|Кабул",
        uk="афганський|Кабул",
    ),
    _member(
        "UZ",
        PARTNER,
        ("Uzbekistan", "Узбекистан", "Узбекистан"),
        en="Uzbek|Tashkent",
        ru="узбекский|Ташкент",
        uk="узбецький|Ташкент",
    ),
    _member(
        "KG",
        PARTNER,
        ("Kyrgyzstan", "Киргизия", "Киргизстан"),
        en="Kyrgyz|Kyrgyz Republic|Bishkek",
        ru="Кыргызстан|Киргизстан|киргизский|кыргызский|Бишкек",
        uk="Киргизія|Киргизька Республіка|киргизький|Бішкек",
    ),
    _member(
        "TJ",
        PARTNER,
        ("Tajikistan", "Таджикистан", "Таджикистан"),
        en="Tajik|Dushanbe",
        ru="таджикский|Душанбе",
        uk="таджицький|Душанбе",
    ),
    _member(
        "TM",
        PARTNER,
        ("Turkmenistan", "Туркмения", "Туркменістан"),
        en="Turkmen|Ashgabat",
        ru="Туркменистан|туркменский|Ашхабад",
        uk="Туркменія|туркменський|Ашгабат",
    ),
    _member(
        "MN",
        PARTNER,
        ("Mongolia", "Монголия", "Монголія"),
        en="Mongolian|Ulaanbaatar|Ulan Bator",
        ru="монгольский|Улан-Батор",
        uk="монгольський|Улан-Батор",
    ),
    _member(
        "ID",
        PARTNER,
        ("Indonesia", "Индонезия", "Індонезія"),
        en="Indonesian|Jakarta",
        ru="индонезийский|Джакарта",
        uk="індонезійський|Джакарта",
    ),
    _member(
        "KH",
        PARTNER,
        ("Cambodia", "Камбоджа", "Камбоджа"),
        en="Cambodian|Phnom Penh",
        ru="камбоджийский|Пномпень",
        uk="камбоджійський|Пномпень",
    ),
    _member(
        "VN",
        PARTNER,
        ("Vietnam", "Вьетнам", "В'єтнам"),
        en="Viet Nam|Vietnamese|Hanoi",
        ru="вьетнамский|Ханой",
        uk="в'єтнамський|Ханой",
    ),
    _member(
        "SG",
        PARTNER,
        ("Singapore", "Сингапур", "Сінгапур"),
        en="Singaporean",
        ru="сингапурский",
        uk="сінгапурський",
    ),
    _member(
        "PH",
        PARTNER,
        ("Philippines", "Филиппины", "Філіппіни"),
        en="Philippine|Filipino|Filipinos|Manila",
        ru="филиппинский|Манила",
        uk="філіппінський|Маніла",
    ),
    _member(
        "TH",
        PARTNER,
        ("Thailand", "Таиланд", "Таїланд"),
        en="Thai|Bangkok",
        ru="Тайланд|таиландский|тайский|Бангкок",
        uk="тайський|таїландський|Бангкок",
    ),
    _member(
        "MY",
        PARTNER,
        ("Malaysia", "Малайзия", "Малайзія"),
        en="Malaysian|Kuala Lumpur",
        ru="малайзийский|Куала-Лумпур",
        uk="малайзійський|Куала-Лумпур",
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
    _person("vance", "US", ("JD Vance", "Джей Ди Вэнс", "Джей Ді Венс"), en="J.D. Vance", ru="Венс"),
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
    _person(
        "barrot", "FR", ("Jean-Noël Barrot", "Жан-Ноэль Барро", "Жан-Ноель Барро"), en="Jean-Noel Barrot"
    ),
    _person("vautrin", "FR", ("Catherine Vautrin", "Катрин Вотрен", "Катрін Вотрен")),
    _person(
        "lecornu",
        "FR",
        ("Sébastien Lecornu", "Себастьен Лекорню", "Себастьєн Лекорню"),
        en="Sebastien Lecornu",
    ),
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
    _person(
        "sikorski",
        "PL",
        ("Radosław Sikorski", "Радослав Сикорский", "Радослав Сікорський"),
        en="Radoslaw Sikorski",
    ),
    _person("nawrocki", "PL", ("Karol Nawrocki", "Кароль Навроцкий", "Кароль Навроцький")),
    _person("sanchez", "ES", ("Pedro Sánchez", "Педро Санчес", "Педро Санчес"), en="Sanchez"),
    _person(
        "albares",
        "ES",
        ("José Manuel Albares", "Хосе Мануэль Альбарес", "Хосе Мануель Альбарес"),
        en="Jose Manuel Albares",
    ),
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
        "erdogan",
        "TR",
        ("Recep Tayyip Erdoğan", "Реджеп Тайип Эрдоган", "Реджеп Таїп Ердоган"),
        en="Erdogan|Recep Tayyip Erdogan|Tayyip Erdoğan|Tayyip Erdogan",
    ),
    _person("fidan", "TR", ("Hakan Fidan", "Хакан Фидан", "Хакан Фідан")),
    _person("orban", "HU", ("Viktor Orbán", "Виктор Орбан", "Віктор Орбан"), en="Orban|Viktor Orban"),
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
        en="Zelenskyy|Zelenskiy|Zelenskyi|Zelenski|Volodymyr Zelenskyy",
    ),
    _person("umerov", "UA", ("Rustem Umerov", "Рустем Умеров", "Рустем Умєров"), uk="Умеров"),
    _person(
        "sybiha",
        "UA",
        ("Andrii Sybiha", "Андрей Сибига", "Андрій Сибіга"),
        en="Sybiga|Andriy Sybiha",
        ru="Сыбига",
    ),
    _person("yermak", "UA", ("Andriy Yermak", "Андрей Ермак", "Андрій Єрмак"), en="Andrii Yermak"),
    _person("shmyhal", "UA", ("Denys Shmyhal", "Денис Шмыгаль", "Денис Шмигаль")),
    _person(
        "marchenko", "UA", ("Serhiy Marchenko", "Сергей Марченко", "Сергій Марченко"), en="Sergii Marchenko"
    ),
    _person(
        "svyrydenko", "UA", ("Yulia Svyrydenko", "Юлия Свириденко", "Юлія Свириденко"), en="Yuliia Svyrydenko"
    ),
    _person(
        "syrskyi", "UA", ("Oleksandr Syrskyi", "Александр Сырский", "Олександр Сирський"), en="Syrsky|Syrskyy"
    ),
    _person("budanov", "UA", ("Kyrylo Budanov", "Кирилл Буданов", "Кирило Буданов")),
    _person("putin", "RU", ("Vladimir Putin", "Владимир Путин", "Володимир Путін")),
    _person("lavrov", "RU", ("Sergei Lavrov", "Сергей Лавров", "Сергій Лавров"), en="Sergey Lavrov"),
    _person("peskov", "RU", ("Dmitry Peskov", "Дмитрий Песков", "Дмитро Пєсков"), uk="Песков"),
    _person("zakharova", "RU", ("Maria Zakharova", "Мария Захарова", "Марія Захарова")),
    _person("dmitriev", "RU", ("Kirill Dmitriev", "Кирилл Дмитриев", "Кирило Дмитрієв")),
    _person("ushakov", "RU", ("Yuri Ushakov", "Юрий Ушаков", "Юрій Ушаков"), en="Yury Ushakov"),
    _person("medvedev", "RU", ("Dmitry Medvedev", "Дмитрий Медведев", "Дмитро Медведєв")),
    _person("nebenzya", "RU", ("Vasily Nebenzya", "Василий Небензя", "Василь Небензя")),
    _person("belousov", "RU", ("Andrei Belousov", "Андрей Белоусов", "Андрій Бєлоусов")),
    _person("lukashenko", "BY", ("Alexander Lukashenko", "Александр Лукашенко", "Олександр Лукашенко")),
    # --- Wider gazetteer: the leaders, ministers and officials of 2025-2026 news on the guarantees.
    # United Kingdom
    _person(
        "cooper", "GB", ("Yvette Cooper", "Иветт Купер", "Іветт Купер"), ru="Ивет Купер", surname_alone=False
    ),
    _person(
        "powell",
        "GB",
        ("Jonathan Powell", "Джонатан Пауэлл", "Джонатан Пауелл"),
        ru="Джонатан Пауэл",
        uk="Джонатан Павелл",
        surname_alone=False,
    ),
    _person("cartlidge", "GB", ("James Cartlidge", "Джеймс Картлидж", "Джеймс Картлідж")),
    _person("mandon", "FR", ("Fabien Mandon", "Фабьен Мандон", "Фаб'єн Мандон"), en="Gen. Fabien Mandon"),
    _person("burkhard", "FR", ("Thierry Burkhard", "Тьерри Буркхард", "Тьєррі Буркхард")),
    _person("breuer", "DE", ("Carsten Breuer", "Карстен Бройер", "Карстен Бройєр")),
    _person("bejda", "PL", ("Paweł Bejda", "Павел Бейда", "Павел Бейда"), en="Pawel Bejda"),
    _person("colby", "US", ("Elbridge Colby", "Элбридж Колби", "Елбрідж Колбі")),
    _person(
        "champagne", "CA", ("François-Philippe Champagne", "Франсуа-Филипп Шампань", "Франсуа-Філіпп Шампань"),
        en="Francois-Philippe Champagne", surname_alone=False,
    ),
    _person("radakin", "GB", ("Tony Radakin", "Тони Радакин", "Тоні Радакін"), en="Sir Tony Radakin"),
    _person("knighton", "GB", ("Richard Knighton", "Ричард Найтон", "Річард Найтон")),
    # France
    _person("bayrou", "FR", ("François Bayrou", "Франсуа Байру", "Франсуа Байру"), en="Francois Bayrou"),
    # Germany
    _person(
        "steinmeier",
        "DE",
        ("Frank-Walter Steinmeier", "Франк-Вальтер Штайнмайер", "Франк-Вальтер Штайнмаєр"),
        ru="Штайнмаер",
        uk="Штайнмайєр|Штайнмайер",
    ),
    _person("klingbeil", "DE", ("Lars Klingbeil", "Ларс Клингбайль", "Ларс Клінгбайль"), ru="Клингбейль"),
    _person(
        "baerbock", "DE", ("Annalena Baerbock", "Анналена Бербок", "Анналена Бербок"), ru="Бэрбок", uk="Бербок"
    ),
    # Italy
    _person("mattarella", "IT", ("Sergio Mattarella", "Серджо Маттарелла", "Серджо Маттарелла")),
    # Poland
    _person(
        "duda",
        "PL",
        ("Andrzej Duda", "Анджей Дуда", "Анджей Дуда"),
        en="Duda",  # "дуда" is a word (bagpipe) in ru/uk: full name only there
        surname_alone=False,
    ),
    # Spain
    _person("robles", "ES", ("Margarita Robles", "Маргарита Роблес", "Маргарита Роблес")),
    # Netherlands
    _person("brekelmans", "NL", ("Ruben Brekelmans", "Рубен Брекелманс", "Рубен Брекелманс")),
    _person("veldkamp", "NL", ("Caspar Veldkamp", "Каспар Велдкамп", "Каспар Велдкамп"), uk="Вельдкамп"),
    _person(
        "van_weel", "NL", ("David van Weel", "Давид ван Вел", "Давід ван Вел"), en="Van Weel", ru="ван Веел"
    ),
    _person("jetten", "NL", ("Rob Jetten", "Роб Йеттен", "Роб Єттен"), ru="Роб Еттен", uk="Роб Йеттен"),
    # Belgium
    _person("francken", "BE", ("Theo Francken", "Тео Франкен", "Тео Франкен"), ru="Франккен"),
    _person("prevot", "BE", ("Maxime Prévot", "Максим Прево", "Максим Прево"), en="Maxime Prevot|Prevot"),
    _person(
        "de_croo",
        "BE",
        ("Alexander De Croo", "Александр Де Кроо", "Олександр Де Кроо"),
        en="De Croo",
        ru="де Кроо",
        uk="де Кроо",
    ),
    # Denmark
    _person(
        "poulsen",
        "DK",
        ("Troels Lund Poulsen", "Троэльс Лунн Поульсен", "Троельс Лунн Поульсен"),
        en="Lund Poulsen",
        ru="Лунн Поульсен|Троэльс Лунд Поульсен|Поулсен",
        uk="Лунн Поульсен|Троельс Лунд Поульсен|Поулсен",
    ),
    _person(
        "lokke_rasmussen",
        "DK",
        ("Lars Løkke Rasmussen", "Ларс Лёкке Расмуссен", "Ларс Льокке Расмуссен"),
        en="Løkke Rasmussen|Lokke Rasmussen|Lars Lokke Rasmussen",
        ru="Лёкке Расмуссен|Локке Расмуссен|Ларс Локке Расмуссен",
        uk="Льокке Расмуссен|Локке Расмуссен|Ларс Локке Расмуссен",
        surname_alone=False,  # "Rasmussen" alone is also Anders Fogh Rasmussen
    ),
    # Sweden
    _person("jonson", "SE", ("Pål Jonson", "Пол Юнсон", "Пол Юнсон"), en="Pal Jonson|Paal Jonson", ru="Пол Йонсон"),
    _person(
        "malmer_stenergard",
        "SE",
        ("Maria Malmer Stenergard", "Мария Мальмер Стенергард", "Марія Мальмер Стенергард"),
        en="Malmer Stenergard",
        ru="Мальмер Стенергард",
        uk="Мальмер Стенергард",
    ),
    # Norway
    _person(
        "sandvik",
        "NO",
        ("Tore O. Sandvik", "Туре Сандвик", "Туре Сандвік"),
        en="Tore Sandvik|Tore Onshuus Sandvik",
        ru="Туре О. Сандвик|Торе Сандвик",
        uk="Туре О. Сандвік|Торе Сандвік",
    ),
    _person(
        "eide",
        "NO",
        ("Espen Barth Eide", "Эспен Барт Эйде", "Еспен Барт Ейде"),
        en="Barth Eide",
        ru="Барт Эйде",
        uk="Барт Ейде",
    ),
    _person("stoltenberg", "NO", ("Jens Stoltenberg", "Йенс Столтенберг", "Єнс Столтенберг")),
    _person(
        "gram",
        "NO",
        ("Bjørn Arild Gram", "Бьёрн Арильд Грам", "Бйорн Арільд Грам"),
        en="Bjorn Arild Gram",
        surname_alone=False,  # "gram", "грам" are words
    ),
    # Finland
    _person(
        "hakkanen",
        "FI",
        ("Antti Häkkänen", "Антти Хяккянен", "Антті Хякканен"),
        en="Antti Hakkanen|Hakkanen",
        uk="Гяккянен|Хяккянен",
    ),
    _person("valtonen", "FI", ("Elina Valtonen", "Элина Валтонен", "Еліна Валтонен")),
    # Estonia
    _person("karis", "EE", ("Alar Karis", "Алар Карис", "Алар Каріс")),
    _person(
        "michal", "EE", ("Kristen Michal", "Кристен Михал", "Крістен Міхал"), surname_alone=False
    ),  # Michal is a first name
    _person("pevkur", "EE", ("Hanno Pevkur", "Ханно Певкур", "Ганно Певкур"), uk="Ханно Певкур"),
    # Latvia
    _person(
        "rinkevics",
        "LV",
        ("Edgars Rinkēvičs", "Эдгар Ринкевич", "Едгарс Рінкевичс"),
        en="Edgars Rinkevics|Rinkevics",
        ru="Эдгарс Ринкевичс|Ринкевичс",
        uk="Едгар Рінкевич|Рінкевич",
    ),
    _person(
        "silina", "LV", ("Evika Siliņa", "Эвика Силиня", "Евіка Сіліня"), en="Evika Silina|Silina"
    ),
    _person("spruds", "LV", ("Andris Sprūds", "Андрис Спрудс", "Андріс Спрудс"), en="Andris Spruds|Spruds"),
    _person(
        "braze", "LV", ("Baiba Braže", "Байба Браже", "Байба Браже"), en="Baiba Braze"
    ),  # not bare "Braze" (a verb)
    # Lithuania
    _person(
        "nauseda",
        "LT",
        ("Gitanas Nausėda", "Гитанас Науседа", "Гітанас Науседа"),
        en="Gitanas Nauseda|Nauseda",
    ),
    _person("paluckas", "LT", ("Gintautas Paluckas", "Гинтаутас Палуцкас", "Гінтаутас Палуцкас")),
    _person(
        "ruginiene",
        "LT",
        ("Inga Ruginienė", "Инга Ругинене", "Інга Ругінене"),
        en="Inga Ruginiene|Ruginiene",
        ru="Ругинине",
    ),
    _person(
        "sakaliene",
        "LT",
        ("Dovilė Šakalienė", "Довиле Шакалене", "Довіле Шакалене"),
        en="Dovile Sakaliene|Sakaliene",
        ru="Шакалиене",
        uk="Шакалієне",
    ),
    _person(
        "kaunas",
        "LT",
        ("Robertas Kaunas", "Робертас Каунас", "Робертас Каунас"),
        surname_alone=False,  # Kaunas is a Lithuanian city
    ),
    _person(
        "budrys",
        "LT",
        ("Kęstutis Budrys", "Кястутис Будрис", "Кястутіс Будріс"),
        en="Kestutis Budrys",
    ),
    # Czech Republic
    _person(
        "pavel",
        "CZ",
        ("Petr Pavel", "Петр Павел", "Петр Павел"),
        ru="Пётр Павел",
        uk="Петро Павел",
        surname_alone=False,  # Pavel is a first name
    ),
    _person("fiala", "CZ", ("Petr Fiala", "Петр Фиала", "Петр Фіала"), ru="Пётр Фиала", uk="Петро Фіала"),
    _person(
        "babis",
        "CZ",
        ("Andrej Babiš", "Андрей Бабиш", "Андрей Бабіш"),
        en="Andrej Babis|Babis",
        uk="Андрій Бабіш",
    ),
    _person(
        "cernochova",
        "CZ",
        ("Jana Černochová", "Яна Черногова", "Яна Черногова"),
        en="Jana Cernochova|Cernochova",
        ru="Чернохова",
        uk="Чернохова",
    ),
    _person("lipavsky", "CZ", ("Jan Lipavský", "Ян Липавский", "Ян Ліпавський"), en="Jan Lipavsky|Lipavsky"),
    _person("zuna", "CZ", ("Jaromír Zůna", "Яромир Зуна", "Яромир Зуна"), en="Jaromir Zuna|Zuna"),
    _person("macinka", "CZ", ("Petr Macinka", "Петр Мацинка", "Петр Мацінка")),
    # Romania
    _person(
        "dan",
        "RO",
        ("Nicușor Dan", "Никушор Дан", "Нікушор Дан"),
        en="Nicusor Dan|Nicuşor Dan",
        surname_alone=False,  # "Dan" is a first name, "дан" a word
    ),
    _person("bolojan", "RO", ("Ilie Bolojan", "Илие Боложан", "Іліє Болоджан"), ru="Болоджан", uk="Боложан"),
    _person("ciolacu", "RO", ("Marcel Ciolacu", "Марчел Чолаку", "Марчел Чолаку")),
    _person("iohannis", "RO", ("Klaus Iohannis", "Клаус Йоханнис", "Клаус Йоганніс"), uk="Йоханніс"),
    _person(
        "mosteanu",
        "RO",
        ("Ionuț Moșteanu", "Ионуц Моштяну", "Іонуц Моштяну"),
        en="Ionut Mosteanu|Mosteanu|Ionuţ Moşteanu",
    ),
    _person("tilvar", "RO", ("Angel Tîlvăr", "Анджел Тылвэр", "Анджел Тилвер"), en="Angel Tilvar|Tilvar"),
    _person("miruta", "RO", ("Radu Miruță", "Раду Мируцэ", "Раду Міруце"), en="Radu Miruta|Miruta"),
    _person(
        "toiu",
        "RO",
        ("Oana Țoiu", "Оана Цою", "Оана Цою"),
        en="Oana Toiu|Toiu|Țoiu|Oana Ţoiu",
        surname_alone=False,  # "Цою" is a form of "Цой"
    ),
    _person("hurezeanu", "RO", ("Emil Hurezeanu", "Эмиль Хурезяну", "Еміль Хурезяну")),
    # Bulgaria
    _person("radev", "BG", ("Rumen Radev", "Румен Радев", "Румен Радев")),
    _person("iotova", "BG", ("Iliana Iotova", "Илияна Йотова", "Іліана Йотова"), en="Yotova|Iliana Yotova"),
    _person("zhelyazkov", "BG", ("Rosen Zhelyazkov", "Росен Желязков", "Росен Желязков")),
    _person("zapryanov", "BG", ("Atanas Zapryanov", "Атанас Запрянов", "Атанас Запрянов")),
    _person(
        "georgiev",
        "BG",
        ("Georg Georgiev", "Георг Георгиев", "Георг Георгієв"),
        surname_alone=False,  # a very common surname
    ),
    # Portugal
    _person(
        "rebelo_de_sousa",
        "PT",
        ("Marcelo Rebelo de Sousa", "Марселу Ребелу ди Соза", "Марселу Ребелу де Соуза"),
        en="Rebelo de Sousa",
        ru="Ребелу ди Соза|Ребелу де Соуза|Марселу Ребелу де Соуза",
        uk="Ребелу де Соуза|Ребелу ді Соза",
        surname_alone=False,  # bare "de Sousa"/"Соза" is too common
    ),
    _person(
        "seguro",
        "PT",
        ("António José Seguro", "Антониу Жозе Сегуру", "Антоніу Жозе Сегуру"),
        en="Antonio Jose Seguro",
    ),
    _person(
        "montenegro",
        "PT",
        ("Luís Montenegro", "Луиш Монтенегру", "Луїш Монтенегру"),
        en="Luis Montenegro",
        ru="Монтенегру",
        uk="Монтенегру",
        surname_alone=False,  # "Montenegro" alone is the country
    ),
    _person("melo", "PT", ("Nuno Melo", "Нуну Мелу", "Нуну Мелу"), surname_alone=False),  # "мелу": chalk
    _person("rangel", "PT", ("Paulo Rangel", "Паулу Рангел", "Паулу Рангел"), ru="Рангель", uk="Рангель"),
    # Ireland
    _person(
        "martin",
        "IE",
        ("Micheál Martin", "Михол Мартин", "Міхол Мартін"),
        en="Micheal Martin",
        ru="Майкл Мартин|Мехол Мартин",
        uk="Майкл Мартін|Мігол Мартін",
        surname_alone=False,  # Martin is a first name
    ),
    _person(
        "harris", "IE", ("Simon Harris", "Саймон Харрис", "Саймон Гарріс"), uk="Саймон Харріс", surname_alone=False
    ),
    _person("mcentee", "IE", ("Helen McEntee", "Хелен Макинти", "Гелен Макінті"), uk="Хелен Макінті"),
    _person(
        "connolly",
        "IE",
        ("Catherine Connolly", "Кэтрин Коннолли", "Кетрін Конноллі"),
        surname_alone=False,  # a common surname
    ),
    # Greece
    _person("mitsotakis", "GR", ("Kyriakos Mitsotakis", "Кириакос Мицотакис", "Кіріакос Міцотакіс")),
    _person("dendias", "GR", ("Nikos Dendias", "Никос Дендиас", "Нікос Дендіас")),
    _person(
        "gerapetritis",
        "GR",
        ("Giorgos Gerapetritis", "Йоргос Герапетритис", "Йоргос Герапетрітіс"),
        en="George Gerapetritis",
        ru="Георгиос Герапетритис",
    ),
    _person("tasoulas", "GR", ("Konstantinos Tasoulas", "Константинос Тасулас", "Константінос Тасулас")),
    # Croatia
    _person("milanovic", "HR", ("Zoran Milanović", "Зоран Миланович", "Зоран Міланович"), en="Milanovic"),
    _person("plenkovic", "HR", ("Andrej Plenković", "Андрей Пленкович", "Андрей Пленкович"), en="Plenkovic"),
    _person("anusic", "HR", ("Ivan Anušić", "Иван Анушич", "Іван Анушич"), en="Ivan Anusic|Anusic"),
    _person(
        "grlic_radman",
        "HR",
        ("Gordan Grlić Radman", "Гордан Грлич Радман", "Гордан Грлич-Радман"),
        en="Grlić Radman|Grlic Radman|Gordan Grlic Radman",
        ru="Грлич Радман|Грлич-Радман",
        uk="Грлич-Радман|Грлич Радман",
    ),
    # Slovenia
    _person(
        "pirc_musar",
        "SI",
        ("Nataša Pirc Musar", "Наташа Пирц Мусар", "Наташа Пірц Мусар"),
        en="Natasa Pirc Musar|Pirc Musar",
        ru="Пирц Мусар",
        uk="Пірц Мусар",
    ),
    _person("golob", "SI", ("Robert Golob", "Роберт Голоб", "Роберт Голоб")),
    _person("sajovic", "SI", ("Borut Sajovic", "Борут Сайович", "Борут Сайович")),
    _person("fajon", "SI", ("Tanja Fajon", "Таня Файон", "Таня Файон")),
    # Luxembourg
    _person("frieden", "LU", ("Luc Frieden", "Люк Фриден", "Люк Фріден")),
    _person("bettel", "LU", ("Xavier Bettel", "Ксавье Беттель", "Ксав'є Беттель")),
    _person("backes", "LU", ("Yuriko Backes", "Юрико Бакес", "Юріко Бакес")),
    # Iceland
    _person(
        "frostadottir",
        "IS",
        ("Kristrún Frostadóttir", "Криструн Фростадоуттир", "Кріструн Фростадоттір"),
        en="Kristrun Frostadottir|Frostadottir",
        ru="Фростадоттир",
    ),
    _person(
        "gunnarsdottir",
        "IS",
        ("Þorgerður Katrín Gunnarsdóttir", "Торгердур Катрин Гуннарсдоуттир", "Торгердур Катрін Гуннарсдоттір"),
        en="Thorgerdur Katrin Gunnarsdottir|Gunnarsdottir|Þorgerður Gunnarsdóttir",
        ru="Гуннарсдоттир",
    ),
    # Canada
    _person(
        "anand", "CA", ("Anita Anand", "Анита Ананд", "Аніта Ананд"), surname_alone=False
    ),  # Anand is a first name
    _person("joly", "CA", ("Mélanie Joly", "Мелани Жоли", "Мелані Жолі"), en="Melanie Joly"),
    _person("mcguinty", "CA", ("David McGuinty", "Дэвид Макгинти", "Девід Макгінті")),
    _person("blair", "CA", ("Bill Blair", "Билл Блэр", "Білл Блер"), surname_alone=False),  # not Tony Blair
    _person(
        "freeland",
        "CA",
        ("Chrystia Freeland", "Христя Фриланд", "Христя Фріланд"),
        ru="Кристия Фриланд|Кристиа Фриланд",
    ),
    # Australia
    _person("marles", "AU", ("Richard Marles", "Ричард Марлз", "Річард Марлз"), ru="Марлс", uk="Марлс"),
    _person("wong", "AU", ("Penny Wong", "Пенни Вонг", "Пенні Вонг"), surname_alone=False),
    # New Zealand
    _person(
        "luxon",
        "NZ",
        ("Christopher Luxon", "Кристофер Лаксон", "Крістофер Лаксон"),
        en="Chris Luxon",
        ru="Люксон",
        uk="Люксон",
    ),
    _person(
        "peters", "NZ", ("Winston Peters", "Уинстон Питерс", "Вінстон Пітерс"), surname_alone=False
    ),
    _person(
        "collins", "NZ", ("Judith Collins", "Джудит Коллинз", "Джудіт Коллінз"), surname_alone=False
    ),
    # Japan
    _person(
        "ishiba",
        "JP",
        ("Shigeru Ishiba", "Сигэру Исиба", "Сігеру Ісіба"),
        ru="Шигеру Ишиба|Ишиба|Сигеру Исиба",
        uk="Шигеру Ішиба|Ішиба",
    ),
    _person(
        "hayashi",
        "JP",
        ("Yoshimasa Hayashi", "Есимаса Хаяси", "Йосімаса Хаясі"),
        ru="Ёсимаса Хаяси|Йошимаса Хаяши|Хаяши",
        uk="Хаяші|Йошімаса Хаяші",
    ),
    _person(
        "takaichi",
        "JP",
        ("Sanae Takaichi", "Санаэ Такаити", "Санае Такаїчі"),
        ru="Такаичи|Санаэ Такаичи",
        uk="Такаіті|Такаічі|Такаїті",
    ),
    _person("nakatani", "JP", ("Gen Nakatani", "Гэн Накатани", "Ген Накатані"), ru="Ген Накатани"),
    _person(
        "iwaya",
        "JP",
        ("Takeshi Iwaya", "Такэси Ивая", "Такеші Івая"),
        ru="Такеши Ивая",
        uk="Такесі Івая",
    ),
    _person(
        "motegi",
        "JP",
        ("Toshimitsu Motegi", "Тосимицу Мотэги", "Тосіміцу Мотегі"),
        ru="Мотеги|Тошимицу Мотеги",
    ),
    _person(
        "koizumi",
        "JP",
        ("Shinjiro Koizumi", "Синдзиро Коидзуми", "Сіндзіро Коїдзумі"),
        ru="Коизуми|Шинджиро Коидзуми",
        uk="Коідзумі|Коїзумі",
    ),
    # Turkey
    _person("guler", "TR", ("Yaşar Güler", "Яшар Гюлер", "Яшар Гюлер"), en="Yasar Guler|Guler"),
    _person(
        "kalin",
        "TR",
        ("İbrahim Kalın", "Ибрагим Калын", "Ібрагім Калин"),
        en="Ibrahim Kalin|Ibrahim Kalın|Kalın|Kalin",
        ru="Калын",
        surname_alone=False,  # "Калин" is a form of "калина" in ru/uk
    ),
    # European Union
    _person("kubilius", "EU", ("Andrius Kubilius", "Андрюс Кубилюс", "Андрюс Кубілюс")),
    _person("dombrovskis", "EU", ("Valdis Dombrovskis", "Валдис Домбровскис", "Валдіс Домбровскіс")),
    _person(
        "kos",
        "EU",
        ("Marta Kos", "Марта Кос", "Марта Кос"),
        uk="Марту Кос",  # the uk analyser does not reach this accusative from the base form
        surname_alone=False,  # "кос" is a form of "коса"
    ),
    _person(
        "metsola", "EU", ("Roberta Metsola", "Роберта Метсола", "Роберта Метсола"), ru="Мецола", uk="Мецола"
    ),
    # NATO
    _person(
        "grynkewich",
        "NATO",
        ("Alexus Grynkewich", "Алексус Гринкевич", "Алексус Гринкевич"),
        ru="Гринкевитч",
        uk="Гринкевіч",
    ),
    _person("cavoli", "NATO", ("Christopher Cavoli", "Кристофер Каволи", "Крістофер Каволі")),
    _person(
        "shekerinska", "NATO", ("Radmila Shekerinska", "Радмила Шекеринска", "Радміла Шекерінська")
    ),
    _person(
        "cavo_dragone",
        "NATO",
        ("Giuseppe Cavo Dragone", "Джузеппе Каво Драгоне", "Джузеппе Каво Драгоне"),
        en="Cavo Dragone",
        ru="Каво Драгоне",
        uk="Каво Драгоне",
    ),
    # United States
    _person(
        "driscoll",
        "US",
        ("Dan Driscoll", "Дэн Дрисколл", "Ден Дрісколл"),
        en="Daniel Driscoll",
        ru="Дрискол|Дэниел Дрисколл",
        uk="Дрісколл|Деніел Дрісколл",
    ),
    _person("bessent", "US", ("Scott Bessent", "Скотт Бессент", "Скотт Бессент")),
    _person(
        "lutnick",
        "US",
        ("Howard Lutnick", "Говард Лутник", "Говард Лутнік"),
        ru="Латник|Ховард Лутник",
        uk="Латнік",
    ),
    _person(
        "whitaker",
        "US",
        ("Matthew Whitaker", "Мэттью Уитакер", "Метью Вітакер"),
        en="Matt Whitaker",
        ru="Уитекер|Мэтью Уитакер|Мэтт Уитакер",
        uk="Вітекер|Уітакер|Метт Вітакер|Меттью Вітакер",
    ),
    _person("gabbard", "US", ("Tulsi Gabbard", "Тулси Габбард", "Тулсі Габбард")),
    _person(
        "graham",
        "US",
        ("Lindsey Graham", "Линдси Грэм", "Ліндсі Грем"),
        ru="Линдсей Грэм|Линдси Грэхэм",
        uk="Ліндсі Ґрем|Ліндсі Грехем",
        surname_alone=False,
    ),
    _person("caine", "US", ("Dan Caine", "Дэн Кейн", "Ден Кейн"), en="Daniel Caine"),
    _person("johnson", "US", ("Mike Johnson", "Майк Джонсон", "Майк Джонсон"), surname_alone=False),
    _person("biden", "US", ("Joe Biden", "Джо Байден", "Джо Байден")),
    _person(
        "leavitt",
        "US",
        ("Karoline Leavitt", "Кэролайн Ливитт", "Керолайн Лівітт"),
        ru="Левитт|Кэролайн Левитт",
        uk="Левітт|Керолайн Левітт",
    ),
    _person("blumenthal", "US", ("Richard Blumenthal", "Ричард Блюменталь", "Річард Блюменталь")),
    # Ukraine
    _person(
        "kyslytsya",
        "UA",
        ("Serhiy Kyslytsya", "Сергей Кислица", "Сергій Кислиця"),
        en="Kyslytsia|Sergiy Kyslytsya|Serhii Kyslytsia",
    ),
    _person(
        "fedorov",
        "UA",
        ("Mykhailo Fedorov", "Михаил Федоров", "Михайло Федоров"),
        en="Mykhailo Fedorov",
        ru="Михаил Фёдоров|Фёдоров",
    ),
    _person("hnatov", "UA", ("Andrii Hnatov", "Андрей Гнатов", "Андрій Гнатов"), en="Andriy Hnatov"),
    _person("ivashchenko", "UA", ("Oleh Ivashchenko", "Олег Иващенко", "Олег Іващенко")),
    _person("arakhamia", "UA", ("Davyd Arakhamia", "Давид Арахамия", "Давид Арахамія"), en="David Arakhamia"),
    _person(
        "stefanishyna",
        "UA",
        ("Olha Stefanishyna", "Ольга Стефанишина", "Ольга Стефанішина"),
        en="Olga Stefanishyna",
    ),
    _person("podolyak", "UA", ("Mykhailo Podolyak", "Михаил Подоляк", "Михайло Подоляк"), en="Podoliak"),
    _person(
        "zaluzhnyi",
        "UA",
        ("Valerii Zaluzhnyi", "Валерий Залужный", "Валерій Залужний"),
        en="Zaluzhny|Valery Zaluzhny|Zaluzhnyy",
    ),
    _person("stefanchuk", "UA", ("Ruslan Stefanchuk", "Руслан Стефанчук", "Руслан Стефанчук")),
    # Russia
    _person("gerasimov", "RU", ("Valery Gerasimov", "Валерий Герасимов", "Валерій Герасимов")),
    _person("shoigu", "RU", ("Sergei Shoigu", "Сергей Шойгу", "Сергій Шойгу"), en="Sergey Shoigu"),
    _person("ryabkov", "RU", ("Sergei Ryabkov", "Сергей Рябков", "Сергій Рябков"), en="Sergey Ryabkov"),
    _person(
        "medinsky",
        "RU",
        ("Vladimir Medinsky", "Владимир Мединский", "Володимир Мединський"),
        uk="Мєдінський|Володимир Мєдінський",
    ),
    _person("grushko", "RU", ("Alexander Grushko", "Александр Грушко", "Олександр Грушко")),
    _person("galuzin", "RU", ("Mikhail Galuzin", "Михаил Галузин", "Михайло Галузін")),
    _person("kostyukov", "RU", ("Igor Kostyukov", "Игорь Костюков", "Ігор Костюков")),
    _person("fomin", "RU", ("Alexander Fomin", "Александр Фомин", "Олександр Фомін")),
    _person(
        "naryshkin", "RU", ("Sergei Naryshkin", "Сергей Нарышкин", "Сергій Наришкін"), en="Sergey Naryshkin"
    ),
    _person("mishustin", "RU", ("Mikhail Mishustin", "Михаил Мишустин", "Михайло Мішустін")),
    _person(
        "matviyenko",
        "RU",
        ("Valentina Matviyenko", "Валентина Матвиенко", "Валентина Матвієнко"),
        en="Matviyenko|Matvienko",
    ),
    _person("volodin", "RU", ("Vyacheslav Volodin", "Вячеслав Володин", "В'ячеслав Володін")),
    _person("darchiev", "RU", ("Alexander Darchiev", "Александр Дарчиев", "Олександр Дарчієв")),
    _person("polyansky", "RU", ("Dmitry Polyansky", "Дмитрий Полянский", "Дмитро Полянський")),
    # Mediators and other figures of the talks
    _person(
        "bin_salman",
        "SA",
        ("Mohammed bin Salman", "Мухаммед бен Сальман", "Мухаммед бін Салман"),
        en="Mohammad bin Salman|Mohammed bin Salman Al Saud|MBS",
        ru="Мухаммед бин Салман|Мухаммед бен Салман",
        uk="Мухаммед бен Салман|Мохаммед бін Салман",
        surname_alone=False,  # "Salman" alone is also his father, King Salman
    ),
    _person(
        "bin_farhan",
        "SA",
        ("Faisal bin Farhan", "Фейсал бен Фархан", "Фейсал бін Фархан"),
        en="Faisal bin Farhan Al Saud",
        ru="Фейсал бен Фархан Аль Сауд|Файсал бин Фархан",
        uk="Файсал бін Фархан",
        surname_alone=False,
    ),
    _person(
        "al_aiban",
        "SA",
        ("Musaed Al-Aiban", "Мусаид аль-Айбан", "Мусаїд аль-Айбан"),
        en="Musaed Al Aiban|Musaed al-Aiban|Al-Aiban",
        ru="Мусаед аль-Айбан|аль-Айбан",
        uk="Мусаед аль-Айбан|аль-Айбан",
        surname_alone=False,  # "Al" alone is no name
    ),
    _person(
        "al_thani",
        "QA",
        ("Tamim bin Hamad Al Thani", "Тамим бен Хамад Аль Тани", "Тамім бін Хамад Аль Тані"),
        en="Tamim bin Hamad|Emir Tamim|Sheikh Tamim",
        ru="Тамим бин Хамад Аль Тани|Тамим бен Хамад",
        uk="Тамім бін Хамад",
        surname_alone=False,  # "Al Thani" is the whole ruling family
    ),
    _person(
        "abdulrahman_al_thani",
        "QA",
        (
            "Mohammed bin Abdulrahman Al Thani",
            "Мухаммед бен Абдель Рахман Аль Тани",
            "Мухаммед бін Абдуррахман Аль Тані",
        ),
        en="Mohammed bin Abdulrahman|Sheikh Mohammed bin Abdulrahman",
        ru="Мухаммед бин Абдулрахман Аль Тани|Мухаммед бен Абдель Рахман",
        uk="Мухаммед бін Абдель Рахман Аль Тані|Мухаммед бін Абдуррахман",
        surname_alone=False,
    ),
    _person(
        "al_khulaifi",
        "QA",
        ("Mohammed Al-Khulaifi", "Мухаммед аль-Хулейфи", "Мухаммед аль-Хулейфі"),
        en="Mohammed bin Abdulaziz Al-Khulaifi|Al-Khulaifi|Al Khulaifi",
        ru="аль-Хулейфи|аль-Хулаифи",
        uk="аль-Хулейфі",
        surname_alone=False,
    ),
    _person(
        "bin_zayed",
        "AE",
        ("Mohamed bin Zayed", "Мухаммед бен Заид", "Мухаммед бін Заїд"),
        en="Mohamed bin Zayed Al Nahyan|Mohammed bin Zayed|MBZ",
        ru="Мухаммед бен Заид Аль Нахайян|Мухаммед бин Заид",
        uk="Мухаммед бін Заїд Аль Нахайян|Мохаммед бін Заїд",
        surname_alone=False,
    ),
    _person(
        "abdullah_bin_zayed",
        "AE",
        ("Abdullah bin Zayed", "Абдалла бен Заид", "Абдалла бін Заїд"),
        en="Abdullah bin Zayed Al Nahyan",
        ru="Абдалла бен Заид Аль Нахайян|Абдулла бен Заид",
        uk="Абдалла бін Заїд Аль Нахайян|Абдулла бін Заїд",
        surname_alone=False,
    ),
    _person("cassis", "CH", ("Ignazio Cassis", "Иньяцио Кассис", "Іньяціо Кассіс"), ru="Игнацио Кассис"),
    _person("keller_sutter", "CH", ("Karin Keller-Sutter", "Карин Келлер-Зуттер", "Карін Келлер-Зуттер")),
    _person("parmelin", "CH", ("Guy Parmelin", "Ги Пармелен", "Гі Пармелен")),
    _person(
        "szijjarto",
        "HU",
        ("Péter Szijjártó", "Петер Сийярто", "Петер Сійярто"),
        en="Peter Szijjarto|Szijjarto",
    ),
    _person("blanar", "SK", ("Juraj Blanár", "Юрай Бланар", "Юрай Бланар"), en="Juraj Blanar|Blanar"),
    _person("vucic", "RS", ("Aleksandar Vučić", "Александр Вучич", "Александр Вучич"), en="Vucic"),
    _person("sandu", "MD", ("Maia Sandu", "Майя Санду", "Мая Санду"), uk="Майя Санду"),
    _person(
        "xi",
        "CN",
        ("Xi Jinping", "Си Цзиньпин", "Сі Цзіньпін"),
        surname_alone=False,  # the surname comes first; "Xi" is also the numeral XI, "Си"/"Сі" are words
    ),
    _person("wang_yi", "CN", ("Wang Yi", "Ван И", "Ван І"), surname_alone=False),
    _person(
        "kim_jong_un",
        "KP",
        ("Kim Jong Un", "Ким Чен Ын", "Кім Чен Ин"),
        en="Kim Jong-un|Kim Jong-Un",
        surname_alone=False,
    ),
    _person(
        "modi",
        "IN",
        ("Narendra Modi", "Нарендра Моди", "Нарендра Моді"),
        en="Modi",
        ru="моди",  # lowercase keeps it to ru: the uk analyser reads "Моди" as "мода"
        uk="Моді",
        surname_alone=False,
    ),
    _person(
        "jaishankar",
        "IN",
        ("Subrahmanyam Jaishankar", "Субраманьям Джайшанкар", "Субрахманьям Джайшанкар"),
        en="S. Jaishankar",
    ),
    _person(
        "lula",
        "BR",
        ("Luiz Inácio Lula da Silva", "Луис Инасиу Лула да Силва", "Луїс Інасіу Лула да Сілва"),
        en="Lula|Lula da Silva|Luiz Inacio Lula da Silva",
        ru="Лула|Лула да Силва",
        uk="Лула|Лула да Сілва",
        surname_alone=False,  # "Silva" is a common surname
    ),
    _person("ramaphosa", "ZA", ("Cyril Ramaphosa", "Сирил Рамафоса", "Сиріл Рамафоса")),
    _person(
        "tokayev", "KZ", ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев", "Касим-Жомарт Токаєв"), en="Tokaev"
    ),
    _person("aliyev", "AZ", ("Ilham Aliyev", "Ильхам Алиев", "Ільхам Алієв")),
    _person(
        "leo_xiv",
        "VA",
        ("Pope Leo XIV", "Папа Римский Лев XIV", "Папа Римський Лев XIV"),
        en="Leo XIV",
        ru="Лев XIV|Папа Лев XIV",
        uk="Лев XIV|Папа Лев XIV",
        surname_alone=False,  # the last word is only the ordinal
    ),
)

MEMBER_BY_CODE: dict[str, MemberEntry] = {m.code: m for m in MEMBERS}
PERSON_BY_SLUG: dict[str, PersonEntry] = {p.slug: p for p in PEOPLE}

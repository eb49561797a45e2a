"""A synthetic corpus of Kazakh and Russian acts in the published text format, with its ground truth.

``generate_corpus(n, out_dir, seed)`` writes ``n`` texts and ``ground-truth.jsonl`` beside them: per
document, the JSON that ``kglaw parse --format json`` must print for it (the parse contract, issue 3
point 8), plus the number of action-plan measures. The same seed gives a byte-identical corpus.

What the corpus holds, and why (each form is taken from the seeds and their research notes, §1 and §7):

- maslikhat decisions, akimat and Government resolutions, ministerial orders and laws, issued by oblast,
  district, city and republican bodies, in Kazakh and Russian;
- headers in the adilet forms: the old one (``… N 245 шешімі. … Әділет департаментінде … N 4141
  тіркелді.``, seed 000) and the current one (``№ 245 шешімі. … № 6745 болып тіркелді.`` /
  ``Решение … от … № 245. Зарегистрировано Департаментом юстиции …``), numbers in the forms
  ``301-II`` (also with Cyrillic ``ІІ`` and ``N№``), ``18/145``, ``389-НҚ``, ``N 39``, ``№ 224-VII``;
- status words (Күшін жойған, Утратил силу, Қолданыстағы, Действующий, Жаңа, Новый …);
- amendment and repeal chains across years: a later act amends (``… шешіміне өзгерістер енгізу
  туралы`` / ``О внесении изменений в …``) or repeals (``… күші жойылды деп танылсын`` / ``Признать
  утратившими силу …``, numbered lists) earlier acts of the same body; the earlier act's text then
  carries the editorial notes (``Ескерту. … өзгерістер енгізілді - … шешімімен``, ``Күші жойылды -
  …``, ``Сноска. … внесены изменения …``, ``Утратило силу … (вводится в действие с …)``);
- legal bases (``… Заңының 6-бабына сәйкес`` / ``В соответствии со статьей 6 Закона …``) and other
  citations of acts;
- action plans in the TAB-cell table layout of seed 004 (one line holding a TAB opens each cell), with
  directions, measures, executors (abbreviations and their legend), deadlines, amounts and sources;
- the quirks of real texts: hard-wrapped lines with trailing spaces (names and numbers split over two
  lines), page-break blank lines, letter-spaced stamps and signatures, ``N`` for ``№``, Latin
  look-alike letters inside Cyrillic words, Cyrillic Roman numerals.

The ground truth states only what the text states: a field the text does not give is ``null``. Laws
are passed by Parliament (Constitution, art. 61); their issuer label is the words the text has
("Қазақстан Республикасы" / "Республика Казахстан"), since no law text names Parliament. Titles are
given as the text has them, with line breaks joined by one space.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .identifiers import ActId

__all__ = [
    "GROUND_TRUTH_FILE",
    "GroundTruth",
    "Mismatch",
    "SynthDoc",
    "compare_parse",
    "generate_chain",
    "generate_corpus",
    "generate_documents",
    "read_back",
]

GROUND_TRUTH_FILE = "ground-truth.jsonl"
AGENCY_BASE = "https://w3id.org/kglaw/agency/"

KK_MONTH_GEN = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
]
KK_MONTH_LOC = [
    "қаңтарда",
    "ақпанда",
    "наурызда",
    "сәуірде",
    "мамырда",
    "маусымда",
    "шілдеде",
    "тамызда",
    "қыркүйекте",
    "қазанда",
    "қарашада",
    "желтоқсанда",
]
RU_MONTH_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]

# -- issuers ---------------------------------------------------------------------------------------

#: slug → (kk name, ru adjective stem, ru region genitive)
REGIONS = {
    "kyzylorda": ("Қызылорда", "Кызылординск"),
    "atyrau": ("Атырау", "Атырауск"),
    "akmola": ("Ақмола", "Акмолинск"),
    "aktobe": ("Ақтөбе", "Актюбинск"),
    "zhambyl": ("Жамбыл", "Жамбылск"),
    "mangystau": ("Маңғыстау", "Мангистауск"),
    "karaganda": ("Қарағанды", "Карагандинск"),
    "kostanay": ("Қостанай", "Костанайск"),
    "pavlodar": ("Павлодар", "Павлодарск"),
    "turkestan": ("Түркістан", "Туркестанск"),
    "north-kazakhstan": ("Солтүстік Қазақстан", "Северо-Казахстанск"),
    "east-kazakhstan": ("Шығыс Қазақстан", "Восточно-Казахстанск"),
    "west-kazakhstan": ("Батыс Қазақстан", "Западно-Казахстанск"),
}
#: district (kk name, ru adjective stem, slug, region slug); names whose kk and ru forms transliterate alike
DISTRICTS = [
    ("Жаңақорған", "Жанакорганск", "zhanakorgan", "kyzylorda"),
    ("Байзақ", "Байзакск", "baizak", "zhambyl"),
    ("Бейнеу", "Бейнеуск", "beineu", "mangystau"),
    ("Мақат", "Макатск", "makat", "atyrau"),
    ("Индер", "Индерск", "inder", "atyrau"),
    ("Исатай", "Исатайск", "isatai", "atyrau"),
    ("Бурабай", "Бурабайск", "burabai", "akmola"),
    ("Талғар", "Талгарск", "talgar", "almaty"),
]
#: cities of republican significance: slug → (kk, ru genitive)
CITIES = {"astana": ("Астана", "Астаны"), "almaty": ("Алматы", "Алматы"), "shymkent": ("Шымкент", "Шымкента")}
#: towns of oblast significance: (kk, ru adjective stem, slug)
TOWNS = [("Қапшағай", "Капшагайск", "kapshagai"), ("Жаңаөзен", "Жанаозенск", "zhanaozen")]
#: ministries: (slug, kk genitive of the minister, ru genitive of the minister)
MINISTRIES = [
    (
        "ministry-of-labour-and-social-protection-of-population",
        "Еңбек және халықты әлеуметтік қорғау",
        "труда и социальной защиты населения",
    ),
    ("ministry-of-healthcare", "Денсаулық сақтау", "здравоохранения"),
    ("ministry-of-education", "Оқу-ағарту", "просвещения"),
    ("ministry-of-national-economy", "Ұлттық экономика", "национальной экономики"),
]


@dataclass(frozen=True)
class Body:
    """An issuing body with the case forms the texts use."""

    key: str
    kind: str  # maslikhat, akimat, government, ministry, parliament
    act_type: str  # decision, resolution, order, law
    kk_gen: str
    kk_nom: str | None
    ru_gen: str  # as it follows the act word: "Решение <ru_gen>", "решением <ru_gen>"
    ru_nom: str | None
    justice_kk_loc: str | None = None  # "Қызылорда облысының Әділет департаментінде"
    justice_kk_nom: str | None = None
    justice_ru_ins: str | None = None  # "Департаментом юстиции Кызылординской области"
    justice_ru_nom: str | None = None
    old_justice_kk_loc: str | None = (
        None  # old form without the genitive: "Қызылорда облысы Әділет департаментінде"
    )
    old_justice_kk_nom: str | None = None
    kk_short: str | None = None  # a bare form for signatures: "облыстық мәслихат"

    @property
    def iri(self) -> str:
        return AGENCY_BASE + self.key


def _ru_adj(stem: str, form: str) -> str:
    return stem + form


def _regional_bodies() -> list[Body]:
    out: list[Body] = []
    for slug, (kk, ru) in REGIONS.items():
        j = dict(  # noqa: C408 — keyword arguments read as the Body fields they fill
            justice_kk_loc=f"{kk} облысының Әділет департаментінде",
            justice_kk_nom=f"{kk} облысының Әділет департаменті",
            justice_ru_ins=f"Департаментом юстиции {ru}ой области",
            justice_ru_nom=f"Департамент юстиции {ru}ой области",
            old_justice_kk_loc=f"{kk} облысы Әділет департаментінде",
            old_justice_kk_nom=f"{kk} облысы Әділет департаменті",
        )
        out.append(
            Body(
                f"{slug}-oblast-maslikhat",
                "maslikhat",
                "decision",
                f"{kk} облыстық мәслихатының",
                f"{kk} облыстық мәслихаты",
                f"{ru}ого областного маслихата",
                f"{ru}ий областной маслихат",
                kk_short="облыстық мәслихат",
                **j,
            )
        )  # type: ignore[arg-type]
        out.append(
            Body(
                f"{slug}-oblast-akimat",
                "akimat",
                "resolution",
                f"{kk} облысы әкімдігінің",
                f"{kk} облысы әкімдігі",
                f"акимата {ru}ой области",
                f"Акимат {ru}ой области",
                kk_short="облыс әкімдігі",
                **j,
            )
        )  # type: ignore[arg-type]
    for kk, ru, slug, region in DISTRICTS:
        rk, rr = REGIONS.get(region, ("Алматы", "Алматинск"))
        j = dict(  # noqa: C408 — keyword arguments read as the Body fields they fill
            justice_kk_loc=f"{rk} облысының Әділет департаментінде",
            justice_kk_nom=f"{rk} облысының Әділет департаменті",
            justice_ru_ins=f"Департаментом юстиции {rr}ой области",
            justice_ru_nom=f"Департамент юстиции {rr}ой области",
            old_justice_kk_loc=f"{rk} облысы Әділет департаментінде",
            old_justice_kk_nom=f"{rk} облысы Әділет департаменті",
        )
        out.append(
            Body(
                f"{slug}-district-maslikhat",
                "maslikhat",
                "decision",
                f"{kk} аудандық мәслихатының",
                f"{kk} аудандық мәслихаты",
                f"{ru}ого районного маслихата",
                f"{ru}ий районный маслихат",
                kk_short="аудандық мәслихат",
                **j,
            )
        )  # type: ignore[arg-type]
        out.append(
            Body(
                f"{slug}-district-akimat",
                "akimat",
                "resolution",
                f"{kk} ауданы әкімдігінің",
                f"{kk} ауданы әкімдігі",
                f"акимата {ru}ого района",
                f"Акимат {ru}ого района",
                kk_short="аудан әкімдігі",
                **j,
            )
        )  # type: ignore[arg-type]
    for slug, (kk, ru) in CITIES.items():
        j = dict(  # noqa: C408 — keyword arguments read as the Body fields they fill
            justice_kk_loc=f"{kk} қаласының Әділет департаментінде",
            justice_kk_nom=f"{kk} қаласының Әділет департаменті",
            justice_ru_ins=f"Департаментом юстиции города {ru}",
            justice_ru_nom=f"Департамент юстиции города {ru}",
            old_justice_kk_loc=f"{kk} қаласы Әділет департаментінде",
            old_justice_kk_nom=f"{kk} қаласы Әділет департаменті",
        )
        out.append(
            Body(
                f"{slug}-city-maslikhat",
                "maslikhat",
                "decision",
                f"{kk} қалалық мәслихатының",
                f"{kk} қалалық мәслихаты",
                f"маслихата города {ru}",
                f"Маслихат города {ru}",
                kk_short="қалалық мәслихат",
                **j,
            )
        )  # type: ignore[arg-type]
        out.append(
            Body(
                f"{slug}-city-akimat",
                "akimat",
                "resolution",
                f"{kk} қаласы әкімдігінің",
                f"{kk} қаласы әкімдігі",
                f"акимата города {ru}",
                f"Акимат города {ru}",
                kk_short="қала әкімдігі",
                **j,
            )
        )  # type: ignore[arg-type]
    for kk, ru, slug in TOWNS:
        j = dict(  # noqa: C408 — keyword arguments read as the Body fields they fill
            justice_kk_loc="Алматы облысының Әділет департаментінде"
            if slug == "kapshagai"
            else "Маңғыстау облысының Әділет департаментінде",
            justice_kk_nom="Алматы облысының Әділет департаменті"
            if slug == "kapshagai"
            else "Маңғыстау облысының Әділет департаменті",
            justice_ru_ins="Департаментом юстиции Алматинской области"
            if slug == "kapshagai"
            else "Департаментом юстиции Мангистауской области",
            justice_ru_nom="Департамент юстиции Алматинской области"
            if slug == "kapshagai"
            else "Департамент юстиции Мангистауской области",
        )
        j["old_justice_kk_loc"] = j["justice_kk_loc"]
        j["old_justice_kk_nom"] = j["justice_kk_nom"]
        out.append(
            Body(
                f"{slug}-city-maslikhat",
                "maslikhat",
                "decision",
                f"{kk} қалалық мәслихатының",
                f"{kk} қалалық мәслихаты",
                f"{ru}ого городского маслихата",
                f"{ru}ий городской маслихат",
                kk_short="қалалық мәслихат",
                **j,
            )
        )
    return out


def _republican_bodies() -> list[Body]:
    mj = dict(  # noqa: C408 — keyword arguments read as the Body fields they fill
        justice_kk_loc="Қазақстан Республикасының Әділет министрлігінде",
        justice_kk_nom="Қазақстан Республикасының Әділет министрлігі",
        justice_ru_ins="в Министерстве юстиции Республики Казахстан",
        justice_ru_nom="Министерство юстиции Республики Казахстан",
    )
    out = [
        Body(
            "government",
            "government",
            "resolution",
            "Қазақстан Республикасы Үкіметінің",
            "Қазақстан Республикасы Үкіметі",
            "Правительства Республики Казахстан",
            "Правительство Республики Казахстан",
        ),
        # a law is passed by Parliament (Constitution, art. 61); its text names only the Republic
        Body(
            "parliament",
            "parliament",
            "law",
            "Қазақстан Республикасының",
            "Қазақстан Республикасы",
            "Республики Казахстан",
            "Республика Казахстан",
        ),
    ]
    for slug, kk, ru in MINISTRIES:
        out.append(
            Body(
                slug,
                "ministry",
                "order",
                f"Қазақстан Республикасы {kk} министрінің",
                f"Қазақстан Республикасы {kk} министрі",
                f"Министра {ru} Республики Казахстан",
                f"Министр {ru} Республики Казахстан",
                **mj,
            )
        )  # type: ignore[arg-type]
    return out


# -- the acts cited as legal bases (real laws; their identity is in data/authority/acts.ttl) ---------

LAWS = [
    # (date, number, kk title, ru title)
    (
        date(2001, 1, 23),
        "148-II",
        "Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы",
        "О местном государственном управлении и самоуправлении в Республике Казахстан",
    ),
    (
        date(2005, 4, 13),
        "39-III",
        "Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы",
        "О социальной защите инвалидов в Республике Казахстан",
    ),
    (date(2001, 1, 23), "149-II", "Халықты жұмыспен қамту туралы", "О занятости населения"),
    (
        date(2001, 7, 17),
        "246-II",
        "Мемлекеттік атаулы әлеуметтік көмек туралы",
        "О государственной адресной социальной помощи",
    ),
    (
        date(2005, 6, 28),
        "63-III",
        "Балалы отбасыларға берілетін мемлекеттік жәрдемақылар туралы",
        "О государственных пособиях семьям, имеющим детей",
    ),
    (date(2007, 7, 27), "319-III", "Білім туралы", "Об образовании"),
]

TOPICS = [
    ("мүгедектігі бар адамдарды әлеуметтік қолдау", "социальной поддержке лиц с инвалидностью"),
    ("халықты жұмыспен қамтуға жәрдемдесу", "содействию занятости населения"),
    ("мүгедектігі бар балаларды оңалту", "реабилитации детей с инвалидностью"),
    (
        "аз қамтылған отбасыларға әлеуметтік көмек көрсету",
        "оказанию социальной помощи малообеспеченным семьям",
    ),
    ("инклюзивті білім беруді дамыту", "развитию инклюзивного образования"),
    ("қарттарға арнаулы әлеуметтік қызметтер көрсету", "оказанию специальных социальных услуг пожилым"),
    ("ардагерлерді әлеуметтік қорғау", "социальной защите ветеранов"),
    (
        "әлеуметтік инфрақұрылым объектілерінің қолжетімділігін қамтамасыз ету",
        "обеспечению доступности объектов социальной инфраструктуры",
    ),
]
RULES = [
    (
        "Әлеуметтік көмек көрсетудің, оның мөлшерлерін белгілеудің және мұқтаж азаматтардың жекелеген санаттарының тізбесін айқындаудың",
        "оказания социальной помощи, установления ее размеров и определения перечня отдельных категорий нуждающихся граждан",
    ),
    (
        "Мүгедектігі бар адамдарды жұмысқа орналастыру үшін жұмыс орындарына квота белгілеудің",
        "установления квоты рабочих мест для трудоустройства лиц с инвалидностью",
    ),
    (
        "Тұрғын үй көмегін көрсетудің мөлшерін және тәртібін айқындаудың",
        "определения размера и порядка оказания жилищной помощи",
    ),
    (
        "Үйде оқитын мүгедектігі бар балаларды материалдық қамтамасыз етудің",
        "материального обеспечения детей с инвалидностью, обучающихся на дому",
    ),
]
MEASURES_KK = [
    "Мүгедектігі бар адамдарға арнаулы әлеуметтік қызметтер көрсету",
    "Әлеуметтік инфрақұрылым объектілеріне пандустар орнату",
    "Мүгедектігі бар адамдарды техникалық көмекші құралдармен қамтамасыз ету",
    "Әлеуметтік жұмыс орындарын құру және квоталарды сақтауды бақылау",
    "Жеке көмекшілер мен ымдау тілі мамандарының қызметтерін ұсыну",
    "Санаторий-курорттық емделуге жолдамалар беру",
    "Мүгедектігі бар балаларға арналған оңалту орталығын ашу",
    "Жұмыс берушілер үшін семинарлар өткізу",
    "Мүгедектігі бар адамдар арасында спорттық жарыстар ұйымдастыру",
    "Бұқаралық ақпарат құралдарында түсіндіру жұмыстарын жүргізу",
    "Дыбыстық белгілері бар бағдаршамдар орнату",
    "Инватакси қызметін ұйымдастыру",
]
MEASURES_RU = [
    "Оказание специальных социальных услуг лицам с инвалидностью",
    "Установка пандусов на объектах социальной инфраструктуры",
    "Обеспечение лиц с инвалидностью техническими вспомогательными средствами",
    "Создание социальных рабочих мест и контроль соблюдения квот",
    "Предоставление услуг индивидуальных помощников и специалистов жестового языка",
    "Выдача путевок на санаторно-курортное лечение",
    "Открытие реабилитационного центра для детей с инвалидностью",
    "Проведение семинаров для работодателей",
    "Организация спортивных соревнований среди лиц с инвалидностью",
    "Проведение разъяснительной работы в средствах массовой информации",
    "Установка светофоров со звуковыми сигналами",
    "Организация службы инватакси",
]
AGENCIES_KK = [
    ("ЖҚӘББ", "облыстың жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы"),
    ("ДСБ", "облыстың денсаулық сақтау басқармасы"),
    ("ББ", "облыстың білім басқармасы"),
    ("ДСБ-спорт", None),
    ("ҚҚБ", "облыстың құрылыс басқармасы"),
    ("ІІД", "облыстың ішкі істер департаменті"),
]
AGENCIES_RU = [
    ("УКЗСП", "управление координации занятости и социальных программ области"),
    ("УЗ", "управление здравоохранения области"),
    ("УО", "управление образования области"),
    ("УС", "управление строительства области"),
    ("ДВД", "департамент внутренних дел области"),
]
DIRECTIONS_KK = [
    "Әлеуметтік қорғау",
    "Жұмыспен қамту",
    "Денсаулық және оңалту",
    "Инклюзивті білім беру",
    "Қолжетімді орта",
    "Ақпараттық қолдау",
]
DIRECTIONS_RU = [
    "Социальная защита",
    "Занятость",
    "Здоровье и реабилитация",
    "Инклюзивное образование",
    "Доступная среда",
    "Информационная поддержка",
]
RULE_SENTENCES_KK = [
    "Әлеуметтік көмек тұрақты тұратын азаматтарға олардың табысы ескеріле отырып көрсетіледі",
    "Уәкілетті орган өтінішті қабылдаған күннен бастап он жұмыс күні ішінде шешім қабылдайды",
    "Көмек алушылардың тізімін учаскелік комиссия қалыптастырады",
    "Көмек мөлшері жергілікті бюджет қаражаты есебінен айқындалады",
    "Өтінішке жеке басын куәландыратын құжат және табыс туралы мәліметтер қоса беріледі",
    "Көмек көрсету тоқтатылған жағдайда алушыға бес жұмыс күні ішінде хабарланады",
    "Осы Қағидаларда пайдаланылатын негізгі ұғымдар Қазақстан Республикасының заңнамасына сәйкес қолданылады",
]
RULE_SENTENCES_RU = [
    "Социальная помощь оказывается постоянно проживающим гражданам с учетом их доходов",
    "Уполномоченный орган принимает решение в течение десяти рабочих дней со дня приема заявления",
    "Список получателей помощи формирует участковая комиссия",
    "Размер помощи определяется за счет средств местного бюджета",
    "К заявлению прилагаются документ, удостоверяющий личность, и сведения о доходах",
    "При прекращении оказания помощи получатель уведомляется в течение пяти рабочих дней",
    "Основные понятия, используемые в настоящих Правилах, применяются в соответствии с законодательством",
]
FORMS_KK = ["әкімдікке ақпарат", "Еңбекминіне ақпарат", "әкімдік қаулысы", "бұйрық", "есеп"]
FORMS_RU = ["информация в акимат", "информация в МТСЗН", "постановление акимата", "приказ", "отчет"]
NAMES = ["А. Сейітов", "Б. Жұмабаев", "Г. Омарова", "Д. Ахметов", "Е. Қасымов", "Ж. Нұрланова", "С. Әбенов"]
STATUS_IN_FORCE = {
    "kk": ["Қолданыстағы", "Жаңа", "Жаңартылған", "Күшінде"],
    "ru": ["Действующий", "Новый", "Обновленный"],
}
STATUS_REPEALED = {"kk": ["Күшін жойған"], "ru": ["Утратил силу"]}

# -- the acts --------------------------------------------------------------------------------------


@dataclass
class Act:
    """One act of the corpus, as metadata; rendered to text at the end, when all its later changes are known."""

    idx: int
    body: Body
    lang: str
    date: date
    number: str  # normalised
    number_raw: str  # as the header prints it, without the sign
    role: str  # base, plan, amend, repeal
    title_kk: str
    title_ru: str
    registration: tuple[str, _dt.date] | None = None
    old_style: bool = False
    targets: list[Act] = field(default_factory=list)  # amended or repealed acts
    amended_by: list[Act] = field(default_factory=list)
    repealed_by: Act | None = None
    repeal_effective: _dt.date | None = None
    based_on: list[tuple[int, bool, int]] = field(default_factory=list)  # (law index, number stated, article)
    cites: list[Act] = field(default_factory=list)
    measures: int = 0
    plan_years: tuple[int, int] | None = None
    topic: int = 0

    @property
    def type(self) -> str:
        return self.body.act_type

    @property
    def title(self) -> str:
        return self.title_kk if self.lang == "kk" else self.title_ru

    def title_in(self, lang: str) -> str:
        return self.title_kk if lang == "kk" else self.title_ru

    @property
    def iri(self) -> str:
        issuer = None if self.body.kind == "parliament" else self.body.key
        return ActId(self.type, issuer, self.date, self.number).format()

    @property
    def source(self) -> str:
        return f"synth-{self.idx:06d}.txt"


@dataclass
class SynthDoc:
    """One generated document: file name, text and the expected parse (the JSON contract)."""

    source: str
    text: str
    truth: dict[str, Any]


@dataclass
class GroundTruth:
    """What ``generate_corpus`` wrote: the documents' expected parses, in file order."""

    out_dir: Path
    documents: list[dict[str, Any]]
    seed: int

    @property
    def path(self) -> Path:
        return self.out_dir / GROUND_TRUTH_FILE

    def by_source(self) -> dict[str, dict[str, Any]]:
        return {d["source"]: d for d in self.documents}

    @classmethod
    def read(cls, out_dir: Path) -> GroundTruth:
        docs = [
            json.loads(line) for line in (out_dir / GROUND_TRUTH_FILE).read_text("utf-8").splitlines() if line
        ]
        return cls(out_dir, docs, -1)


# -- date and number forms -------------------------------------------------------------------------


def kk_date(d: date) -> str:
    return f"{d.year} жылғы {d.day} {KK_MONTH_GEN[d.month - 1]}"


def kk_date_loc(d: date) -> str:
    return f"{d.year} жылғы {d.day} {KK_MONTH_LOC[d.month - 1]}"


def ru_date(d: date) -> str:
    return f"{d.day} {RU_MONTH_GEN[d.month - 1]} {d.year} года"


def dotted(d: date, rng: random.Random) -> str:
    """``DD.MM.YYYY`` or, as older adilet notes write it, ``YYYY.MM.DD``."""
    if rng.random() < 0.3:
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def _cyr_roman(s: str) -> str:
    return s.replace("I", "І").replace("X", "Х")


class _Gen:
    """The generator's state: one random stream, the acts so far, counters per body and year."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n = n
        self.acts: list[Act] = []
        self.regional = _regional_bodies()
        self.republican = _republican_bodies()
        self.counters: dict[tuple[str, int], int] = {}
        self.reg_counter = 1200 + self.rng.randrange(500)
        self.session: dict[str, int] = {}
        # a working set of bodies, so that acts of the same body accumulate into chains
        self.bodies = self._pick_bodies()

    def _pick_bodies(self) -> list[Body]:
        rng = self.rng
        k = max(3, min(len(self.regional) // 2, self.n // 50))
        # as many maslikhats as akimats, of every level (oblast, district, city), so that small corpora
        # have each kind too
        regional: list[Body] = []
        for kind in ("maslikhat", "akimat"):
            pool = [b for b in self.regional if b.kind == kind]
            levels = [[b for b in pool if f"-{lv}-" in b.key] for lv in ("oblast", "district", "city")]
            picked = [rng.choice(lv) for lv in levels if lv]
            rest = [b for b in pool if b not in picked]
            picked += rng.sample(rest, max(0, min(len(rest), k - len(picked))))
            regional += picked
        return regional + self.republican

    def _weights(self) -> list[float]:
        w = []
        for b in self.bodies:
            w.append(
                {"maslikhat": 5.0, "akimat": 3.0, "government": 3.0, "ministry": 1.0, "parliament": 0.6}[
                    b.kind
                ]
            )
        return w

    # numbers
    def next_number(self, body: Body, d: date) -> tuple[str, str]:
        """(normalised, printed) number of the next act of ``body`` in the year of ``d``."""
        rng = self.rng
        key = (body.key, d.year)
        k = self.counters.get(key, rng.randrange(1, 40)) + rng.randrange(1, 6)
        self.counters[key] = k
        if body.kind == "maslikhat":
            conv = ROMAN[min(7, max(0, (d.year - 1995) // 5))]
            style = rng.random()
            if style < 0.4:
                s = self.session.get(body.key, rng.randrange(2, 20)) + (1 if rng.random() < 0.3 else 0)
                self.session[body.key] = s
                return f"{s}/{k}", f"{s}/{k}"
            if style < 0.7:
                n = f"{k}-{conv}"
                return n, (_cyr_roman(n) if rng.random() < 0.3 else n)
            return str(k), str(k)
        if body.kind == "ministry":
            if rng.random() < 0.3:
                return f"{k}-НҚ", f"{k}-НҚ"
            return str(k), str(k)
        if body.kind == "parliament":
            conv = ROMAN[min(7, max(0, (d.year - 1991) // 4))]
            return f"{k}-{conv}", f"{k}-{conv}"
        return str(k), str(k)

    def sign(self, old: bool) -> str:
        r = self.rng.random()
        if old:
            return "N " if r < 0.8 else ("N№" if r < 0.9 else "N")
        return "№ " if r < 0.85 else ("№" if r < 0.95 else "N ")

    # -- planning the corpus --------------------------------------------------------------------

    def plan(self) -> None:
        rng = self.rng
        start, end = date(2004, 1, 10), date(2024, 12, 20)
        span = (end - start).days
        dates = sorted(start + timedelta(days=rng.randrange(span)) for _ in range(self.n))
        weights = self._weights()
        # Per body, its acts not repealed yet, and those of them that rule (base or plan), in the order
        # they were planned (which is date order): an act's candidates are a prefix of these lists (acts
        # of its own date excluded), so planning stays linear in the corpus size.
        alive: dict[str, list[Act]] = {}
        ruling: dict[str, list[Act]] = {}
        gov_ruling: list[Act] = []  # every government act that rules, in date order

        def before(acts: list[Act], d: date) -> list[Act]:
            k = len(acts)
            while k and acts[k - 1].date >= d:
                k -= 1
            return acts[:k]

        for i, d in enumerate(dates):
            body = rng.choices(self.bodies, weights)[0]
            prior = before(alive.get(body.key, []), d)
            # amending acts are amended only rarely in practice; amendments go to the acts that rule
            amendable = before(ruling.get(body.key, []), d)
            r = rng.random()
            if amendable and r < 0.28:
                role = "amend"
            elif prior and r < 0.40 and body.kind != "parliament":
                role = "repeal"
            else:
                role = (
                    "plan"
                    if body.kind in ("maslikhat", "akimat", "government") and rng.random() < 0.5
                    else "base"
                )
            lang = "kk" if rng.random() < 0.55 else "ru"
            number, raw = self.next_number(body, d)
            old = d.year < 2012 and body.old_justice_kk_loc is not None and rng.random() < 0.7
            act = Act(i, body, lang, d, number, raw, role, "", "", old_style=old)
            if body.kind in ("maslikhat", "akimat", "ministry"):
                self.reg_counter += rng.randrange(1, 30)
                act.registration = (str(self.reg_counter), d + timedelta(days=rng.randrange(3, 25)))
            if role == "amend":
                # prefer the most recent act, so that chains grow deep
                target = amendable[-1] if rng.random() < 0.6 else rng.choice(amendable)
                act.targets = [target]
                target.amended_by.append(act)
            elif role == "repeal":
                k = 1 if rng.random() < 0.6 else min(len(prior), rng.randrange(2, 4))
                targets = rng.sample(prior, k)
                targets.sort(key=lambda a: a.idx)
                act.targets = targets
                for t in targets:
                    t.repealed_by = act
                    alive[body.key].remove(t)
                    if t.role in ("base", "plan"):
                        ruling[body.key].remove(t)
                    if act.lang == "ru" and rng.random() < 0.3:
                        t.repeal_effective = date(d.year + 1, 1, 1)
            self._titles(act)
            if body.kind != "parliament" and role in ("base", "plan", "amend", "repeal"):
                law_i = rng.randrange(len(LAWS))
                act.based_on = [(law_i, rng.random() < 0.5, rng.choice([6, 27, 31, 46, 7, 16]))]
                if role in ("base", "plan") and rng.random() < 0.3:
                    j = (law_i + 1 + rng.randrange(len(LAWS) - 1)) % len(LAWS)
                    act.based_on.append((j, rng.random() < 0.5, rng.choice([6, 7, 16])))
            if role in ("base", "plan") and body.kind != "parliament" and rng.random() < 0.35:
                govs = before(gov_ruling, d)
                if govs:
                    act.cites = [rng.choice(govs[-20:])]
            if role == "plan":
                act.measures = rng.randrange(3, 26)
            alive.setdefault(body.key, []).append(act)
            if role in ("base", "plan"):
                ruling.setdefault(body.key, []).append(act)
                if body.kind == "government":
                    gov_ruling.append(act)
            self.acts.append(act)

    def _titles(self, act: Act) -> None:
        rng = self.rng
        if act.role in ("base", "plan"):
            act.topic = rng.randrange(len(TOPICS))
            if act.role == "plan":
                y1 = act.date.year + (1 if act.date.month > 9 else 0)
                y2 = y1 + rng.choice([1, 2, 2, 3, 4])
                act.plan_years = (y1, y2)
                kk_t, ru_t = TOPICS[act.topic]
                act.title_kk = (
                    f"{y1}-{y2} жылдарға арналған {kk_t} жөніндегі іс-шаралар жоспарын бекіту туралы"
                )
                act.title_ru = f"Об утверждении плана мероприятий по {ru_t} на {y1}-{y2} годы"
            elif act.body.kind == "parliament":
                kk_t, ru_t = TOPICS[act.topic]
                act.title_kk = f"{kk_t[:1].upper() + kk_t[1:]} туралы"
                act.title_ru = f"О {ru_t}"
            else:
                kk_r, ru_r = RULES[rng.randrange(len(RULES))]
                act.title_kk = f"{kk_r} қағидаларын бекіту туралы"
                act.title_ru = f"Об утверждении Правил {ru_r}"
            return
        b = act.body
        if act.role == "amend":
            t = act.targets[0]
            if b.kind == "parliament":
                act.title_kk = f'"{t.title_kk}" Қазақстан Республикасының Заңына өзгерістер енгізу туралы'
                act.title_ru = f'О внесении изменений в Закон Республики Казахстан "{t.title_ru}"'
                return
            sign_kk = "№ "
            act.title_kk = (
                f'"{t.title_kk}" {b.kk_gen} {kk_date(t.date)} {sign_kk}{t.number} '
                f"{_dative(t.type)} өзгерістер енгізу туралы"
            )
            act.title_ru = f'О внесении изменений в {_ru_acc(t.type)} {b.ru_gen} от {ru_date(t.date)} № {t.number} "{t.title_ru}"'
            return
        if len(act.targets) == 1:
            t = act.targets[0]
            act.title_kk = (
                f"{b.kk_gen} {kk_date(t.date)} № {t.number} {_genitive(t.type)} күші жойылды деп тану туралы"
            )
            act.title_ru = f"О признании утратившим силу {_ru_gen_type(t.type)} {b.ru_gen} от {ru_date(t.date)} № {t.number}"
        else:
            act.title_kk = (
                f"{b.kk_gen} кейбір {_plural_gen(act.targets[0].type)} күші жойылды деп тану туралы"
            )
            act.title_ru = (
                f"О признании утратившими силу некоторых {_ru_plural_gen(act.targets[0].type)} {b.ru_gen}"
            )


def _dative(t: str) -> str:
    return {"decision": "шешіміне", "resolution": "қаулысына", "order": "бұйрығына", "law": "Заңына"}[t]


def _genitive(t: str) -> str:
    return {"decision": "шешімінің", "resolution": "қаулысының", "order": "бұйрығының", "law": "Заңының"}[t]


def _instr(t: str) -> str:
    return {"decision": "шешімімен", "resolution": "қаулысымен", "order": "бұйрығымен", "law": "Заңымен"}[t]


def _nom_kk(t: str) -> str:
    return {"decision": "шешімі", "resolution": "қаулысы", "order": "бұйрығы", "law": "Заңы"}[t]


def _bare_kk(t: str) -> str:
    return {"decision": "шешім", "resolution": "қаулы", "order": "бұйрық", "law": "Заң"}[t]


def _plural_gen(t: str) -> str:
    return {"decision": "шешімдерінің", "resolution": "қаулыларының", "order": "бұйрықтарының"}[t]


def _ru_acc(t: str) -> str:
    return {"decision": "решение", "resolution": "постановление", "order": "приказ", "law": "Закон"}[t]


def _ru_gen_type(t: str) -> str:
    return {"decision": "решения", "resolution": "постановления", "order": "приказа", "law": "Закона"}[t]


def _ru_ins(t: str) -> str:
    return {"decision": "решением", "resolution": "постановлением", "order": "приказом", "law": "Законом"}[t]


def _ru_plural_gen(t: str) -> str:
    return {"decision": "решений", "resolution": "постановлений", "order": "приказов"}[t]


def _ru_head(t: str) -> str:
    return {"decision": "Решение", "resolution": "Постановление", "order": "Приказ", "law": "Закон"}[t]


def _ru_neuter(t: str) -> tuple[str, str]:
    """The past-tense endings that agree with the act word: (внесены/внесено …, Утратило/Утратил)."""
    return {"decision": ("о", "о"), "resolution": ("о", "о"), "order": ("", ""), "law": ("", "")}[t]


# -- ground truth ------------------------------------------------------------------------------------


def _issuer_json(b: Body, lang: str) -> dict[str, Any]:
    return {"iri": b.iri, "label": b.kk_nom if lang == "kk" else b.ru_nom}


def _ref(a: Act, lang: str, *, title: bool, effective: date | None = None) -> dict[str, Any]:
    return {
        "iri": a.iri,
        "type": a.type,
        "issuer": _issuer_json(a.body, lang),
        "date": a.date.isoformat(),
        "number": a.number,
        "title": a.title_in(lang) if title else None,
        "effective_date": effective.isoformat() if effective else None,
    }


def _law_ref(i: int, lang: str, number_stated: bool) -> dict[str, Any]:
    d, num, kk, ru = LAWS[i]
    return {
        "iri": ActId("law", None, d, num).format(),
        "type": "law",
        "issuer": {
            "iri": AGENCY_BASE + "parliament",
            "label": "Қазақстан Республикасы" if lang == "kk" else "Республика Казахстан",
        },
        "date": d.isoformat(),
        "number": num if number_stated else None,
        "title": kk if lang == "kk" else ru,
        "effective_date": None,
    }


def _truth(a: Act) -> dict[str, Any]:
    lang = a.lang
    status = "repealed" if a.repealed_by else ("in_force" if a._status_word else "unknown")  # type: ignore[attr-defined]
    reg = None
    if a.registration:
        num, d = a.registration
        body = (
            (a.body.old_justice_kk_nom if a.old_style else a.body.justice_kk_nom)
            if lang == "kk"
            else a.body.justice_ru_nom
        )
        reg = {"number": num, "date": d.isoformat(), "body": body}
    amends = [_ref(t, lang, title=True) for t in a.targets] if a.role == "amend" else []
    if a.role == "amend" and a.body.kind == "parliament":
        amends[0]["number"] = None  # a law amending a law names it by title and date only
    return {
        "source": a.source,
        "iri": a.iri,
        "type": a.type,
        "title": a.title,
        "language": lang,
        "issuer": _issuer_json(a.body, lang),
        "date": a.date.isoformat(),
        "number": a.number,
        "registration": reg,
        "status": status,
        "repealed_by": [_ref(a.repealed_by, lang, title=False, effective=a.repeal_effective)]
        if a.repealed_by
        else [],
        "amended_by": [_ref(x, lang, title=False) for x in a.amended_by],
        "amends": amends,
        "repeals": [_ref(t, lang, title=True) for t in a.targets] if a.role == "repeal" else [],
        "based_on": [_law_ref(i, lang, stated) for i, stated, _art in a.based_on],
        "cites": [_ref(c, lang, title=False) for c in a.cites],
        "measures": a.measures,
    }


# -- rendering -----------------------------------------------------------------------------------------

_LOOKALIKE = {"і": "i", "с": "c", "о": "o", "е": "e", "а": "a", "р": "p", "х": "x", "І": "I"}


class _Renderer:
    """Writes an act as adilet prints it, then adds the quirks of scraped copies."""

    def __init__(self, gen: _Gen) -> None:
        self.g = gen
        self.rng = gen.rng

    # quirks
    def letterspace(self, line: str) -> str:
        return "  ".join(" ".join(w) for w in line.split())

    def lookalike(self, line: str, k: int = 1) -> str:
        words = line.split(" ")
        idx = [
            i for i, w in enumerate(words) if len(w) > 5 and w.isalpha() and any(c in _LOOKALIKE for c in w)
        ]
        for i in self.rng.sample(idx, min(k, len(idx))):
            w = words[i]
            pos = [j for j, c in enumerate(w) if c in _LOOKALIKE]
            j = self.rng.choice(pos)
            words[i] = w[:j] + _LOOKALIKE[w[j]] + w[j + 1 :]
        return " ".join(words)

    def wrap(self, text: str, indent: str = "") -> list[str]:
        """Hard-wrap a paragraph at 70–90 columns, leaving the trailing space where the break is."""
        width = self.rng.randrange(70, 92)
        out, cur = [], indent
        for w in text.split(" "):
            if len(cur) + len(w) > width and cur.strip():
                out.append(cur)
                cur = ""
            cur += w + " "
        if cur.strip():
            out.append(cur.rstrip() + (" " if self.rng.random() < 0.4 else ""))
        return out

    def number(self, a: Act, sign: str | None = None) -> str:
        sign = sign if sign is not None else self.g.sign(a.old_style)
        raw = a.number_raw
        if sign == "N№" and a.body.kind == "maslikhat" and self.rng.random() < 0.5:
            raw = _cyr_roman(raw)
        return f"{sign}{raw}"

    # header pieces
    def header_kk(self, a: Act) -> str:
        b = a.body
        if b.kind == "parliament":
            return f"Қазақстан Республикасының {kk_date(a.date)} {self.number(a)} Заңы."
        s = f"{b.kk_gen} {kk_date(a.date)} {self.number(a)} {_nom_kk(a.type)}."
        if a.registration:
            num, d = a.registration
            if a.old_style:
                s += f" {b.old_justice_kk_loc} {kk_date_loc(d)} {self.g.sign(True)}{num} тіркелді."
            else:
                s += f" {b.justice_kk_loc} {kk_date_loc(d)} {self.g.sign(False)}{num} болып тіркелді."
        return s

    def header_ru(self, a: Act) -> str:
        b = a.body
        if b.kind == "parliament":
            return f"Закон Республики Казахстан от {ru_date(a.date)} {self.number(a)}."
        s = f"{_ru_head(a.type)} {b.ru_gen} от {ru_date(a.date)} {self.number(a)}."
        if a.registration:
            num, d = a.registration
            verb = "Зарегистрирован" if a.type == "order" else "Зарегистрировано"
            s += f" {verb} {b.justice_ru_ins} {ru_date(d)} {self.g.sign(False)}{num}."
        return s

    def changer_kk(self, c: Act, plural_dates: list[Act] | None = None) -> str:
        """``Қызылорда облыстық мәслихатының 10.05.2021 № 55 шешімімен``."""
        b = c.body
        issuer = "ҚР Үкіметінің" if b.kind == "government" and self.rng.random() < 0.5 else b.kk_gen
        if b.kind == "parliament":
            return f"ҚР {dotted(c.date, self.rng)} {self.number(c, '№ ')} Заңымен"
        return f"{issuer} {dotted(c.date, self.rng)} {self.number(c, '№ ')} {_instr(c.type)}"

    def changer_ru(self, c: Act) -> str:
        b = c.body
        issuer = "Правительства РК" if b.kind == "government" and self.rng.random() < 0.5 else b.ru_gen
        if b.kind == "parliament":
            return f"Законом РК от {dotted(c.date, self.rng)} {self.number(c, '№ ')}"
        return f"{_ru_ins(c.type)} {issuer} от {dotted(c.date, self.rng)} {self.number(c, '№ ')}"

    def notes(self, a: Act) -> list[str]:
        """The editorial notes an act's current text carries: amendments, then the repeal."""
        out = []
        kk = a.lang == "kk"
        noun_kk = {"decision": "Шешімге", "resolution": "Қаулыға", "order": "Бұйрыққа", "law": "Заңға"}[
            a.type
        ]
        for c in a.amended_by:
            if kk:
                tail = (
                    " (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)"
                    if self.rng.random() < 0.4
                    else ""
                )
                word = "өзгерістер" if self.rng.random() < 0.7 else "өзгеріс"
                out.append(f"Ескерту. {noun_kk} {word} енгізілді - {self.changer_kk(c)}{tail}.")
            else:
                e = _ru_neuter(a.type)[0]
                if self.rng.random() < 0.5:
                    acc = {
                        "decision": "решение",
                        "resolution": "постановление",
                        "order": "приказ",
                        "law": "Закон",
                    }[a.type]
                    out.append(
                        f"Сноска. В {acc} внесены изменения {self.changer_ru(c)} "
                        "(вводится в действие по истечении десяти календарных дней после дня его первого "
                        "официального опубликования)."
                    )
                else:
                    out.append(f"Сноска. С изменениями, внесенными {self.changer_ru(c)}.")
                del e
        if a.repealed_by:
            c = a.repealed_by
            if kk:
                tail = ""
                if a.repeal_effective:
                    tail = f" ({a.repeal_effective.strftime('%d.%m.%Y')} бастап қолданысқа енгізіледі)"
                out.append(f"Ескерту. Күші жойылды - {self.changer_kk(c)}{tail}.")
            else:
                e = _ru_neuter(a.type)[1]
                tail = (
                    f" (вводится в действие с {a.repeal_effective.strftime('%d.%m.%Y')})"
                    if a.repeal_effective
                    else ""
                )
                out.append(f"Сноска. Утратил{e} силу {self.changer_ru(c)}{tail}.")
        return out

    # body pieces
    def preamble(self, a: Act) -> str:
        kk = a.lang == "kk"
        parts = []
        for i, stated, art in a.based_on:
            d, num, tkk, tru = LAWS[i]
            if kk:
                n = f"№ {num} " if stated else ""
                parts.append(f'Қазақстан Республикасының {kk_date(d)} {n}"{tkk}" Заңының {art}-бабына')
            else:
                n = f" № {num}" if stated else ""
                parts.append(f'статьей {art} Закона Республики Казахстан от {ru_date(d)}{n} "{tru}"')
        b = a.body
        if kk:
            basis = " және ".join(parts)
            enact = {
                "maslikhat": f"{b.kk_nom} ШЕШІМ ҚАБЫЛДАДЫ:",
                "akimat": f"{b.kk_nom} ҚАУЛЫ ЕТЕДІ:",
                "government": "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
                "ministry": "БҰЙЫРАМЫН:",
                "parliament": "",
            }[b.kind]
            return f"{basis} сәйкес {enact}".strip()
        basis = " и ".join(parts)
        enact = {
            "maslikhat": f"{b.ru_nom} РЕШИЛ:",
            "akimat": f"{b.ru_nom} ПОСТАНОВЛЯЕТ:",
            "government": "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
            "ministry": "ПРИКАЗЫВАЮ:",
            "parliament": "",
        }[b.kind]
        return f"В соответствии со {basis} {enact}".strip()

    def cite_point(self, a: Act, n: int) -> list[str]:
        kk = a.lang == "kk"
        out = []
        for c in a.cites:
            if kk:
                out.append(
                    f"{n}. Жауапты атқарушы органдар Қазақстан Республикасы Үкіметінің {kk_date(c.date)} "
                    f"{self.number(c, '№ ')} {_genitive(c.type)} орындалуын қамтамасыз етсін."
                )
            else:
                out.append(
                    f"{n}. Ответственным исполнительным органам обеспечить исполнение постановления "
                    f"Правительства Республики Казахстан от {ru_date(c.date)} {self.number(c, '№ ')}."
                )
            n += 1
        return out

    def operative(self, a: Act) -> list[str]:
        kk = a.lang == "kk"
        b = a.body
        pts: list[str] = []
        if a.role == "plan":
            if kk:
                pts.append(
                    f"1. Қоса беріліп отырған {a.title_kk.removesuffix(' бекіту туралы').removesuffix('н')} "
                    "бекітілсін."
                )
            else:
                pts.append(
                    "1. Утвердить прилагаемый "
                    + a.title_ru.removeprefix("Об утверждении ").replace("плана", "план", 1)
                    + "."
                )
        elif a.role == "base":
            if b.kind == "parliament":
                pts.append(
                    "1-бап. Осы Заң мүгедектігі бар адамдарды әлеуметтік қорғаудың құқықтық негіздерін айқындайды."
                    if kk
                    else "Статья 1. Настоящий Закон определяет правовые основы социальной защиты."
                )
            elif kk:
                pts.append(f"1. Қоса беріліп отырған {a.title_kk.removesuffix(' бекіту туралы')} бекітілсін.")
            else:
                pts.append(
                    "1. Утвердить прилагаемые "
                    + a.title_ru.removeprefix("Об утверждении ").replace("Правил", "Правила", 1)
                    + "."
                )
        elif a.role == "amend":
            t = a.targets[0]
            if b.kind == "parliament":
                if kk:
                    pts.append(
                        f'1. "{t.title_kk}" {kk_date(t.date)} Қазақстан Республикасының Заңына мынадай өзгерістер енгізілсін:'
                    )
                    pts.append(
                        '1) 3-баптың 2-тармағындағы "жыл сайын" деген сөздер "тоқсан сайын" деген сөздермен ауыстырылсын;'
                    )
                else:
                    pts.append(
                        f'Статья 1. Внести в Закон Республики Казахстан от {ru_date(t.date)} "{t.title_ru}" следующие изменения:'
                    )
                    pts.append('1) в пункте 2 статьи 3 слова "ежегодно" заменить словами "ежеквартально";')
            elif kk:
                reg = (
                    f" (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № {t.registration[0]} болып тіркелген)"
                    if t.registration
                    else ""
                )
                pts.append(
                    f'1. {b.kk_gen} "{t.title_kk}" {kk_date(t.date)} {self.number(t, "№ ")} {_dative(t.type)}{reg} '
                    "мынадай өзгерістер енгізілсін:"
                )
                pts.append(
                    "көрсетілген шешімнің 1-тармағы мынадай редакцияда жазылсын:"
                    if t.type == "decision"
                    else "1-тармақ мынадай редакцияда жазылсын:"
                )
                pts.append(f'"1. Қоса беріліп отырған {TOPICS[t.topic][0]} жөніндегі құжат бекітілсін.";')
            else:
                reg = (
                    f" (зарегистрировано в Реестре государственной регистрации нормативных правовых актов под № {t.registration[0]})"
                    if t.registration
                    else ""
                )
                pts.append(
                    f"1. Внести в {_ru_acc(t.type)} {b.ru_gen} от {ru_date(t.date)} {self.number(t, '№ ')} "
                    f'"{t.title_ru}"{reg} следующие изменения:'
                )
                pts.append("пункт 1 изложить в следующей редакции:")
                pts.append(f'"1. Утвердить прилагаемый документ по {TOPICS[t.topic][1]}.";')
        else:  # repeal
            items = []
            for t in a.targets:
                reg_kk = (
                    f" (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № {t.registration[0]} болып тіркелген)"
                    if t.registration
                    else ""
                )
                reg_ru = (
                    f" (зарегистрировано в Реестре государственной регистрации нормативных правовых актов под № {t.registration[0]})"
                    if t.registration
                    else ""
                )
                if kk:
                    # one act: its genitive ("… қаулысының … күші жойылды"); a list: the nominative
                    word = _genitive(t.type) if len(a.targets) == 1 else _nom_kk(t.type)
                    items.append(
                        f'{b.kk_gen} {kk_date(t.date)} {self.number(t, "№ ")} "{t.title_kk}" {word}{reg_kk}'
                    )
                else:
                    items.append(
                        f'{_ru_acc(t.type)} {b.ru_gen} от {ru_date(t.date)} {self.number(t, "№ ")} "{t.title_ru}"{reg_ru}'
                    )
            if len(items) == 1:
                if kk:
                    pts.append(f"1. {items[0]} күші жойылды деп танылсын.")
                else:
                    pts.append(
                        f"1. Признать утратившим силу {items[0].replace(_ru_acc(a.targets[0].type), _ru_gen_type(a.targets[0].type), 1)}."
                    )
            else:
                pts.append(
                    "1. Мыналардың күші жойылды деп танылсын:" if kk else "1. Признать утратившими силу:"
                )
                for i, it in enumerate(items, 1):
                    pts.append(f"{i}) {it};" if i < len(items) else f"{i}) {it}.")
        n = 2
        cites = self.cite_point(a, n)
        pts.extend(cites)
        n += len(cites)
        if b.kind != "parliament":
            pts.append(
                f"{n}. Осы {'шешімнің' if a.type == 'decision' else 'қаулының' if a.type == 'resolution' else 'бұйрықтың'} "
                "орындалуын бақылау жетекшілік ететін орынбасарға жүктелсін."
                if kk
                else f"{n}. Контроль за исполнением настоящего {_ru_gen_type(a.type).lower()} возложить на курирующего заместителя."
            )
            n += 1
        pts.append(
            f"{n}. Осы {_bare_kk(a.type)} алғашқы ресми жарияланған күнінен кейін "
            "күнтізбелік он күн өткен соң қолданысқа енгізіледі."
            if kk
            else f"{n}. Настоящ{'ий' if a.type in ('order', 'law') else 'ее'} {_ru_acc(a.type).lower()} вводится в действие по "
            "истечении десяти календарных дней после дня его первого официального опубликования."
        )
        return pts

    def signature(self, a: Act) -> list[str]:
        kk = a.lang == "kk"
        b = a.body
        name = self.rng.choice(NAMES)
        if b.kind == "maslikhat":
            lines = [
                f"{(b.kk_short or '')[:1].upper()}{(b.kk_short or '')[1:]} сессиясының төрағасы"
                if kk
                else "Председатель сессии маслихата",
                name,
                "Мәслихат хатшысы" if kk else "Секретарь маслихата",
                self.rng.choice(NAMES),
            ]
        elif b.kind == "akimat":
            lines = ["Әкім" if kk else "Аким", name]
        elif b.kind == "government":
            lines = (
                ["Қазақстан Республикасының", "Премьер-Министрі " + name]
                if kk
                else ["Премьер-Министр", "Республики Казахстан " + name]
            )
        elif b.kind == "ministry":
            lines = ["Министр", name]
        else:
            lines = (
                ["Қазақстан Республикасының", "Президенті"] if kk else ["Президент", "Республики Казахстан"]
            )
        return lines

    def stamp(self, a: Act) -> list[str]:
        """The approval stamp of the annex: it repeats the act's own date and number (not a citation)."""
        b = a.body
        if a.lang == "kk":
            return [
                f"{b.kk_gen}",
                f"{kk_date(a.date)}",
                f"{self.number(a, '№ ')} {_instr(a.type)}",
                "бекітілген",
            ]
        return [
            "Утвержден",
            f"{_ru_ins(a.type)} {b.ru_gen}",
            f"от {ru_date(a.date)}",
            f"{self.number(a, '№ ')}",
        ]

    def plan_table(self, a: Act) -> list[str]:
        """The action plan in the TAB-cell layout of seed 004 (research notes §5.4)."""
        rng = self.rng
        kk = a.lang == "kk"
        y1, y2 = a.plan_years or (a.date.year, a.date.year + 2)
        out: list[str] = []
        out.append(
            " "
            + (
                a.title_kk.removesuffix(" бекіту туралы").removesuffix("н")
                if kk
                else "План мероприятий по " + TOPICS[a.topic][1] + f" на {y1}-{y2} годы"
            )
        )
        out += ["", ""]
        heads = (
            [
                "Р/с\n\n№",
                "Іс-шараның атауы",
                "Аяқталу нысаны",
                "Аяқталу мерзімі",
                "Жауапты орындаушылар",
                "Қаржыландыру көлемі (мың теңге)",
                "Қаржыландыру көзі",
            ]
            if kk
            else [
                "№\nп/п",
                "Наименование мероприятия",
                "Форма завершения",
                "Срок исполнения",
                "Ответственные исполнители",
                "Объем финансирования (тыс. тенге)",
                "Источник финансирования",
            ]
        )
        for h in heads:
            out.append("\t")
            out.extend(h.split("\n"))
        out += ["", "", ""]
        for i in range(1, 8):
            out += ["\t", str(i)]
        out.append("")
        agencies = AGENCIES_KK if kk else AGENCIES_RU
        agencies = [x for x in agencies if x[1]]
        names = MEASURES_KK if kk else MEASURES_RU
        forms = FORMS_KK if kk else FORMS_RU
        used: dict[str, str] = {}
        directions = max(1, a.measures // 6)
        per = [
            a.measures // directions + (1 if i < a.measures % directions else 0) for i in range(directions)
        ]
        m = 0
        for d in range(directions):
            dirs = DIRECTIONS_KK if kk else DIRECTIONS_RU
            out += [
                "\t",
                (f"{d + 1}-бағыт. " if kk else f"Направление {d + 1}. ") + dirs[(a.topic + d) % len(dirs)],
            ]
            out.append("")
            for _ in range(per[d]):
                m += 1
                name = names[(m * 7 + a.idx) % len(names)]
                ex = rng.sample(agencies, rng.randrange(1, 3))
                for ab, full in ex:
                    used[ab] = full  # type: ignore[assignment]
                execs = ", ".join(ab for ab, _ in ex)
                if rng.random() < 0.3:
                    execs += (
                        ", аудандар мен қалалардың әкімдіктері (келісу бойынша)"
                        if kk
                        else ", акиматы районов и городов (по согласованию)"
                    )
                year = rng.randrange(y1, y2 + 1)
                deadline = (
                    (f"{year} жылғы желтоқсан" if kk else f"декабрь {year} года")
                    if rng.random() < 0.6
                    else (f"{y1} – {y2} жылдар, жыл сайын" if kk else f"{y1} – {y2} годы, ежегодно")
                )
                if rng.random() < 0.5:
                    amount = f"{rng.randrange(100, 90000):,}".replace(",", "\u00a0") + f",{rng.randrange(10)}"
                    source = "жергілікті бюджет" if kk else "местный бюджет"
                else:
                    amount = "талап етілмейді" if kk else "не требуется"
                    source = "-"
                cells = [f"{m}.", name, rng.choice(forms), deadline, execs, amount, source]
                for c in cells:
                    out.append("\t")
                    out.extend(self.wrap(c) if len(c) > 60 else [c])
                out.append("")
        out += ["", "", ""]
        out.append(
            "\u00a0" * 5
            + (
                " Ескертпе: аббревиатуралардың толық жазылуы:"
                if kk
                else " Примечание: расшифровка аббревиатур:"
            )
        )
        out.append("")
        for ab in sorted(used):
            out.append("\u00a0" * 5 + f" {ab} – {used[ab]}")
            out.append("")
        return out

    def rules_annex(self, a: Act) -> list[str]:
        """The annexed rules: chapters of numbered points (the bulk of a typical regional act)."""
        rng = self.rng
        kk = a.lang == "kk"
        sents = RULE_SENTENCES_KK if kk else RULE_SENTENCES_RU
        out = [
            " "
            + (
                a.title_kk.removesuffix(" бекіту туралы")
                if kk
                else a.title_ru.removeprefix("Об утверждении ")
            ),
            "",
        ]
        point = 0
        for ch in range(1, rng.randrange(2, 6)):
            out.append(
                f"{ch}-тарау. " + ("Жалпы ережелер" if ch == 1 else "Көмек көрсету тәртібі")
                if kk
                else f"Глава {ch}. " + ("Общие положения" if ch == 1 else "Порядок оказания помощи")
            )
            out.append("")
            for _ in range(rng.randrange(3, 12)):
                point += 1
                text = "; ".join(rng.sample(sents, rng.randrange(1, 4))) + "."
                para = self.wrap(f"{point}. {text}", indent="      ")
                if rng.random() < 0.05:
                    para[0] = self.letterspace(para[0])
                if rng.random() < 0.1:
                    para = [self.lookalike(x) for x in para]
                out += para
            out.append("")
        return out

    # the whole text
    def render(self, a: Act) -> str:
        rng = self.rng
        kk = a.lang == "kk"
        lines: list[str] = [""]
        lines += self.wrap(a.title)
        lines.append("")
        status_word = None
        if a.repealed_by:
            status_word = rng.choice(STATUS_REPEALED[a.lang])
        elif rng.random() < 0.85:
            status_word = rng.choice(STATUS_IN_FORCE[a.lang])
        a._status_word = status_word  # type: ignore[attr-defined]
        if status_word:
            lines.append(status_word)
        header = self.header_kk(a) if kk else self.header_ru(a)
        if a.old_style and kk and a.repealed_by and rng.random() < 0.5:
            # seed 000: the repeal repeated inside the header paragraph, with the date spelled out
            c = a.repealed_by
            header += (
                f" Күші жойылды - {c.body.kk_gen} {kk_date(c.date)} {self.number(c, 'N ')} {_instr(c.type)}"
            )
        if rng.random() < 0.15:
            header = self.lookalike(header)
        lines += self.wrap(header)
        for note in self.notes(a):
            lines += self.wrap(note, indent="       ")
        if a.old_style and kk and rng.random() < 0.3:
            lines.append("      " + self.letterspace("РҚАО ескертпесі:"))
            lines.append("      Мәтінде авторлық орфография және пунктуация сақталған.")
        if a.based_on:
            pre = self.preamble(a)
            if rng.random() < 0.3:
                pre = self.lookalike(pre, 2)
            body = self.wrap(pre, indent="      ")
            if len(body) > 2 and rng.random() < 0.3:
                body[1:1] = ["", "", ""][: rng.choice([2, 3])]  # a page break inside the sentence
            lines += body
        for p in self.operative(a):
            lines += self.wrap(p, indent="      ")
        sig = self.signature(a)
        if rng.random() < 0.3:
            sig[0] = self.letterspace(sig[0])
        lines += ["", ""] + ["      " + s for s in sig]
        if a.role == "plan":
            lines += ["", ""]
            stamp = self.stamp(a)
            if rng.random() < 0.4:
                stamp = [self.letterspace(s) for s in stamp]
            lines += ["\t" + stamp[0]] + stamp[1:]
            lines += ["", ""]
            lines += self.plan_table(a)
        elif a.role == "base" and a.body.kind != "parliament":
            lines += [
                "",
                "",
                "\t"
                + (
                    f"{a.body.kk_gen} {kk_date(a.date)} {self.number(a, '№ ')} {_instr(a.type)} бекітілген"
                    if kk
                    else f"Утверждены {_ru_ins(a.type)} {a.body.ru_gen} от {ru_date(a.date)} "
                    f"{self.number(a, '№ ')}"
                ),
                "",
                "",
            ]
            lines += self.rules_annex(a)
        text = "\n".join(lines) + "\n"
        if rng.random() < 0.3:
            text += " "  # a stray space after the last newline, as several seeds end
        return text


def generate_documents(n: int, seed: int = 0) -> list[SynthDoc]:
    """``n`` synthetic documents with their expected parses (nothing is written)."""
    gen = _Gen(n, seed)
    gen.plan()
    r = _Renderer(gen)
    out = []
    for a in gen.acts:
        text = r.render(a)
        out.append(SynthDoc(a.source, text, _truth(a)))
    return out


def generate_chain(depth: int, seed: int = 0, lang: str = "kk") -> list[SynthDoc]:
    """One act and ``depth`` later acts of the same maslikhat that each amend it, a year or so apart,
    the last of which is followed by a repeal: the deep lineage the lineage report must draw."""
    gen = _Gen(1, seed)
    body = next(b for b in gen.regional if b.key == "kyzylorda-oblast-maslikhat")
    d = date(2000, 3, 1)
    acts: list[Act] = []
    for i in range(depth + 2):
        role = "plan" if i == 0 else ("repeal" if i == depth + 1 else "amend")
        number, raw = gen.next_number(body, d)
        a = Act(i, body, lang, d, number, raw, role, "", "")
        gen.reg_counter += 7
        a.registration = (str(gen.reg_counter), d + timedelta(days=10))
        if role != "plan":
            a.targets = [acts[0]]
            if role == "amend":
                acts[0].amended_by.append(a)
            else:
                acts[0].repealed_by = a
            a.based_on = [(0, True, 6)]
        else:
            a.measures = 12
        gen._titles(a)
        acts.append(a)
        d += timedelta(days=gen.rng.randrange(60, 200))
    gen.acts = acts
    r = _Renderer(gen)
    out = []
    for a in acts:
        text = r.render(a)
        out.append(SynthDoc(a.source, text, _truth(a)))
    return out


def generate_corpus(n: int, out_dir: Path | str, seed: int = 0) -> GroundTruth:
    """Write ``n`` documents and ``ground-truth.jsonl`` into ``out_dir``; the same seed gives the same bytes."""
    from .build import write_atomically  # each file whole or not at all, even when interrupted

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    docs = generate_documents(n, seed)
    lines = []
    for d in docs:
        write_atomically(out / d.source, d.text.encode("utf-8"))
        lines.append(json.dumps(d.truth, ensure_ascii=False, sort_keys=True))
    write_atomically(out / GROUND_TRUTH_FILE, ("\n".join(lines) + "\n").encode("utf-8"))
    return GroundTruth(out, [d.truth for d in docs], seed)


# -- reading the corpus back -----------------------------------------------------------------------------

#: The fields of the JSON contract compared one by one; the reference lists are compared as lists.
DOC_FIELDS = (
    "iri",
    "type",
    "title",
    "language",
    "issuer.iri",
    "issuer.label",
    "date",
    "number",
    "registration",
    "status",
)
REF_FIELDS = ("type", "date", "number", "title", "effective_date", "iri")


@dataclass(frozen=True)
class Mismatch:
    """One field of one document that the parser read differently from the ground truth."""

    source: str
    field: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.source}: {self.field}: expected {self.expected!r}, got {self.got!r}"


def _get(d: dict[str, Any] | None, path: str) -> Any:
    cur: Any = d
    for part in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def _norm_label(s: Any) -> Any:
    return " ".join(s.split()).casefold() if isinstance(s, str) else s


def _ref_key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (r.get("type"), r.get("date"), r.get("number"))


def _ref_view(r: dict[str, Any]) -> dict[str, Any]:
    """A reference as compared: the contract fields, ``effective_date`` absent meaning null; the IRI only
    when the text itself fixes it (type, date and number stated), since otherwise it depends on what else
    the resolver knows (the authority file, the rest of the corpus)."""
    out = {f: r.get(f) for f in REF_FIELDS}
    if not (r.get("type") and r.get("date") and r.get("number")):
        out["iri"] = None
    return out


def compare_parse(
    expected: dict[str, Any], got: dict[str, Any], *, measures: int | None = None
) -> list[Mismatch]:
    """Every difference between a ground-truth record and the parser's JSON for the same document.

    Labels (issuer, registration body) are compared after folding case and spacing only. A reference's
    issuer is compared by the label the contract gives (``issuer.label``); the ground truth names the body
    in the nominative, as the document's own issuer is named.
    """
    src = expected["source"]
    out: list[Mismatch] = []
    for f in DOC_FIELDS:
        e, g = _get(expected, f), _get(got, f)
        if f == "registration" and isinstance(e, dict) and isinstance(g, dict):
            for k in ("number", "date", "body"):
                ek, gk = e.get(k), g.get(k)
                if (_norm_label(ek) if k == "body" else ek) != (_norm_label(gk) if k == "body" else gk):
                    out.append(Mismatch(src, f"registration.{k}", ek, gk))
            continue
        if f.endswith("label"):
            e, g = _norm_label(e), _norm_label(g)
        if e != g:
            out.append(Mismatch(src, f, e, g))
    for name in ("repealed_by", "amended_by", "amends", "repeals", "based_on", "cites"):
        exp = sorted(
            (_ref_view(r) for r in expected.get(name, [])), key=lambda r: tuple(str(x) for x in _ref_key(r))
        )
        gl = got.get(name) or []
        gv = sorted((_ref_view(r) for r in gl), key=lambda r: tuple(str(x) for x in _ref_key(r)))
        if len(exp) != len(gv):
            out.append(Mismatch(src, f"{name}", [_ref_key(r) for r in exp], [_ref_key(r) for r in gv]))
            continue
        for i, (e, g) in enumerate(zip(exp, gv)):
            for k in REF_FIELDS:
                if e.get(k) != g.get(k):
                    out.append(Mismatch(src, f"{name}[{i}].{k}", e.get(k), g.get(k)))
        ei = sorted(_norm_label(_get(r, "issuer.label")) or "" for r in expected.get(name, []))
        gi = sorted(_norm_label(_get(r, "issuer.label")) or "" for r in gl)
        if ei != gi:
            out.append(Mismatch(src, f"{name}[].issuer.label", ei, gi))
    if measures is not None and measures != expected.get("measures", 0):
        out.append(Mismatch(src, "measures", expected.get("measures", 0), measures))
    return out


def read_back(out_dir: Path | str) -> tuple[int, list[Mismatch]]:
    """Parse every document of a generated corpus and compare it with the ground truth.

    Returns the number of fields compared and the mismatches (a parse error is one mismatch, ``parse``).
    """
    from .errors import KglawError
    from .parse.document import parse_file
    from .parse.jsonout import document_to_json

    out = Path(out_dir)
    truth = GroundTruth.read(out)
    mismatches: list[Mismatch] = []
    compared = 0
    for exp in truth.documents:
        try:
            doc = parse_file(out / exp["source"])
        except KglawError as err:
            mismatches.append(Mismatch(exp["source"], "parse", None, str(err)))
            continue
        n = sum(len(p.measures) for p in doc.programmes)
        compared += (
            len(DOC_FIELDS)
            + 1
            + sum(
                1 + len(exp.get(k, [])) * len(REF_FIELDS)
                for k in ("repealed_by", "amended_by", "amends", "repeals", "based_on", "cites")
            )
        )
        mismatches.extend(compare_parse(exp, document_to_json(doc), measures=n))
    return compared, mismatches

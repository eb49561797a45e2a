"""Issuing bodies: the words of a text (any case, Kazakh or Russian) → an :class:`~kglaw.model.Issuer`
with its agency slug.

Slugs follow docs/CONTRIBUTING-agents.md: ``government``, ``president``, ``parliament``,
``prime-minister``, ``national-bank``; ``{region}-oblast-maslikhat``, ``{region}-oblast-akimat``,
``{city}-city-maslikhat``, ``{district}-district-akimat`` …; justice bodies
``{region}-oblast-justice-department``; ministries by their English name
(``ministry-of-labour-and-social-protection-of-population``). A maslikhat or akimat is identified by
its oblast, district or city (Law of the RK of 23 January 2001 No. 148-II "On local state
administration and self-government", arts. 6 and 27: each territorial unit has one maslikhat and one
akimat).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..identifiers import slugify
from ..model import Issuer

__all__ = [
    "CITIES",
    "REGIONS",
    "find_region",
    "kk_nominative",
    "ministry_slug",
    "organisation_issuer",
    "resolve_issuer",
    "resolve_justice_body",
]

#: Oblast slug → (Kazakh name stem, Russian stem). Both are matched case-insensitively as word prefixes.
REGIONS: dict[str, tuple[str, str]] = {
    "north-kazakhstan": (r"солтүстік\s+қазақстан", r"северо-?\s?казахстанск"),
    "east-kazakhstan": (r"шығыс\s+қазақстан", r"восточно-?\s?казахстанск"),
    "west-kazakhstan": (r"батыс\s+қазақстан", r"западно-?\s?казахстанск"),
    "south-kazakhstan": (r"оңтүстік\s+қазақстан", r"южно-?\s?казахстанск"),
    "kyzylorda": (r"қызылорда", r"кызылординск"),
    "atyrau": (r"атырау", r"атырауск"),
    "almaty": (r"алматы", r"алматинск"),
    "akmola": (r"ақмола", r"акмолинск"),
    "aktobe": (r"ақтөбе", r"актюбинск"),
    "zhambyl": (r"жамбыл", r"жамбылск"),
    "mangystau": (r"маңғыстау", r"мангистауск|мангыстауск"),
    "karaganda": (r"қарағанды", r"карагандинск"),
    "kostanay": (r"қостанай", r"костанайск|кустанайск"),
    "pavlodar": (r"павлодар", r"павлодарск"),
    "turkestan": (r"түркістан", r"туркестанск"),
    "abai": (r"абай", r"(?<=области\s)абай"),
    "zhetisu": (r"жетісу", r"(?<=области\s)(?:жетісу|жетысу)"),
    "ulytau": (r"ұлытау", r"(?<=области\s)(?:ұлытау|улытау)"),
}
#: Cities of republican significance (their maslikhat and akimat are of oblast rank).
CITIES: dict[str, tuple[str, str]] = {
    "astana": (r"астана|нұр-сұлтан", r"астан[аыеу]|астанинск|нур-султан[аеу]?"),
    "almaty": (r"алматы", r"алматы|алматинск"),
    "shymkent": (r"шымкент", r"шымкент[аеу]?"),
}

_KK_OBLAST = r"облыс(?:ы|тық|ының|тың|қа|та)?"
_RU_OBLAST = r"област(?:и|ь|ного|ной|ному|ным|ном)"

_REGION_RES = [
    (
        slug,
        re.compile(
            rf"(?<![\w-])(?:{kk})[\w]*\s+{_KK_OBLAST}\b|(?:{ru})(?:ой|ая|ую|ого|ий|ом|ая)?\s+{_RU_OBLAST}|{_RU_OBLAST}\s+(?:{ru})",
            re.IGNORECASE,
        ),
    )
    for slug, (kk, ru) in REGIONS.items()
]
_REGION_ADJ_RES = [
    # "Кызылординского областного маслихата", "Қызылорда облыстық мәслихаты" (handled above) …
    (slug, re.compile(rf"(?:{ru})(?:ого|ий|ом|ому|им)\s+областн", re.IGNORECASE))
    for slug, (_, ru) in REGIONS.items()
]
_CITY_RES = [
    (
        slug,
        re.compile(
            rf"(?<![\w-])(?:{kk})\s+қала(?:сы|лық|ның|сының)?\b|(?:город[аеу]?\s+)(?:{ru})\b|(?:{ru})[а-я]*\s+городск",
            re.IGNORECASE,
        ),
    )
    for slug, (kk, ru) in CITIES.items()
]
_BARE_OBLAST = re.compile(rf"(?<![\w-])(?:{_KK_OBLAST}|облыстық|областн\w+|{_RU_OBLAST})", re.IGNORECASE)

# District: "Созақ аудандық мәслихатының", "Жамбыл ауданы әкімдігінің", "Сузакского районного маслихата",
# "акимата Сузакского района".
_KK_DISTRICT = re.compile(
    r"(?P<name>[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*(?:\s+[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*)?)\s+аудан(?:ы|дық|ының|дың)?\b"
)
_RU_DISTRICT = re.compile(
    r"(?P<name>[А-ЯЁ][\w-]*?)(?:ского|ский|ском|скому)\s+район(?:ного|ный|ном|а|е|у)?\b|"
    r"район(?:а|е|у)?\s+(?P<name2>[А-ЯЁӘІҢҒҮҰҚӨҺ][\w-]+)"
)
# Other cities (of oblast or district significance): "Қапшағай қалалық мәслихатының", "города Капшагай".
_KK_TOWN = re.compile(r"(?P<name>[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*)\s+қала(?:сы|лық|сының|ның)?\b")
_RU_TOWN = re.compile(
    r"(?P<name>[А-ЯЁ][\w-]*?)(?:ского|ский|ском|инского)\s+городск|город(?:а|е|у)?\s+(?P<name2>[А-ЯЁӘІҢҒҮҰҚӨҺ][\w-]+)"
)

#: Ministry stems (kk, ru) → English slug. Longer names first: "денсаулық сақтау және әлеуметтік даму"
#: must win over "денсаулық сақтау".
MINISTRIES: list[tuple[str, str, str]] = [
    (
        r"еңбек\s+және\s+халықты\s+әлеуметтік\s+қорғау",
        r"труда\s+и\s+социальной\s+защиты\s+населения",
        "ministry-of-labour-and-social-protection-of-population",
    ),
    (
        r"денсаулық\s+сақтау\s+және\s+әлеуметтік\s+даму",
        r"здравоохранения\s+и\s+социального\s+развития",
        "ministry-of-healthcare-and-social-development",
    ),
    (r"денсаулық\s+сақтау", r"здравоохранения", "ministry-of-healthcare"),
    (r"білім\s+және\s+ғылым", r"образования\s+и\s+науки", "ministry-of-education-and-science"),
    (
        r"ғылым\s+және\s+жоғары\s+білім",
        r"науки\s+и\s+высшего\s+образования",
        "ministry-of-science-and-higher-education",
    ),
    (r"оқу-ағарту", r"просвещения", "ministry-of-education"),
    (r"ұлттық\s+экономика", r"национальной\s+экономики", "ministry-of-national-economy"),
    (r"қаржы", r"финансов", "ministry-of-finance"),
    (r"әділет", r"юстиции", "ministry-of-justice"),
    (r"ішкі\s+істер", r"внутренних\s+дел", "ministry-of-internal-affairs"),
    (r"мәдениет\s+және\s+ақпарат", r"культуры\s+и\s+информации", "ministry-of-culture-and-information"),
    (r"мәдениет\s+және\s+спорт", r"культуры\s+и\s+спорта", "ministry-of-culture-and-sports"),
    (
        r"ақпарат\s+және\s+қоғамдық\s+даму",
        r"информации\s+и\s+общественного\s+развития",
        "ministry-of-information-and-social-development",
    ),
    (
        r"ақпарат\s+және\s+коммуникациялар",
        r"информации\s+и\s+коммуникаций",
        "ministry-of-information-and-communications",
    ),
    (
        r"цифрлық\s+даму",
        r"цифрового\s+развития",
        "ministry-of-digital-development-innovation-and-aerospace-industry",
    ),
    (
        r"индустрия\s+және\s+инфрақұрылымдық\s+даму",
        r"индустрии\s+и\s+инфраструктурного\s+развития",
        "ministry-of-industry-and-infrastructure-development",
    ),
    (
        r"өнеркәсіп\s+және\s+құрылыс",
        r"промышленности\s+и\s+строительства",
        "ministry-of-industry-and-construction",
    ),
    (
        r"инвестициялар\s+және\s+даму",
        r"по\s+инвестициям\s+и\s+развитию",
        "ministry-of-investment-and-development",
    ),
    (r"көлік", r"транспорта", "ministry-of-transport"),
    (r"ауыл\s+шаруашылығы", r"сельского\s+хозяйства", "ministry-of-agriculture"),
    (r"экология", r"экологии", "ministry-of-ecology-and-natural-resources"),
    (r"энергетика", r"энергетики", "ministry-of-energy"),
    (r"төтенше\s+жағдайлар", r"по\s+чрезвычайным\s+ситуациям", "ministry-of-emergency-situations"),
    (r"сыртқы\s+істер", r"иностранных\s+дел", "ministry-of-foreign-affairs"),
    (r"қорғаныс", r"обороны", "ministry-of-defence"),
    (r"сауда\s+және\s+интеграция", r"торговли\s+и\s+интеграции", "ministry-of-trade-and-integration"),
    (r"туризм\s+және\s+спорт", r"туризма\s+и\s+спорта", "ministry-of-tourism-and-sports"),
    (r"су\s+ресурстары", r"водных\s+ресурсов", "ministry-of-water-resources-and-irrigation"),
]
_MINISTRY_RES = [(re.compile(rf"(?:{kk}|{ru})", re.IGNORECASE), slug) for kk, ru, slug in MINISTRIES]
_MINISTRY_WORD = re.compile(r"(?<!премьер-)(?<!премьер\s)министр|министерств", re.IGNORECASE)
_KK_MINISTRY_NAME = re.compile(
    r"(?P<name>[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*(?:,?\s+(?:және\s+)?[\w-]+){0,8}?)\s+министр(?:і|лігі)", re.UNICODE
)
_RU_MINISTRY_NAME = re.compile(
    r"(?:Министр\w*|министр\w*)\s+(?P<name>(?:по\s+)?[\w-]+(?:,?\s+(?:и\s+)?[\w-]+){0,8}?)\s+(?:Республики|РК\b)"
)

_BODIES: list[tuple[str, re.Pattern[str]]] = [
    (
        "joint",
        re.compile(
            r"(?:әкімдіг|әкімият|акимат)\w*.*(?:мәслихат|маслихат)|(?:мәслихат|маслихат)\w*.*(?:әкімдіг|әкімият|акимат)",
            re.IGNORECASE,
        ),
    ),
    ("national-bank", re.compile(r"Ұлттық\s+Банк|Национальн\w+\s+Банк", re.IGNORECASE)),
    ("prime-minister", re.compile(r"Премьер-?\s?Министр(?!\w*\s+орынбасар)(?!\w*\s*[-–]\s*)", re.IGNORECASE)),
    ("ministry", _MINISTRY_WORD),
    ("maslikhat", re.compile(r"мәслихат|маслихат", re.IGNORECASE)),
    ("akimat", re.compile(r"әкімдіг|әкімият|акимат", re.IGNORECASE)),
    ("akim", re.compile(r"әкім(?:і|інің|інің)\b|аким(?:а|ом)?\b", re.IGNORECASE)),
    ("government", re.compile(r"Үкімет|Правительств", re.IGNORECASE)),
    ("president", re.compile(r"Президент", re.IGNORECASE)),
    ("parliament", re.compile(r"Парламент|Мәжіліс|Мажилис|Сенат", re.IGNORECASE)),
    (
        "constitutional-court",
        re.compile(
            r"Конституциялық\s+Сот|Конституционн\w+\s+Суд|Конституциялық\s+Кеңес|Конституционн\w+\s+Совет",
            re.IGNORECASE,
        ),
    ),
    ("supreme-court", re.compile(r"Жоғарғы\s+Сот|Верховн\w+\s+Суд", re.IGNORECASE)),
    (
        "central-election-commission",
        re.compile(r"Орталық\s+сайлау\s+комиссия|Центральн\w+\s+избирательн", re.IGNORECASE),
    ),
    ("agency", re.compile(r"агенттіг|агентств", re.IGNORECASE)),
    ("committee", re.compile(r"комитет", re.IGNORECASE)),
]


def kk_nominative(phrase: str) -> str:
    """The Kazakh genitive of a body name in the nominative (last word only): ``Қызылорда облыстық
    мәслихатының`` → ``Қызылорда облыстық мәслихаты``; ``Үкіметінің`` → ``Үкіметі``.

    >>> kk_nominative("Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің")
    'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрі'
    """
    words = phrase.split()
    if not words:
        return phrase
    w = words[-1]
    for suf, rep in (("ының", "ы"), ("інің", "і"), ("сының", "сы"), ("сінің", "сі")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            w = w[: -len(suf)] + rep
            break
    else:
        for suf in ("ның", "нің", "дың", "дің", "тың", "тің"):
            if w.endswith(suf) and len(w) > len(suf) + 2:
                w = w[: -len(suf)]
                break
    words[-1] = w
    return " ".join(words)


def find_region(phrase: str) -> str | None:
    """The oblast a phrase names, as a slug, or None."""
    for slug, rx in _REGION_RES:
        if rx.search(phrase):
            return slug
    for slug, rx in _REGION_ADJ_RES:
        if rx.search(phrase):
            return slug
    return None


def _find_city(phrase: str) -> str | None:
    for slug, rx in _CITY_RES:
        if rx.search(phrase):
            return slug
    return None


def ministry_slug(phrase: str) -> str | None:
    """The English slug of the ministry a phrase names (any case, kk or ru), or None.

    >>> ministry_slug("Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің")
    'ministry-of-healthcare-and-social-development'
    >>> ministry_slug("Министра труда и социальной защиты населения Республики Казахстан")
    'ministry-of-labour-and-social-protection-of-population'
    """
    for rx, slug in _MINISTRY_RES:
        if rx.search(phrase):
            return slug
    m = _KK_MINISTRY_NAME.search(phrase) or _RU_MINISTRY_NAME.search(phrase)
    if m:
        name = re.sub(r"^(?:Қазақстан\s+Республикасы(?:ның)?\s+)", "", m.group("name"))
        s = slugify(name)
        return f"ministry-of-{s}" if s else None
    return None


def _kind(phrase: str) -> str | None:
    for kind, rx in _BODIES:
        if rx.search(phrase):
            return kind
    return None


_RU_HEAD = {
    "маслихата": "маслихат",
    "акимата": "акимат",
    "акима": "аким",
    "правительства": "Правительство",
    "министра": "Министр",
    "министерства": "Министерство",
    "президента": "Президент",
    "премьер-министра": "Премьер-Министр",
    "правления": "Правление",
    "агентства": "Агентство",
    "комитета": "Комитет",
    "председателя": "Председатель",
    "парламента": "Парламент",
    "департамента": "Департамент",
    "управления": "Управление",
    "банка": "Банк",
    "суда": "Суд",
    "совета": "Совет",
    "комиссии": "Комиссия",
}
_RU_ADJ_NOM = {
    "областного": "областной",
    "городского": "городской",
    "районного": "районный",
    "сельского": "сельский",
    "поселкового": "поселковый",
    "национального": "Национальный",
    "исполняющего": "исполняющий",
    "временно": "временно",
}


def ru_nominative(phrase: str) -> str:
    """A Russian body name in the genitive, in the nominative: the adjectives before the head noun and
    the head noun change, what follows the head stays (it is a genitive of the name itself).

    >>> ru_nominative("Акмолинского областного маслихата")
    'Акмолинский областной маслихат'
    >>> ru_nominative("акимата Атырауской области"), ru_nominative("Министра труда и социальной защиты населения Республики Казахстан")
    ('акимат Атырауской области', 'Министр труда и социальной защиты населения Республики Казахстан')
    >>> ru_nominative("Правления Национального Банка Республики Казахстан")
    'Правление Национального Банка Республики Казахстан'
    """
    words = phrase.split()
    for i, w in enumerate(words):
        low = w.lower()
        if low in _RU_HEAD:
            head = _RU_HEAD[low]
            words[i] = head if w[:1].isupper() or head[:1].isupper() else head.lower()
            if w[:1].isupper():
                words[i] = words[i][:1].upper() + words[i][1:]
            for k in range(i):
                words[k] = _ru_adj(words[k])
            return " ".join(words)
    return phrase


def _ru_adj(w: str) -> str:
    low = w.lower()
    if low in _RU_ADJ_NOM:
        rep = _RU_ADJ_NOM[low]
        return rep[:1].upper() + rep[1:] if w[:1].isupper() else rep.lower()
    for suf, rep in (
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ного", "ный"),
        ("ового", "овый"),
        ("его", "ий"),
        ("ого", "ый"),
    ):
        if w.endswith(suf):
            return w[: -len(suf)] + rep
    return w


def _label(phrase: str) -> str:
    p = re.sub(r"\s+", " ", phrase).strip(" ,.;:-–")
    # the state's abbreviation written out, as the body's own name has it
    p = re.sub(r"(?<![\w-])РК(?![\w-])", "Республики Казахстан", p)
    p = re.sub(r"(?<![\w-])ҚР(?![\w-])", "Қазақстан Республикасы", p)
    p = re.sub(r"\s+м\.\s?а$", " міндетін атқарушы", p)  # "министрінің м.а." = acting minister
    if re.search(r"[әіңғүұқөһ]", p.lower()):
        p = kk_nominative(p)
    elif re.search(r"[а-яё]", p.lower()):
        p = ru_nominative(p)
    return p[:1].upper() + p[1:] if p else p


_SIGNING_POST = re.compile(r"^(?:Председател[ьяю]|Правлени[ея]|Руководител[ьяю])\s+(?=[А-ЯЁ])")
_SIGNING_POST_KK = re.compile(r"\s+(?:[Тт]өрағасы|[Бб]асшысы)$")


# A rural okrug or a village whose akim issues an act: "Ақсу ауылдық округі әкімінің", "акима Аксуского
# сельского округа", "акима поселка Жибек Жолы", "Жібек жолы кентінің әкімі".
_KK_LOCAL = re.compile(
    r"(?P<name>[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*(?:\s+[А-ЯӘІҢҒҮҰҚӨҺа-яәіңғүұқөһ][\w-]*)?)\s+"
    r"(?P<unit>ауылдық\s+округ|ауылы|кенті)\w*"
)
_RU_LOCAL = re.compile(
    r"(?P<adj>[А-ЯЁ][\w-]*?)ского\s+(?:сельского|поселкового)\s+округа|"
    r"(?P<unit>поселка|села|аула)\s+(?P<name>[А-ЯЁӘІҢҒҮҰҚӨҺ][\w-]*(?:\s+[А-ЯЁӘІҢҒҮҰҚӨҺ][\w-]*)?)"
)


def _local_unit(phrase: str) -> tuple[str, str] | None:
    """``(slug, level)`` of the rural okrug (``rural-okrug``) or village (``village``) a phrase names."""
    m = _KK_LOCAL.search(phrase)
    if m:
        level = "rural-okrug" if m.group("unit").startswith("ауылдық") else "village"
        return slugify(m.group("name")), level
    m = _RU_LOCAL.search(phrase)
    if m and m.group("adj"):
        return slugify(m.group("adj")), "rural-okrug"
    if m:
        return slugify(m.group("name")), "village"
    return None


def resolve_issuer(phrase: str, context: Issuer | None = None) -> Issuer | None:
    """The body a phrase names (see :func:`_resolve_issuer`); a fresh copy, from a cache: texts name the
    same few bodies over and over."""
    ctx = (context.region, context.level) if context is not None else None
    hit = _resolve_cached(phrase, ctx)
    return replace(hit) if hit is not None else None


@lru_cache(maxsize=4096)
def _resolve_cached(phrase: str, ctx: tuple[str | None, str | None] | None) -> Issuer | None:
    context = Issuer(key="", region=ctx[0], level=ctx[1]) if ctx else None
    return _resolve_issuer(phrase, context)


def _resolve_issuer(phrase: str, context: Issuer | None = None) -> Issuer | None:
    """The body a phrase names, or None when the words name no body kglaw knows.

    ``context`` is the issuer of the document the phrase is read in: a bare ``облыс әкімдігі`` /
    ``облыстық мәслихат`` ("the oblast akimat") in an act of an oblast body means that oblast.

    >>> i = resolve_issuer("Қызылорда облыстық мәслихатының")
    >>> (i.key, i.kind, i.level, i.region, i.label)
    ('kyzylorda-oblast-maslikhat', 'maslikhat', 'oblast', 'kyzylorda', 'Қызылорда облыстық мәслихаты')
    >>> resolve_issuer("акимата Атырауской области").key
    'atyrau-oblast-akimat'
    >>> resolve_issuer("Қазақстан Республикасы Үкіметінің").key
    'government'
    >>> resolve_issuer("Сузакского районного маслихата Туркестанской области").key
    'suzak-district-maslikhat'
    """
    if not phrase or not phrase.strip():
        return None
    kind = _kind(phrase)
    if kind is None:
        return None
    label = _label(phrase)
    if kind in (
        "government",
        "president",
        "parliament",
        "prime-minister",
        "national-bank",
        "constitutional-court",
        "supreme-court",
        "central-election-commission",
    ):
        return Issuer(key=kind, label=label, kind=kind, level="republican")
    if kind == "ministry":
        slug = ministry_slug(phrase)
        return Issuer(key=slug, label=label, kind="ministry", level="republican") if slug else None
    if kind in ("agency", "committee"):
        # the body, not the post or board that signs for it: "Председатель Агентства …", "Правление
        # Агентства …" are the agency's acts ("Агентство …")
        body_name = _SIGNING_POST.sub("", label)
        if body_name != label:
            body_name = ru_nominative(body_name)
        body_name = _SIGNING_POST_KK.sub("", body_name)
        s = slugify(re.sub(r"^(?:Қазақстан\s+Республикасы(?:ның)?|Республики\s+Казахстан)\s*", "", body_name))
        return Issuer(key=s, label=label, kind=kind, level="republican") if s else None
    body = {"joint": "akimat-and-maslikhat"}.get(kind, kind)
    kind_out = "joint" if kind == "joint" else kind
    region = find_region(phrase)
    district = None
    dm = _KK_DISTRICT.search(phrase) or _RU_DISTRICT.search(phrase)
    local = _local_unit(phrase) if kind == "akim" else None
    if local is not None:
        # the akim of a rural okrug or a village, within its district: not the district's akim
        unit, level = local
        district = slugify(dm.group("name").split()[-1] if dm and dm.group("name") else "") if dm else None
        prefix = f"{district}-district-" if district else ""
        return Issuer(
            key=f"{prefix}{unit}-{level}-{body}",
            label=label,
            kind=kind_out,
            level=level,
            region=region,
            district=district or None,
        )
    if dm is not None:
        name = dm.groupdict().get("name") or dm.groupdict().get("name2") or ""
        # "Қызылорда облысы Жаңақорған ауданы": the district is the last capitalised name before ауданы.
        name = name.split()[-1]
        district = slugify(name)
        if district and find_region(name + " облысы") is None:
            return Issuer(
                key=f"{district}-district-{body}",
                label=label,
                kind=kind_out,
                level="district",
                region=region,
                district=district,
            )
    city = _find_city(phrase)
    if city and re.search(r"қала|город", phrase, re.IGNORECASE):
        return Issuer(key=f"{city}-city-{body}", label=label, kind=kind_out, level="city", region=city)
    tm = _KK_TOWN.search(phrase)
    rm = None if tm else _RU_TOWN.search(phrase)
    town_m = tm or rm
    if town_m is not None:
        name = town_m.groupdict().get("name") or town_m.groupdict().get("name2") or ""
        if rm is not None and rm.group("name2"):
            name = _ru_town_nominative(name)
        town = slugify(name)
        if town and town not in ("kazakstan", "kazakhstan"):
            return Issuer(
                key=f"{town}-city-{body}", label=label, kind=kind_out, level="city", region=region or town
            )
    if (
        region is None
        and context is not None
        and context.region
        and context.level == "oblast"
        and _BARE_OBLAST.search(phrase)
    ):
        region = context.region
    if region is None:
        return None
    return Issuer(key=f"{region}-oblast-{body}", label=label, kind=kind_out, level="oblast", region=region)


def _ru_town_nominative(name: str) -> str:
    """``города Павлодара`` → Павлодар, ``Костаная`` → Костанай, ``Кызылорды`` → Кызылорда (a guess by
    the usual endings; indeclinable names such as Актобе, Текели stay)."""
    if re.search(r"[бвгджзклмнпрстфхцчшщ]а$", name):
        return name[:-1]
    if name.endswith("я") and len(name) > 3:
        return name[:-1] + "й"
    if name.endswith("ы") and len(name) > 3:
        return name[:-1] + "а"
    return name


@lru_cache(maxsize=1024)  # pure, and a text names its justice body again and again
def resolve_justice_body(phrase: str) -> tuple[str, str | None]:
    """``(label, slug)`` of the justice body a registration line names.

    >>> resolve_justice_body("Қызылорда облысы Әділет департаментінде")
    ('Қызылорда облысы Әділет департаменті', 'kyzylorda-oblast-justice-department')
    >>> resolve_justice_body("в Министерстве юстиции Республики Казахстан")[1]
    'ministry-of-justice'
    >>> resolve_justice_body("Управлением юстиции Кармакшинского района Кызылординской области")
    ('Управление юстиции Кармакшинского района Кызылординской области', None)
    """
    p = re.sub(r"\s+", " ", phrase).strip(" ,.;:-–")
    p = re.sub(r"^(?:в|во|с|со)\s+", "", p)
    label = p
    # kk locative → nominative: департаментінде → департаменті, басқармасында → басқармасы
    label = re.sub(
        r"(департамент|басқармас|министрліг|органдар|тізілім)(?:ы|і)?(?:нда|нде|да|де|та|те)$",
        lambda m: (
            m.group(1) + ("ы" if m.group(1) in ("басқармас",) else "і" if m.group(1) != "органдар" else "ы")
        ),
        label,
    )
    # ru instrumental / prepositional → nominative: "Департаментом юстиции …" → "Департамент юстиции …"
    label = re.sub(
        r"^(Департамент|Управлени|Министерств|Реестр)(?:ом|е|ем|ии|а)\b",
        lambda m: (
            m.group(1) + {"Департамент": "", "Управлени": "е", "Министерств": "о", "Реестр": ""}[m.group(1)]
        ),
        label,
    )
    label = label[:1].upper() + label[1:]
    if re.search(r"министрліг|министерств", p, re.IGNORECASE):
        return label, "ministry-of-justice"
    if re.search(r"\bрайон|\bаудан", p, re.IGNORECASE):
        # a district's justice office ("Управление юстиции Кармакшинского района", "… ауданының Әділет
        # басқармасы") is not its oblast's department, and the slugs have no district level
        return label, None
    region = find_region(p)
    if region:
        return label, f"{region}-oblast-justice-department"
    city = _find_city(p)
    if city:
        return label, f"{city}-city-justice-department"
    return label, None


_ORG_FORMS = [
    (
        re.compile(r"қоғамдық\s+бірлестіг|общественн\w+\s+объединени|\bҚБ\b|\bОО\b", re.IGNORECASE),
        "public-association",
    ),
    (re.compile(r"қоғамдық\s+қор|общественн\w+\s+фонд|\bҚҚ\b|\bОФ\b", re.IGNORECASE), "public-foundation"),
    (
        re.compile(
            r"жауапкершілігі\s+шектеулі|товариществ\w+\s+с\s+ограниченн|\bЖШС\b|\bТОО\b", re.IGNORECASE
        ),
        "llp",
    ),
    (re.compile(r"акционерлік\s+қоғам|акционерн\w+\s+обществ|\bАҚ\b|\bАО\b", re.IGNORECASE), "jsc"),
    (re.compile(r"заңды\s+тұлғалар\s+бірлестіг|объединени\w+\s+юридическ", re.IGNORECASE), "association"),
]
_QUOTED_NAME = re.compile(r"[«\"“„]\s*(?P<name>[^«»\"“”„]{2,80}?)\s*[»\"”“]")


def organisation_issuer(phrase: str) -> Issuer | None:
    """A non-state author (a public association, foundation or company) named as ``«Name» form``.

    >>> organisation_issuer("«Қорған-М» Қоғамдық Бірлестігінің,").key
    'korgan-m-public-association'
    """
    m = _QUOTED_NAME.search(phrase)
    if not m:
        return None
    for rx, form in _ORG_FORMS:
        if rx.search(phrase):
            name = slugify(m.group("name"))
            if not name:
                return None
            return Issuer(key=f"{name}-{form}", label=_label(phrase), kind="organisation", level=None)
    return None

"""The agency registry (data/authority/agencies.ttl) and kglaw.agencies.resolve_agency."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF

from kglaw.agencies import (
    REGIONS,
    agency_index,
    agency_label,
    predecessors,
    registry_turtle,
    resolve_agency,
    successors,
)
from kglaw.namespaces import AGENCY, KGL, SOURCE

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "data" / "authority" / "agencies.ttl"
RAW = ROOT / "data" / "raw"


def _seed_lines(stem: str) -> list[str]:
    return (RAW / f"{stem}.txt").read_text(encoding="utf-8").split("\n")


def _seed(prefix: str) -> str:
    return next(RAW.glob(f"{prefix}_*.txt")).stem


@pytest.fixture(scope="module")
def registry() -> Graph:
    g = Graph()
    g.parse(REGISTRY, format="turtle")
    return g


def a(slug: str) -> str:
    return str(AGENCY[slug])


# -- the file ----------------------------------------------------------------------------------------


def test_registry_file_parses(registry: Graph) -> None:
    assert len(registry) > 1000


def test_registry_file_is_what_the_generator_gives() -> None:
    assert REGISTRY.read_text(encoding="utf-8") == registry_turtle(), "run `python -m kglaw.agencies`"


def test_slugs_follow_the_rules(registry: Graph) -> None:
    for s in set(registry.subjects(RDF.type, ORG.Organization)):
        slug = str(s).removeprefix(str(AGENCY))
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug


def test_every_region_has_maslikhat_akimat_and_justice_department(registry: Graph) -> None:
    oblasts = {r["slug"] for r in REGIONS if r["kind"] == "oblast" and not r.get("former")}
    cities = {r["slug"] for r in REGIONS if r["kind"] == "city"}
    assert len(oblasts) == 17 and cities == {"astana", "almaty", "shymkent"}
    for slug, kind in [(o, "oblast") for o in oblasts] + [(c, "city") for c in cities]:
        for body in ("maslikhat", "akimat", "justice-department"):
            node = AGENCY[f"{slug}-{kind}-{body}"]
            assert (node, RDF.type, KGL.Agency) in registry, node
            assert registry.value(node, KGL.region) == Literal(slug)
            assert registry.value(node, KGL.level) == Literal(kind)
            assert registry.value(node, KGL.bodyKind) == Literal(body)


def test_levels_are_from_the_closed_list(registry: Graph) -> None:
    levels = {str(o) for o in registry.objects(None, KGL.level)}
    assert levels <= {"republican", "oblast", "city", "district", "local"}


def test_every_body_has_labels_in_kk_and_en(registry: Graph) -> None:
    idx = agency_index()
    for rec in idx.records.values():
        assert rec.labels.get("kk") and rec.labels.get("en"), rec.iri


# -- provenance: never a fact without its source -----------------------------------------------------


def _cited_text(registry: Graph, node: URIRef) -> str | None:
    src = registry.value(node, KGL.sourceDocument)
    if src is None:
        return None
    start = int(registry.value(node, KGL.lineStart))
    end = int(registry.value(node, KGL.lineEnd))
    lines = _seed_lines(str(src).removeprefix(str(SOURCE)))
    assert 1 <= start <= end <= len(lines), (node, start, end)
    return " ".join(lines[start - 1 : end])


def test_every_body_cites_a_seed_or_an_act(registry: Graph) -> None:
    for s in set(registry.subjects(RDF.type, ORG.Organization)):
        assert (
            registry.value(s, KGL.sourceDocument) is not None or registry.value(s, DCTERMS.source) is not None
        ), s


def test_every_statement_cites_a_seed_or_an_act(registry: Graph) -> None:
    statements = set(registry.subjects(RDF.type, RDF.Statement))
    assert statements
    for st in statements:
        has_seed = registry.value(st, KGL.sourceDocument) is not None
        assert has_seed or registry.value(st, DCTERMS.source) is not None, st
        if has_seed:
            assert (
                registry.value(st, KGL.lineStart) is not None and registry.value(st, KGL.lineEnd) is not None
            )
        s, p, o = (registry.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in registry, st


def _squash(text: str) -> str:
    return re.sub(r"[\s\"«»]+", "", text).lower().replace("i", "і")


def test_cited_lines_contain_the_abbreviation_or_label(registry: Graph) -> None:
    checked = 0
    for st in set(registry.subjects(RDF.type, RDF.Statement)):
        text = _cited_text(registry, st)
        if text is None or registry.value(st, RDF.predicate) == ORG.subOrganizationOf:
            continue
        obj = _squash(str(registry.value(st, RDF.object)))
        # an abbreviation is cited as written; a label may be inflected there, so compare its stem
        key = obj if len(obj) <= 10 else obj[:-3]
        assert key in _squash(text), (st, obj, text)
        checked += 1
    assert checked > 40


def test_node_lines_exist_and_name_the_body(registry: Graph) -> None:
    for s in set(registry.subjects(RDF.type, ORG.Organization)):
        text = _cited_text(registry, s)
        if text is None:
            continue
        squashed = _squash(text)
        names = [str(x) for x in registry.objects(s, None) if isinstance(x, Literal) and x.language == "kk"]
        # some word of a Kazakh name (or an abbreviation) is on the cited lines
        words = {w[:5].lower().replace("i", "і") for n in names for w in re.findall(r"\w{4,}", n)}
        words |= {_squash(str(ab)) for ab in registry.objects(s, KGL.abbreviation)}
        words -= {"қазақ", "респу", "облыс"}
        assert any(w in squashed for w in words), (s, text)


# -- resolution: legends, abbreviations, case forms -------------------------------------------------


def _legend_004() -> list[tuple[str, str, int]]:
    lines = _seed_lines(_seed("004"))
    out = []
    for n in range(1797, 1842):
        m = re.match(r"^\s*(.+?)\s+–\s+(.+?)\s*$", lines[n - 1])
        if m:
            out.append((m.group(1), m.group(2), n))
    return out


def _legend_000() -> list[tuple[str, str, int]]:
    lines = _seed_lines(_seed("000"))
    out = []
    n = 1653
    while n <= 1664:
        m = re.match(r"^\s*(\S+(?: жәБД)?)\s+-\s+(.+?)\s*$", lines[n - 1])
        if m:
            full = m.group(2)
            # an entry runs on to the next line when that line starts lower case or letter-spaced
            nxt = lines[n].strip() if n < len(lines) else ""
            if nxt and not re.match(r"^\S+(?: жәБД)?\s+-\s", nxt):
                full += " " + nxt
            out.append((m.group(1), full, n))
        n += 1
    return out


def test_legend_of_seed_004_is_read_whole() -> None:
    assert len(_legend_004()) == 22


def test_legend_of_seed_000_is_read_whole() -> None:
    assert [ab for ab, _, _ in _legend_000()] == ["ҚОЖҚҮ жәБД", "ЕжХәҚМҚОБД", "ЭжБЖД", "КжҮД", "ІІД", "АШД"]


@pytest.mark.parametrize("abbr,full,line", _legend_004(), ids=lambda x: str(x))
def test_every_abbreviation_in_the_004_legend_resolves(abbr: str, full: str, line: int) -> None:
    by_abbr = resolve_agency(abbr)
    assert by_abbr is not None, (abbr, line)
    assert resolve_agency(full) == by_abbr
    assert resolve_agency(abbr, {abbr: full}) == by_abbr


@pytest.mark.parametrize("abbr,full,line", _legend_000(), ids=lambda x: str(x))
def test_every_abbreviation_in_the_000_legend_resolves(abbr: str, full: str, line: int) -> None:
    by_abbr = resolve_agency(abbr, region="kyzylorda")
    assert by_abbr is not None and by_abbr.startswith(a("kyzylorda-oblast-")), (abbr, by_abbr)
    legend = {ab: f for ab, f, _ in _legend_000()}
    assert resolve_agency(abbr, legend, "kyzylorda") == by_abbr


@pytest.mark.parametrize(
    "text,slug",
    [
        # seed 002 has no legend; these abbreviations stand in its executors column
        ("Еңбекми ні", "ministry-of-labour-and-social-protection-of-population"),
        ("ДСМ", "ministry-of-healthcare"),
        ("БҒМ", "ministry-of-education-and-science"),
        ("ИИДМ", "ministry-of-industry-and-infrastructure-development"),
        ("МСМ", "ministry-of-culture-and-sport"),
        ("ЦДИАӨ М", "ministry-of-digital-development-innovation-and-aerospace-industry"),
        ("АҚДМ", "ministry-of-information-and-social-development"),
        ("І І М ,", "ministry-of-internal-affairs"),
        ("О М ,", "ministry-of-enlightenment"),
        ("ҒЖБМ", "ministry-of-science-and-higher-education"),
        ("Қаржыми ні", "ministry-of-finance"),
        ("ҰЭМ", "ministry-of-national-economy"),
        ("ЖАО", "local-executive-bodies"),
        ("ЕХӘҚМ", "ministry-of-labour-and-social-protection-of-population"),
    ],
)
def test_table_abbreviations_resolve(text: str, slug: str) -> None:
    assert resolve_agency(text) == a(slug)


@pytest.mark.parametrize(
    "text,region,slug",
    [
        ("Еңбекминіне", None, "ministry-of-labour-and-social-protection-of-population"),  # dative
        ("Еңбекминінің", None, "ministry-of-labour-and-social-protection-of-population"),  # genitive
        ("Еңбекминиі", None, "ministry-of-labour-and-social-protection-of-population"),  # typo in 004 l.1129
        ("ОМ-ге", None, "ministry-of-enlightenment"),
        ("ТСМ-ға", None, "ministry-of-tourism-and-sport"),
        ("OM", None, "ministry-of-enlightenment"),  # Latin look-alikes
        ("Қазақстан Республикасының Денсаулық сақтау министрлігінің", None, "ministry-of-healthcare"),
        ("ҚР Денсаулық сақтау министрлігіне", None, "ministry-of-healthcare"),
        (
            "Министерства труда и социальной защиты населения Республики Казахстан",
            None,
            "ministry-of-labour-and-social-protection-of-population",
        ),
        ("Министерством здравоохранения", None, "ministry-of-healthcare"),
        ("Министру юстиции Республики Казахстан", None, "ministry-of-justice"),
        ("Қызылорда облыстық мәслихатының", None, "kyzylorda-oblast-maslikhat"),
        ("Кызылординского областного маслихата", None, "kyzylorda-oblast-maslikhat"),
        ("Қызылорда облысы Әділет департаментінде", None, "kyzylorda-oblast-justice-department"),
        ("Атырау облысының әділет басқармасында", None, "atyrau-oblast-justice-department"),
        ("А т ы р а у  о б л ы с ы  ә к і м и я т ы н ы ң", None, "atyrau-oblast-akimat"),
        ("облыс әкімиятының", "atyrau", "atyrau-oblast-akimat"),
        ("Облыстық Мәслихаттың", "atyrau", "atyrau-oblast-maslikhat"),
        ("облыстық мәслихат", "almaty", "almaty-oblast-maslikhat"),
        ("қалалық мәслихат", "almaty", "almaty-city-maslikhat"),
        ("Облыстық денсаулық сақтау басқармасы", "atyrau", "atyrau-oblast-health-department"),
        ("Облыстық білім беру басқар-масы", "atyrau", "atyrau-oblast-education-department"),
        (
            "Еңбек және халықты әлеуметтік қорғау басқармасы",
            "atyrau",
            "atyrau-oblast-labour-and-social-protection-department",
        ),
        ("Ішкі саясат департаменті", "kyzylorda", "kyzylorda-oblast-internal-policy-department"),
        ("ОЖҚҮ ж әБД", "kyzylorda", "kyzylorda-oblast-employment-and-social-programmes-department"),
        ("О Ж Қ Ү ж әБД", "kyzylorda", "kyzylorda-oblast-employment-and-social-programmes-department"),
        (
            "Еж ХәҚМҚОБД",
            "kyzylorda",
            "kyzylorda-oblast-department-of-ministry-of-labour-and-social-protection-of-population",
        ),
        ("КжӨД", "kyzylorda", "kyzylorda-oblast-entrepreneurship-and-industry-department"),
        ('"Атамекен" ҰҚП', None, "atameken-national-chamber-of-entrepreneurs"),
        ("Адам құқықтары жөнiндегі ұлттық орталық", None, "national-centre-for-human-rights"),  # Latin i
        (
            "Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің",
            None,
            "ministry-of-healthcare-and-social-development",
        ),
        (
            "Қазақста н Республи к а с ы Денсаул ық сақтау және әлеуметті к даму министрі нің",
            None,
            "ministry-of-healthcare-and-social-development",
        ),
        (
            "Еңбек және халықты әлеуметтік қорғау министрінің міндетін атқарушының",
            None,
            "ministry-of-labour-and-social-protection-of-population",
        ),
        ("Қазақстан Республикасы Үкіметіне", None, "government"),
        ("Атырау қаласының әкімі", None, "atyrau-city-akimat"),
        ("Туркестанского областного маслихата", None, "turkestan-oblast-maslikhat"),
        ("Оңтүстік Қазақстан облыстық мәслихатының", None, "south-kazakhstan-oblast-maslikhat"),
        ("Маслихат области Абай", None, "abai-oblast-maslikhat"),
    ],
)
def test_case_forms_resolve(text: str, region: str | None, slug: str) -> None:
    assert resolve_agency(text, region=region) == a(slug)


@pytest.mark.parametrize(
    "text,region",
    [
        ("Белгісіз комитет", None),
        ("", None),
        ("ЦДИӨДМ", None),  # seed 002 rows 87-88: no legend says what it is, so it stays a literal
        ("ІІД", "atyrau"),  # Kyzylorda's legend abbreviation does not name an Atyrau body
        ("облыстық мәслихат", None),  # which oblast? not said
        (
            "Қызылорда облысының мәдениет және білім беру департаменттері",
            None,
        ),  # two bodies: the caller splits
    ],
)
def test_unknown_names_return_none(text: str, region: str | None) -> None:
    assert resolve_agency(text, region=region) is None


def test_document_legend_comes_before_the_registry() -> None:
    assert resolve_agency("ОМ", {"ОМ": "Белгісіз бір орган"}) is None
    assert resolve_agency("ОМ", {"ОМ": "Қазақстан Республикасының Денсаулық сақтау министрлігі"}) == a(
        "ministry-of-healthcare"
    )
    legend = {
        "ЕжХәҚМҚОБД": "Еңбек және халықты әлеуметтік қорғау Министрлігінің Қызылорда облысы бойынша департаменті (келісім бойынша)"
    }
    assert resolve_agency("ЕжХәҚМҚОБД", legend, "kyzylorda") == a(
        "kyzylorda-oblast-department-of-ministry-of-labour-and-social-protection-of-population"
    )


def test_no_name_or_abbreviation_key_is_shared_by_two_bodies() -> None:
    idx = agency_index()
    assert {k: v for k, v in idx.by_abbr.items() if len(v) > 1} == {}
    assert {k: v for k, v in idx.by_name.items() if len(v) > 1} == {}


# -- renamings and splits -----------------------------------------------------------------------------


def test_education_and_science_split_in_2022() -> None:
    mes = a("ministry-of-education-and-science")
    assert sorted(successors(mes)) == [
        a("ministry-of-enlightenment"),
        a("ministry-of-science-and-higher-education"),
    ]
    assert predecessors(a("ministry-of-enlightenment")) == [mes]
    assert predecessors(a("ministry-of-science-and-higher-education")) == [mes]
    assert predecessors(mes) == []


def test_healthcare_and_social_development_split_into_two_ministries() -> None:
    mhsd = a("ministry-of-healthcare-and-social-development")
    labour = a("ministry-of-labour-and-social-protection-of-population")
    assert sorted(successors(mhsd)) == [a("ministry-of-healthcare"), labour]
    assert predecessors(labour) == [mhsd]
    # the 2014 merger is recorded as an event, not as a shortcut: no cycle, labour has no successor
    assert successors(labour) == []
    assert labour not in predecessors(labour)


def test_south_kazakhstan_bodies_became_turkestan_bodies() -> None:
    for body in ("maslikhat", "akimat", "justice-department"):
        assert successors(a(f"south-kazakhstan-oblast-{body}")) == [a(f"turkestan-oblast-{body}")]


def test_change_events_are_dated_sourced_and_match_the_shortcuts(registry: Graph) -> None:
    events = set(registry.subjects(RDF.type, ORG.ChangeEvent))
    assert len(events) >= 4
    shortcuts = set(registry.subject_objects(KGL.succeededBy))
    covered = set()
    for ev in events:
        assert registry.value(ev, DCTERMS.date) is not None and registry.value(ev, DCTERMS.source) is not None
        originals = set(registry.objects(ev, ORG.originalOrganization))
        results = set(registry.objects(ev, ORG.resultingOrganization))
        assert originals and results
        covered |= {(o, r) for o in originals for r in results}
    assert shortcuts <= covered


def test_agency_label_by_language() -> None:
    moh = a("ministry-of-healthcare")
    assert agency_label(moh, "ru") == "Министерство здравоохранения Республики Казахстан"
    assert agency_label(moh, "en") == "Ministry of Healthcare of the Republic of Kazakhstan"
    assert agency_label(moh, "kk") == "Қазақстан Республикасының Денсаулық сақтау министрлігі"
    assert agency_label(a("no-such-body")) is None

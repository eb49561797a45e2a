"""Search: acts by title, measures by name, agencies by name, with ranked results.

Matching works on normalised word stems, so that a query finds the other grammatical forms of its
words: ``мүгедектерді`` ("the disabled", accusative plural) finds ``мүгедектігі бар`` ("having a
disability"), ``инвалидов`` finds ``инвалидностью``. Normalisation folds case, the Latin look-alikes of
Cyrillic letters (``i`` typed for Kazakh ``і``, Latin ``a``, ``e``, ``o``, ``p``, ``c``, ``x``, ``y``
inside a Cyrillic word) and ``ё``; the stemmers strip Kazakh and Russian word endings with a short
suffix list, never below a minimal stem, which is enough for ranking search hits (it is not a
morphological analyser).

The candidates come from one SPARQL query over any target; scoring happens here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .errors import KglawError
from .query import run_sparql

__all__ = ["Hit", "normalize", "search", "stem", "tokens"]

LANGS = ("kk", "ru", "en")

_LATIN_TO_CYRILLIC = str.maketrans(
    {
        "a": "а",
        "e": "е",
        "o": "о",
        "p": "р",
        "c": "с",
        "x": "х",
        "y": "у",
        "i": "і",
        "k": "к",
        "m": "м",
        "t": "т",
        "h": "һ",
        "b": "в",
    }
)
_KAZAKH = set("әғқңөұүһі")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[\w\u0400-\u04ff]+", re.UNICODE)

# Kazakh endings, longest first: case, possessive, plural, and the derivational -лық/-лік (with its
# voiced -лығ/-лік before a vowel) and -шы/-ші, -сыз/-сіз, -лы/-лі. Several are stripped in a row
# (мүгедек+тер+ді, мүгедек+тіг+і).
_KK_SUFFIXES = sorted(
    [
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "ға",
        "ге",
        "қа",
        "ке",
        "на",
        "не",
        "да",
        "де",
        "та",
        "те",
        "нда",
        "нде",
        "дан",
        "ден",
        "тан",
        "тен",
        "нан",
        "нен",
        "мен",
        "бен",
        "пен",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "н",
        "ын",
        "ін",
        "ған",
        "ген",
        "лар",
        "лер",
        "дар",
        "дер",
        "тар",
        "тер",
        "ымыз",
        "іміз",
        "ыңыз",
        "іңіз",
        "мыз",
        "міз",
        "ым",
        "ім",
        "ың",
        "ің",
        "сы",
        "сі",
        "ы",
        "і",
        "лық",
        "лік",
        "дық",
        "дік",
        "тық",
        "тік",
        "лығ",
        "ліг",
        "дығ",
        "діг",
        "тығ",
        "тіг",
        "шы",
        "ші",
        "сыз",
        "сіз",
        "лы",
        "лі",
        "ғы",
        "гі",
        "қы",
        "кі",
    ],
    key=len,
    reverse=True,
)
# Russian endings (a light Snowball-like list).
_RU_SUFFIXES = sorted(
    [
        "иями",
        "ями",
        "ами",
        "иях",
        "ях",
        "ах",
        "ией",
        "ей",
        "ой",
        "ий",
        "ый",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ого",
        "его",
        "ому",
        "ему",
        "ом",
        "ем",
        "ам",
        "ям",
        "ов",
        "ев",
        "ию",
        "ью",
        "ия",
        "ья",
        "ие",
        "ье",
        "ии",
        "ость",
        "ости",
        "остью",
        "остей",
        "ностью",
        "ность",
        "ности",
        "ностей",
        "ыми",
        "ими",
        "ых",
        "их",
        "ую",
        "юю",
        "а",
        "я",
        "о",
        "е",
        "ы",
        "и",
        "у",
        "ю",
        "ь",
    ],
    key=len,
    reverse=True,
)
_EN_SUFFIXES = sorted(
    ["ies", "es", "s", "ing", "ed", "ity", "ities", "ion", "ions", "al"], key=len, reverse=True
)

_MIN_STEM = {"kk": 4, "ru": 4, "en": 3}


def normalize(text: str) -> str:
    """Lower case, NFC, ``ё`` → ``е``, and Latin look-alikes inside Cyrillic words made Cyrillic."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    out = []
    for word in re.split(r"(\W+)", text):
        if _CYRILLIC.search(word):
            word = word.translate(_LATIN_TO_CYRILLIC)
        out.append(word)
    return "".join(out)


def _guess_lang(word: str) -> str:
    if not _CYRILLIC.search(word):
        return "en"
    return "kk" if any(c in _KAZAKH for c in word) else "ru"


def stem(word: str, lang: str | None = None) -> str:
    """The word without its endings (``мүгедектерді`` → ``мүгедек``; ``инвалидов`` → ``инвалид``)."""
    w = normalize(word)
    lang = lang or _guess_lang(w)
    suffixes = {"kk": _KK_SUFFIXES, "ru": _RU_SUFFIXES, "en": _EN_SUFFIXES}.get(lang, _RU_SUFFIXES)
    minimum = _MIN_STEM.get(lang, 4)
    for _ in range(4 if lang == "kk" else 1):
        for suf in suffixes:
            if w.endswith(suf) and len(w) - len(suf) >= minimum:
                w = w[: -len(suf)]
                break
        else:
            break
    return w


def tokens(text: str, lang: str | None = None) -> list[str]:
    """The stems of the words of ``text`` (single letters and digits-only words dropped)."""
    return [stem(w, lang) for w in _WORD.findall(normalize(text)) if len(w) > 1 and not w.isdigit()]


def _variants(text: str, lang: str | None) -> list[frozenset[str]]:
    """Per word, its possible stems: as ``lang``, or, when the language is not known, as Kazakh and as
    Russian (a Kazakh word need not contain a letter that Russian lacks: ``балаларды``)."""
    out = []
    for w in _WORD.findall(normalize(text)):
        if len(w) <= 1 or w.isdigit():
            continue
        if lang or not _CYRILLIC.search(w):
            out.append(frozenset({stem(w, lang)}))
        else:
            out.append(frozenset({stem(w, "kk"), stem(w, "ru")}))
    return out


@dataclass(frozen=True)
class Hit:
    """A search result: the node, its kind, the text that matched, a date and a status, and the score."""

    iri: str
    kind: str  # act | programme | measure | agency | support measure | passage
    text: str
    lang: str
    score: float
    date: str | None = None
    status: str | None = None


_CANDIDATES = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kgl: <https://w3id.org/kglaw/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?kind ?text ?date ?inForce ?repealed ?deadline ?successor WHERE {
  {
    ?node eli:is_realized_by ?e . { ?e eli:title ?text } UNION { ?e eli:title_alternative ?text }
    BIND (IF(EXISTS { ?node a kgl:PolicyDocument }, "programme", "act") AS ?kind)
    OPTIONAL { ?node eli:date_document ?date }
    OPTIONAL { ?node eli:in_force ?inForce }
    OPTIONAL { ?node eli:repealed_by ?repealed }
  }
  UNION { ?node a kgl:Measure ; rdfs:label ?text BIND ("measure" AS ?kind) OPTIONAL { ?node kgl:deadlineText ?deadline } }
  UNION { ?node a kgl:SupportMeasure ; rdfs:label ?text BIND ("support measure" AS ?kind) }
  UNION {
    ?node a kgl:Agency . { ?node skos:prefLabel ?text } UNION { ?node skos:altLabel ?text } UNION { ?node kgl:abbreviation ?text }
    BIND ("agency" AS ?kind)
    OPTIONAL { ?node kgl:succeededBy ?successor }
  }
}"""
# The running text (kglaw.parse.passages), searched only when asked: it outnumbers titles and names.
_PASSAGE_UNION = """  UNION { ?node a kgl:Passage ; kgl:text ?text BIND ("passage" AS ?kind) }
}"""
_PASSAGE_CANDIDATES = _CANDIDATES.rstrip().removesuffix("}") + _PASSAGE_UNION


def _status(row: dict[str, Any]) -> str | None:
    kind = str(row["kind"])
    if kind in ("act", "programme"):
        if row.get("repealed") is not None:
            return "repealed"
        if row.get("inForce") is not None:
            return "not in force" if str(row["inForce"]).endswith("notInForce") else "in force"
        return None
    if kind == "agency":
        return "renamed or reorganised" if row.get("successor") is not None else "current"
    if kind == "measure" and row.get("deadline") is not None:
        return f"due {row['deadline']}"
    return None


def _score(query: list[frozenset[str]], words: list[frozenset[str]], phrase: str, text: str) -> float:
    """Share of query words found (a stem in common: 1; one stem a prefix of the other: 0.6; a long
    stem inside a word: 0.4), plus a bonus when the whole query occurs as written; shorter texts first
    among equals."""
    if not query or not words:
        return 0.0
    got = 0.0
    for q in query:
        if any(q & w for w in words):
            got += 1.0
        elif any(a.startswith(b) and len(b) >= 4 for w in words for a in w for b in q) or any(
            b.startswith(a) and len(a) >= 4 for w in words for a in w for b in q
        ):
            got += 0.6
        elif any(b in a for w in words for a in w for b in q if len(b) >= 5):
            got += 0.4  # inside a word: PDF extraction glues words ("теміржолкөлігіменжол")
    if got == 0:
        return 0.0
    score = got / len(query)
    if phrase and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", normalize(text)):
        score += 0.5  # the query as written, as whole words ("мүгедектерді" is not "мүгедектердің")
    return round(score - 0.001 * min(len(words), 100), 4)


def search(
    target: Any,
    words: str,
    lang: str | None = None,
    limit: int = 20,
    kinds: tuple[str, ...] | None = None,
    passages: bool = False,
) -> list[Hit]:
    """Ranked hits for ``words`` among titles, measure names and agency names.

    ``lang`` (kk, ru, en) keeps only texts in that language and stems the query as that language.
    ``passages`` (or ``"passage"`` among ``kinds``) also searches the headings, paragraphs and
    recommendations of the documents' running text.
    """
    if lang is not None and lang not in LANGS:
        raise KglawError(f"unknown language {lang!r}; choose kk, ru or en")
    query = _variants(words, lang)
    if not query:
        raise KglawError("give at least one word to search for")
    phrase = normalize(words).strip()
    best: dict[str, Hit] = {}
    with_passages = passages or bool(kinds and "passage" in kinds)
    for row in run_sparql(target, _PASSAGE_CANDIDATES if with_passages else _CANDIDATES).dicts():
        text = row["text"]
        tlang = getattr(text, "language", None) or ""
        if lang is not None and tlang and tlang != lang:
            continue
        kind = str(row["kind"])
        if kinds and kind not in kinds:
            continue
        s = _score(query, _variants(str(text), tlang or None), phrase, str(text))
        if s <= 0:
            continue
        iri = str(row["node"])
        hit = Hit(
            iri,
            kind,
            str(text),
            tlang,
            s,
            str(row["date"]) if row.get("date") is not None else None,
            _status(row),
        )
        old = best.get(iri)
        if old is None or (hit.score, -len(hit.text)) > (old.score, -len(old.text)):
            best[iri] = hit
    ranked = sorted(best.values(), key=lambda h: (-h.score, h.kind, h.date or "", h.iri))
    return ranked[:limit] if limit else ranked


def hits_to_results(hits: list[Hit]):  # type: ignore[no-untyped-def]
    """Search hits as query Results (for the CLI's result formats)."""
    from rdflib import Literal, URIRef

    from .query import Results

    return Results(
        vars=["score", "kind", "node", "date", "status", "text"],
        rows=[
            (
                Literal(f"{h.score:.2f}"),
                Literal(h.kind),
                URIRef(h.iri),
                Literal(h.date) if h.date else None,
                Literal(h.status) if h.status else None,
                Literal(h.text, lang=h.lang or None),
            )
            for h in hits
        ],
    )


#: The public name (``kglaw.search_graph``): the package's ``search`` attribute is this module.
search_graph = search

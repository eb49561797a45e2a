"""The JSON contract of ``kglaw parse --format json`` (issue 3 point 8; schema/parse.schema.json).

One object per document::

    {"source", "iri", "type", "title", "language",
     "issuer": {"iri", "label"} | null, "date", "number",
     "registration": {"number", "date", "body"} | null,
     "status": "in_force" | "repealed" | "unknown",
     "repealed_by": [Ref], "amended_by": [Ref], "amends": [Ref], "repeals": [Ref], "based_on": [Ref],
     "cites": [Ref]}

    Ref = {"iri", "type", "issuer": {"label"} | null, "date", "number", "title"[, "effective_date"]}

Dates are ISO 8601. A field the text does not state is ``null`` or ``[]``. IRIs are resolved the way the
RDF builder resolves them (the authority file first, then the act's own type, issuer, date and number),
so that the JSON and the RDF name the same nodes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import KglawError
from ..identifiers import DEFAULT_ISSUER, ActId, slugify, title_key
from ..model import ActRef, Document, Issuer
from ..namespaces import AGENCY

__all__ = ["REF_LISTS", "act_iri", "document_to_json", "ref_to_json"]

#: The reference lists of a document, in the order the contract lists them.
REF_LISTS = ("repealed_by", "amended_by", "amends", "repeals", "based_on", "cites")


def _issuer_slug(issuer: Issuer | None) -> str | None:
    if issuer is None or not issuer.key:
        return None
    s = issuer.key if issuer.key == slugify(issuer.key) else slugify(issuer.key)
    return s or None


def act_iri(ref: ActRef, on: date | None = None, context: str | None = None) -> str | None:
    """The IRI of the act a reference names: the authority file's, else one minted from what the text
    says (type, issuer, date or year, number; a title key when there is neither date nor number), as
    ``kglaw.build.act_iri`` mints it: a number with neither date nor issuer ("бұйрық № 26") is too weak to
    name one act across documents, so it is keyed by the citing document (``context``) too."""
    if ref.iri:
        return ref.iri
    try:
        from ..authority import resolve_act

        hit = resolve_act(ref, on=on)
        if hit:
            return hit
    except (ImportError, KglawError, OSError):
        pass
    when: date | str | None = ref.date or (str(ref.year) if ref.year else None)
    key = None
    type_ = ref.type or "act"
    slug = _issuer_slug(ref.issuer)
    if slug == "parliament" and type_ in DEFAULT_ISSUER:
        slug = None  # a law's IRI names the Republic (…/law/rk/…)
    if ref.date is None and ref.number is None:
        if not ref.title:
            if when is None:
                return None
        else:
            key = title_key(ref.title)
    elif when is None and slug is None and type_ not in ("law", "code", "constitution", "decree"):
        key = title_key(f"{context or ''}|{type_}|{ref.number}|{ref.title or ''}")
    elif type_ in ("convention", "treaty") and ref.number is None and ref.title:
        key = title_key(ref.title)  # as kglaw.build.act_iri: one body adopts several conventions on a day
    try:
        return ActId(type_, slug, when, ref.number, key).format()
    except KglawError:
        return None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def ref_to_json(ref: ActRef, on: date | None = None, context: str | None = None) -> dict[str, Any]:
    """One reference: ``{iri, type, issuer{label}, date, number, title}`` plus ``effective_date``."""
    out: dict[str, Any] = {
        "iri": act_iri(ref, on, context),
        "type": ref.type,
        "issuer": {"label": ref.issuer.label or ref.issuer.key} if ref.issuer else None,
        "date": _d(ref.date),
        "number": ref.number,
        "title": ref.title,
    }
    if ref.effective_date:
        out["effective_date"] = _d(ref.effective_date)
    return out


def document_to_json(doc: Document) -> dict[str, Any]:
    """The JSON object of one document (see the module docstring for the contract)."""
    act = doc.act
    issuer = None
    if act.issuer is not None:
        slug = _issuer_slug(act.issuer)
        if slug == "rk":
            slug = (
                "parliament"  # the state passes its laws and codes through Parliament (Constitution, art. 61)
            )
        issuer = {"iri": str(AGENCY[slug]) if slug else None, "label": act.issuer.label or act.issuer.key}
    reg = None
    if doc.registration is not None:
        r = doc.registration
        reg = {"number": r.number, "date": _d(r.date), "body": r.body}
    on = act.date
    out: dict[str, Any] = {
        "source": doc.source,
        "iri": act_iri(act, on, doc.source) if (act.type or act.date or act.number) else None,
        "type": act.type,
        "title": act.title,
        "language": doc.language,
        "issuer": issuer,
        "date": _d(act.date),
        "number": act.number,
        "registration": reg,
        "status": doc.status,
    }
    for name in REF_LISTS:
        out[name] = [ref_to_json(r, on, doc.source) for r in getattr(doc, name)]
    return out

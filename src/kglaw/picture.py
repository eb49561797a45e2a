"""Pictures for reports: a lineage graph laid out by networkx and written as inline SVG.

Positions come from ``networkx.multipartite_layout`` (layers by year, left to right), never from
hand-placed coordinates; the SVG is self-contained, so a report renders offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

import networkx as nx

__all__ = ["Node", "Edge", "lineage_svg", "timeline_svg"]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    year: int | None = None
    focus: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


_COLOURS = {
    "amends": "#1f77b4",
    "repeals": "#d62728",
    "based on": "#7f7f7f",
    "replaced by": "#9467bd",
    "approves": "#2ca02c",
    "cites": "#bcbd22",
}


def lineage_svg(nodes: Iterable[Node], edges: Iterable[Edge], *, width: int = 960) -> str:
    """An SVG drawing of a small directed graph; nodes in columns by year, edges coloured by kind."""
    nodes = sorted(set(nodes), key=lambda n: (n.year or 0, n.id))
    edges = sorted(set(edges), key=lambda e: (e.source, e.target, e.label))
    if not nodes:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img"></svg>'
    g = nx.DiGraph()
    years = sorted({n.year or 0 for n in nodes})
    layer = {y: i for i, y in enumerate(years)}
    for n in nodes:
        g.add_node(n.id, layer=layer[n.year or 0])
    for e in edges:
        if e.source in g and e.target in g:
            g.add_edge(e.source, e.target, label=e.label)
    pos = nx.multipartite_layout(g, subset_key="layer", align="vertical", scale=1.0)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    per_layer = max(sum(1 for n in nodes if layer[n.year or 0] == i) for i in layer.values())
    height = max(160, 90 * per_layer + 60)
    box_w, box_h, margin = 200, 44, 20

    def sx(x: float) -> float:
        lo, hi = min(xs), max(xs)
        return margin + box_w / 2 + (0.5 if hi == lo else (x - lo) / (hi - lo)) * (width - 2 * margin - box_w)

    def sy(y: float) -> float:
        lo, hi = min(ys), max(ys)
        return (
            margin + box_h / 2 + (0.5 if hi == lo else (hi - y) / (hi - lo)) * (height - 2 * margin - box_h)
        )

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="lineage graph" font-family="sans-serif" font-size="11">',
        "<defs>",
    ]
    for kind, colour in _COLOURS.items():
        mid = kind.replace(" ", "-")
        out.append(
            f'<marker id="arrow-{mid}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
            f'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    for s, t, data in g.edges(data=True):
        (x1, y1), (x2, y2) = (sx(pos[s][0]), sy(pos[s][1])), (sx(pos[t][0]), sy(pos[t][1]))
        colour = _COLOURS.get(data["label"], "#555")
        mid = data["label"].replace(" ", "-") if data["label"] in _COLOURS else "amends"
        # stop at the box edge so the arrow head is visible
        dx, dy = x2 - x1, y2 - y1
        length = max((dx * dx + dy * dy) ** 0.5, 1.0)
        shrink = min(box_w / 2 / max(abs(dx) / length, 1e-6), box_h / 2 / max(abs(dy) / length, 1e-6))
        x2e, y2e = x2 - dx / length * shrink, y2 - dy / length * shrink
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2e:.1f}" y2="{y2e:.1f}" stroke="{colour}" stroke-width="1.6" '
            f'marker-end="url(#arrow-{mid})"><title>{escape(data["label"])}</title></line>'
        )
        out.append(
            f'<text x="{(x1 + x2e) / 2:.1f}" y="{(y1 + y2e) / 2 - 3:.1f}" fill="{colour}" text-anchor="middle">'
            f"{escape(data['label'])}</text>"
        )
    for n in nodes:
        x, y = sx(pos[n.id][0]), sy(pos[n.id][1])
        fill = "#fff3c4" if n.focus else "#f4f6fa"
        label = n.label if len(n.label) <= 34 else n.label[:33] + "…"
        box = (
            f'<rect x="{x - box_w / 2:.1f}" y="{y - box_h / 2:.1f}" width="{box_w}" height="{box_h}" rx="6" '
            f'fill="{fill}" stroke="#333" stroke-width="{1.8 if n.focus else 1}"/>'
            f'<text x="{x:.1f}" y="{y - 4:.1f}" text-anchor="middle">{escape(label)}</text>'
            f'<text x="{x:.1f}" y="{y + 12:.1f}" text-anchor="middle" fill="#555">{n.year or ""}</text>'
            f"<title>{escape(n.id)}</title>"
        )
        if n.href:
            box = f'<a href="{escape(n.href, {chr(34): "&quot;"})}">{box}</a>'
        out.append(f"<g>{box}</g>")
    out.append("</svg>")
    return "\n".join(out)


def timeline_svg(events: list[tuple[str, str, str]], *, width: int = 960) -> str:
    """Events ``(iso date, label, kind)`` on a time axis; the scale is computed, not hand-placed."""
    dated = sorted(e for e in events if e[0])
    if not dated:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img"></svg>'
    from datetime import date

    days = [date.fromisoformat(d[:10]).toordinal() for d, _, _ in dated]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    margin, row = 40, 22
    height = margin * 2 + row * len(dated)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="timeline" font-family="sans-serif" font-size="11">',
        f'<line x1="{margin}" y1="{margin - 10}" x2="{width - margin}" y2="{margin - 10}" stroke="#999"/>',
    ]
    for year in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 2):
        d = date(year, 1, 1).toordinal()
        if lo <= d <= hi:
            x = margin + (d - lo) / span * (width - 3 * margin - 200)
            out.append(f'<text x="{x:.1f}" y="{margin - 16}" text-anchor="middle" fill="#777">{year}</text>')
    for i, ((iso, label, kind), d) in enumerate(zip(dated, days)):
        x = margin + (d - lo) / span * (width - 3 * margin - 200)
        y = margin + i * row
        colour = _COLOURS.get(kind, "#333")
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"><title>{escape(kind)}</title></circle>'
        )
        out.append(f'<text x="{x + 10:.1f}" y="{y + 4:.1f}">{escape(iso)} {escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def gantt_svg(
    bars: list[tuple[str, str, str, str]],
    *,
    width: int = 960,
    start: str | None = None,
    end: str | None = None,
) -> str:
    """Deadlines as bars on a time axis: ``(label, group, iso start, iso end)``.

    The scale comes from the dates (and the plan period ``start``–``end`` when given), so a report's
    timeline renders offline and never depends on hand-placed coordinates.
    """
    from datetime import date

    rows = [
        (label, group, date.fromisoformat(a[:10]), date.fromisoformat(b[:10]))
        for label, group, a, b in bars
        if a and b
    ]
    if not rows:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img"></svg>'
    lo = min([r[2] for r in rows] + ([date.fromisoformat(start[:10])] if start else []))
    hi = max([r[3] for r in rows] + ([date.fromisoformat(end[:10])] if end else []))
    span = max((hi - lo).days, 1)
    left, right, top, row_h = 70, 20, 30, 14
    height = top + row_h * len(rows) + 20
    plot_w = width - left - right

    def x(d: date) -> float:
        return left + (d - lo).days / span * plot_w

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="deadlines" font-family="sans-serif" font-size="10">'
    ]
    if start and end:
        a, b = x(date.fromisoformat(start[:10])), x(date.fromisoformat(end[:10]))
        out.append(
            f'<rect x="{a:.1f}" y="{top - 6}" width="{max(b - a, 1):.1f}" height="{height - top}" fill="#eef6ee"><title>plan period</title></rect>'
        )
    for year in range(lo.year, hi.year + 2):
        d = date(year, 1, 1)
        if lo <= d <= hi:
            out.append(
                f'<line x1="{x(d):.1f}" y1="{top - 10}" x2="{x(d):.1f}" y2="{height - 10}" stroke="#ccc"/>'
            )
            out.append(f'<text x="{x(d) + 2:.1f}" y="{top - 14}" fill="#555">{year}</text>')
    palette = [
        "#1f77b4",
        "#ff7f0e",
        "#2ca02c",
        "#d62728",
        "#9467bd",
        "#8c564b",
        "#e377c2",
        "#7f7f7f",
        "#bcbd22",
        "#17becf",
    ]
    groups = sorted({r[1] for r in rows}, key=lambda g: (len(g), g))
    colour = {g: palette[i % len(palette)] for i, g in enumerate(groups)}
    for i, (label, group, d1, d2) in enumerate(rows):
        y = top + i * row_h
        x1, x2 = x(d1), x(d2)
        out.append(f'<text x="{left - 6}" y="{y + 10}" text-anchor="end">{escape(label)}</text>')
        out.append(
            f'<rect x="{x1:.1f}" y="{y + 2}" width="{max(x2 - x1, 2):.1f}" height="{row_h - 4}" rx="2" fill="{colour[group]}">'
            f"<title>{escape(label)}: {d1.isoformat()} – {d2.isoformat()}</title></rect>"
        )
    out.append("</svg>")
    return "\n".join(out)

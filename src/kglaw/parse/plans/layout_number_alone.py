"""(placeholder while the layout is written)"""

from __future__ import annotations

from kglaw.parse.plans import LayoutContext, LayoutResult


def detect(lines: list[str], start: int, end: int) -> float:
    return 0.0


def parse(lines: list[str], start: int, end: int, ctx: LayoutContext) -> LayoutResult:
    return LayoutResult()

"""Cheap necessary conditions for regular expressions, so that a text that cannot match is not scanned.

A case-insensitive pattern over Cyrillic text is slow to search (``re`` finds no literal prefix to skip
with), while ``word in text.lower()`` is a fast substring search. A keyword is a valid prefilter for a
pattern only if *every* match of the pattern contains it: each top-level alternative of the pattern
must contain one of the keywords literally. The callers list, next to each pattern, the keywords
derived from it; when none is present the pattern cannot match, and when one is the pattern itself
decides, so the result is always that of the pattern.

Why ``str.lower()`` is sound for ``re.IGNORECASE``: ``re`` matches a cased letter when the simple
lowercase mapping of the text's character equals the pattern's (``sre_lower_unicode``), and for
Cyrillic letters ``str.lower()`` gives the same one character. The exceptions are the extra case
equivalences of ``re._casefix`` (``в`` also matches U+1C80 ``ᲀ``, ``с`` U+1C83 …): a text that holds
one of those historic letter forms gets no prefilter (:func:`folded` returns None).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from itertools import accumulate

__all__ = ["LineFinder", "WordSearch", "finditer_from", "folded", "has_any", "line_finder", "lines_matching"]

# re._casefix._EXTRA_CASES for Cyrillic: the "rounded ve", "long-legged de", "narrow o", "wide es",
# "tall te", "three-legged te", "tall hard sign", "tall yat" and "unblended uk" that re folds into
# в д о с т т ъ ѣ ꙋ although str.lower() leaves them as they are.
_EXTRA_FOLDS = "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"


# The last text folded and its result: the readers of one document fold the same joined text in turn
# (a str is immutable, so the same object has the same result).
_last_folded: tuple[str, str | None] | None = None


def folded(text: str) -> str | None:
    """``text.lower()``, in which a lowercase Cyrillic keyword is present whenever a case-insensitive
    pattern containing it matches ``text``; None when the text holds a letter that ``re`` folds beyond
    ``str.lower()`` (then no keyword test is valid and the pattern must be run).

    >>> folded("Внести ИЗМЕНЕНИЯ"), folded("\u1c80нести")
    ('внести изменения', None)
    """
    global _last_folded
    last = _last_folded
    if last is not None and last[0] is text:
        return last[1]
    low: str | None = text.lower()
    for c in _EXTRA_FOLDS:
        if c in text:
            low = None
            break
    _last_folded = (text, low)
    return low


def has_any(low: str | None, keywords: tuple[str, ...]) -> bool:
    """True when ``low`` (from :func:`folded`) holds one of ``keywords``, or cannot be tested (None)."""
    if low is None:
        return True
    for k in keywords:
        if k in low:
            return True
    return False


def finditer_from(
    rx: re.Pattern[str], first: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)``, for a pattern ``rx`` that never matches the empty string and
    whose every match begins with a character that ``first`` (a one-character class) matches.

    ``re`` searches a pattern that opens with a group or a repeat by trying it at every position; a
    one-character class is found by a fast scan, and ``rx`` is then tried only where it can begin.
    ``rx.match(text, k)`` sees the text before ``k`` (lookbehinds and ``\\b`` work as in a search), so
    the matches are those of ``finditer``, in the same order.

    >>> [m.group(0) for m in finditer_from(re.compile(r"\\d+"), re.compile(r"\\d"), "a 12 b 3")]
    ['12', '3']
    """
    end = len(text) if endpos is None else endpos
    search = first.search
    match = rx.match
    while True:
        c = search(text, pos, end)
        if c is None:
            return
        k = c.start()
        m = match(text, k, end)
        if m is None:
            pos = k + 1
            continue
        yield m
        pos = m.end() if m.end() > k else k + 1  # (an empty match is outside the contract)


class WordSearch:
    """``rx.search(text, pos, hi)`` and ``rx.finditer(text, lo, hi)`` for a pattern ``rx`` that never
    matches the empty string and whose every match *begins* with one of ``words``: the pattern is tried
    only where a word occurs (found by substring search), not at every position.

    With ``fold`` the words are lowercase and looked for in the lowercased text (see :func:`folded`;
    for a case-insensitive pattern, or as a wider net for a case-sensitive one); when that text cannot
    be used (a letter ``re`` folds beyond ``str.lower()``, or lowercasing changed its length) every
    position is tried, as ``re`` does.

    >>> ws = WordSearch(re.compile(r"(?i)статья\\s+\\d+"), "Статья 5 и статья 7", ("статья",), fold=True)
    >>> [m.group(0) for m in ws.finditer()], ws.search(1).group(0)
    (['Статья 5', 'статья 7'], 'статья 7')
    """

    def __init__(
        self,
        rx: re.Pattern[str],
        text: str,
        words: tuple[str, ...],
        *,
        fold: bool = False,
        lo: int = 0,
        hi: int | None = None,
        low: str | None = None,
    ) -> None:
        self.rx, self.text, self.lo = rx, text, lo
        self.hi = len(text) if hi is None else hi
        hay: str | None = text
        if fold:
            hay = low if low is not None else folded(text)  # ``low``: the caller's folded(text)
            if hay is not None and len(hay) != len(text):
                hay = None
        self.starts: list[int] | None = None
        if hay is not None:
            starts: list[int] = []
            for w in words:
                k = hay.find(w, lo, self.hi)
                while k >= 0:
                    starts.append(k)
                    k = hay.find(w, k + 1, self.hi)
            starts.sort()
            self.starts = starts

    def search(self, pos: int, endpos: int | None = None) -> re.Match[str] | None:
        """``rx.search(text, pos, endpos)`` (``endpos`` defaults to ``hi``), for ``lo`` ≤ ``pos`` and
        ``endpos`` ≤ ``hi``."""
        hi = self.hi if endpos is None else endpos
        if self.starts is None:
            return self.rx.search(self.text, pos, hi)
        match, text, starts = self.rx.match, self.text, self.starts
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            k = starts[i]
            if k >= hi:
                break
            m = match(text, k, hi)
            if m is not None:
                return m
        return None

    def finditer(self) -> Iterator[re.Match[str]]:
        """``rx.finditer(text, lo, hi)``."""
        if self.starts is None:
            yield from self.rx.finditer(self.text, self.lo, self.hi)
            return
        pos = self.lo
        match, text, hi = self.rx.match, self.text, self.hi
        for k in self.starts:
            if k < pos:
                continue
            m = match(text, k, hi)
            if m is not None:
                yield m
                pos = m.end() if m.end() > k else k + 1  # (an empty match is outside the contract)


def lines_matching(rx: re.Pattern[str], text: str) -> set[int]:
    """Indices of the lines of ``text`` (split at ``\\n``) in which ``rx`` matches, for a pattern that
    never matches a line feed: one search per such line instead of one per line.

    >>> sorted(lines_matching(re.compile("[A-Za-z]"), "жол\\nN 5 and x\\n\\nb"))
    [1, 3]
    """
    out: set[int] = set()
    line = 0
    at = 0  # the start of line ``line``
    while True:
        m = rx.search(text, at)
        if m is None:
            return out
        line += text.count("\n", at, m.start())
        out.add(line)
        nl = text.find("\n", m.start())
        if nl < 0:
            return out
        at = nl + 1
        line += 1


class LineFinder:
    """The lines of a text that hold one of some words, found by searching the joined text once per word
    instead of testing every line: a line-by-line scan with a pattern whose matches all contain one of
    the words then only needs to visit those lines.

    >>> f = LineFinder(["Приложение 1", "текст", "к ПРИЛОЖЕНИЮ"])
    >>> f.lines_with(("Приложени",)), f.lines_with_folded(("приложени",))
    ([0], [0, 2])
    """

    def __init__(self, lines: list[str]) -> None:
        self.text = "\n".join(lines)
        self._lines = tuple(lines)
        # a line holding a line feed would shift the numbering: then no line is ruled out
        self.valid = self.text.count("\n") == len(lines) - 1
        self._starts: list[int] | None = None
        self._low: str | None | bool = False  # False: not computed yet

    def _line_of(self, pos: int) -> int:
        if self._starts is None:  # the offset of each line in the joined text
            self._starts = list(accumulate([len(line) + 1 for line in self._lines], initial=0))
        return bisect.bisect_right(self._starts, pos) - 1

    def _find(self, text: str, words: tuple[str, ...]) -> list[int]:
        found: set[int] = set()
        for w in words:
            k = text.find(w)
            while k >= 0:
                line = self._line_of(k)
                found.add(line)
                # the rest of this line cannot add anything: go on from the next line
                nxt = text.find("\n", k)
                if nxt < 0:
                    break
                k = text.find(w, nxt + 1)
        return sorted(found)

    def lines_with(self, words: tuple[str, ...]) -> list[int] | None:
        """Sorted indices of the lines holding one of ``words`` as written (for case-sensitive patterns);
        None when the lines cannot be told apart (then every line must be tried)."""
        if not self.valid:
            return None
        return self._find(self.text, words)

    def lines_with_folded(self, words: tuple[str, ...]) -> list[int] | None:
        """Sorted indices of the lines whose lowercase holds one of the lowercase ``words`` (for
        case-insensitive patterns, see :func:`folded`); None when the test is not valid for this text
        (then every line must be tried)."""
        if not self.valid:
            return None
        if self._low is False:
            low = folded(self.text)
            # str.lower() may lengthen a text ("İ"); the offsets must stay those of the lines
            self._low = low if low is not None and len(low) == len(self.text) else None
        if self._low is None:
            return None
        assert isinstance(self._low, str)
        return self._find(self._low, words)


_last_finder: LineFinder | None = None


def line_finder(lines: list[str]) -> LineFinder:
    """A :class:`LineFinder` of ``lines``: the last one made, when it was made of the same line objects
    (the document reader and the programme reader search the same normalised lines)."""
    global _last_finder
    last = _last_finder
    if last is not None and len(last._lines) == len(lines) and all(map(operator.is_, last._lines, lines)):
        return last
    _last_finder = LineFinder(lines)
    return _last_finder

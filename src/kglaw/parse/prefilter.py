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

__all__ = ["folded", "has_any"]

# re._casefix._EXTRA_CASES for Cyrillic: the "rounded ve", "long-legged de", "narrow o", "wide es",
# "tall te", "three-legged te", "tall hard sign", "tall yat" and "unblended uk" that re folds into
# в д о с т т ъ ѣ ꙋ although str.lower() leaves them as they are.
_EXTRA_FOLDS = "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"


def folded(text: str) -> str | None:
    """``text.lower()``, in which a lowercase Cyrillic keyword is present whenever a case-insensitive
    pattern containing it matches ``text``; None when the text holds a letter that ``re`` folds beyond
    ``str.lower()`` (then no keyword test is valid and the pattern must be run).

    >>> folded("Внести ИЗМЕНЕНИЯ"), folded("\u1c80нести")
    ('внести изменения', None)
    """
    for c in _EXTRA_FOLDS:
        if c in text:
            return None
    return text.lower()


def has_any(low: str | None, keywords: tuple[str, ...]) -> bool:
    """True when ``low`` (from :func:`folded`) holds one of ``keywords``, or cannot be tested (None)."""
    if low is None:
        return True
    for k in keywords:
        if k in low:
            return True
    return False

"""Normalisation before parsing. Works line by line, so that line ``i`` of the output is line ``i`` of
the original file and every span the parsers report points at the original text.

See ``research/seeds/*.md`` §7 for the quirks catalogued in the seeds.
"""

from __future__ import annotations

import re

__all__ = [
    "collapse_letter_spacing",
    "normalize_line",
    "normalize_lines",
    "fix_lookalikes",
    "squash_spaces",
]

# A run of at least three single letters separated by single spaces ("ш е ш і м"), where words are
# separated by two or more spaces ("2 0 0 5  ж ы л ғ ы").
_SPACED_RUN = re.compile(r"(?<!\S)(?:\S ){2,}\S(?!\S)")
_SPACED_CHUNK = re.compile(r"(?:\S )+\S")

_LATIN_TO_CYR = str.maketrans({
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
    "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "H": "Н", "K": "К", "M": "М",
    "T": "Т", "B": "В", "I": "І",
})
_CYR = "а-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ"
_MIXED_WORD = re.compile(rf"\b(?=[\w]*[{_CYR}])(?=[\w]*[A-Za-z])[\w]+\b")


def collapse_letter_spacing(line: str) -> str:
    """``2 0 0 5  ж ы л ғ ы`` → ``2005 жылғы``; ordinary text is left alone.

    Letter-spaced text separates letters by one space and words by two or more. A chunk between word
    gaps is collapsed when it is wholly single characters and the line has at least one such chunk of
    three or more characters (so "2 0" beside "ж ы л ғ ы" collapses, a lone "а б" does not).

    >>> collapse_letter_spacing("Р Қ А О  е с к е р т п е с і :")
    'РҚАО ескертпесі:'
    >>> collapse_letter_spacing("б е к і т і л с і н  ( ж а л ғ а н д ы ) .")
    'бекітілсін (жалғанды).'
    >>> collapse_letter_spacing("2 0 0 5  ж ы л ғ ы  2 0  ж е л т о қ с а н д а ғ ы")
    '2005 жылғы 20 желтоқсандағы'
    """
    if not _SPACED_RUN.search(line):
        return line
    lead = line[: len(line) - len(line.lstrip())]
    chunks = re.split(r"\s{2,}", line.strip())
    spaced = [bool(_SPACED_CHUNK.fullmatch(c)) for c in chunks]
    if not any(s and len(c) >= 5 for s, c in zip(spaced, chunks)):
        return line
    out = [c.replace(" ", "") if s else c for s, c in zip(spaced, chunks)]
    text = " ".join(out)
    text = re.sub(r"\s+([.,:;)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return lead + text


def fix_lookalikes(line: str) -> str:
    """Latin look-alike letters inside Cyrillic words become Cyrillic (``Kазақстан`` → ``Қазақстан`` is
    not guessed: only the exact look-alikes ``a e o p c x y i A E O P C X H K M T B I`` are mapped)."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        # Roman numerals glued to Cyrillic (e.g. "ХХІV") are left for the number normaliser.
        if re.fullmatch(r"[IVXLCХІ]+", word):
            return word
        return word.translate(_LATIN_TO_CYR)

    return _MIXED_WORD.sub(fix, line)


def squash_spaces(line: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


def normalize_line(line: str) -> str:
    """All per-line repairs, in order."""
    line = line.replace("\u00a0", " ").rstrip()
    line = collapse_letter_spacing(line)
    line = fix_lookalikes(line)
    return line


def normalize_lines(text: str) -> list[str]:
    """The text as a list of normalised lines; index ``i`` is original line ``i + 1``."""
    return [normalize_line(line) for line in text.split("\n")]

"""Normalisation before parsing. Works line by line, so that line ``i`` of the output is line ``i`` of
the original file and every span the parsers report points at the original text.

See ``research/seeds/*.md`` §7 for the quirks catalogued in the seeds. In order, :func:`normalize_line`
repairs: non-breaking spaces, letter-spaced words, Latin look-alike letters inside Cyrillic words,
Roman numerals that mix Cyrillic and Latin letters, ``N`` written for ``№``, and words that a copy
from a web page moved out of a hyperlink to the end of the line. :func:`normalize_text` also reads
HTML pages and blanks the site navigation around the act (blanking, not deleting, keeps the line map).
Page breaks (runs of blank lines inside a sentence) are left in place: :class:`Joined` reads across them.
"""

from __future__ import annotations

import html
import operator
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Span
from .prefilter import LineFinder, lines_matching

__all__ = [
    "Joined",
    "collapse_letter_spacing",
    "fix_lookalikes",
    "fix_number_sign",
    "fix_roman_numerals",
    "html_to_text",
    "is_html",
    "join_lines",
    "normalize_line",
    "normalize_lines",
    "normalize_text",
    "repair_displaced",
    "squash_spaces",
    "strip_navigation",
]

# A run of at least three single letters separated by single spaces ("ш е ш і м"), where words are
# separated by two or more spaces ("2 0 0 5  ж ы л ғ ы").
_SPACED_RUN = re.compile(r"(?<!\S)(?:\S ){2,}\S(?!\S)")
_SPACED_CHUNK = re.compile(r"(?:\S )+\S")

#: Lower-case Latin letters that look like Cyrillic ones, for comparing names and titles case-folded.
LOOKALIKE_LOWER = str.maketrans(
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
        "b": "в",
        "h": "н",
    }
)
_LATIN_TO_CYR = str.maketrans(
    {
        "a": "а",
        "e": "е",
        "o": "о",
        "p": "р",
        "c": "с",
        "x": "х",
        "y": "у",
        "i": "і",
        "A": "А",
        "E": "Е",
        "O": "О",
        "P": "Р",
        "C": "С",
        "X": "Х",
        "H": "Н",
        "K": "К",
        "M": "М",
        "T": "Т",
        "B": "В",
        "I": "І",
    }
)
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
    >>> collapse_letter_spacing("№  1 3")
    '№ 13'
    """
    if line.count(" ") < 2:
        return line
    lengths = list(map(len, line.split()))
    singles = lengths.count(1)
    if singles < 3:
        return line
    only_letters = singles == len(lengths) and "  " in line.strip()
    if not only_letters and not _SPACED_RUN.search(line):
        return line
    lead = line[: len(line) - len(line.lstrip())]
    chunks = re.split(r"\s{2,}", line.strip())
    spaced = [bool(_SPACED_CHUNK.fullmatch(c)) for c in chunks]
    if not any(s and len(c) >= 5 for s, c in zip(spaced, chunks)) and not only_letters:
        return line
    digits = line.split()
    if all(d.isdigit() for d in digits) and digits == [str(i) for i in range(1, len(digits) + 1)]:
        return line  # a row of column numbers "1 2 3 4 5 6", not a spaced number
    out = [c.replace(" ", "") if s else c for s, c in zip(spaced, chunks)]
    text = " ".join(out)
    text = re.sub(r"\s+([.,:;)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return lead + text


_HAS_LATIN = re.compile(r"[A-Za-z]")


def fix_lookalikes(line: str) -> str:
    """Latin look-alike letters inside Cyrillic words become Cyrillic (``Kазақстан`` → ``Қазақстан`` is
    not guessed: only the exact look-alikes ``a e o p c x y i A E O P C X H K M T B I`` are mapped)."""
    if not _HAS_LATIN.search(line):
        return line

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        # Roman numerals glued to Cyrillic (e.g. "ХХІV") are left for the numeral repair.
        if re.fullmatch(r"[IVXLCХІ]+", word):
            return word
        return word.translate(_LATIN_TO_CYR)

    return _MIXED_WORD.sub(fix, line)


_CYR_ROMAN = str.maketrans({"І": "I", "Х": "X", "С": "C", "У": "V"})
# A token made only of Roman-numeral letters, Latin or their Cyrillic twins (І, Х), that mixes both
# alphabets, or is Cyrillic-only and at least two letters long ("ХХІ сессиясы"), or follows a number
# and a hyphen ("301-ІІ").
_ROMAN_TOKEN = re.compile(r"(?<![\w])(?P<r>[IVXLХІ]{1,8})(?![\w])")


def fix_roman_numerals(line: str) -> str:
    """Roman numerals written with Cyrillic ``І``/``Х`` become Latin: ``ХХIV`` → ``XXIV``, ``301-ІІ`` →
    ``301-II``. A lone Cyrillic ``І`` is left alone unless it follows ``N-``.

    >>> fix_roman_numerals("ХХIV сессиясының, N 301-ІІ, ХХІ сессиясы, І топ")
    'XXIV сессиясының, N 301-II, XXI сессиясы, І топ'
    """
    if "І" not in line and "Х" not in line:
        return line

    def fix(m: re.Match[str]) -> str:
        tok = m.group("r")
        has_cyr = any(ch in "ІХ" for ch in tok)
        if not has_cyr:
            return tok
        latin = tok.translate(_CYR_ROMAN)
        if not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", latin):
            return tok
        has_lat = any(ch in "IVXL" for ch in tok)
        after_number = m.start() >= 2 and line[m.start() - 1] == "-" and line[m.start() - 2].isdigit()
        if has_lat or len(tok) >= 2 or after_number:
            return latin
        return tok

    return _ROMAN_TOKEN.sub(fix, line)


_N_SIGN = re.compile(r"(?<![A-Za-zА-Яа-я])(?:N\s*№|№\s*N|№{2,}|N(?=\s?\d)|(?<=\s)N(?=\s*$))")


def fix_number_sign(line: str) -> str:
    """``N 245``, ``N№301`` and ``№N`` become ``№ 245``, ``№301``.

    >>> fix_number_sign("N 245 шешімі; N№301-II; No trace of NATO 5")
    '№ 245 шешімі; №301-II; No trace of NATO 5'
    """
    if "N" not in line and "№" not in line:
        return line
    return _N_SIGN.sub("№", line)


# Hyperlink residue (seed 002 §7.1, seed 000 §7.1): the text of a link was cut out of its place and
# appended to the end of the line, leaving a hole: a double space, or a space before punctuation.
_GLUED_AFTER_COLON = re.compile(
    r"^(?P<ind>\s*)(?P<body>\S.*?)(?P<sp>\s?):(?P<tail>[^\W\d_][^:]{0,80}?|\d+-[^\W\d_][^:]{0,80}?)\s*$"
)
_GLUED_AFTER_QUOTE_DOT = re.compile(r"^(?P<ind>\s*)(?P<body>[\"»”]\s.*?)\.(?P<tail>\d[^.]{0,120}?)\s*$")
_GLUED_NUMBER = re.compile(r"(?<=[а-яәіңғүұқөһ])[N№]\s?(?P<tail>\d[\w/-]*)\s*$")
_HOLE = re.compile(r"(?<=\S)(?: {2,}(?=\S)| (?=[,.;]))")
_LINK_NOUN = re.compile(
    r"(?<!\S)(?:Заң|Кодекс|Жарлы[ғқ]|Жолдау|[Ққ]аулы|[Шш]ешім|[Бб]ұйры[ғқ]|Закон|Указ|Постановлени|"
    r"Решени|Приказ|Послани)[а-яәіңғүұқөһ]*(?=[\s,.;:]|$)"
)
_GENITIVE_END = re.compile(r"(?:[нт][ыі]ң|[дт][ыі]ң|атты)$")
_ATTACHED = re.compile(r"(?:[нтд][ыі]ң|[\"»”])\s*$")


def repair_displaced(line: str) -> str:
    """Put back words that a copy from a web page moved out of a hyperlink to the end of the line.

    The rule is general, not per line: a tail glued without a space after a colon (``жазылсын:тақырып``),
    after a full stop that ends a line beginning with a closing quote, or a number glued to a word
    (``бекітілгенN 1241``), goes back into the hole the link left (two spaces, or a space before
    punctuation); without a hole it goes before the colon when a space precedes it, else to the start of
    the line. An act noun (``Заңы``, ``Жолдауы``) after a hole that follows a genitive goes into the hole.

    >>> repair_displaced("       мынадай редакцияда жазылсын:тақырып")
    '       тақырып мынадай редакцияда жазылсын:'
    >>> repair_displaced("      2-бөлімнің  төртінші абзацы мынадай редакцияда жазылсын:1-тарауының")
    '      2-бөлімнің 1-тарауының төртінші абзацы мынадай редакцияда жазылсын:'
    >>> repair_displaced("2025 жылға дейінгі :ұлттық жоспарда")
    '2025 жылға дейінгі ұлттық жоспарда:'
    >>> repair_displaced("Республикасының , Қазақстан Республикасы Президентінің Қазақстан халқына Заңы")
    'Республикасының Заңы, Қазақстан Республикасы Президентінің Қазақстан халқына'
    >>> repair_displaced("Республикасының  сәйкес облыстық Мәслихат Заңына ШЕШІМ ЕТЕДІ")
    'Республикасының Заңына сәйкес облыстық Мәслихат ШЕШІМ ЕТЕДІ'
    >>> repair_displaced("Осы шешім 10:30 басталады")
    'Осы шешім 10:30 басталады'
    """
    if (
        ":" not in line
        and "." not in line
        and "N" not in line
        and "№" not in line
        and "  " not in line
        and " ," not in line
    ):
        return line
    # The tail of _GLUED_AFTER_COLON follows the line's last colon (it holds none) and begins with a
    # letter or a digit; the body of _GLUED_AFTER_QUOTE_DOT begins with a quote after the indent.
    colon = line.rfind(":")
    m = _GLUED_AFTER_COLON.match(line) if colon >= 0 and line[colon + 1 : colon + 2].isalnum() else None
    if m and not _looks_like_label(m.group("body")):
        return _reinsert(m.group("ind"), m.group("body"), m.group("tail").strip(), ":", m.group("sp"))
    m = _GLUED_AFTER_QUOTE_DOT.match(line) if "." in line and line.lstrip()[:1] in _CLOSING_QUOTES else None
    if m:
        return f"{m.group('ind')}{m.group('tail').strip()}{m.group('body')}."
    m = _GLUED_NUMBER.search(line) if ("N" in line or "№" in line) else None
    if m:
        head = line[: m.start()]
        hole = _HOLE.search(head, len(head) - len(head.lstrip()))
        if hole:
            return f"{head[: hole.start()]} № {m.group('tail')} {head[hole.end() :].lstrip()}".rstrip()
        return f"{head} № {m.group('tail')}"
    if "  " in line.strip() or " ," in line or " ." in line:
        return _move_link_noun(line)
    return line


_CLOSING_QUOTES = frozenset('"»”')


def _looks_like_label(body: str) -> bool:
    """``Статус:Утратил силу``, ``https://…``, ``10:30``: a colon that belongs where it is."""
    b = body.rstrip()
    return (
        not b
        or b[-1].isdigit()
        or b.endswith(("http", "https"))
        or bool(re.search(r"(?:Статус|Мәртебесі|Status|Сведения об акте|Номер|Дата|Бірегей нөмір)$", b))
        or b[:1].isupper()
        and len(b) < 40
        and " " not in b
    )


def _reinsert(ind: str, body: str, tail: str, punct: str, sp: str) -> str:
    hole = _HOLE.search(body)
    if hole and hole.group(0).startswith("  "):
        return f"{ind}{body[: hole.start()]} {tail} {body[hole.end() :]}{punct}"
    if sp:
        return f"{ind}{body} {tail}{punct}"
    return f"{ind}{tail} {body}{punct}"


def _move_link_noun(line: str) -> str:
    ind = line[: len(line) - len(line.lstrip())]
    body = line[len(ind) :]
    for hole in _HOLE.finditer(body):
        before = body[: hole.start()]
        if not _GENITIVE_END.search(before):
            continue
        after = body[hole.end() :]
        noun = _LINK_NOUN.search(after)
        if not noun or noun.start() <= 2:  # the noun already sits right after the hole
            continue
        if _ATTACHED.search(after[: noun.start()]):  # "Республикасының Заңымен" is in its place
            continue
        rest = (after[: noun.start()].rstrip() + " " + after[noun.end() :].lstrip()).strip()
        glue = "" if rest[:1] in ",.;" else " "
        return f"{ind}{before} {noun.group(0)}{glue}{rest}".rstrip()
    return line


_SPACES = re.compile(r"[ \t\u00a0]+")


def squash_spaces(line: str) -> str:
    return " ".join(line.split())


def normalize_line(line: str) -> str:
    """All per-line repairs, in order."""
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").rstrip()
    line = collapse_letter_spacing(line)
    line = fix_lookalikes(line)
    line = fix_roman_numerals(line)
    line = fix_number_sign(line)
    line = space_after_ot(line)
    line = repair_displaced(line)
    return line


def normalize_lines(text: str) -> list[str]:
    """The text as a list of normalised lines; index ``i`` is original line ``i + 1``.

    The same repairs as :func:`normalize_line`, the character replacements done once on the whole text
    (none of them touches a line feed), and the look-alike repair only on the lines holding a Latin
    letter (the earlier repairs add none)."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    latin = lines_matching(_HAS_LATIN, text)
    out = []
    for i, line in enumerate(text.split("\n")):
        line = line.rstrip()
        # (each repair is called only past the first test it makes itself, inlined here)
        if line.count(" ") >= 2:
            line = collapse_letter_spacing(line)
        if i in latin:
            line = fix_lookalikes(line)
        if "І" in line or "Х" in line:
            line = fix_roman_numerals(line)
        if "N" in line or "№" in line:
            line = fix_number_sign(line)
        if "от" in line:
            line = space_after_ot(line)
        out.append(repair_displaced(line))
    return out


def space_after_ot(line: str) -> str:
    """``от28.06.2023`` → ``от 28.06.2023``: the space a hyperlink took away between the preposition and
    the date it opens (a copy from a web page: "решением … от28.06.2023 № 5").

    >>> space_after_ot("решением маслихата от28.06.2023 № 5"), space_after_ot("отдел 5")
    ('решением маслихата от 28.06.2023 № 5', 'отдел 5')
    """
    i = line.find("от")
    while i >= 0:
        j = i + 2
        if j < len(line) and line[j].isdigit() and (i == 0 or not line[i - 1].isalpha()):
            line = line[:j] + " " + line[j:]
        i = line.find("от", j)
    return line


def normalize_text(text: str) -> tuple[list[str], list[str]]:
    """Full normalisation of a decoded file: HTML → text, site navigation blanked, every line repaired.

    Returns ``(lines, notes)``; ``notes`` say what was done to the text as a whole (for warnings).
    """
    notes: list[str] = []
    if is_html(text):
        text, kept = html_to_text(text)
        notes.append("read as an HTML page" + ("" if kept else "; line numbers refer to the extracted text"))
    lines = normalize_lines(text)
    lines, blanked = strip_navigation(lines)
    if blanked:
        notes.append(f"{blanked} lines of site navigation ignored")
    return lines, notes


# ---------------------------------------------------------------------------------------------- HTML

_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|body|div|p|table|span|br)\b", re.IGNORECASE)
_DROP_BLOCKS = re.compile(r"(?is)<(script|style|noscript|head|svg|nav|footer|header)\b.*?</\1\s*>")
_COMMENT = re.compile(r"(?s)<!--.*?-->")
_BLOCK_TAG = re.compile(r"(?i)</?(?:p|div|br|tr|li|h[1-6]|table|section|article|td|th|ul|ol)\b[^>]*>")
_TAG = re.compile(r"(?s)<[^>]*>")


def is_html(text: str) -> bool:
    """True for an HTML page (a saved web copy), not for a text that mentions a ``<`` or two."""
    head = text[:20000]
    return bool(_HTML_SNIFF.search(head)) and len(_TAG.findall(head)) >= 5


def _blank_keep_newlines(m: re.Match[str]) -> str:
    return "\n" * m.group(0).count("\n")


def html_to_text(text: str) -> tuple[str, bool]:
    """Strip tags from an HTML page. Returns ``(text, line_map_kept)``.

    Scripts, styles, ``<nav>``, ``<header>`` and ``<footer>`` are dropped. When the page has its own line
    structure (one block per line or so), tags are removed in place so that line ``i`` of the result is
    line ``i`` of the page; a minified page is broken at block tags instead, and its line map is lost.
    """
    text = _DROP_BLOCKS.sub(_blank_keep_newlines, text)
    text = _COMMENT.sub(_blank_keep_newlines, text)
    blocks = len(_BLOCK_TAG.findall(text))
    keep = text.count("\n") + 1 >= blocks / 2
    if keep:
        text = _BLOCK_TAG.sub(lambda m: " " + "\n" * m.group(0).count("\n"), text)
    else:
        text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub(_blank_keep_newlines, text)
    return html.unescape(text), keep


# ------------------------------------------------------------------------------------ site navigation

_NAV_WORDS = [
    # ru
    "главная",
    "законодательство",
    "поиск",
    "расширенный поиск",
    "войти",
    "выйти",
    "вход",
    "регистрация",
    "личный кабинет",
    "контакты",
    "о проекте",
    "о сайте",
    "обратная связь",
    "карта сайта",
    "помощь",
    "новости",
    "русский",
    "қазақша",
    "казахский",
    "english",
    "рус",
    "қаз",
    "каз",
    "eng",
    "ru",
    "kz",
    "en",
    "текст",
    "официальная публикация",
    "информация",
    "история изменений",
    "ссылки",
    "скачать",
    "печать",
    "распечатать",
    "версия для печати",
    "сравнить",
    "оглавление",
    "комментарии",
    "загрузить",
    "pdf",
    "docx",
    "doc",
    "ebb",
    "эбб",
    "поделиться",
    "подписаться",
    "наверх",
    "меню",
    "избранное",
    "добавить в избранное",
    "на документ",
    "из документа",
    "реквизиты",
    "открыть",
    "закрыть",
    "все документы",
    "нормативные правовые акты",
    "кодексы",
    "законы",
    "указы",
    "постановления",
    "решения",
    "приказы",
    "мобильная версия",
    "вопросы и ответы",
    "глоссарий",
    "справка",
    "другие действия",
    "показать",
    "скрыть",
    "вернуться",
    "назад",
    "полный текст",
    "экспорт",
    "в избранное",
    "выход",
    "русский язык",
    "қазақ тілі",
    "версия для слабовидящих",
    "подробнее",
    # kk
    "басты бет",
    "заңнама",
    "іздеу",
    "кеңейтілген іздеу",
    "кіру",
    "шығу",
    "тіркелу",
    "байланыс",
    "байланыстар",
    "жоба туралы",
    "сайт туралы",
    "кері байланыс",
    "сайт картасы",
    "көмек",
    "жаңалықтар",
    "мәтін",
    "ресми жариялау",
    "ресми жариялануы",
    "ақпарат",
    "өзгерістер тарихы",
    "сілтемелер",
    "жүктеу",
    "жүктеп алу",
    "басып шығару",
    "салыстыру",
    "түсініктемелер",
    "бөлісу",
    "жазылу",
    "мәзір",
    "құжатқа",
    "құжаттан",
    "барлық құжаттар",
    "нормативтік құқықтық актілер",
    "кодекстер",
    "заңдар",
    "жарлықтар",
    "қаулылар",
    "шешімдер",
    "бұйрықтар",
    "мобильді нұсқа",
    "сұрақтар мен жауаптар",
    "басқа әрекеттер",
    "көрсету",
    "жасыру",
    "артқа",
    "толық мәтін",
    "таңдаулыларға",
    "толығырақ",
]
_NAV_ALT = "|".join(re.escape(w) for w in sorted(_NAV_WORDS, key=len, reverse=True))
# A line made only of navigation words, separated by spaces, pipes, slashes, bullets or arrows.
_NAV_LINE = re.compile(rf"^(?:\s*(?:{_NAV_ALT})\s*(?:[|/»>•·,]+\s*|\s+|$))+$", re.IGNORECASE)
_FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|все права защищены|барлық құқықтар қорғалған|"
    r"институт законодательства и правовой информации|заңнама және құқықтық ақпарат институты|"
    r"информационно-правовая система нормативных правовых актов|"
    r"нормативтік құқықтық актілердің ақпараттық-құқықтық жүйесі|^\s*(?:https?://|www\.)\S+\s*$",
    re.IGNORECASE,
)


_FOOTER_HINTS = ("©", "(c)", "http", "www.", "защищ", "қорғалған", "институт", "жүйесі", "систем")


_NAV_FIRST = {w.split()[0] for w in _NAV_WORDS}


def _is_nav(s: str) -> bool:
    if not s or len(s) >= 300:
        return False
    if _is_menu(s):
        return True
    low = s.lower()
    for h in _FOOTER_HINTS:
        if h in low:
            return bool(_FOOTER.search(s))
    return False


def _is_menu(s: str) -> bool:
    return (
        len(s) < 160
        and s.count(" ") < 16
        and s.split(None, 1)[0].lower().strip("|/»>•·,") in _NAV_FIRST
        and _NAV_LINE.match(s) is not None
    )


def _nav_flags(strs: list[str]) -> list[bool]:
    """``[_is_nav(s) for s in strs]`` (stripped lines), with the footer hints looked for once in the
    joined lowercased lines instead of line by line."""
    hinted = LineFinder(strs).lines_with_folded(_FOOTER_HINTS)
    if hinted is None:
        return [_is_nav(s) for s in strs]
    with_hint = set(hinted)
    return [
        bool(s) and len(s) < 300 and (_is_menu(s) or (i in with_hint and _FOOTER.search(s) is not None))
        for i, s in enumerate(strs)
    ]


def strip_navigation(lines: list[str]) -> tuple[list[str], int]:
    """Blank the lines of site navigation and footers of a web copy. Returns ``(lines, count)``.

    Menu lines (``Главная | Поиск``, ``Басты бет / Заңнама``) are blanked in the runs of navigation
    that open and close a page; inside the text a single word such as ``Ақпарат`` may be a table cell,
    so there only lines of two or more menu words, footers (``© 2024 … Институт законодательства …``)
    and bare URLs are blanked. Status words (``Новый``, ``Утратил силу``) and metadata lines
    (``Статус: …``) are content and stay.
    """
    n = len(lines)
    # Only a web copy has navigation: look for it where a page puts it, at the top and the bottom.
    edge = [line.strip() for line in lines[:40] + lines[-40:]]
    if not any(_nav_flags(edge)):
        return lines, 0
    nav = _nav_flags([line.strip() for line in lines])
    blank = [not line.strip() for line in lines]
    drop = [False] * n
    for order in (range(n), range(n - 1, -1, -1)):
        for i in order:
            if blank[i]:
                continue
            if not nav[i]:
                break
            drop[i] = True
    for i, line in enumerate(lines):
        s = line.strip()
        if nav[i] and not drop[i]:
            words = len(re.findall(r"[|/»>•·]", s)) + (1 if _FOOTER.search(s) else 0)
            drop[i] = words >= 1
    out = ["" if d else line for d, line in zip(drop, lines)]
    return out, sum(drop)


# ------------------------------------------------------------------------------------- joined view


@dataclass
class Joined:
    """The non-blank lines joined by single spaces, with a map from offsets back to line numbers.

    Reading joined text crosses the hard line wraps and page-break blank lines of copied acts (a title
    or a citation that runs over three lines and a page break is one phrase here) while every match can
    still be traced to its original lines with :meth:`span`.
    """

    text: str
    starts: list[int] = field(default_factory=list)  # offset of each joined line
    linenos: list[int] = field(default_factory=list)  # its 1-based original line number

    def line_of(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return self.linenos[max(i, 0)] if self.linenos else 1

    def span(self, start: int, end: int) -> Span:
        a = self.line_of(start)
        b = self.line_of(max(start, end - 1))
        return Span(a, max(a, b))

    def offset_of_line(self, lineno: int) -> int:
        """Offset of the first joined line at or after original line ``lineno``."""
        i = bisect_right(self.linenos, lineno - 1)
        return self.starts[i] if i < len(self.starts) else len(self.text)


# The last join of a whole text, with the lines it was made of: the document reader and several
# hooks join the same lines (the same string objects), and a join is a pure function of them.
_last_join: tuple[tuple[str, ...], Joined] | None = None


def join_lines(lines: list[str], first: int = 1, last: int | None = None) -> Joined:
    """Join lines ``first``–``last`` (1-based, inclusive) of ``lines``, skipping blank ones."""
    global _last_join
    whole = first == 1 and last is None
    if whole:
        cached = _last_join
        if cached is not None and len(cached[0]) == len(lines) and all(map(operator.is_, cached[0], lines)):
            j = cached[1]
            return Joined(j.text, list(j.starts), list(j.linenos))  # the caller's own lists
    parts: list[str] = []
    starts: list[int] = []
    linenos: list[int] = []
    pos = 0
    end = len(lines) if last is None else min(last, len(lines))
    for i in range(first - 1, end):
        s = " ".join(lines[i].split())  # squash_spaces
        if not s:
            continue
        starts.append(pos)
        linenos.append(i + 1)
        parts.append(s)
        pos += len(s) + 1
    joined = Joined(" ".join(parts), starts, linenos)
    if whole:
        _last_join = (tuple(lines), Joined(joined.text, list(starts), list(linenos)))
    return joined

"""The bad-input catalogue (issue 9): what kglaw does with whatever users saved from the web.

Every case ends in exactly one of three ways, and the test says which:

* **parse** — a correct parse (the input is decodable): the facts are those of a clean copy;
* **error** — one line ``kglaw: error: FILE:LINE: …`` on stderr and exit code 2;
* **warning** — a ``warning: FILE: line N: …`` while the batch goes on (exit 0, the other files built).

Never a traceback (the CLI runs in process and an exception fails the test), a hang (each command runs
under a SIGALRM guard), a partial output file or a changed store (compared byte for byte / quad for
quad). Big inputs are generated in ``tmp_path``, never committed. docs/guarantees.md lists the cases.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kglaw.cli import cli
from kglaw.errors import KglawError, QueryError
from kglaw.parse.document import MAX_CHARS, parse_bytes, parse_file
from kglaw.query import load_query, run_query

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEXTS = HERE / "texts"
DATA_TTL = ROOT / "data" / "ttl"
SEED_PLAN = ROOT / "data" / "raw" / "004_a1e69ce52de4036b.txt"  # a Kazakh concept with a TAB-cell action plan
RU_REPEAL = (TEXTS / "ru_repeal_single_act.txt").read_text(encoding="utf-8")
RU_NOTES = (TEXTS / "ru_note_amended_several.txt").read_text(encoding="utf-8")
KK_ACT = (TEXTS / "kk_government_resolution.txt").read_text(encoding="utf-8")


# -- harness ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def no_hang(seconds: int = 120) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM raises in the main thread after ``seconds``."""

    def alarm(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"no answer after {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def kglaw(*args: object, seconds: int = 120) -> tuple[int, str, str]:
    """``kglaw ARGS`` in process: (exit code, stdout, stderr). A traceback fails the test."""
    with no_hang(seconds):
        res = CliRunner().invoke(cli, [str(a) for a in args])
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        tb = "".join(traceback.format_exception(res.exception))
        pytest.fail(f"kglaw {' '.join(map(str, args))} raised instead of reporting:\n{tb}")
    code, out, err = res.exit_code, res.stdout, res.stderr
    del res
    gc.collect()  # a failed command's traceback holds its store open (RocksDB's lock) until collected
    return code, out, err


def assert_error_line(err: str, file: str, line: int | None = None) -> None:
    """Exactly one line, ``kglaw: error: …FILE:LINE: …`` (the line is checked when given)."""
    assert err.count("\n") == 1 and err.startswith("kglaw: error: "), err
    assert file in err, err
    if line is not None:
        assert f"{file}:{line}:" in err, err
    else:
        assert re.search(re.escape(file) + r":\d+:", err), err


def write(directory: Path, name: str, data: bytes | str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    p = directory / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def parse_cli(path: Path) -> dict:
    """``kglaw parse FILE``: a correct parse exits 0 and prints the JSON contract."""
    code, out, err = kglaw("parse", path)
    assert code == 0 and err == "", err
    return json.loads(out)[0]


def tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


def build_batch(tmp_path: Path, files: dict[str, bytes | str]) -> tuple[int, str, str, Path]:
    """``kglaw build`` over the given files plus one good act: the batch must go on past a bad file."""
    raw = tmp_path / "raw"
    write(raw, "good.txt", RU_REPEAL)
    for name, data in files.items():
        write(raw, name, data)
    out = tmp_path / "ttl"
    code, stdout, stderr = kglaw("build", "--raw", raw, "--out", out)
    assert (out / "good.ttl").is_file(), "the good file of the batch was not built"
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == [], f"staging left behind: {leftovers}"
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary file in the output"
    return code, stdout, stderr, out


def assert_batch_warning(tmp_path: Path, name: str, data: bytes | str, pattern: str) -> str:
    """Outcome **warning**: exit 0, ``warning: NAME: …PATTERN…`` on stderr, both files built."""
    code, stdout, stderr, out = build_batch(tmp_path, {name: data})
    assert code == 0, stderr
    assert re.search(rf"^warning: {re.escape(name)}: .*{pattern}", stderr, re.MULTILINE), stderr
    assert (out / f"{Path(name).stem}.ttl").is_file()
    assert "built 2 documents" in stdout
    return stderr


def assert_batch_error(tmp_path: Path, name: str, data: bytes) -> None:
    """In a batch an unreadable file is one ``error: NAME:LINE: …`` line; the rest is built, exit 2."""
    code, stdout, stderr, out = build_batch(tmp_path, {name: data})
    assert code == 2
    errors = [ln for ln in stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1 and re.match(rf"error: {re.escape(name)}:\d+: ", errors[0]), stderr
    assert not (out / f"{Path(name).stem}.ttl").exists()
    assert "built 1 documents" in stdout and "1 errors" in stdout


def facts(doc: dict) -> dict:
    """The parts of the JSON contract that a decoding problem could spoil."""
    keep = ("iri", "type", "title", "language", "date", "number", "registration", "status")
    return {k: doc[k] for k in keep} | {
        k: doc[k] for k in ("repealed_by", "amended_by", "amends", "repeals", "cites")
    }


def store_quads(path: Path) -> list[str]:
    """The content of an on-disk store, as sorted N-Quads lines (opened and closed here)."""
    s = ox.Store(str(path))
    try:
        return sorted((s.dump(format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8").splitlines())
    finally:
        del s


@pytest.fixture(scope="module")
def clean_ru(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return parse_cli(write(tmp_path_factory.mktemp("clean"), "act.txt", RU_REPEAL))


@pytest.fixture(scope="module")
def clean_kk(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return parse_cli(write(tmp_path_factory.mktemp("clean"), "act.txt", KK_ACT))


@pytest.fixture(scope="module")
def master_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A store on disk loaded from data/ttl by ``kglaw load`` (stamped), and its quads."""
    base = tmp_path_factory.mktemp("master")
    shutil.copytree(DATA_TTL, base / "ttl")  # a snapshot: data/ttl may be rebuilt while the tests run
    store = base / "store"
    code, _, err = kglaw("query", "in-force-on", "--store", store, "--data", base / "ttl")
    assert code == 0 and "new store: loaded" in err, err
    return store, store_quads(store)


@pytest.fixture(scope="module")
def data(master_store: tuple[Path, list[str]]) -> Path:
    """The snapshot of data/ttl the master store was loaded from (``--data`` for queries)."""
    return master_store[0].parent / "ttl"


@pytest.fixture()
def loaded(tmp_path: Path, master_store: tuple[Path, list[str]]) -> tuple[Path, list[str]]:
    """A copy of the loaded store for one test (with its stamp, so queries do not reload it)."""
    master, quads = master_store
    store = tmp_path / "store"
    shutil.copytree(master, store)
    shutil.copy2(master.with_name("store.loaded"), store.with_name("store.loaded"))
    return store, quads


# -- 1. empty, binary, not text ------------------------------------------------------------------------


def test_empty_file_is_a_warning(tmp_path: Path) -> None:
    assert parse_cli(write(tmp_path, "empty.txt", b""))["iri"] is None
    assert_batch_warning(tmp_path, "empty.txt", b"", "empty text")


def test_whitespace_only_file_is_a_warning(tmp_path: Path) -> None:
    data = b" \t \n\n\r\n   \n\xc2\xa0\n"
    assert parse_cli(write(tmp_path, "blank.txt", data))["iri"] is None
    assert_batch_warning(tmp_path, "blank.txt", data, "empty text")


def test_binary_data_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    code, _, err = kglaw("parse", write(tmp_path, "random.txt", data))
    assert code == 2
    assert_error_line(err, "random.txt")
    assert_batch_error(tmp_path, "random.txt", data)


def test_png_image_named_txt_is_not_text(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000)
    code, _, err = kglaw("parse", write(tmp_path, "scan.txt", data))
    assert code == 2
    assert_error_line(err, "scan.txt", 3)  # the first NUL byte is on line 3 (after \r and \n)
    assert "binary data, not a text" in err


def test_pdf_named_txt_is_not_text(tmp_path: Path) -> None:
    data = (
        b"%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
        + bytes(range(128, 256)) * 30
        + b"\nendstream\n"
    )
    code, _, err = kglaw("parse", write(tmp_path, "act.txt", data))
    assert code == 2
    assert_error_line(err, "act.txt", 5)  # the binary stream starts on line 5


def test_text_with_control_characters_is_not_text(tmp_path: Path) -> None:
    data = ("Заголовок\n" + "\x01\x02\x03\x04 текст\x05\x06\x07\x08\n" * 200).encode("utf-8")
    code, _, err = kglaw("parse", write(tmp_path, "ctrl.txt", data))
    assert code == 2
    assert_error_line(err, "ctrl.txt", 2)


# -- 2. encodings ----------------------------------------------------------------------------------------


def test_cp1251_reads_as_the_utf8_copy(tmp_path: Path, clean_ru: dict) -> None:
    assert facts(parse_cli(write(tmp_path, "act.txt", RU_REPEAL.encode("cp1251")))) == facts(clean_ru)


def test_cp1251_with_crlf_line_ends_keeps_line_numbers(tmp_path: Path) -> None:
    doc = parse_file(write(tmp_path, "act.txt", RU_REPEAL.replace("\n", "\r\n").encode("cp1251")))
    clean = parse_bytes(RU_REPEAL.encode("utf-8"), "act.txt")
    assert doc.repeals[0].span == clean.repeals[0].span and doc.act.span == clean.act.span


def test_utf16_with_bom_reads_as_the_utf8_copy(tmp_path: Path, clean_ru: dict) -> None:
    for codec in ("utf-16", "utf-16-be"):
        data = RU_REPEAL.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        assert facts(parse_cli(write(tmp_path, f"act-{codec}.txt", data))) == facts(clean_ru)


def test_utf8_with_bom_reads_as_the_utf8_copy(tmp_path: Path, clean_ru: dict) -> None:
    assert facts(parse_cli(write(tmp_path, "act.txt", b"\xef\xbb\xbf" + RU_REPEAL.encode("utf-8")))) == facts(
        clean_ru
    )


def test_kz1048_reads_as_the_utf8_copy(tmp_path: Path, clean_kk: dict) -> None:
    assert facts(parse_cli(write(tmp_path, "act.txt", KK_ACT.encode("kz1048")))) == facts(clean_kk)


def test_legacy_font_mojibake_is_repaired(tmp_path: Path, clean_kk: dict) -> None:
    legacy = str.maketrans("ҚқҢңҒғӘәӨөҮүҰұҺһ", "ЌќЊњЃѓЈјҐґЇїЎўЋћ")
    assert facts(parse_cli(write(tmp_path, "act.txt", KK_ACT.translate(legacy)))) == facts(clean_kk)


def test_utf8_saved_twice_through_cp1251_is_repaired(tmp_path: Path) -> None:
    text = RU_REPEAL.replace("И", "и")  # UTF-8 'И' holds byte 0x98, which cp1251 lacks
    twice = text.encode("utf-8").decode("cp1251").encode("utf-8")
    assert facts(parse_cli(write(tmp_path, "act.txt", twice))) == facts(
        parse_cli(write(tmp_path, "clean.txt", text))
    )


def test_mixed_encodings_are_an_error_naming_file_and_line(tmp_path: Path) -> None:
    # A UTF-8 act with a KZ-1048 paragraph pasted in: no single encoding reads it. (Reading it line by
    # line would be a correct parse; until the decoder does that, the outcome is a clean error.)
    data = RU_REPEAL.encode("utf-8") + "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n".encode("kz1048")
    code, _, err = kglaw("parse", write(tmp_path, "mixed.txt", data))
    assert code == 2
    assert_error_line(err, "mixed.txt", RU_REPEAL.count("\n") + 1)
    assert "mixed encodings" in err
    assert_batch_error(tmp_path, "mixed.txt", data)


def test_utf8_with_a_cp1251_line_is_not_read_as_kz1048_garbage(tmp_path: Path) -> None:
    """Regression: a UTF-8 text with one cp1251 line decoded 'successfully' as KZ-1048 (ТљР°Р·…)."""
    text = KK_ACT.replace("И", "и")  # no byte 0x98, so KZ-1048 would read every byte
    data = text.encode("utf-8") + "Решение маслихата от 12 декабря 2007 года № 33\n".encode("cp1251")
    code, _, err = kglaw("parse", write(tmp_path, "mixed.txt", data))
    assert code == 2 and "mixed encodings" in err
    assert_error_line(err, "mixed.txt", text.count("\n") + 1)


# -- 3. web pages, tables, size ----------------------------------------------------------------------


def test_html_page_instead_of_a_text_is_a_warning(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Ошибка 404</title><script>var a='<p>x</p>';</script></head>"
        "<body><nav><a href='/'>Главная</a></nav><p>Страница не найдена</p></body></html>\n"
    )
    assert parse_cli(write(tmp_path, "page.html", page))["iri"] is None
    assert_batch_warning(tmp_path, "page.html", page, "read as an HTML page")


def test_html_page_around_a_real_act_reads_the_act(tmp_path: Path) -> None:
    doc = parse_cli(write(tmp_path, "page.html", (TEXTS / "ru_web_page.html").read_bytes()))
    assert doc["iri"] == "https://w3id.org/kglaw/eli/kz/decision/atyrau-oblast-maslikhat/2009-04-10/210-IV"
    assert doc["title"] == "Об утверждении Правил оказания социальной помощи в Атырауской области"
    reg = doc["registration"]
    assert (reg["number"], reg["date"]) == ("2551", "2009-05-05") and reg["body"]
    assert [r["number"] for r in doc["repealed_by"]] == ["7"]
    assert doc["status"] == "repealed"
    assert "<" not in json.dumps(doc, ensure_ascii=False)  # no markup leaks into the facts


def test_table_truncated_mid_row_keeps_the_rows_before(tmp_path: Path) -> None:
    full = SEED_PLAN.read_text(encoding="utf-8")
    whole = parse_bytes(full.encode("utf-8"), "plan.txt").programmes[0].measures
    lines = full.split("\n")
    # cut in the middle of the row of measure 10: its number cell and half of its name cell survive
    row = next(i for i, ln in enumerate(lines) if ln.strip() == "10." and i > 800)
    cut = "\n".join(lines[: row + 3])
    cut = cut[: len(cut) - len(lines[row + 2]) // 2]
    doc = parse_file(write(tmp_path, "plan.txt", cut))
    got = doc.programmes[0].measures
    assert [m.number for m in got[:9]] == [m.number for m in whole[:9]]
    assert [(m.name, m.deadline, m.executors) for m in got[:9]] == [
        (m.name, m.deadline, m.executors) for m in whole[:9]
    ]
    last = got[-1]
    assert last.number == "10" and (last.incomplete or not last.executors or last.deadline is None)
    assert_batch_warning(tmp_path, "plan.txt", cut, r"line \d+-\d+: row 10\b")


def test_fifty_megabyte_document_is_read_up_to_the_limit_with_a_warning(tmp_path: Path) -> None:
    """Regression: a 50 MB text took hours (plans.concept.replaced_appendix rescans the text before
    each programme with a look-ahead regex). Now the parser reads MAX_CHARS and warns, in bounded memory."""
    seed = (ROOT / "data" / "raw" / "000_37dccefd1b8c9523.txt").read_bytes()
    big = write(tmp_path / "raw", "big.txt", seed * (50_000_000 // len(seed) + 1))
    assert big.stat().st_size >= 50_000_000
    probe = (
        "import resource, sys\n"
        "from kglaw.parse.document import parse_file\n"
        "d = parse_file(sys.argv[1])\n"
        "print(d.act.number, d.line_count)\n"
        "for w in d.warnings: print(w)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", probe, str(big)], capture_output=True, text=True, timeout=300, check=False
    )
    assert res.returncode == 0 and res.stderr == "", res.stderr
    out = res.stdout.splitlines()
    number, lines_read = out[0].split()
    assert number == "245" and int(lines_read) < seed.count(b"\n") * (50_000_000 // len(seed) + 1)
    assert any(
        re.match(rf"line \d+-\d+: text too long \(\d+ characters, limit {MAX_CHARS}\)", w) for w in out[1:-1]
    )
    assert any("programmes and amendment operations not read" in w for w in out[1:-1])
    assert int(out[-1]) < 1500, f"peak memory {out[-1]} MB"


def test_ten_thousand_editorial_notes(tmp_path: Path) -> None:
    """Regression: merge_refs and the note-range test were quadratic (10,000 notes took two minutes)."""
    head, rest = RU_NOTES.split("\n", 2)[:2], RU_NOTES.split("\n", 2)[2]
    note = "      Сноска. В решение внесены изменения решением Атырауского областного маслихата от 12.05.2010 № {}."
    text = "\n".join(head + [note.format(f"{i}-IV") for i in range(10_000)] + [rest])
    doc = parse_cli(write(tmp_path, "notes.txt", text))
    numbers = [r["number"] for r in doc["amended_by"]]
    assert len(numbers) == len(set(numbers)) >= 10_000
    assert {f"{i}-IV" for i in range(10_000)} <= set(numbers)
    assert doc["number"] == "210-IV" and [r["number"] for r in doc["repealed_by"]] == []


# -- 4. dates, numbers, types ---------------------------------------------------------------------------


def test_impossible_date_31_february_is_a_warning(tmp_path: Path) -> None:
    text = RU_REPEAL.replace("от 12 декабря 2007 года № 33", "от 31 февраля 2007 года № 33")
    doc = parse_cli(write(tmp_path, "feb31.txt", text))
    assert doc["date"] is None and doc["number"] == "33"  # never a guessed date
    assert_batch_warning(
        tmp_path, "feb31.txt", text, r"line 2: impossible date '31 февраля 2007 года' not read"
    )


def test_dates_in_the_future_are_read_as_written(tmp_path: Path) -> None:
    text = RU_REPEAL.replace("12 декабря 2007", "12 декабря 2099").replace(
        "25 декабря 2007", "25 декабря 2099"
    )
    doc = parse_cli(write(tmp_path, "future.txt", text))
    assert doc["date"] == "2099-12-12" and doc["registration"]["date"] == "2099-12-25"


def test_absurd_numbers_and_days(tmp_path: Path) -> None:
    text = RU_REPEAL.replace("№ 33", "№ 999999999999999999999999999999").replace(
        "25 декабря 2007", "99 декабря 2007"
    )
    text = text.replace("20 декабря 2005", "20 декабря 0000")
    doc = parse_cli(write(tmp_path, "absurd.txt", text))
    assert doc["number"] == "999999999999999999999999999999"
    assert doc["registration"]["date"] is None
    assert [r["date"] for r in doc["repeals"]] == [None]
    stderr = assert_batch_warning(tmp_path, "absurd.txt", text, r"impossible date '99 декабря 2007")
    assert "impossible date '20 декабря 0000" in stderr


def test_unknown_act_type_is_a_warning(tmp_path: Path) -> None:
    text = RU_NOTES.replace("Решение Атырауского", "Меморандум Атырауского", 1)
    doc = parse_cli(write(tmp_path, "memo.txt", text))
    assert doc["type"] is None and doc["iri"] is None
    assert_batch_warning(tmp_path, "memo.txt", text, "no identity line")


def test_document_that_cites_itself_has_no_self_link(tmp_path: Path) -> None:
    text = RU_REPEAL + (
        "      2. Настоящее решение Кызылординского областного маслихата от 12 декабря 2007 года № 33 "
        "вводится в действие по истечении десяти календарных дней.\n"
    )
    doc = parse_cli(write(tmp_path, "self.txt", text))
    me = doc["iri"]
    assert me and all(r["iri"] != me for k in ("cites", "amends", "repeals", "based_on") for r in doc[k])
    code, _, err, out = build_batch(tmp_path, {"self.txt": text})
    assert code == 0, err
    code, stdout, _ = kglaw("validate", out / "self.ttl", out / "good.ttl")
    assert code == 0 and "amends or repeals itself" not in stdout, stdout


def test_repeal_cycle_across_documents_fails_validation(tmp_path: Path) -> None:
    a = RU_REPEAL  # decision 33 (2007) repeals decision 245 (2005) …
    b = (  # … and decision 245 says it repeals decision 33
        "О признании утратившим силу решения Кызылординского областного маслихата от 12 декабря 2007 года № 33\n"
        "Решение Кызылординского областного маслихата от 20 декабря 2005 года № 245. Зарегистрировано "
        "Департаментом юстиции Кызылординской области 23 января 2006 года № 4100\n"
        "      Кызылординский областной маслихат РЕШИЛ:\n"
        "      1. Признать утратившим силу решение Кызылординского областного маслихата от 12 декабря 2007 "
        "года № 33 «О признании утратившим силу решения».\n"
    )
    raw, out = tmp_path / "raw", tmp_path / "ttl"
    write(raw, "a.txt", a)
    write(raw, "b.txt", b)
    code, _, err = kglaw("build", "--raw", raw, "--out", out)
    assert code == 0, err
    code, stdout, stderr = kglaw("validate", out / "a.ttl", out / "b.ttl")
    assert code == 1, stdout + stderr
    assert "lineage cycle" in stdout
    assert stdout.splitlines()[-1].startswith("does not conform: ")


# -- 5. data files: Turtle, shapes, saved queries --------------------------------------------------------

BROKEN_TTL = '@prefix ex: <http://ex/> .\nex:a ex:p ex:b .\n\nex:c ex:p "unterminated .\nex:d ex:p ex:e .\n'


def test_broken_turtle_in_data_ttl_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "ttl"
    data.mkdir()
    for f in DATA_TTL.glob("0*.ttl"):
        (data / f.name).write_bytes(f.read_bytes())
    write(data, "zz-broken.ttl", BROKEN_TTL)
    code, out, err = kglaw("validate", data)
    assert code == 2 and out == ""
    assert_error_line(err, "zz-broken.ttl", 4)


def test_broken_turtle_in_data_ttl_leaves_the_store_unchanged(tmp_path: Path, loaded) -> None:  # type: ignore[no-untyped-def]
    store, before = loaded
    data = tmp_path / "ttl"
    data.mkdir()
    for f in DATA_TTL.glob("0*.ttl"):  # new versions of some graphs come first in the load …
        (data / f.name).write_bytes(f.read_bytes().replace(b"kglaw", b"kglaw-changed", 1))
    write(data, "zz-broken.ttl", BROKEN_TTL)  # … and the broken file last
    code, _, err = kglaw("load", "--store", store, data)
    assert code == 2
    assert "zz-broken.ttl" in err and "line 4" in err and err.count("\n") == 1, err
    assert store_quads(store) == before


def test_shapes_file_that_is_not_turtle(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    write(shapes, "acts.ttl", (ROOT / "shapes" / "acts.ttl").read_bytes())
    write(
        shapes,
        "extra.ttl",
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<a> a sh:NodeShape ;\n  sh:path [ .\n",
    )
    code, _, err = kglaw("validate", "--shapes", shapes, DATA_TTL / "001_a63fa616567ebbc6.ttl")
    assert code == 2
    assert_error_line(err, "extra.ttl")


def test_shapes_directory_without_shapes(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    write(shapes, "empty.ttl", "@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\n")
    code, _, err = kglaw("validate", "--shapes", shapes, DATA_TTL / "001_a63fa616567ebbc6.ttl")
    assert code == 2 and err.count("\n") == 1 and "hold no sh:NodeShape" in err and str(shapes) in err


def test_shapes_with_an_ill_formed_constraint(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    write(
        shapes,
        "bad.ttl",
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix eli: <http://data.europa.eu/eli/ontology#> .\n"
        "<http://ex/S> a sh:NodeShape ; sh:targetClass eli:LegalResource ;\n"
        '  sh:property [ sh:path eli:title ; sh:minCount "many" ] .\n',
    )
    code, _, err = kglaw("validate", "--shapes", shapes, DATA_TTL / "001_a63fa616567ebbc6.ttl")
    assert (
        code == 2 and err.count("\n") == 1 and err.startswith("kglaw: error: shapes could not be applied")
    ), err


@pytest.mark.parametrize(
    "header, line, message",
    [
        ("# title: T\n# description: D\n# param: act — no type\n", 3, "bad parameter line"),
        (
            "# title: T\n# description: D\n# param: n float = 1 — a float\n",
            3,
            "unknown parameter type 'float'",
        ),
        ("# title: T\n# author: me\n# description: D\n", 2, "unknown header field 'author'"),
        ("# description: D\n", 1, "no '# title:' line"),
    ],
    ids=["param-without-type", "unknown-type", "unknown-field", "no-title"],
)
def test_saved_query_with_a_bad_header(tmp_path: Path, header: str, line: int, message: str) -> None:
    q = write(tmp_path, "bad-header.rq", header + "SELECT DISTINCT ?act ?n WHERE { ?act ?p ?n }\n")
    with pytest.raises(QueryError) as e:
        load_query(q)
    assert str(e.value).startswith(f"{q}:{line}: ") and message in str(e.value)
    assert "\n" not in str(e.value)


# -- 6. query names and parameters ----------------------------------------------------------------------


def test_missing_query_parameter(tmp_path: Path, loaded_store) -> None:  # type: ignore[no-untyped-def]
    q = load_query(
        write(
            tmp_path,
            "needs-act.rq",
            "# title: T\n# description: D\n# param: act act — the act\n"
            "SELECT DISTINCT ?x WHERE { ?act ?p ?x }\n",
        )
    )
    with pytest.raises(QueryError, match=r"query 'needs-act' needs --param act=… \(act: the act\)"):
        run_query(loaded_store, q, {})


@pytest.mark.parametrize(
    "param, message",
    [
        ("date=2023-02-31", "'2023-02-31' is not a valid date"),
        ("date=", "'' is not a valid date"),
        ("date=yesterday", "'yesterday' is not a valid date"),
    ],
)
def test_ill_typed_date_parameter(loaded, data, param: str, message: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = kglaw("query", "in-force-on", "--param", param, "--store", loaded[0], "--data", data)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err, err


def test_ill_typed_act_parameter(loaded, data) -> None:  # type: ignore[no-untyped-def]
    code, _, err = kglaw(
        "query", "acts-repealed-by", "--param", "act=not an act", "--store", loaded[0], "--data", data
    )
    assert code == 2 and err.count("\n") == 1 and "not a kglaw act identifier" in err, err


def test_unknown_query_name(loaded, data) -> None:  # type: ignore[no-untyped-def]
    for name in ("no-such-query", "../queries/in-force-on", "IN-FORCE-ON"):
        code, out, err = kglaw("query", name, "--store", loaded[0], "--data", data)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert err.startswith(f"kglaw: error: unknown query {name!r}"), err


def test_unknown_query_parameter_name(loaded, data) -> None:  # type: ignore[no-untyped-def]
    code, _, err = kglaw(
        "query", "in-force-on", "--param", "day=2020-01-01", "--store", loaded[0], "--data", data
    )
    assert code == 2 and err.count("\n") == 1 and "has no parameter 'day'" in err, err


@pytest.mark.parametrize(
    "text",
    [
        '" } } DROP ALL ; SELECT * { ?s ?p "',
        'x") . ?s ?p ?o } #',
        "'; DELETE WHERE { ?s ?p ?o } ; #",
        'кодекс" ) || true || CONTAINS("',
    ],
)
def test_injection_in_a_string_parameter_only_fails_to_match(loaded, data, text: str) -> None:  # type: ignore[no-untyped-def]
    store, before = loaded
    code, out, err = kglaw(
        "query",
        "measures-mentioning",
        "--param",
        f"text={text}",
        "--format",
        "csv",
        "--store",
        store,
        "--data",
        data,
    )
    assert code == 0, err
    assert out.splitlines() == ["measure,number,plan,deadline,where"]  # a header, no rows
    assert store_quads(store) == before


@pytest.mark.parametrize(
    "value",
    ["https://w3id.org/kglaw/eli/kz/x> } DROP ALL { <x", "<http://ex/a>", "http://ex/a b", 'http://ex/"a"'],
)
def test_injection_in_an_iri_parameter_is_refused(loaded, data, value: str) -> None:  # type: ignore[no-untyped-def]
    store, before = loaded
    code, out, err = kglaw(
        "query", "acts-repealed-by", "--param", f"act={value}", "--store", store, "--data", data
    )
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "is not a valid act" in err or "not a kglaw act identifier" in err, err
    assert store_quads(store) == before


def test_update_through_the_sparql_command_is_refused(loaded, data) -> None:  # type: ignore[no-untyped-def]
    store, before = loaded
    for update in ("DROP ALL", "INSERT DATA { <http://ex/a> <http://ex/b> <http://ex/c> }", "CLEAR DEFAULT"):
        code, _, err = kglaw("sparql", update, "--store", store, "--data", data)
        assert code == 2 and err.count("\n") == 1 and "SPARQL syntax error" in err, err
    assert store_quads(store) == before


# -- 7. stores and disks -------------------------------------------------------------------------------


def test_store_locked_by_another_process(loaded, data) -> None:  # type: ignore[no-untyped-def]
    store, before = loaded
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import pyoxigraph, sys, time; s = pyoxigraph.Store(sys.argv[1]); print('open', flush=True); time.sleep(60)",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        code, _, err = kglaw("load", "--store", store, data)
        assert code == 2 and err.count("\n") == 1 and "cannot open the store" in err and str(store) in err, (
            err
        )
        code, _, err = kglaw("query", "in-force-on", "--store", store, "--data", data)
        assert code == 2 and err.count("\n") == 1 and "cannot open the store" in err, err
    finally:
        holder.kill()
        holder.wait()
    assert store_quads(store) == before


def test_store_path_that_cannot_be_a_directory(tmp_path: Path) -> None:
    # Tests run as root, so chmod does not stop a write; a file where the directory should be does.
    blocker = write(tmp_path, "not-a-dir", b"")
    code, _, err = kglaw("load", "--store", blocker / "store", DATA_TTL)
    assert code == 2 and err.count("\n") == 1 and "cannot open the store" in err, err
    assert blocker.read_bytes() == b""


def _disk_full_after(n: int):  # type: ignore[no-untyped-def]
    """A stand-in for os.fdopen / Path.write_bytes whose writes stop with ENOSPC after ``n`` bytes."""

    class FullFile:
        def __init__(self, raw) -> None:  # type: ignore[no-untyped-def]
            self.raw = raw

        def write(self, data: bytes) -> int:
            self.raw.write(data[:n])
            self.raw.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self.raw, name)

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
            self.raw.close()

    return FullFile


def test_full_disk_while_writing_a_query_result_keeps_the_old_file(
    tmp_path: Path, loaded, data, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = write(tmp_path / "results", "r.csv", "old result\n")
    real_fdopen = os.fdopen  # build.write_atomically writes through os.fdopen: the disk fills up there
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _disk_full_after(10)(real_fdopen(fd, *a, **k)))
    code, out, err = kglaw(
        "query", "acts-repealed-by", "--format", "csv", "--out", target, "--store", loaded[0], "--data", data
    )
    monkeypatch.undo()
    assert code == 2 and out == "" and err == "kglaw: error: No space left on device\n", err
    assert target.read_text() == "old result\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.csv"]  # no temporary file left


def test_full_disk_during_a_build_keeps_the_old_output(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    raw, out = tmp_path / "raw", tmp_path / "ttl"
    write(raw, "act.txt", RU_REPEAL)
    code, _, err = kglaw("build", "--raw", raw, "--out", out)
    assert code == 0, err
    old = tree(out)
    write(raw, "act.txt", RU_NOTES)  # the next build would change the output …
    real = Path.write_bytes
    calls = []

    def full_disk(self: Path, data: bytes) -> int:  # … but the disk fills up on its third file
        calls.append(self.name)
        if len(calls) == 3:
            real(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    code, _, err = kglaw("build", "--raw", raw, "--out", out)
    monkeypatch.undo()
    assert code == 2 and err.count("\n") == 1 and "No space left on device" in err, err
    assert len(calls) == 3
    assert tree(out) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw", "ttl"]  # no staging directory left


def test_raw_directory_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = kglaw("build", "--raw", tmp_path / "nope", "--out", tmp_path / "ttl")
    assert code == 2 and err == f"kglaw: error: {tmp_path / 'nope'}: no such directory\n"
    assert not (tmp_path / "ttl").exists()


def test_parse_of_a_missing_file(tmp_path: Path) -> None:
    code, _, err = kglaw("parse", tmp_path / "gone.txt")
    assert code == 2 and err == f"kglaw: error: {tmp_path / 'gone.txt'}: no such file\n"


def test_parse_errors_are_kglaw_errors() -> None:
    """The Python API raises KglawError (a ParseError with file and line), never anything else."""
    with pytest.raises(KglawError) as e:
        parse_bytes(b"\x00" * 100, "zeros.txt")
    assert str(e.value) == "zeros.txt:1: binary data, not a text"

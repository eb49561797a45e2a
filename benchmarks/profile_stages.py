"""Profile the parse and build stages on synthetic documents (pyinstrument; ``pip install pyinstrument``
into .venv, it is not a project dependency). Writes ``benchmarks/profiles/{parse,build}.txt``.

    .venv/bin/python benchmarks/profile_stages.py [N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pyinstrument import Profiler

HERE = Path(__file__).resolve().parent


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    from kglaw.build import build_corpus
    from kglaw.parse.document import parse_text
    from kglaw.synth import generate_documents

    docs = generate_documents(n, seed=3)
    parse_text(docs[0].text, docs[0].source)  # first-use imports outside the profile
    out = HERE / "profiles"
    out.mkdir(exist_ok=True)
    p = Profiler(interval=0.001)
    c = time.process_time()
    p.start()
    parsed = [parse_text(d.text, d.source) for d in docs]
    p.stop()
    cpu = time.process_time() - c
    size = sum(len(d.text.encode()) for d in docs)
    head = f"# parse of {n} synthetic documents, {size / 1e6:.2f} MB, {cpu:.2f} CPU s ({size / 1e6 / cpu:.3f} MB/s per CPU-second)\n"
    (out / "parse.txt").write_text(head + p.output_text(unicode=False, color=False))
    parsed = [d for d in parsed if d.act.date or d.act.number or d.act.title]
    build_corpus(parsed[:5])  # agency registry and authority file loaded outside the profile
    p = Profiler(interval=0.001)
    c = time.process_time()
    p.start()
    res = build_corpus(parsed)
    p.stop()
    cpu = time.process_time() - c
    head = f"# build of {len(parsed)} documents, {res.triples} triples, {cpu:.2f} CPU s ({res.triples / cpu:,.0f} triples per CPU-second)\n"
    (out / "build.txt").write_text(head + p.output_text(unicode=False, color=False))
    print(f"profiles written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

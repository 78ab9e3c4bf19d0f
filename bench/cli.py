"""Whole-process speed: the ``llm-extract extract`` command on N generated documents, as a user runs it.

    python bench/cli.py --docs 2000

Unlike bench/throughput.py (extraction + verification in one process, no I/O), this times
everything a user waits for: starting Python, reading and decoding the files, HTML parsing,
the narrative, writing the records, and the end-of-run rebuild of the combined outputs.
Documents are random valid reports (``llm_extract.synth``) written to a temporary directory,
three in four as text (one cell per line or tab rows) and one in four as an HTML page, of 500 bodies
over four consecutive years (``--corpus crowded``: of 8 bodies, every agency-year claimed ~60 times);
``--corpus real`` takes copies of the five real report texts in golden/ instead, and ``--inputs DIR``
times a folder of your own documents as it is (nothing copied; ``--docs`` is then ignored). Prints
documents/s, the peak memory of the process, and the outcome counts. Target: >= 500/s.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from llm_extract.outputs import read_json
from llm_extract.synth import render
from llm_extract.synth.records import random_report

ROOT = Path(__file__).resolve().parent.parent


def _html_page(text: str, title: str) -> str:
    """A report page as government sites publish it: paragraphs, and each tab row as a table row."""
    body = []
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            if not in_table:
                body.append("<table border='1'>")
                in_table = True
            body.append("<tr>" + "".join(f"<td><p><span>{html.escape(c)}</span></p></td>" for c in line.split("\t"))
                        + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        body.append("</table>")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a></div><div class='article'>{''.join(body)}</div></body></html>")


#: A batch as a researcher gathers it: many bodies (500 names), each one's reports of four consecutive years.
_CITIES = ("新乡市", "哈尔滨市", "南阳市", "洛阳市", "绵阳市", "赣州市", "遵义市", "常德市", "临沂市", "保定市")
_DISTRICTS = ("东城区", "西城区", "南山区", "北湖区", "城关镇")
_BODIES = ("人民政府", "生态环境局", "自然资源局", "公安局", "教育局", "卫生健康委员会", "财政局", "住房和城乡建设局",
           "交通运输局", "水利局")
_AGENCIES = [c + d + b for c in _CITIES for d in _DISTRICTS for b in _BODIES]


def write_corpus(folder: Path, n: int, seed: int, *, crowded: bool = False) -> None:
    """``n`` random reports: document ``i`` is body ``i // 4``'s report of year 2021 + ``i % 4`` (every body's
    years linked across years); ``crowded``: eight bodies and four years, each agency-year claimed by some 60
    reports of other values (the duplicate and conflict checks at their worst)."""
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        report = random_report(rng, f"doc{i:05d}")
        if not crowded:
            report.agency, report.year = _AGENCIES[(i // 4) % len(_AGENCIES)], 2021 + i % 4
        if i % 4 == 3:
            text = render(report, "tabrows", seed=i)
            (folder / f"doc{i:05d}.html").write_text(_html_page(text, report.agency or ""), encoding="utf-8")
        else:
            text = render(report, "cells" if i % 2 else "tabrows", seed=i)
            (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def write_real_corpus(folder: Path, n: int) -> None:
    """``n`` copies, in turn, of the real report texts bundled in golden/ (the same bytes each time:
    the reader's per-line caches help more than on a batch of different reports)."""
    texts = [p.read_bytes() for p in sorted((ROOT / "golden").glob("*.txt"))]
    for i in range(n):
        (folder / f"real{i:05d}.txt").write_bytes(texts[i % len(texts)])


def run_cli(inputs: Path, out: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (the process and its workers), peak RSS (kB) and exit code of one
    ``llm-extract extract`` process."""
    exe = Path(sys.executable).with_name("llm-extract")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "llm_extract.cli"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd + ["extract", str(inputs), "--out", str(out), "--llm", "never"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--target", type=float, default=500.0)
    ap.add_argument("--corpus", choices=("generated", "crowded", "real"), default="generated",
                    help="generated reports (text and HTML pages) of 500 bodies over four years; the same "
                         "crowded into 32 agency-years; or copies of the bundled real report texts")
    ap.add_argument("--inputs", type=Path, default=None,
                    help="a folder of your own documents, timed as it is (instead of --corpus and --docs)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary inputs and outputs")
    args = ap.parse_args()
    if args.inputs is not None and not args.inputs.is_dir():
        ap.error(f"--inputs {args.inputs}: not a folder")
    tmp = Path(tempfile.mkdtemp(prefix="llm-extract-bench-"))
    try:
        if args.inputs is not None:
            inputs, corpus = args.inputs, str(args.inputs)
        else:
            inputs, corpus = tmp / "in", args.corpus
            inputs.mkdir()
            if args.corpus == "real":
                write_real_corpus(inputs, args.docs)
            else:
                write_corpus(inputs, args.docs, args.seed, crowded=args.corpus == "crowded")
        seconds, cpu, rss_kb, code = run_cli(inputs, tmp / "out")
        summary = read_json(tmp / "out" / "summary.json")
        rerun, rerun_cpu, _, _ = run_cli(inputs, tmp / "out")   # every document resumed
        docs = summary["documents"]
        rate = docs / seconds
        # on a shared machine the wall clock says little: CPU seconds (all processes) say what it costs
        print(f"corpus: {corpus}  documents: {docs}  whole process: {seconds:.2f} s (cpu {cpu:.2f} s, "
              f"{docs / cpu:.0f} documents per cpu-second)  documents/s: {rate:.0f}  "
              f"peak RSS: {rss_kb / 1024:.0f} MB  exit: {code}  ok: {summary['ok']}  failed: {summary['failed']}  "
              f"resumed rerun: {rerun:.2f} s (cpu {rerun_cpu:.2f} s)  cores: {os.cpu_count()}  "
              f"target: >= {args.target:.0f}/s {'met' if rate >= args.target else 'NOT met'}")
        if args.keep:
            print(f"kept in {tmp}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
